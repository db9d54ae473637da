using Microsoft.EntityFrameworkCore;
using OS2Hub.Web.Data;
using OS2Hub.Web.Data.Entities;
using OS2Hub.Web.Features.Localization;

namespace OS2Hub.Web.Features.Import;

/// <summary>
/// Finds the products and authorities a file names, forgivingly but never by guessing: a slug, code or CVR exactly;
/// a name with the catalogue's Danish folding ("Kobenhavn", "Københavns Kommune"). A name that fits more than one is
/// an error listing them.
/// </summary>
public sealed class ImportNames
{
    public sealed record Named(int Id, string Name, string Key, string? Slug, string? Code, string? Cvr, OrganisationKind? Kind);

    private readonly List<Named> _products;
    private readonly List<Named> _authorities;
    private readonly List<Named> _suppliers;

    private ImportNames(List<Named> products, List<Named> authorities, List<Named> suppliers) =>
        (_products, _authorities, _suppliers) = (products, authorities, suppliers);

    public static async Task<ImportNames> LoadAsync(OS2HubDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var products = await db.Products.AsNoTracking().Select(p => new { p.Id, p.Name, p.Slug }).ToListAsync(ct);
        var organisations = (await db.Organisations.AsNoTracking().Select(o => new { o.Id, o.Name, o.Slug, o.Code, o.Cvr, o.Kind }).ToListAsync(ct))
            .Select(o => new Named(o.Id, o.Name, TextFolding.SearchKey(o.Name), o.Slug, o.Code, o.Cvr, o.Kind)).ToList();
        return new ImportNames(
            [.. products.Select(p => new Named(p.Id, p.Name, TextFolding.SearchKey(p.Name), p.Slug, null, null, null))],
            [.. organisations.Where(o => o.Kind != OrganisationKind.Company)],
            [.. organisations.Where(o => o.Kind == OrganisationKind.Company)]);
    }

    public Named? Product(string text, List<string> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (string.IsNullOrWhiteSpace(text))
        {
            errors.Add(Texts.Format("Bulk_Error_Required", "produkt"));
            return null;
        }

        var bySlug = _products.Where(p => string.Equals(p.Slug, text.Trim(), StringComparison.OrdinalIgnoreCase)).ToList();
        var key = TextFolding.SearchKey(text);
        return One(bySlug.Count > 0 ? bySlug : [.. _products.Where(p => p.Key == key)], text, "Bulk_Error_UnknownProduct", errors);
    }

    /// <summary>A municipality code (three or four digits), a CVR number (eight digits), or a name.</summary>
    public Named? Authority(string text, List<string> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var value = text?.Trim() ?? "";
        if (value.Length == 0)
        {
            errors.Add(Texts.Format("Bulk_Error_Required", "myndighed"));
            return null;
        }

        if (value.All(char.IsAsciiDigit))
        {
            var found = value.Length == 8
                ? _authorities.Where(o => o.Cvr == value).ToList()
                : _authorities.Where(o => o.Code == value.PadLeft(4, '0')).ToList();
            return One(found, value, "Bulk_Error_UnknownAuthority", errors);
        }

        // Municipalities are often written without "Kommune" ("Frederikshavn", "Københavns"): the same rule as the
        // organisation list, spelled out rather than guessed.
        string[] keys = [TextFolding.SearchKey(value), TextFolding.SearchKey(value + " Kommune"), TextFolding.SearchKey(value + "s Kommune"), TextFolding.SearchKey("Region " + value)];
        var exact = _authorities.Where(o => o.Key == keys[0]).ToList();
        return One(exact.Count > 0 ? exact : [.. _authorities.Where(o => keys.Contains(o.Key))], value, "Bulk_Error_UnknownAuthority", errors);
    }

    /// <summary>Every organisation's address id, for a supplier the import creates.</summary>
    public IEnumerable<string?> Slugs => _authorities.Concat(_suppliers).Select(o => o.Slug);

    /// <summary>A supplier by its CVR number (found or not), or else by its name; null with no error when neither is known.</summary>
    public Named? Supplier(string? name, string? cvr, List<string> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (cvr is not null)
        {
            return _suppliers.FirstOrDefault(o => o.Cvr == cvr);
        }

        var key = TextFolding.SearchKey(name ?? "");
        var found = _suppliers.Where(o => o.Key == key).ToList();
        return found.Count == 0 ? null : One(found, name!, "Bulk_Error_UnknownSupplier", errors);
    }

    /// <summary>A supplier with this name, whatever its CVR number: a new supplier must not take a known one's name.</summary>
    public Named? SupplierNamed(string name) => _suppliers.FirstOrDefault(o => o.Key == TextFolding.SearchKey(name));

    private static Named? One(List<Named> found, string text, string unknownKey, List<string> errors)
    {
        if (found.Count == 1)
        {
            return found[0];
        }

        errors.Add(found.Count == 0
            ? Texts.Format(unknownKey, text)
            : Texts.Format("Bulk_Error_Ambiguous", text, string.Join(", ", found.Select(f => f.Name).Order(StringComparer.CurrentCulture))));
        return null;
    }
}
