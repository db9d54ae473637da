using Microsoft.EntityFrameworkCore;
using OS2Hub.Web.Data;
using OS2Hub.Web.Data.Entities;
using OS2Hub.Web.Features.Products;

namespace OS2Hub.Web.Features.Setup;

/// <summary>
/// A catalogue of N generated products for looking at and measuring the hub at scale (<c>OS2Hub:GeneratedProducts</c>):
/// one supplier per five products, about twelve co-owners among the real municipalities and regions and three supplier
/// roles per product, some of them ended, so 10,000 products bring 2,000 suppliers and about 150,000 participations.
/// Everything is demo data. Seeded, so every start with the same N gives the same catalogue.
/// </summary>
public sealed class GeneratedCatalogue(IDbContextFactory<OS2HubDbContext> dbFactory, ILogger<GeneratedCatalogue> logger)
{
    private const string SlugPrefix = "genereret-";

    private static readonly string[] Words =
    [
        "rolle", "borger", "data", "integration", "sikkerhed", "sag", "journal", "skole", "dagtilbud", "ældre", "miljø", "trafik",
        "økonomi", "løn", "personale", "kort", "byggeri", "affald", "vand", "kultur", "bibliotek", "sundhed", "beskæftigelse", "ydelse",
    ];

    private static readonly string[] Licences = ["MPL-2.0", "EUPL-1.2", "GPL-3.0-or-later", "MIT", "AGPL-3.0-only"];

    /// <summary>Makes the generated catalogue exactly <paramref name="count"/> products: nothing to do when it already is.</summary>
    public async Task EnsureAsync(int count, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var existing = await db.Products.CountAsync(p => p.IsDemo, ct);
        if (existing == count)
        {
            return;
        }

        await RemoveAsync(db, ct);
        if (count <= 0)
        {
            return;
        }

        var started = System.Diagnostics.Stopwatch.StartNew();
        var random = new Random(count);
        var authorities = await db.Organisations.Where(o => o.Kind == OrganisationKind.Municipality || o.Kind == OrganisationKind.Region).Select(o => o.Id).ToArrayAsync(ct);
        var categories = await db.Categories.Select(c => c.Id).ToArrayAsync(ct);
        var now = DateTime.UtcNow;
        var suppliers = Enumerable.Range(1, Math.Max(1, count / 5)).Select(i => new Organisation
        {
            Name = $"Genereret Leverandør {i:00000} ApS", Slug = $"{SlugPrefix}leverandoer-{i:00000}", Kind = OrganisationKind.Company, IsDemo = true, UpdatedAt = now,
        }).ToList();
        db.Organisations.AddRange(suppliers);
        await db.SaveChangesAsync(ct);
        var supplierIds = suppliers.Select(s => s.Id).ToArray();

        // In batches, so memory stays flat however many products are asked for.
        for (var first = 0; first < count; first += 1000)
        {
            db.ChangeTracker.Clear();
            for (var i = first; i < Math.Min(count, first + 1000); i++)
            {
                var name = $"Genereret {Words[random.Next(Words.Length)]}{Words[random.Next(Words.Length)]} {i + 1:00000}";
                var description = string.Join(' ', Enumerable.Range(0, 30).Select(_ => Words[random.Next(Words.Length)]));
                var product = new Product
                {
                    Name = name, Slug = $"{SlugPrefix}{i + 1:00000}", Summary = $"Genereret produkt til måling af hubben: {description[..60]}.",
                    Description = description, DescriptionLanguage = "da", CategoryId = categories.Length == 0 || random.Next(10) == 0 ? null : categories[random.Next(categories.Length)],
                    Maturity = (MaturityLevel)random.Next(6), Lifecycle = (LifecycleState)random.Next(5),
                    Licence = random.Next(6) == 0 ? null : Licences[random.Next(Licences.Length)], IsDemo = true,
                    CreatedAt = now, UpdatedAt = now.AddDays(-random.Next(2000)),
                };
                foreach (var member in Pick(random, authorities, random.Next(0, 25)))
                {
                    var start = new DateOnly(2016 + random.Next(10), 1 + random.Next(12), 1);
                    product.Participations.Add(new Participation
                    {
                        OrganisationId = member, Kind = ParticipationKind.Member, StartDate = start, EndDate = random.Next(8) == 0 ? start.AddYears(2) : null, IsDemo = true, CreatedAt = now,
                    });
                }

                foreach (var supplier in Pick(random, supplierIds, random.Next(1, 6)))
                {
                    var start = new DateOnly(2016 + random.Next(10), 1, 1);
                    product.Participations.Add(new Participation
                    {
                        OrganisationId = supplier, Kind = ParticipationKind.Supplier, Role = (SupplierRole)random.Next(1, 6), StartDate = start,
                        EndDate = random.Next(4) == 0 ? start.AddYears(3) : null, IsDemo = true, CreatedAt = now,
                    });
                }

                db.Products.Add(product);
            }

            await db.SaveChangesAsync(ct);
            await CatalogSearch.RefreshAsync(db, [.. db.ChangeTracker.Entries<Product>().Select(e => e.Entity.Id)], ct);
        }

        logger.LogInformation("Generated catalogue: {Products} products, {Suppliers} suppliers in {Seconds:N0} s", count, suppliers.Count, started.Elapsed.TotalSeconds);
    }

    /// <summary>
    /// A few distinct values drawn at random: drawing until enough are distinct costs only the few drawn, where
    /// shuffling all 10,000 suppliers for each of 50,000 products cost time in proportion to both.
    /// </summary>
    private static List<int> Pick(Random random, int[] values, int count)
    {
        var picked = new List<int>(count);
        while (picked.Count < Math.Min(count, values.Length))
        {
            var value = values[random.Next(values.Length)];
            if (!picked.Contains(value))
            {
                picked.Add(value);
            }
        }

        return picked;
    }

    private static async Task RemoveAsync(OS2HubDbContext db, CancellationToken ct)
    {
        // Participations go with their products (cascade); the generated suppliers have no other rows.
        await db.Participations.Where(p => p.Organisation!.IsDemo && p.Organisation.Slug.StartsWith(SlugPrefix)).ExecuteDeleteAsync(ct);
        await db.Products.Where(p => p.IsDemo).ExecuteDeleteAsync(ct);
        await db.Organisations.Where(o => o.IsDemo && o.Slug.StartsWith(SlugPrefix)).ExecuteDeleteAsync(ct);
    }
}
