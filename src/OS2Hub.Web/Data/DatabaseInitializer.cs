using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OS2Hub.Web.Data.Seeding;

namespace OS2Hub.Web.Data;

public static class DatabaseInitializer
{
    /// <summary>Applies migrations, turns on WAL, loads reference data, and loads or removes demo data.</summary>
    public static async Task InitializeDatabaseAsync(this IServiceProvider services, CancellationToken ct = default)
    {
        using var scope = services.CreateScope();
        var provider = scope.ServiceProvider;
        var options = provider.GetRequiredService<IOptions<OS2HubOptions>>().Value;
        var factory = provider.GetRequiredService<IDbContextFactory<OS2HubDbContext>>();
        await using (var db = await factory.CreateDbContextAsync(ct))
        {
            await db.Database.MigrateAsync(ct);
            if (db.Database.IsSqlite())
            {
                // WAL lets readers (every open circuit) continue while the one writer commits.
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
            }
        }

        await provider.GetRequiredService<ReferenceDataLoader>().LoadAsync(ct);
        var demo = provider.GetRequiredService<DemoDataLoader>();
        if (options.DemoData)
        {
            await demo.LoadAsync(ct);
        }
        else
        {
            await demo.RemoveAsync(ct);
        }
    }
}
