using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using OS2Hub.Web.Data;
using OS2Hub.Web.Data.Entities;
using OS2Hub.Web.Features.Operations;

namespace OS2Hub.Web.Tests.Features.Operations;

/// <summary>The backup command against a real SQLite file in WAL mode, with a writer still connected.</summary>
public sealed class BackupTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("os2hub-backup-").FullName;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ARunningDatabaseIsCopiedWholeAndAnExistingCopyIsNeverOverwritten()
    {
        var source = Path.Combine(_directory, "os2hub.db");
        var options = new DbContextOptionsBuilder<OS2HubDbContext>().UseSqlite($"Data Source={source}").Options;
        await using var writer = new OS2HubDbContext(options);
        await writer.Database.MigrateAsync(Ct);
        await writer.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", Ct);
        writer.Categories.AddRange(Enumerable.Range(1, 50).Select(i => new Category { Name = $"Kategori {i}", Slug = $"kategori-{i}" }));
        await writer.SaveChangesAsync(Ct); // still open, its pages partly in the WAL: as while the hub runs
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["OS2Hub:DatabasePath"] = source }).Build();
        var target = Path.Combine(_directory, "kopi.db");
        using var output = new StringWriter();

        var first = Backup.Run(["backup", target], configuration, _directory, output);
        var second = Backup.Run(["backup", target], configuration, _directory, output);

        Assert.Equal((0, 1), (first, second));
        Assert.Contains("Sikkerhedskopien er skrevet til", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("findes allerede", output.ToString(), StringComparison.Ordinal);
        using var copy = new SqliteConnection($"Data Source={target};Mode=ReadOnly;Pooling=False");
        copy.Open();
        using var check = copy.CreateCommand();
        check.CommandText = "PRAGMA integrity_check";
        Assert.Equal("ok", check.ExecuteScalar());
        check.CommandText = "SELECT COUNT(*) FROM Categories";
        Assert.Equal(50L, check.ExecuteScalar());
    }

    [Fact]
    public void WithoutADatabaseNothingIsWrittenAndTheCommandSaysWhy()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["OS2Hub:DatabasePath"] = "findes-ikke.db" }).Build();
        using var output = new StringWriter();

        var exit = Backup.Run(["backup", Path.Combine(_directory, "kopi.db")], configuration, _directory, output);

        Assert.Equal(1, exit);
        Assert.Contains("Der er ingen database", output.ToString(), StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_directory, "kopi.db")));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
