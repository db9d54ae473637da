using BenchmarkDotNet.Attributes;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using OS2Hub.Web.Data;
using OS2Hub.Web.Data.Entities;
using OS2Hub.Web.Features.Products;

namespace OS2Hub.Benchmarks;

/// <summary>
/// The whole catalogue query (search + filters + facet counts + one page) on a generated catalogue of 5,000 products
/// with 98 municipalities, 40 suppliers and about 150,000 participations, in a SQLite file as the app uses it.
/// </summary>
[MemoryDiagnoser]
public class CatalogQueryBenchmarks
{
    private string _path = "";
    private BenchmarkCatalogue.Factory _factory = null!;
    private ProductCatalogService _service = null!;

    [GlobalSetup]
    public void Setup()
    {
        _path = Path.Combine(Path.GetTempPath(), $"os2hub-bench-{Guid.NewGuid():N}.db");
        _factory = new BenchmarkCatalogue.Factory($"Data Source={_path}");
        _service = new ProductCatalogService(_factory, TimeProvider.System);
        BenchmarkCatalogue.GenerateAsync(_factory).GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
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
        Text = "platform kommune",
        Maturities = [MaturityLevel.Level1, MaturityLevel.Level2],
        Regions = ["1082"],
        Licences = ["MPL-2.0", CatalogQuery.Unknown],
        Sort = CatalogSort.Members,
        Page = 2,
    });

    [Benchmark(Description = "Kort søgning 'mo' + kommunefilter")]
    public Task<CatalogResult> ShortSearchAndMunicipality() => _service.SearchAsync(new CatalogQuery { Text = "mo", Municipalities = ["0751", "0101"] });
}
