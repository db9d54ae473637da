using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using OS2Hub.Web.Data;

namespace OS2Hub.Web.Tests.Infrastructure;

/// <summary>
/// A real SQLite database in memory, built by the app's own migrations. The connection stays open for the
/// test's lifetime (closing it would drop the database); every context the factory makes shares it. Tests of what is
/// SQLite's own (its migrations, its backup) use it directly; the rest use <see cref="TestDatabase.Create"/>.
/// </summary>
public sealed class SqliteTestDatabase : TestDatabase
{
    private readonly SqliteConnection _connection;
    private readonly DbContextOptions<OS2HubDbContext> _options;
    private readonly string? _file;

    /// <param name="onDisk">
    /// A temp file instead of memory, for tests that run operations in parallel: each context then has its own
    /// connection, as in the app, where a shared in-memory connection would not be thread-safe.
    /// </param>
    public SqliteTestDatabase(bool onDisk = false)
    {
        _file = onDisk ? Path.Combine(Path.GetTempPath(), $"os2hub-test-{Guid.NewGuid():N}.db") : null;
        var connectionString = _file is null ? "DataSource=:memory:" : $"DataSource={_file}";
        _connection = new SqliteConnection(connectionString);
        _connection.Open();
        _options = _file is null
            ? new DbContextOptionsBuilder<OS2HubDbContext>().UseSqlite(_connection).Options
            : new DbContextOptionsBuilder<OS2HubDbContext>().UseSqlite(connectionString).Options;
        using var db = CreateDbContext();
        db.Database.Migrate();
        if (_file is not null)
        {
            db.Database.ExecuteSqlRaw("PRAGMA journal_mode=WAL;");
        }
    }

    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    public override OS2HubDbContext CreateDbContext() => new(_options);

    protected override void Dispose(bool disposing)
    {
        _connection.Dispose();
        if (_file is not null)
        {
            SqliteConnection.ClearAllPools();
            foreach (var f in new[] { _file, _file + "-wal", _file + "-shm" }.Where(File.Exists))
            {
                File.Delete(f);
            }
        }
    }
}
