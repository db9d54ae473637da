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
        foreach (var row in ReadRegions())
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
        foreach (var row in ReadMunicipalities())
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
        using var json = JsonDocument.Parse(ReadResource("os2-products.json"));
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

            var product = MapProduct(item, key, slugs);
            MapCategory(item, product, categories, db);
            MapSuppliers(item, product, suppliers, municipalitiesByName, db);
            MapMentions(item, product, municipalities);
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
        var (description, status) = (Translation(item, "description_da_hub_translation"), Translation(item, "status_da_hub_translation"));
        if (description is null && status is null)
        {
            return [];
        }

        var product = await db.Products.SingleAsync(p => p.ReferenceKey == key, ct);
        var en = Sourced(item, "description_en").Value;
        var sourceStatus = Sourced(item, "status").Value;
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

    /// <summary>The hub's own Danish translation of an English source text, where the reference data has one.</summary>
    private static string? Translation(JsonElement item, string property) =>
        item.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static Product MapProduct(JsonElement item, string key, HashSet<string> slugs)
    {
        var name = ReferenceMapping.CleanProductName(key);
        var da = Sourced(item, "description_da");
        var en = Sourced(item, "description_en");
        var (description, language, descriptionField) = da.Value is not null ? (da, "da", da) : (en, "en", en);
        // Where the sources have only English, the hub shows its own Danish translation and keeps the source's text beside it.
        var descriptionTranslation = da.Value is null && en.Value is not null ? Translation(item, "description_da_hub_translation") : null;
        var status = Sourced(item, "status");
        var statusTranslation = status.Value is not null ? Translation(item, "status_da_hub_translation") : null;
        var (maturity, assessedOn) = ReferenceMapping.MapMaturity(status.Value);
        var licence = Sourced(item, "licence");
        var (spdx, licenceNote) = ReferenceMapping.MapLicence(licence.Value);
        var now = DateTime.UtcNow;

        var product = new Product
        {
            Name = name,
            Slug = UniqueSlug(TextFolding.Slugify(name), slugs),
            Summary = ReferenceMapping.Summarise(descriptionTranslation ?? description.Value),
            Description = descriptionTranslation ?? description.Value,
            DescriptionLanguage = description.Value is null ? null : descriptionTranslation is null ? language : "da",
            DescriptionOriginal = descriptionTranslation is null ? null : en.Value,
            DescriptionOriginalLanguage = descriptionTranslation is null ? null : "en",
            Maturity = maturity,
            MaturityAssessedOn = assessedOn,
            Lifecycle = ReferenceMapping.MapLifecycle(status.Value),
            StatusNote = statusTranslation ?? status.Value,
            StatusNoteLanguage = statusTranslation is null ? "en" : "da",
            StatusNoteOriginal = statusTranslation is null ? null : status.Value,
            StatusNoteOriginalLanguage = statusTranslation is null ? null : "en",
            Licence = spdx,
            LicenceNote = licenceNote,
            ReferenceKey = key,
            CreatedAt = now,
            UpdatedAt = now,
        };

        AddSource(product, ProductFact.Description, descriptionField);
        AddSource(product, ProductFact.Status, status);
        if (maturity is not MaturityLevel.Unknown)
        {
            AddSource(product, ProductFact.Maturity, status);
        }

        AddSource(product, ProductFact.Licence, licence);
        MapRepository(item, product, status);
        MapLinks(item, product);
        return product;
    }

    private static void MapRepository(JsonElement item, Product product, SourcedValue status)
    {
        var repo = item.GetProperty("repository_url");
        var value = repo.GetProperty("value");
        if (value.ValueKind == JsonValueKind.String)
        {
            product.RepositoryUrl = value.GetString();
        }
        else if (value.ValueKind == JsonValueKind.Array)
        {
            // A group of repositories in one GitHub organisation: link the organisation, not one arbitrary repository.
            var urls = value.EnumerateArray().Select(v => new Uri(v.GetString()!)).ToList();
            var owners = urls.Select(u => u.Segments.Length > 1 ? u.Segments[1].TrimEnd('/') : "").Distinct().ToList();
            if (owners.Count == 1 && urls.All(u => u.Host == "github.com"))
            {
                product.RepositoryUrl = $"https://github.com/{owners[0]}";
            }
        }

        var repoSource = SourcedValue.From(repo);
        AddSource(product, ProductFact.Repository, repoSource with { Value = product.RepositoryUrl });

        // A public repository was found: the code is public. A source that says there is none: it is not. Otherwise unknown.
        if (product.RepositoryUrl is not null)
        {
            product.CodeIsPublic = true;
        }
        else if (status.Source is { } s && (s.Contains("no public source", StringComparison.OrdinalIgnoreCase) || s.Contains("no repository found", StringComparison.OrdinalIgnoreCase)))
        {
            product.CodeIsPublic = false;
            AddSource(product, ProductFact.Repository, status with { Value = "ingen offentlig kildekode" });
        }
    }

    private static void MapLinks(JsonElement item, Product product)
    {
        if (!item.TryGetProperty("links", out var links))
        {
            return;
        }

        var urls = links.EnumerateArray().Select(l => l.GetString()!).ToList();
        foreach (var url in urls.OrderBy(u => new Uri(u).Host.EndsWith("os2.eu", StringComparison.Ordinal)))
        {
            var host = new Uri(url).Host;
            if (host.StartsWith("viden.", StringComparison.Ordinal) || host.StartsWith("docs.", StringComparison.Ordinal))
            {
                product.DocumentationUrl ??= url;
            }
            else
            {
                product.WebsiteUrl ??= url;
            }
        }

        product.Sources.Add(new ProductSource { Fact = ProductFact.Links, Reference = string.Join(" ", urls), AsOf = ProductSnapshotDate });
    }

    private static void MapCategory(JsonElement item, Product product, Dictionary<string, Category> categories, OS2HubDbContext db)
    {
        var category = Sourced(item, "category");
        if (category.Value is null)
        {
            return;
        }

        if (!categories.TryGetValue(category.Value, out var entity))
        {
            entity = new Category { Name = category.Value, Slug = TextFolding.Slugify(category.Value) };
            categories[category.Value] = entity;
            db.Categories.Add(entity);
        }

        product.Category = entity;
        AddSource(product, ProductFact.Category, category with { Note = "Kategorien er OS2Hubs egen betegnelse; OS2 har ingen officiel kategorisering." });
    }

    private static void MapSuppliers(JsonElement item, Product product, Dictionary<string, Organisation> suppliers,
        Dictionary<string, Organisation> municipalitiesByName, OS2HubDbContext db)
    {
        var field = item.GetProperty("suppliers");
        if (field.GetProperty("value").ValueKind != JsonValueKind.Array)
        {
            return;
        }

        foreach (var entry in field.GetProperty("value").EnumerateArray())
        {
            var name = entry.GetProperty("name").GetString()!;
            var roles = entry.GetProperty("roles").EnumerateArray().Select(r => r.GetString()!).ToList();
            var source = entry.TryGetProperty("source", out var s) ? s.GetString() : null;
            var inferred = entry.TryGetProperty("inferred", out var i) && i.GetBoolean();

            if (!ReferenceMapping.IsOrganisationName(name))
            {
                product.Mentions.Add(new ProductMention
                {
                    Subject = name,
                    Statement = $"Leverandørroller: {string.Join(", ", roles)}",
                    AsOf = ProductSnapshotDate.ToString("yyyy-MM", CultureInfo.InvariantCulture),
                    Source = source,
                });
                continue;
            }

            var organisation = ResolveSupplier(name, suppliers, municipalitiesByName, db);
            foreach (var roleText in roles)
            {
                var (role, text) = ReferenceMapping.MapRole(roleText);
                product.Participations.Add(new Participation
                {
                    Organisation = organisation,
                    Kind = ParticipationKind.Supplier,
                    Role = role,
                    RoleText = text,
                    Source = source,
                    SourceDate = ProductSnapshotDate,
                    IsInferred = inferred,
                    CreatedAt = DateTime.UtcNow,
                });
            }
        }
    }

    private static Organisation ResolveSupplier(string name, Dictionary<string, Organisation> suppliers,
        Dictionary<string, Organisation> municipalitiesByName, OS2HubDbContext db)
    {
        if (ReferenceMapping.MunicipalityBehindSupplierName(name) is { } town
            && municipalitiesByName.TryGetValue(ReferenceDataLoader.OfficialMunicipalityName(town), out var municipality))
        {
            return municipality;
        }

        var key = $"leverandoer:{name}";
        if (!suppliers.TryGetValue(key, out var supplier))
        {
            var slug = TextFolding.Slugify(name);
            supplier = new Organisation
            {
                Name = name,
                Slug = slug,
                Kind = OrganisationKind.Company,
                ReferenceKey = key,
                Source = "os2-products.json (leverandøroplysninger med kilde pr. produkt)",
                UpdatedAt = DateTime.UtcNow,
            };
            suppliers[key] = supplier;
            db.Organisations.Add(supplier);
        }

        return supplier;
    }

    private static void MapMentions(JsonElement item, Product product, Dictionary<string, Organisation> municipalities)
    {
        var members = item.GetProperty("known_member_municipalities").GetProperty("value");
        if (members.ValueKind == JsonValueKind.Array)
        {
            foreach (var m in members.EnumerateArray())
            {
                var code = m.TryGetProperty("code", out var c) ? c.GetString() : null;
                product.Mentions.Add(new ProductMention
                {
                    Organisation = code is not null && municipalities.TryGetValue(code, out var org) ? org : null,
                    Subject = m.GetProperty("name").GetString(),
                    Statement = m.GetProperty("relation").GetString()!,
                    AsOf = m.TryGetProperty("as_of", out var asOf) ? asOf.GetString() : null,
                    Source = m.TryGetProperty("source", out var src) ? src.GetString() : null,
                });
            }
        }

        if (item.TryGetProperty("note", out var note) && note.ValueKind == JsonValueKind.String)
        {
            product.Mentions.Add(new ProductMention { Statement = note.GetString()!, AsOf = ProductSnapshotDate.ToString("yyyy-MM", CultureInfo.InvariantCulture) });
        }
    }

    private static void AddSource(Product product, ProductFact fact, SourcedValue value)
    {
        if (value.Value is not null && value.Source is not null)
        {
            product.Sources.Add(new ProductSource
            {
                Fact = fact,
                Reference = value.Source,
                AsOf = ProductSnapshotDate,
                IsInferred = value.Inferred,
                Note = value.Note,
            });
        }
    }

    private static string UniqueSlug(string slug, HashSet<string> taken)
    {
        var candidate = slug;
        for (var n = 2; !taken.Add(candidate); n++)
        {
            candidate = $"{slug}-{n}";
        }

        return candidate;
    }

    private static SourcedValue Sourced(JsonElement item, string property) =>
        item.TryGetProperty(property, out var field) ? SourcedValue.From(field) : new SourcedValue(null, null, false, null);

    private sealed record SourcedValue(string? Value, string? Source, bool Inferred, string? Note)
    {
        public static SourcedValue From(JsonElement field)
        {
            var sourced = field.TryGetProperty("sourced", out var s) && s.GetBoolean();
            var value = sourced && field.GetProperty("value").ValueKind == JsonValueKind.String ? field.GetProperty("value").GetString() : null;
            var source = field.TryGetProperty("source", out var src) && src.ValueKind == JsonValueKind.String ? src.GetString() : null;
            var inferred = field.TryGetProperty("inferred", out var i) && i.ValueKind == JsonValueKind.True;
            var note = field.TryGetProperty("note", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString() : null;
            return new SourcedValue(value, source, inferred, note);
        }
    }

    private static List<RegionRow> ReadRegions()
    {
        using var csv = CsvReader.Create(OpenResource("regions.csv"), new CsvReaderOptions(), false);
        var rows = new List<RegionRow>();
        while (csv.Read())
        {
            rows.Add(new RegionRow(csv.GetString("region_code"), csv.GetString("region_name")));
        }

        return rows;
    }

    private static List<MunicipalityRow> ReadMunicipalities()
    {
        using var csv = CsvReader.Create(OpenResource("municipalities.csv"), new CsvReaderOptions(), false);
        var rows = new List<MunicipalityRow>();
        while (csv.Read())
        {
            rows.Add(new MunicipalityRow(csv.GetString("code"), csv.GetString("name"), csv.GetString("region_code"),
                int.Parse(csv.GetString("population"), CultureInfo.InvariantCulture), csv.GetString("population_date")));
        }

        return rows;
    }

    private static string ReadResource(string name)
    {
        using var reader = new StreamReader(OpenResource(name));
        return reader.ReadToEnd();
    }

    private static Stream OpenResource(string name) =>
        typeof(ReferenceDataLoader).Assembly.GetManifestResourceStream($"OS2Hub.Web.Data.Reference.{name}")
        ?? throw new InvalidOperationException($"Embedded reference file {name} is missing.");

    private sealed record RegionRow(string RegionCode, string RegionName);

    private sealed record MunicipalityRow(string Code, string Name, string RegionCode, int Population, string PopulationDate);
}
