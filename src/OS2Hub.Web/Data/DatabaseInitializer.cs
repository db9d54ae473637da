using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OS2Hub.Web.Data.Seeding;

namespace OS2Hub.Web.Data;

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
        await using (var db = await factory.CreateDbContextAsync(cancellationToken))
        {
            await db.Database.MigrateAsync(cancellationToken);
            if (db.Database.IsSqlite())
            {
                // WAL lets readers (every open circuit) go on while the one writer commits.
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
            }

            await OS2Hub.Web.Features.Products.CatalogSearch.RefreshStaleAsync(db, cancellationToken);
        }

        await provider.GetRequiredService<ReferenceDataLoader>().LoadAsync(cancellationToken);
        var demo = provider.GetRequiredService<DemoDataLoader>();
        var accounts = provider.GetRequiredService<OS2Hub.Web.Features.Account.AccountSeeder>();
        if (options.DemoData)
        {
            await demo.LoadAsync(cancellationToken);
            await accounts.EnsureDemoAccountsAsync(cancellationToken);
        }
        else
        {
            await demo.RemoveAsync(cancellationToken);
            await accounts.RemoveDemoAccountsAsync(cancellationToken);
        }

        await accounts.EnsureFirstSecretariatAsync(options.FirstSecretariatEmail, options.FirstSecretariatPassword, cancellationToken);
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
