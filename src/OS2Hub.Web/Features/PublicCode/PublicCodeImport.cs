using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using OS2Hub.Web.Data;
using OS2Hub.Web.Data.Entities;
using OS2Hub.Web.Features.Setup;
using OS2Hub.Web.Features.Access;
using OS2Hub.Web.Features.Products;
using YamlDotNet.RepresentationModel;
using OS2Hub.Web.Features.Localization;

namespace OS2Hub.Web.Features.PublicCode;

public sealed record ImportChange(string Field, string? Current, string? Imported);

/// <summary>A claim in the file the hub does not take as fact: a user (<c>usedBy</c>) or a contractor, to be made real through the normal workflow.</summary>
public sealed record ImportClaim(string Kind, string Name, string? Until);

/// <summary>What an import would do: the validation, the changes field by field, and the claims it will not act on.</summary>
public sealed record ImportPreview(PublicCodeValidation Validation, string? ProductName, int? ProductVersion, IReadOnlyList<ImportChange> Changes, IReadOnlyList<ImportClaim> Claims);

/// <summary>
/// Reads a publiccode.yml into a product: the secretariat creates products or updates any, a produktkoordinator updates its
/// own. The file is validated first and nothing changes while it has an error; the user sees every change before
/// confirming; the original file is kept. <c>usedBy</c> and contractors are shown as claims and never become memberships
/// or supplier engagements by themselves.
/// </summary>
public sealed class PublicCodeImport(IDbContextFactory<OS2HubDbContext> dbFactory, TimeProvider clock)
{
    /// <summary>The product with this slug (id and name), to import into; null when there is none.</summary>
    public async Task<(int Id, string Name)?> ProductAsync(string slug, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var p = await db.Products.AsNoTracking().Where(x => x.Slug == slug).Select(x => new { x.Id, x.Name }).FirstOrDefaultAsync(ct);
        return p is null ? null : (p.Id, p.Name);
    }

    /// <summary>The preview for updating <paramref name="productId"/>, or creating a product when it is null.</summary>
    public async Task<Read<ImportPreview>> PreviewAsync(string userId, int? productId, string yaml, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var product = productId is null ? null : await db.Products.AsNoTracking().FirstOrDefaultAsync(p => p.Id == productId, ct);
        if (productId is not null && product is null)
        {
            return Read.NotFound<ImportPreview>();
        }

        if (!await AllowedAsync(db, userId, productId, product, ct))
        {
            return Read.Denied<ImportPreview>();
        }

        var validation = PublicCodeValidator.Validate(yaml);
        if (!validation.Valid)
        {
            return Read.Ok(new ImportPreview(validation, product?.Name, product?.Version, [], []));
        }

        var mapped = Map(yaml);
        var changes = Fields(product).Zip(Fields(mapped.Product), (now, after) => new ImportChange(now.Field, now.Value, after.Value))
            .Where(c => c.Current != c.Imported).ToList();
        return Read.Ok(new ImportPreview(validation, product?.Name ?? mapped.Product.Name, product?.Version, changes, mapped.Claims));
    }

    /// <summary>Applies the file; <paramref name="version"/> is the product's version the preview was made from.</summary>
    public async Task<OperationResult> ApplyAsync(string userId, int? productId, int? version, string yaml, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var product = productId is null ? null : await db.Products.FirstOrDefaultAsync(p => p.Id == productId, ct);
        if (productId is not null && product is null)
        {
            return OperationResult.NotFound;
        }

        if (!await AllowedAsync(db, userId, productId, product, ct))
        {
            return OperationResult.Denied;
        }

        var validation = PublicCodeValidator.Validate(yaml);
        if (!validation.Valid)
        {
            var first = validation.Problems.First(p => p.Severity == PublicCodeSeverity.Error);
            return OperationResult.Invalid(Texts.Format("PublicCodeImport_Error_Invalid", first.Key, first.Line, first.Message));
        }

        if (product is not null && product.Version != version)
        {
            return OperationResult.Conflict(Texts.Get("PublicCodeImport_Error_Conflict"));
        }

        var mapped = Map(yaml).Product;
        var now = clock.GetUtcNow().UtcDateTime;
        if (product is null)
        {
            var slug = Slugify(mapped.Name);
            if (await db.Products.AnyAsync(p => p.Slug == slug, ct) || await db.ProductSlugRedirects.AnyAsync(r => r.Slug == slug, ct))
            {
                return OperationResult.Invalid(Texts.Format("PublicCodeImport_Error_SlugTaken", slug));
            }

            product = db.Products.Add(new Product { Name = mapped.Name, Slug = slug, Lifecycle = LifecycleState.Active, CreatedAt = now }).Entity;
        }

        var before = Fields(productId is null ? null : product).ToList();
        Apply(product, mapped);
        product.PublicCodeOriginal = yaml;
        product.PublicCodeIsDemo = false;
        product.Version++;
        product.UpdatedAt = now;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return OperationResult.Conflict(Texts.Get("PublicCodeImport_Error_Conflict"));
        }

        var changes = new ChangeRecorder(userId, now, nameof(Product), product.Id);
        foreach (var (b, a) in before.Zip(Fields(product)).Where(x => x.First.Value != x.Second.Value))
        {
            changes.Add($"{b.Field} (publiccode.yml)", b.Value, a.Value);
        }

