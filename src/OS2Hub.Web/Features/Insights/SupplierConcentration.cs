using OS2Hub.Web.Data.Entities;

namespace OS2Hub.Web.Features.Insights;

/// <summary>A link target: a product or a supplier by slug and name.</summary>
public sealed record Named(string Slug, string Name);

/// <summary>One sourced supplier role on one product for a period, as the concentration figures read it.</summary>
public sealed record SupplierSpan(Named Product, Named Supplier, SupplierRole Role, DateOnly? Start, DateOnly? End) : IDated
{
    public DateOnly? StartDate => Start;
    public DateOnly? EndDate => End;
}

/// <summary>A product's suppliers today per role (only roles with at least one supplier are keys).</summary>
public sealed record ProductRoles(Named Product, IReadOnlyDictionary<SupplierRole, IReadOnlyList<Named>> ByRole)
{
    /// <summary>The suppliers that hold both development and operations (drift/hosting) on the product.</summary>
    public IReadOnlyList<Named> DevelopmentAndOperations =>
        ByRole.TryGetValue(SupplierRole.Development, out var dev) && ByRole.TryGetValue(SupplierRole.Hosting, out var ops) ? dev.Intersect(ops).ToList() : [];
}

/// <summary>A supplier's products today per role.</summary>
public sealed record SupplierProducts(Named Supplier, IReadOnlyDictionary<SupplierRole, IReadOnlyList<Named>> ByRole);

/// <summary>On one day of a year (its last, or today for this year): per role, the products with exactly one supplier in that role.</summary>
public sealed record SingleSupplierYear(int Year, IReadOnlyDictionary<SupplierRole, int> SingleByRole, int ProductRoles)
{
    public int Total => SingleByRole.Values.Sum();
}

/// <summary>A supplier that holds a role on other OS2 products, with those products as the evidence. No assessment.</summary>
public sealed record SameRoleElsewhere(SupplierRole Role, Named Holder, IReadOnlyList<(Named Supplier, IReadOnlyList<Named> Products)> Others);

public enum Trend
{
    NotEnoughHistory,
    Falling,
    Rising,
    Unchanged,
}

public sealed record Concentration(
    int Products, int ProductsWithKnownRoles, int LeftOut, IReadOnlyList<ProductRoles> Now, IReadOnlyList<SupplierProducts> Suppliers,
    IReadOnlyList<SingleSupplierYear> Years)
{
    /// <summary>The products where one supplier holds both development and operations.</summary>
    public IReadOnlyList<ProductRoles> DevelopmentAndOperationsByOne => Now.Where(p => p.DevelopmentAndOperations.Count > 0).ToList();

    /// <summary>Whether the number of product roles with a single supplier fell from the first year to this one.</summary>
    public Trend Trend => Years.Count < 2 ? Trend.NotEnoughHistory
        : Years[^1].Total < Years[0].Total ? Trend.Falling
        : Years[^1].Total > Years[0].Total ? Trend.Rising
        : Trend.Unchanged;
}

/// <summary>
/// How dependent the products are on single suppliers, from the supplier roles the hub holds with a source. Inferred
/// roles (read from indirect evidence), demo roles and roles outside OS2's five are left out, and counted as such. A
/// role with no known start counts as held since always, as everywhere in the hub; an end date the demo generator
/// invented counts as no end.
/// </summary>
public static class SupplierConcentration
{
    public static readonly SupplierRole[] Roles = [SupplierRole.Development, SupplierRole.Maintenance, SupplierRole.Hosting, SupplierRole.Support, SupplierRole.Consulting];

    public static Concentration Compute(int products, IReadOnlyList<SupplierSpan> spans, int leftOut, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(spans);
        var current = spans.Where(s => s.IsCurrentOn(today)).ToList();
        var now = current.GroupBy(s => s.Product)
            .Select(g => new ProductRoles(g.Key, ByRole(g, s => s.Supplier)))
            .OrderBy(p => p.Product.Name, StringComparer.CurrentCulture).ToList();
        var suppliers = current.GroupBy(s => s.Supplier)
            .Select(g => new SupplierProducts(g.Key, ByRole(g, s => s.Product)))
            .OrderBy(s => s.Supplier.Name, StringComparer.CurrentCulture).ToList();

        var starts = spans.Where(s => s.Start is not null).Select(s => s.Start!.Value.Year).ToList();
        var first = starts.Count == 0 ? today.Year : Math.Min(starts.Min(), today.Year);
        var years = Enumerable.Range(first, today.Year - first + 1).Select(year =>
        {
            var day = year == today.Year ? today : new DateOnly(year, 12, 31);
            var held = spans.Where(s => s.IsCurrentOn(day)).GroupBy(s => (s.Product, s.Role))
                .Select(g => (g.Key.Role, Suppliers: g.Select(s => s.Supplier).Distinct().Count())).ToList();
            return new SingleSupplierYear(year, Roles.ToDictionary(r => r, r => held.Count(h => h.Role == r && h.Suppliers == 1)), held.Count);
        }).ToList();

        return new Concentration(products, now.Count, leftOut, now, suppliers, years);
    }

    /// <summary>
    /// For each role in which the product has exactly one supplier today: the other suppliers that hold the same role on
    /// other OS2 products today, each with those products. Evidence that others do this work, not an assessment of them.
    /// </summary>
    public static IReadOnlyList<SameRoleElsewhere> SameRoleElsewhere(Concentration concentration, string productSlug)
    {
        ArgumentNullException.ThrowIfNull(concentration);
        var product = concentration.Now.FirstOrDefault(p => p.Product.Slug == productSlug);
        if (product is null)
        {
            return [];
        }

        return Roles.Where(r => product.ByRole.TryGetValue(r, out var held) && held.Count == 1).Select(role =>
        {
            var holder = product.ByRole[role][0];
            var others = concentration.Suppliers
                .Where(s => s.Supplier != holder && s.ByRole.TryGetValue(role, out var elsewhere) && elsewhere.Any(p => p.Slug != productSlug))
                .Select(s => (s.Supplier, (IReadOnlyList<Named>)s.ByRole[role].Where(p => p.Slug != productSlug).ToList()))
                .ToList();
            return new SameRoleElsewhere(role, holder, others);
        }).ToList();
    }

    private static Dictionary<SupplierRole, IReadOnlyList<Named>> ByRole(IEnumerable<SupplierSpan> spans, Func<SupplierSpan, Named> pick) =>
        spans.GroupBy(s => s.Role).OrderBy(g => Array.IndexOf(Roles, g.Key))
            .ToDictionary(g => g.Key, g => (IReadOnlyList<Named>)g.Select(pick).Distinct().OrderBy(n => n.Name, StringComparer.CurrentCulture).ToList());
}
