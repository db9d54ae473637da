using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Options;
using OS2Hub.Web.Data;
using OS2Hub.Web.Features.Account;
using OS2Hub.Web.Features.Localization;
using OS2Hub.Web.Features.Products;

namespace OS2Hub.Web.Features.Setup;

/// <summary>
/// Prepares the database before the server takes requests: applies migrations, turns on WAL, loads reference data,
/// and loads or removes demo data. It runs in StartingAsync, which the host awaits before any server starts.
/// </summary>
public sealed class DatabaseInitializer(IServiceScopeFactory scopes) : IHostedLifecycleService
{
    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var provider = scope.ServiceProvider;
        var options = provider.GetRequiredService<IOptions<OS2HubOptions>>().Value;
        var factory = provider.GetRequiredService<IDbContextFactory<OS2HubDbContext>>();
        var database = provider.GetRequiredService<HubDatabase>();
        await using var startup = await StartupLock.AcquireAsync(database, provider.GetRequiredService<TimeProvider>(), cancellationToken);
        await using (var db = await factory.CreateDbContextAsync(cancellationToken))
        {
            await MigrateAsync(db, cancellationToken);
            if (db.Database.IsSqlite())
            {
                // WAL lets readers (every open circuit) go on while the one writer commits.
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
            }

            await CatalogSearch.RefreshStaleAsync(db, cancellationToken);
        }

        await provider.GetRequiredService<ReferenceDataLoader>().LoadAsync(cancellationToken);
        var demo = provider.GetRequiredService<DemoDataLoader>();
        var accounts = provider.GetRequiredService<AccountSeeder>();
        if (options.DemoData)
        {
            // Accounts first: a product whose demo account holds the produktkoordinator grant gets no invented one.
            await accounts.EnsureDemoAccountsAsync(cancellationToken);
            await demo.LoadAsync(cancellationToken);
            await provider.GetRequiredService<GeneratedCatalogue>().EnsureAsync(options.GeneratedProducts, cancellationToken);
        }
        else
        {
            await provider.GetRequiredService<GeneratedCatalogue>().EnsureAsync(0, cancellationToken);
            await demo.RemoveAsync(cancellationToken);
            await accounts.RemoveDemoAccountsAsync(cancellationToken);
        }

        await accounts.EnsureFirstSecretariatAsync(options.FirstSecretariatEmail, options.FirstSecretariatPassword, options.LocalSignIn, cancellationToken);
    }

    /// <summary>
    /// Applies the migrations, but first refuses a database whose history names migrations this build does not have:
    /// the ones squashed into the initial migration before the first release. Upgrading such a file is not supported.
    /// </summary>
    public static async Task MigrateAsync(OS2HubDbContext db, CancellationToken ct)
    {
        var known = db.Database.GetMigrations().ToHashSet(StringComparer.Ordinal);
        // A new database has no history table yet; asking it for applied migrations would log a failed query.
        var hasHistory = await db.GetService<IHistoryRepository>().ExistsAsync(ct);
        if (hasHistory && (await db.Database.GetAppliedMigrationsAsync(ct)).Any(id => !known.Contains(id)))
        {
            throw new SetupException(Texts.Get("Setup_Error_OldMigrationHistory"));
        }

        await db.Database.MigrateAsync(ct);
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
