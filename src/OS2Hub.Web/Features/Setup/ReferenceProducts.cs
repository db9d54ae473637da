using OS2Hub.Web.Data;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using OS2Hub.Web.Data.Entities;
using OS2Hub.Web.Features.Products;

namespace OS2Hub.Web.Features.Setup;

/// <summary>Turns one product of the reference file into the hub's entities: facts with their sources, category, suppliers and mentions.</summary>
internal static partial class ReferenceProducts
{
    /// <summary>The hub's own Danish translation of an English source text, where the reference data has one.</summary>
    internal static string? Translation(JsonElement item, string property) =>
        item.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    internal static Product MapProduct(JsonElement item, string key, HashSet<string> slugs)
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

    internal static void MapRepository(JsonElement item, Product product, SourcedValue status)
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

    internal static void MapLinks(JsonElement item, Product product)
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

        product.Sources.Add(new ProductSource { Fact = ProductFact.Links, Reference = string.Join(" ", urls), AsOf = ReferenceDataLoader.ProductSnapshotDate });
    }

    internal static void MapCategory(JsonElement item, Product product, Dictionary<string, Category> categories, OS2HubDbContext db)
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

    internal static void MapSuppliers(JsonElement item, Product product, Dictionary<string, Organisation> suppliers,
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
                    AsOf = ReferenceDataLoader.ProductSnapshotDate.ToString("yyyy-MM", CultureInfo.InvariantCulture),
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
                    SourceDate = ReferenceDataLoader.ProductSnapshotDate,
                    IsInferred = inferred,
                    CreatedAt = DateTime.UtcNow,
                });
            }
        }
    }

    internal static Organisation ResolveSupplier(string name, Dictionary<string, Organisation> suppliers,
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

    internal static void MapMentions(JsonElement item, Product product, Dictionary<string, Organisation> municipalities)
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
                    AsOf = MentionDate(m.TryGetProperty("as_of", out var asOf) ? asOf.GetString() : null),
                    Source = m.TryGetProperty("source", out var src) ? src.GetString() : null,
                });
            }
        }

        if (item.TryGetProperty("note", out var note) && note.ValueKind == JsonValueKind.String)
        {
            product.Mentions.Add(new ProductMention { Statement = note.GetString()!, AsOf = ReferenceDataLoader.ProductSnapshotDate.ToString("yyyy-MM", CultureInfo.InvariantCulture) });
        }
    }

    internal static void AddSource(Product product, ProductFact fact, SourcedValue value)
    {
        if (value.Value is not null && value.Source is not null)
        {
            product.Sources.Add(new ProductSource
            {
                Fact = fact,
                Reference = value.Source,
                AsOf = ReferenceDataLoader.ProductSnapshotDate,
                IsInferred = value.Inferred,
                Note = value.Note,
            });
        }
    }

    internal static string UniqueSlug(string slug, HashSet<string> taken)
    {
        var candidate = slug;
        for (var n = 2; !taken.Add(candidate); n++)
        {
            candidate = $"{slug}-{n}";
        }

        return candidate;
    }

    internal static SourcedValue Sourced(JsonElement item, string property) =>
        item.TryGetProperty(property, out var field) ? SourcedValue.From(field) : new SourcedValue(null, null, false, null);

    internal sealed record SourcedValue(string? Value, string? Source, bool Inferred, string? Note)
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

    /// <summary>
    /// The reference file's "as_of" is sometimes a date and sometimes words ("README snapshot", "repo snapshot 2025-09");
    /// a mention keeps a (partial) date, as the edit form requires, and words mean the snapshot the file was made from.
    /// </summary>
    private static string MentionDate(string? asOf)
    {
        var date = asOf is null ? null : PartialDate().Match(asOf);
        return date is { Success: true } ? date.Value : ReferenceDataLoader.ProductSnapshotDate.ToString("yyyy-MM", CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"\b\d{4}(-\d{2}(-\d{2})?)?\b", RegexOptions.CultureInvariant)]
    private static partial Regex PartialDate();
}
