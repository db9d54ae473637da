using Microsoft.EntityFrameworkCore;
using OS2Hub.Web.Data;
using OS2Hub.Web.Data.Entities;
using OS2Hub.Web.Features.Products;

namespace OS2Hub.Benchmarks;

/// <summary>
/// A generated catalogue of 5,000 products with 98 municipalities, 40 suppliers and about 150,000 participations,
/// migrated into a SQLite file as the app uses it. Seeded, so every run measures the same data.
/// </summary>
internal static class BenchmarkCatalogue
{
    public const int ProductCount = 5_000;

    /// <summary>
    /// The app's own generated catalogue (<c>OS2Hub:GeneratedProducts</c>) of <paramref name="products"/> products over
    /// these 98 municipalities, 5 regions and 25 categories: what the catalogue query is measured on at each size.
    /// </summary>
    public static async Task GenerateScaledAsync(IDbContextFactory<OS2HubDbContext> factory, int products)
    {
        await using (var db = factory.CreateDbContext())
        {
            await db.Database.MigrateAsync();
            var (regions, municipalities, categories) = Directory();
            db.Organisations.AddRange([.. regions, .. municipalities]);
            db.Categories.AddRange(categories);
            await db.SaveChangesAsync();
            if (db.Database.IsSqlite())
            {
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
            }
        }

        await new OS2Hub.Web.Features.Setup.GeneratedCatalogue(factory, Microsoft.Extensions.Logging.Abstractions.NullLogger<OS2Hub.Web.Features.Setup.GeneratedCatalogue>.Instance)
            .EnsureAsync(products);
    }

    private static (List<Organisation> Regions, List<Organisation> Municipalities, List<Category> Categories) Directory()
    {
        var regions = Enumerable.Range(1081, 5).Select(c => new Organisation
        {
            Name = $"Region {c}", Slug = $"region-{c}", Kind = OrganisationKind.Region, Code = c.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }).ToList();
        var municipalities = Enumerable.Range(1, 98).Select(i => new Organisation
        {
            Name = $"Kommune {i}", Slug = $"kommune-{i}", Kind = OrganisationKind.Municipality, Code = (200 + (i * 7)).ToString("0000", System.Globalization.CultureInfo.InvariantCulture),
            Region = regions[i % 5],
        }).ToList();
        municipalities[0].Code = "0751";
        municipalities[1].Code = "0101";
        return (regions, municipalities, Enumerable.Range(1, 25).Select(i => new Category { Name = $"Kategori {i}", Slug = $"kategori-{i}" }).ToList());
    }

    public static async Task GenerateAsync(IDbContextFactory<OS2HubDbContext> factory)
    {
        await using var db = factory.CreateDbContext();
        await db.Database.MigrateAsync();
        var random = new Random(42);
        var (regions, municipalities, categories) = Directory();
        var suppliers = Enumerable.Range(1, 40).Select(i => new Organisation { Name = $"Leverandør {i} ApS", Slug = $"leverandoer-{i}", Kind = OrganisationKind.Company }).ToList();
        string[] words = ["rollekatalog", "platform", "organisation", "kommune", "borger", "data", "integration", "sikkerhed", "løsning", "modul", "Århus", "økonomi"];
        string[] licences = ["MPL-2.0", "EUPL-1.2", "GPL-3.0", "MIT"];
        db.Organisations.AddRange([.. regions, .. municipalities, .. suppliers]);
        db.Categories.AddRange(categories);

        for (var i = 0; i < ProductCount; i++)
        {
            var description = string.Join(' ', Enumerable.Range(0, 40).Select(_ => words[random.Next(words.Length)]));
            var product = new Product
            {
                Name = $"OS2{words[random.Next(words.Length)]}{i}",
                Slug = $"produkt-{i}",
                Summary = description[..80],
                Description = description,
                Category = categories[random.Next(categories.Count)],
                Maturity = (MaturityLevel)random.Next(6),
                Lifecycle = (LifecycleState)random.Next(5),
                Licence = random.Next(5) == 0 ? null : licences[random.Next(licences.Length)],
                UpdatedAt = DateTime.UtcNow.AddDays(-random.Next(1000)),
            };
            foreach (var member in municipalities.OrderBy(_ => random.Next()).Take(random.Next(0, 60)))
            {
                product.Participations.Add(new Participation { Organisation = member, Kind = ParticipationKind.Member, StartDate = new DateOnly(2020, 1, 1) });
            }

            foreach (var supplier in suppliers.OrderBy(_ => random.Next()).Take(random.Next(1, 4)))
            {
                product.Participations.Add(new Participation { Organisation = supplier, Kind = ParticipationKind.Supplier, Role = (SupplierRole)random.Next(1, 6) });
            }

            db.Products.Add(product);
        }

        await db.SaveChangesAsync();
        await CatalogSearch.RefreshAsync(db, await db.Products.Select(p => p.Id).ToListAsync());
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
    }

    public sealed class Factory(string connectionString) : IDbContextFactory<OS2HubDbContext>
    {
        private readonly DbContextOptions<OS2HubDbContext> _options = new DbContextOptionsBuilder<OS2HubDbContext>().UseSqlite(connectionString).Options;

        public OS2HubDbContext CreateDbContext() => new(_options);
    }
}
