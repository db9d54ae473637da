using OS2Hub.Web.Data;
using System.Globalization;
using System.Text.Json;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using OS2Hub.Web.Data.Entities;
using OS2Hub.Web.Features.Products;

namespace OS2Hub.Web.Features.Setup;

/// <summary>
/// Loads the shipped reference facts (municipalities, regions, OS2 products). Idempotent: anything already in the
/// database, matched by its reference key, is left exactly as it is, so edits made in the hub survive a restart.
/// </summary>
public sealed class ReferenceDataLoader(IDbContextFactory<OS2HubDbContext> dbFactory, ILogger<ReferenceDataLoader> logger)
{
    /// <summary>The research snapshot the product facts were taken from (GitHub and os2.eu copies up to September 2026).</summary>
    public static readonly DateOnly ProductSnapshotDate = new(2026, 9, 30);

    private const string PopulationSource = "Danmarks Statistik, Statistikbanken FOLK1A (1. januar 2026)";
    private const string MunicipalitySource = "Danmarks Statistik / DAWA kommunekoder";

    public async Task LoadAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var regions = await LoadRegionsAsync(db, ct);
        var municipalities = await LoadMunicipalitiesAsync(db, regions, ct);
        var added = await LoadProductsAsync(db, municipalities, ct);
        logger.LogInformation("Reference data checked: {Added} new products", added);
    }

    private static async Task<Dictionary<string, Organisation>> LoadRegionsAsync(OS2HubDbContext db, CancellationToken ct)
    {
        var existing = await db.Organisations.Where(o => o.Kind == OrganisationKind.Region).ToDictionaryAsync(o => o.Code!, ct);
        foreach (var row in ReferenceFiles.ReadRegions())
        {
            if (existing.ContainsKey(row.RegionCode))
            {
                continue;
            }

            var region = new Organisation
            {
                Name = row.RegionName,
                Slug = TextFolding.Slugify(row.RegionName),
                Kind = OrganisationKind.Region,
                Code = row.RegionCode,
                Source = MunicipalitySource,
                ReferenceKey = $"region:{row.RegionCode}",
                UpdatedAt = DateTime.UtcNow,
            };
            db.Organisations.Add(region);
            existing[row.RegionCode] = region;
        }

        await db.SaveChangesAsync(ct);
        return existing;
    }

    private static async Task<Dictionary<string, Organisation>> LoadMunicipalitiesAsync(
        OS2HubDbContext db, Dictionary<string, Organisation> regions, CancellationToken ct)
    {
        var existing = await db.Organisations.Include(o => o.PopulationFigures)
            .Where(o => o.Kind == OrganisationKind.Municipality).ToDictionaryAsync(o => o.Code!, ct);
        foreach (var row in ReferenceFiles.ReadMunicipalities())
        {
            if (!existing.TryGetValue(row.Code, out var municipality))
            {
                municipality = new Organisation
                {
                    Name = OfficialMunicipalityName(row.Name),
                    Slug = TextFolding.Slugify(row.Name),
                    Kind = OrganisationKind.Municipality,
                    Code = row.Code,
                    RegionId = regions[row.RegionCode].Id,
                    Source = MunicipalitySource,
                    ReferenceKey = $"kommune:{row.Code}",
                    UpdatedAt = DateTime.UtcNow,
                };
                db.Organisations.Add(municipality);
                existing[row.Code] = municipality;
            }

            // A newer figure is added beside the old ones; an existing figure for the same date is never touched.
            var asOf = DateOnly.ParseExact(row.PopulationDate, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            if (!municipality.PopulationFigures.Any(p => p.AsOf == asOf))
            {
                municipality.PopulationFigures.Add(new PopulationFigure { AsOf = asOf, Population = row.Population, Source = PopulationSource });
            }
        }

        await db.SaveChangesAsync(ct);
        return existing;
    }

    /// <summary>The official names: all are "X Kommune" except these two.</summary>
    public static string OfficialMunicipalityName(string name) => name switch
    {
        "København" => "Københavns Kommune",
        "Bornholm" => "Bornholms Regionskommune",
        _ => $"{name} Kommune",
    };

    private static async Task<int> LoadProductsAsync(OS2HubDbContext db, Dictionary<string, Organisation> municipalities, CancellationToken ct)
    {
        using var json = JsonDocument.Parse(ReferenceFiles.ReadResource("os2-products.json"));
        var knownKeys = (await db.Products.Where(p => p.ReferenceKey != null).Select(p => p.ReferenceKey!).ToListAsync(ct)).ToHashSet();
        var categories = await db.Categories.ToDictionaryAsync(c => c.Name, ct);
        var suppliers = await db.Organisations.Where(o => o.ReferenceKey != null && o.ReferenceKey.StartsWith("leverandoer:"))
            .ToDictionaryAsync(o => o.ReferenceKey!, ct);
        var slugs = (await db.Products.Select(p => p.Slug).ToListAsync(ct)).ToHashSet();
        var municipalitiesByName = municipalities.Values.ToDictionary(m => m.Name, StringComparer.OrdinalIgnoreCase);
        var added = new List<Product>();
        var translated = new List<int>();

        foreach (var item in json.RootElement.GetProperty("products").EnumerateArray())
        {
            var key = item.GetProperty("name").GetString()!;
            if (knownKeys.Contains(key))
            {
                translated.AddRange(await TranslateUntouchedAsync(db, item, key, ct));
                continue;
            }

            var product = ReferenceProducts.MapProduct(item, key, slugs);
            ReferenceProducts.MapCategory(item, product, categories, db);
            ReferenceProducts.MapSuppliers(item, product, suppliers, municipalitiesByName, db);
            ReferenceProducts.MapMentions(item, product, municipalities);
            db.Products.Add(product);
            added.Add(product);
        }

        await db.SaveChangesAsync(ct);
        await CatalogSearch.RefreshAsync(db, [.. added.Select(p => p.Id), .. translated], ct);
        return added.Count;
    }

    /// <summary>
    /// Gives a product loaded before the hub had translations its Danish texts, but only where the text is still the
    /// English source's, as loaded: whatever someone wrote in the hub stays.
    /// </summary>
    private static async Task<List<int>> TranslateUntouchedAsync(OS2HubDbContext db, JsonElement item, string key, CancellationToken ct)
    {
        var (description, status) = (ReferenceProducts.Translation(item, "description_da_hub_translation"), ReferenceProducts.Translation(item, "status_da_hub_translation"));
        if (description is null && status is null)
        {
            return [];
        }

        var product = await db.Products.SingleAsync(p => p.ReferenceKey == key, ct);
        var en = ReferenceProducts.Sourced(item, "description_en").Value;
        var sourceStatus = ReferenceProducts.Sourced(item, "status").Value;
        var changed = false;
        if (description is not null && en is not null && product.DescriptionOriginal is null && product.DescriptionLanguage == "en" && product.Description == en)
        {
            (product.Description, product.DescriptionLanguage, product.Summary) = (description, "da", ReferenceMapping.Summarise(description));
            (product.DescriptionOriginal, product.DescriptionOriginalLanguage) = (en, "en");
            changed = true;
        }

        if (status is not null && product.StatusNoteOriginal is null && product.StatusNoteLanguage == "en" && product.StatusNote == sourceStatus)
        {
            (product.StatusNote, product.StatusNoteLanguage, product.StatusNoteOriginal, product.StatusNoteOriginalLanguage) = (status, "da", sourceStatus, "en");
            changed = true;
        }

        return changed ? [product.Id] : [];
    }
}
