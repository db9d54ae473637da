using System.Globalization;
using Microsoft.EntityFrameworkCore;
using OS2Hub.Web.Data;
using OS2Hub.Web.Data.Entities;

namespace OS2Hub.Web.Features.Products;

/// <summary>
/// One product as the catalogue lists, filters and counts it: its card's fields, its folded search text, and the
/// organisations that are its co-owners and suppliers on the snapshot's day, as positions in
/// <see cref="CatalogSnapshot.OrganisationAt"/> so that counting is indexing an array.
/// </summary>
internal sealed record CatalogProduct(
    int Id, string Slug, string Name, string? Summary, string? SummaryLanguage, int? CategoryId, MaturityLevel Maturity, LifecycleState Lifecycle,
    string? Licence, DateTime UpdatedAt, string SearchText, string SearchName, int[] Members, int[] Suppliers);

internal sealed record CatalogOrganisation(int Id, string Slug, string Name, OrganisationKind Kind, string? Code, int? RegionId);

internal sealed record CatalogCategory(int Id, string Slug, string Name);

/// <summary>The catalogue on one day at one stamp, read-only, shared by every query until the next change. Products are in name order.</summary>
public sealed class CatalogSnapshot
{
    private static readonly StringComparer DanishNames = StringComparer.Create(CultureInfo.GetCultureInfo("da-DK"), false);
    private readonly int[] _ids;

    private CatalogSnapshot(long stamp, DateOnly day, CatalogProduct[] products, Dictionary<int, CatalogOrganisation> organisations, CatalogCategory[] categories)
    {
        (Stamp, Day, Products, Organisations, Categories) = (stamp, day, products, organisations, categories);
        OrganisationAt = [.. organisations.Values.OrderBy(o => o.Id)];
        _ids = [.. OrganisationAt.Select(o => o.Id)];
        Licences = [.. products.Select(p => p.Licence).OfType<string>().Distinct().Order(StringComparer.Ordinal)];
        var suppliers = products.SelectMany(p => p.Suppliers).Select(i => OrganisationAt[i].Id).ToHashSet();
        SupplierDirectory = [.. organisations.Values.Where(o => suppliers.Contains(o.Id)).OrderBy(o => o.Name, DanishNames)];
        Municipalities = [.. organisations.Values.Where(o => o.Kind == OrganisationKind.Municipality).OrderBy(o => o.Name, DanishNames)];
        RegionDirectory = [.. organisations.Values.Where(o => o.Kind == OrganisationKind.Region && o.Code is not null).OrderBy(o => o.Code, StringComparer.Ordinal)];
        BySlug = organisations.Values.GroupBy(o => o.Slug).ToDictionary(g => g.Key, g => g.First());
        RegionOf = [.. OrganisationAt.Select(_ => -1)];
        for (var r = 0; r < RegionDirectory.Length; r++)
        {
            foreach (var id in RegionMembers([RegionDirectory[r].Code!]))
            {
                RegionOf[Position(id)] = r;
            }
        }
    }

    public long Stamp { get; }
    public DateOnly Day { get; }

    internal CatalogProduct[] Products { get; }
    internal Dictionary<int, CatalogOrganisation> Organisations { get; }
    internal Dictionary<string, CatalogOrganisation> BySlug { get; }
    internal CatalogCategory[] Categories { get; }
    internal string[] Licences { get; }
    internal CatalogOrganisation[] SupplierDirectory { get; }
    internal CatalogOrganisation[] Municipalities { get; }
    internal CatalogOrganisation[] RegionDirectory { get; }

    /// <summary>Every organisation by its position, which products use for their co-owners and suppliers.</summary>
    internal CatalogOrganisation[] OrganisationAt { get; }

    /// <summary>Which region (its index in <see cref="RegionDirectory"/>) the organisation at a position counts for: the region itself, or a municipality's; -1 for none.</summary>
    internal int[] RegionOf { get; }

    /// <summary>An organisation's position in <see cref="OrganisationAt"/>, which is ordered by id.</summary>
    internal int Position(int organisationId) => Array.BinarySearch(_ids, organisationId);

    /// <summary>A set of organisations as a mask over positions, for filters.</summary>
    internal bool[] Mask(IEnumerable<int> organisationIds)
    {
        var mask = new bool[OrganisationAt.Length];
        foreach (var id in organisationIds)
        {
            if (Position(id) is var i and >= 0)
            {
                mask[i] = true;
            }
        }

        return mask;
    }

    /// <summary>A region's co-owners are the region itself and the municipalities in it.</summary>
    internal HashSet<int> RegionMembers(IReadOnlyList<string> codes)
    {
        var regionIds = RegionDirectory.Where(r => codes.Contains(r.Code!)).Select(r => r.Id).ToHashSet();
        return [.. Organisations.Values.Where(o => regionIds.Contains(o.Id) || (o.RegionId is { } r && regionIds.Contains(r))).Select(o => o.Id)];
    }

    internal static async Task<CatalogSnapshot> BuildAsync(OS2HubDbContext db, long stamp, DateOnly day, CancellationToken ct)
    {
        var organisations = await db.Organisations.AsNoTracking()
            .Select(o => new CatalogOrganisation(o.Id, o.Slug, o.Name, o.Kind, o.Code, o.RegionId)).ToDictionaryAsync(o => o.Id, ct);
        var categories = await db.Categories.AsNoTracking().OrderBy(c => c.Name).Select(c => new CatalogCategory(c.Id, c.Slug, c.Name)).ToArrayAsync(ct);
        var current = await db.Participations.AsNoTracking().Where(Dated.CurrentOn<Participation>(day))
            .Select(x => new { x.ProductId, x.OrganisationId, x.Kind }).ToListAsync(ct);
        // A supplier with two roles on a product is one supplier of it; a co-owner has one current membership anyway.
        var members = current.Where(x => x.Kind == ParticipationKind.Member).ToLookup(x => x.ProductId, x => x.OrganisationId);
        var suppliers = current.Where(x => x.Kind == ParticipationKind.Supplier).ToLookup(x => x.ProductId, x => x.OrganisationId);
        var products = (await db.Products.AsNoTracking()
            .Select(p => new { p.Id, p.Slug, p.Name, p.Summary, p.DescriptionLanguage, p.CategoryId, p.Maturity, p.Lifecycle, p.Licence, p.UpdatedAt, p.SearchText, p.SearchName })
            .ToListAsync(ct)).OrderBy(p => p.Name, StringComparer.Ordinal).ThenBy(p => p.Id);
        var position = organisations.Keys.Order().Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i);
        return new CatalogSnapshot(stamp, day,
            [.. products.Select(p => new CatalogProduct(p.Id, p.Slug, p.Name, p.Summary, p.DescriptionLanguage, p.CategoryId, p.Maturity, p.Lifecycle, p.Licence, p.UpdatedAt,
                p.SearchText, p.SearchName, [.. members[p.Id].Distinct().Select(id => position[id])], [.. suppliers[p.Id].Distinct().Select(id => position[id])]))],
            organisations, categories);
    }
}
