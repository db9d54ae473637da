using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using OS2Hub.Web.Data;
using OS2Hub.Web.Features.Setup;

namespace OS2Hub.Web.Tests.Infrastructure;

/// <summary>
/// A real SQLite database in memory, built by the app's own migrations. The connection stays open for the
/// test's lifetime (closing it would drop the database); every context the factory makes shares it.
/// </summary>
public sealed class SqliteTestDatabase : IDbContextFactory<OS2HubDbContext>, IDisposable
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

    public DbContextOptions<OS2HubDbContext> Options => _options;

    public OS2HubDbContext CreateDbContext() => new(_options);

    public Task<OS2HubDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default) => Task.FromResult(CreateDbContext());

    public Task LoadReferenceDataAsync() =>
        new ReferenceDataLoader(this, NullLogger<ReferenceDataLoader>.Instance).LoadAsync(TestContext.Current.CancellationToken);

    public Task LoadDemoDataAsync() =>
        new DemoDataLoader(this, NullLogger<DemoDataLoader>.Instance).LoadAsync(TestContext.Current.CancellationToken);

    public void Dispose()
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
