using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using OS2Hub.Web.Data;
using OS2Hub.Web.Features.Setup;

namespace OS2Hub.Web.Tests.Infrastructure;

/// <summary>
/// A real database for one test, built by the app's own migrations: SQLite by default, PostgreSQL when
/// <see cref="PostgreSqlTestServer.Variable"/> names a server. The same tests run on both, so what passes on the
/// embedded default is known to pass in production.
/// </summary>
public abstract class TestDatabase : IDbContextFactory<OS2HubDbContext>, IDisposable
{
    /// <param name="onDisk">
    /// On SQLite, a temp file instead of memory, for tests that run operations in parallel: each context then has its
    /// own connection, as in the app. PostgreSQL always gives each context its own connection.
    /// </param>
    public static TestDatabase Create(bool onDisk = false) =>
        PostgreSqlTestServer.IsConfigured ? new PostgreSqlTestDatabase() : new SqliteTestDatabase(onDisk);

    public abstract DatabaseProvider Provider { get; }

    public abstract OS2HubDbContext CreateDbContext();

    public Task<OS2HubDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default) => Task.FromResult(CreateDbContext());

    public Task LoadReferenceDataAsync() =>
        new ReferenceDataLoader(this, NullLogger<ReferenceDataLoader>.Instance).LoadAsync(TestContext.Current.CancellationToken);

    public Task LoadDemoDataAsync() =>
        new DemoDataLoader(this, NullLogger<DemoDataLoader>.Instance).LoadAsync(TestContext.Current.CancellationToken);

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected abstract void Dispose(bool disposing);
}

/// <summary>A PostgreSQL database cloned from the run's migrated template and dropped after the test.</summary>
public sealed class PostgreSqlTestDatabase : TestDatabase
{
    private readonly string _name = PostgreSqlTestServer.CloneTemplate();
    private readonly DbContextOptions<OS2HubDbContext> _options;

    public PostgreSqlTestDatabase() =>
        _options = new DbContextOptionsBuilder<OS2HubDbContext>().UseNpgsql(PostgreSqlTestServer.ConnectionStringFor(_name)).Options;

    public override DatabaseProvider Provider => DatabaseProvider.PostgreSql;

    public override OS2HubDbContext CreateDbContext() => new PostgreSqlHubDbContext(_options);

    protected override void Dispose(bool disposing) => PostgreSqlTestServer.Drop(_name);
}
