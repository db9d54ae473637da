using Microsoft.EntityFrameworkCore;
using OS2Hub.Web.Data;
using OS2Hub.Web.Features.Setup;
using OS2Hub.Web.Tests.Infrastructure;

namespace OS2Hub.Web.Tests.Data;

public sealed class MigrationTests : IDisposable
{
    private readonly TestDatabase _db = TestDatabase.Create();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void EachProvidersMigrationsStartFromOneInitialMigrationAndItsModelMatchesThem()
    {
        // Neither check connects, so both providers' migrations are checked whichever database the run uses.
        using var sqlite = new OS2HubDbContext(new DbContextOptionsBuilder<OS2HubDbContext>().UseSqlite("Data Source=:memory:").Options);
        using var postgreSql = new PostgreSqlDesignTimeFactory().CreateDbContext([]);
        foreach (var db in new OS2HubDbContext[] { sqlite, postgreSql })
        {
            var migrations = db.Database.GetMigrations().ToList();
            Assert.EndsWith("_Initial", migrations[0], StringComparison.Ordinal);
            Assert.Single(migrations, m => m.EndsWith("_Initial", StringComparison.Ordinal));
            Assert.False(db.Database.HasPendingModelChanges(), db.GetType().Name);
        }

        Assert.DoesNotContain(postgreSql.Database.GetMigrations(), sqlite.Database.GetMigrations().Contains);
    }

    [Fact]
    public async Task ADatabaseWithTheOldMigrationHistoryIsRefusedWithOneDanishSentenceAndLeftAsItWas()
    {
        await using (var db = _db.CreateDbContext())
        {
            await db.Database.ExecuteSqlRawAsync(
                "INSERT INTO \"__EFMigrationsHistory\" (\"MigrationId\", \"ProductVersion\") VALUES ('20261127190421_InitialCreate', '10.0.0')", Ct);
        }

        await using var again = _db.CreateDbContext();
        var error = await Assert.ThrowsAsync<SetupException>(() => DatabaseInitializer.MigrateAsync(again, Ct));
        Assert.StartsWith("Databasen blev oprettet af en udviklingsudgave af OS2Hub", error.Message, StringComparison.Ordinal);
        Assert.Contains("OS2Hub:DatabasePath", error.Message, StringComparison.Ordinal);
        Assert.Equal(again.Database.GetMigrations().Count() + 1, (await again.Database.GetAppliedMigrationsAsync(Ct)).Count());
    }

    [Fact]
    public async Task ACurrentDatabaseMigratesAgainWithoutComplaint()
    {
        await using var db = _db.CreateDbContext();
        await DatabaseInitializer.MigrateAsync(db, Ct);
        Assert.Empty(await db.Database.GetPendingMigrationsAsync(Ct));
    }

    public void Dispose() => _db.Dispose();
}
