using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using OS2Hub.Web.Data.Entities;
using OS2Hub.Web.Features;
using OS2Hub.Web.Features.Economy;

namespace OS2Hub.Benchmarks;

/// <summary>
/// The shared economy on the generated catalogue: every one of the 5,000 products has a fee sheet, every municipality
/// two dated population figures. The measured authority co-owns the most products (about 1,500: far more than any
/// real authority), the measured product has the most members.
/// </summary>
[MemoryDiagnoser]
public class EconomyBenchmarks
{
    private string _path = "";
    private EconomyService _economy = null!;
    private PopulationImport _import = null!;
    private string _product = "";
    private string _authority = "";
    private string _outsider = "";
    private byte[] _folk1a = [];

    [GlobalSetup]
    public void Setup()
    {
        _path = Path.Combine(Path.GetTempPath(), $"os2hub-bench-{Guid.NewGuid():N}.db");
        var factory = new BenchmarkCatalogue.Factory($"Data Source={_path}");
        BenchmarkCatalogue.GenerateAsync(factory).GetAwaiter().GetResult();
        AddEconomyAsync(factory).GetAwaiter().GetResult();
        _economy = new EconomyService(factory, TimeProvider.System);
        _import = new PopulationImport(factory, TimeProvider.System);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        SqliteConnection.ClearAllPools();
        File.Delete(_path);
    }

    [Benchmark(Description = "Takstblad for et produkt med flest medlemmer")]
    public Task<ProductEconomy?> FeeSheet() => _economy.ProductAsync(_product);

    [Benchmark(Description = "Hvad koster det for os? (før og efter for alle medlemmer)")]
    public Task<QuoteResult> Quote() => _economy.QuoteAsync(_product, _outsider);

    [Benchmark(Description = "Myndighedens årlige total over ~1.500 produkter")]
    public Task<AuthorityEconomy?> AuthorityTotal() => _economy.AuthorityAsync(_authority);

    [Benchmark(Description = "Takstblad som Excel")]
    public async Task<byte[]> FeeSheetExcel()
    {
        var economy = (await _economy.ProductAsync(_product))!;
        return FeeSheetExport.ToXlsx(economy.Name, economy.View!, DateOnly.FromDateTime(DateTime.Today));
    }

    [Benchmark(Description = "FOLK1A-fil med 98 kommuner × 8 kvartaler: forhåndsvisning")]
    public Task<Read<PopulationPreview>> PopulationPreview() => _import.PreviewAsync("sekretariat", new MemoryStream(_folk1a));

    private async Task AddEconomyAsync(BenchmarkCatalogue.Factory factory)
    {
        await using var db = factory.CreateDbContext();
        var random = new Random(7);
        var municipalities = await db.Organisations.Where(o => o.Kind == OrganisationKind.Municipality).ToListAsync();
        foreach (var m in municipalities)
        {
            var population = random.Next(2_000, 400_000);
            db.PopulationFigures.AddRange(
                new PopulationFigure { OrganisationId = m.Id, AsOf = new DateOnly(DateTime.Today.Year - 2, 1, 1), Population = population },
                new PopulationFigure { OrganisationId = m.Id, AsOf = new DateOnly(DateTime.Today.Year - 1, 1, 1), Population = population + 500 });
        }

        db.EconomyYears.Add(new EconomyYear { BudgetYear = DateTime.Today.Year, WeightSmall = 1, WeightMedium = 1.5m, WeightLarge = 2, WeightVeryLarge = 3, SecretariatPercent = 5, Version = 1 });
        foreach (var id in await db.Products.Select(p => p.Id).ToListAsync())
        {
            db.FeeSheets.Add(new FeeSheet { ProductId = id, BudgetYear = DateTime.Today.Year, AnnualAmount = random.Next(50, 2_000) * 1_000L, JoiningFee = 25_000, UpdatedAt = DateTime.UtcNow, Version = 1 });
        }

        var user = new AppUser { Id = "sekretariat", UserName = "sekretariat", Email = "sekretariat@example.dk", DisplayName = "Sekretariat" };
        user.Grants.Add(new Grant { UserId = user.Id, Role = GrantRole.Secretariat });
        db.Users.Add(user);
        await db.SaveChangesAsync();

        var members = await db.Participations.Where(x => x.Kind == ParticipationKind.Member).Select(x => new { x.ProductId, x.OrganisationId }).ToListAsync();
        var productId = members.GroupBy(m => m.ProductId).MaxBy(g => g.Count())!.Key;
        var authorityId = members.GroupBy(m => m.OrganisationId).MaxBy(g => g.Count())!.Key;
        var inside = members.Where(m => m.ProductId == productId).Select(m => m.OrganisationId).ToHashSet();
        _product = await db.Products.Where(p => p.Id == productId).Select(p => p.Slug).SingleAsync();
        _authority = await db.Organisations.Where(o => o.Id == authorityId).Select(o => o.Slug).SingleAsync();
        _outsider = municipalities.First(m => !inside.Contains(m.Id)).Slug;

        var csv = new StringBuilder("\"OMRÅDE\";\"TID\";\"INDHOLD\"\n\"000 Hele landet\";\"2026K1\";6001008\n");
        foreach (var m in municipalities)
        {
            for (var quarter = 0; quarter < 8; quarter++)
            {
                csv.Append(CultureInfo.InvariantCulture, $"\"{int.Parse(m.Code!, CultureInfo.InvariantCulture)} {m.Name}\";\"{2025 + quarter / 4}K{quarter % 4 + 1}\";{random.Next(2_000, 400_000)}\n");
            }
        }

        _folk1a = Encoding.UTF8.GetBytes(csv.ToString());
    }
}