        changes.WriteTo(db);
        await db.SaveChangesAsync(ct);
        await CatalogSearch.RefreshAsync(db, [product.Id], ct);
        return OperationResult.Ok(product.Id);
    }

    private static async Task<bool> AllowedAsync(OS2HubDbContext db, string userId, int? productId, Product? product, CancellationToken ct)
    {
        var access = await AccessService.ForAsync(db, userId, ct);
        return productId is null ? access.IsSecretariat : product is not null && access.Decides(product.Id);
    }

    private sealed record Mapped(Product Product, IReadOnlyList<ImportClaim> Claims);

    /// <summary>The file's facts as product fields. Descriptions: Danish if the file has them, else English, else the first language.</summary>
    private static Mapped Map(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        var description = Get(root, "description") as YamlMappingNode;
        var language = description?.Children.Keys.OfType<YamlScalarNode>().Select(k => k.Value!).OrderBy(l => l == "da" ? 0 : l == "en" ? 1 : 2).FirstOrDefault();
        var text = language is null ? null : Get(description!, language) as YamlMappingNode;
        var localisation = Get(root, "localisation") as YamlMappingNode;
        var product = new Product
        {
            Name = Scalar(root, "name") ?? "",
            Slug = "",
            RepositoryUrl = Scalar(root, "url"),
            WebsiteUrl = Scalar(root, "landingURL"),
            Platforms = List(root, "platforms") is { Count: > 0 } platforms ? string.Join(", ", platforms) : Scalar(root, "platforms"),
            SoftwareType = Scalar(root, "softwareType"),
            DevelopmentStatus = Scalar(root, "developmentStatus"),
            Licence = ReferenceMapping.MapLicence(Scalar(Get(root, "legal") as YamlMappingNode, "license")).Spdx,
            DescriptionLanguage = language,
            Summary = Scalar(text, "shortDescription")?.Trim(),
            Description = Scalar(text, "longDescription")?.Trim(),
            DocumentationUrl = Scalar(text, "documentation"),
            Features = List(text, "features") is { Count: > 0 } features ? string.Join('\n', features) : null,
            LocalisationReady = Scalar(localisation, "localisationReady") is { } ready ? ready == "true" : null,
            AvailableLanguages = List(localisation, "availableLanguages") is { Count: > 0 } languages ? string.Join(", ", languages) : null,
        };
        var claims = (List(root, "usedBy") ?? []).Select(u => new ImportClaim("usedBy", u, null)).ToList();
        if (Get(Get(root, "maintenance") as YamlMappingNode, "contractors") is YamlSequenceNode contractors)
        {
            claims.AddRange(contractors.Children.OfType<YamlMappingNode>().Select(c => new ImportClaim("contractor", Scalar(c, "name") ?? "?", Scalar(c, "until"))));
        }

        return new Mapped(product, claims);
    }

    private static void Apply(Product p, Product m)
    {
        (p.Name, p.RepositoryUrl, p.WebsiteUrl, p.Platforms, p.SoftwareType, p.DevelopmentStatus) = (m.Name, m.RepositoryUrl, m.WebsiteUrl, m.Platforms, m.SoftwareType, m.DevelopmentStatus);
        (p.Licence, p.DescriptionLanguage, p.Summary, p.Description, p.DocumentationUrl) = (m.Licence ?? p.Licence, m.DescriptionLanguage, m.Summary, m.Description, m.DocumentationUrl ?? p.DocumentationUrl);
        (p.Features, p.LocalisationReady, p.AvailableLanguages) = (m.Features, m.LocalisationReady, m.AvailableLanguages);
    }

    /// <summary>The mapped fields in a fixed order, as text, to compare and to log.</summary>
    private static IEnumerable<(string Field, string? Value)> Fields(Product? p)
    {
        yield return (nameof(Product.Name), p?.Name);
        yield return (nameof(Product.RepositoryUrl), p?.RepositoryUrl);
        yield return (nameof(Product.WebsiteUrl), p?.WebsiteUrl);
        yield return (nameof(Product.Platforms), p?.Platforms);
        yield return (nameof(Product.SoftwareType), p?.SoftwareType);
        yield return (nameof(Product.DevelopmentStatus), p?.DevelopmentStatus);
        yield return (nameof(Product.Licence), p?.Licence);
        yield return (nameof(Product.DescriptionLanguage), p?.DescriptionLanguage);
        yield return (nameof(Product.Summary), p?.Summary);
        yield return (nameof(Product.Description), p?.Description);
        yield return (nameof(Product.DocumentationUrl), p?.DocumentationUrl);
        yield return (nameof(Product.Features), p?.Features);
        yield return (nameof(Product.LocalisationReady), p?.LocalisationReady?.ToString(CultureInfo.InvariantCulture).ToLowerInvariant());
        yield return (nameof(Product.AvailableLanguages), p?.AvailableLanguages);
    }

    private static string Slugify(string name)
    {
        var builder = new StringBuilder();
        foreach (var c in TextFolding.Fold(name))
        {
            builder.Append(char.IsAsciiLetterOrDigit(c) ? c : '-');
        }

        var slug = string.Join('-', builder.ToString().Split('-', StringSplitOptions.RemoveEmptyEntries));
        return slug.Length == 0 ? "produkt" : slug[..Math.Min(slug.Length, 200)];
    }

    private static YamlNode? Get(YamlMappingNode? parent, string key) =>
        parent?.Children.FirstOrDefault(c => c.Key is YamlScalarNode { Value: { } k } && k == key).Value;

    private static string? Scalar(YamlMappingNode? parent, string key) => (Get(parent, key) as YamlScalarNode)?.Value;

    private static List<string>? List(YamlMappingNode? parent, string key) =>
        (Get(parent, key) as YamlSequenceNode)?.Children.OfType<YamlScalarNode>().Select(s => s.Value!).ToList();
}
