using BenchmarkDotNet.Attributes;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using OS2Hub.Web.Data;
using OS2Hub.Web.Data.Entities;
using OS2Hub.Web.Features.Products;

namespace OS2Hub.Benchmarks;

/// <summary>
/// The whole catalogue query (search + filters + facet counts + one page) on the app's generated catalogue at 1,000
/// and 10,000 products (about 15 participations each), in a SQLite file as the app uses it. The query runs over the
/// in-memory snapshot; "Ny snapshot" measures the rebuild a change to the catalogue costs the next query.
/// </summary>
[MemoryDiagnoser]
public class CatalogQueryBenchmarks
{
    private string _path = "";
    private BenchmarkCatalogue.Factory _factory = null!;
    private ProductCatalogService _service = null!;

    [Params(1_000, 10_000)]
    public int Products { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _path = Path.Combine(Path.GetTempPath(), $"os2hub-bench-{Guid.NewGuid():N}.db");
        _factory = new BenchmarkCatalogue.Factory($"Data Source={_path}");
        _service = new ProductCatalogService(_factory, TimeProvider.System);
        BenchmarkCatalogue.GenerateScaledAsync(_factory, Products).GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _service.Dispose();
        SqliteConnection.ClearAllPools();
        File.Delete(_path);
    }

    [Benchmark(Baseline = true, Description = "Ingen søgning, side 1")]
    public Task<CatalogResult> Browse() => _service.SearchAsync(new CatalogQuery());

    [Benchmark(Description = "Søgning 'rolle'")]
    public Task<CatalogResult> Search() => _service.SearchAsync(new CatalogQuery { Text = "rolle" });

    [Benchmark(Description = "Søgning 2 ord + 3 filtre + sortering")]
    public Task<CatalogResult> SearchAndFilter() => _service.SearchAsync(new CatalogQuery
    {
        Text = "borger data",
        Maturities = [MaturityLevel.Level1, MaturityLevel.Level2],
        Regions = ["1082"],
        Licences = ["MPL-2.0", CatalogQuery.Unknown],
        Sort = CatalogSort.Members,
        Page = 2,
    });

    [Benchmark(Description = "Kort søgning 'mo' + kommunefilter")]
    public Task<CatalogResult> ShortSearchAndMunicipality() => _service.SearchAsync(new CatalogQuery { Text = "mo", Municipalities = ["0751", "0101"] });

    [Benchmark(Description = "Ny snapshot efter en ændring")]
    public async Task<CatalogResult> AfterAChange()
    {
        await using (var db = _factory.CreateDbContext())
        {
            await db.Categories.Where(c => c.Slug == "kategori-1").ExecuteUpdateAsync(s => s.SetProperty(c => c.Name, "Kategori 1"));
        }

        return await _service.SearchAsync(new CatalogQuery());
    }
}
