using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using OS2Hub.Web.Data;
using OS2Hub.Web.Data.Seeding;

namespace OS2Hub.Web.Tests.Infrastructure;

/// <summary>
/// A real SQLite database in memory, built by the app's own migrations. The connection stays open for the
/// test's lifetime (closing it would drop the database); every context the factory makes shares it.
/// </summary>
public sealed class SqliteTestDatabase : IDbContextFactory<OS2HubDbContext>, IDisposable
{
    private readonly SqliteConnection _connection = new("DataSource=:memory:");
    private readonly DbContextOptions<OS2HubDbContext> _options;

    public SqliteTestDatabase()
    {
        _connection.Open();
        _options = new DbContextOptionsBuilder<OS2HubDbContext>().UseSqlite(_connection).Options;
        using var db = CreateDbContext();
        db.Database.Migrate();
    }

    public OS2HubDbContext CreateDbContext() => new(_options);

    public Task<OS2HubDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default) => Task.FromResult(CreateDbContext());

    public Task LoadReferenceDataAsync() =>
        new ReferenceDataLoader(this, NullLogger<ReferenceDataLoader>.Instance).LoadAsync(TestContext.Current.CancellationToken);

    public Task LoadDemoDataAsync() =>
        new DemoDataLoader(this, NullLogger<DemoDataLoader>.Instance).LoadAsync(TestContext.Current.CancellationToken);

    public void Dispose() => _connection.Dispose();
}
