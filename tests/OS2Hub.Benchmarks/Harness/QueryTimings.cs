using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using OS2Hub.Web.Data;
using OS2Hub.Web.Data.Entities;
using OS2Hub.Web.Features.Products;

namespace OS2Hub.Benchmarks.Harness;

/// <summary>
/// The catalogue query as the app runs it (<see cref="ProductCatalogService"/>: a stamp read in the database, then the
/// in-memory snapshot) beside <see cref="SqlFloor"/> on the same database, on the app's generated catalogue.
/// </summary>
internal static class QueryTimings
{
    public sealed record Row(string Database, int Products, string Case, Percentiles App, Percentiles? Floor, int Total);

    /// <summary>The two cases the table shows: everything with all facets, and a narrow search with filters, a sort and page 2.</summary>
    public static readonly (string Name, CatalogQuery Query)[] Cases =
    [
        ("Alle produkter, alle facetter, side 1", new CatalogQuery()),
        ("2 ord + 3 filtre + sortering, side 2", new CatalogQuery
        {
            Text = "borger data",
            Maturities = [MaturityLevel.Level1, MaturityLevel.Level2, MaturityLevel.Level3],
            Regions = ["1082", "1084"],
            Licences = ["MPL-2.0", "EUPL-1.2", CatalogQuery.Unknown],
            Sort = CatalogSort.Members,
            Page = 2,
        }),
    ];

    public static async Task<List<Row>> MeasureAsync(string database, int products, string? postgres, TextWriter log)
    {
        await using var store = await Store.CreateAsync(postgres, products);
        log.WriteLine($"  {database}, {products:N0} products: generating");
        var generating = System.Diagnostics.Stopwatch.StartNew();
        await BenchmarkCatalogue.GenerateScaledAsync(store.Factory, products);
        log.WriteLine($"  generated in {generating.Elapsed.TotalSeconds:N0} s");
        // PostgreSQL's statistics, as autovacuum gathers them on a database that has run a while: without them it plans
        // the SQL floor's joins for empty tables. SQLite gathers none by itself, so it is measured without (with them
        // it chose plans ten times slower). The app's own query does not depend on either.
        if (postgres is not null)
        {
            await using var db = await store.Factory.CreateDbContextAsync();
            db.Database.SetCommandTimeout(TimeSpan.FromMinutes(10));
            await db.Database.ExecuteSqlRawAsync("ANALYZE");
        }


        using var service = new ProductCatalogService(store.Factory, TimeProvider.System);
        var day = (await service.SnapshotAsync()).Day;
        var budget = TimeSpan.FromSeconds(products >= 20_000 ? 6 : 3);
        var rows = new List<Row>();
        foreach (var (name, query) in Cases)
        {
            var answer = await service.SearchAsync(query);
            var floorAnswer = await store.FloorAsync(query, day);
            if (answer.Total != floorAnswer.Total || !answer.Items.Select(i => i.Id).SequenceEqual(floorAnswer.Page))
            {
                throw new InvalidOperationException($"The SQL floor and the app disagree on '{name}': {floorAnswer.Total} against {answer.Total} products, or another page.");
            }

            var app = await Percentiles.TimeAsync(() => service.SearchAsync(query), budget);
            var floor = await Percentiles.TimeAsync(() => store.FloorAsync(query, day), budget);
            rows.Add(new Row(database, products, name, app, floor, answer.Total));
            log.WriteLine($"  {name}: app p95 {app.P95:N2} ms, SQL p95 {floor.P95:N2} ms");
        }

        // A change anywhere in the catalogue raises the stamp; the next query builds a new snapshot.
        var rebuild = await Percentiles.TimeAsync(async () =>
        {
            await using (var db = await store.Factory.CreateDbContextAsync())
            {
                await db.Categories.Where(c => c.Slug == "kategori-1").ExecuteUpdateAsync(s => s.SetProperty(c => c.Name, c => c.Name + ""));
            }

            await service.SearchAsync(new CatalogQuery());
        }, budget, least: 3, most: 20);
        rows.Add(new Row(database, products, "Første forespørgsel efter en ændring (nyt øjebliksbillede)", rebuild, null, 0));
        log.WriteLine($"  rebuild: p50 {rebuild.P50:N0} ms");
        return rows;
    }

    /// <summary>A fresh database of the provider's kind, with its migrations applied by the generator, removed afterwards.</summary>
    private sealed class Store : IAsyncDisposable
    {
        private readonly string? _path;
        private readonly string? _postgresAdmin;
        private readonly string _database = "";
        private readonly string _connectionString;

        private Store(string connectionString, IDbContextFactory<OS2HubDbContext> factory, string? path, string? postgresAdmin, string database)
        {
            (_connectionString, Factory, _path, _postgresAdmin, _database) = (connectionString, factory, path, postgresAdmin, database);
        }

        public IDbContextFactory<OS2HubDbContext> Factory { get; }

        public static async Task<Store> CreateAsync(string? postgres, int products)
        {
            if (postgres is null)
            {
                var path = Path.Combine(Path.GetTempPath(), $"os2hub-harness-{products}-{Guid.NewGuid():N}.db");
                var connectionString = $"Data Source={path}";
                return new Store(connectionString, new BenchmarkCatalogue.Factory(connectionString), path, null, "");
            }

            var database = $"os2hub_harness_{products}_{Guid.NewGuid():N}"[..40];
            var admin = new NpgsqlConnectionStringBuilder(postgres) { Database = "postgres", Pooling = false }.ConnectionString;
            await ExecuteAsync(admin, $"""CREATE DATABASE "{database}" """);
            var pg = new NpgsqlConnectionStringBuilder(postgres) { Database = database }.ConnectionString;
            return new Store(pg, new PostgreSqlFactory(pg), null, admin, database);
        }

        public async Task<SqlFloor.Answer> FloorAsync(CatalogQuery query, DateOnly day)
        {
            await using DbConnection connection = _path is null ? new NpgsqlConnection(_connectionString) : new SqliteConnection(_connectionString);
            await connection.OpenAsync();
            return await SqlFloor.RunAsync(connection, query, day);
        }

        public async ValueTask DisposeAsync()
        {
            if (_path is not null)
            {
                SqliteConnection.ClearAllPools();
                foreach (var file in new[] { _path, _path + "-wal", _path + "-shm" }.Where(File.Exists))
                {
                    File.Delete(file);
                }
            }
            else
            {
                NpgsqlConnection.ClearAllPools();
                await ExecuteAsync(_postgresAdmin!, $"""DROP DATABASE IF EXISTS "{_database}" WITH (FORCE)""");
            }
        }

        private static async Task ExecuteAsync(string connectionString, string sql)
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(sql, connection);
            await command.ExecuteNonQueryAsync();
        }
    }

    private sealed class PostgreSqlFactory(string connectionString) : IDbContextFactory<OS2HubDbContext>
    {
        private readonly DbContextOptions<OS2HubDbContext> _options = new DbContextOptionsBuilder<OS2HubDbContext>().UseNpgsql(connectionString).Options;

        public OS2HubDbContext CreateDbContext() => new PostgreSqlHubDbContext(_options);
    }
}
