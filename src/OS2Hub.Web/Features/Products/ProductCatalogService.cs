using Microsoft.EntityFrameworkCore;
using OS2Hub.Web.Data;
using OS2Hub.Web.Data.Entities;

namespace OS2Hub.Web.Features.Products;

/// <summary>The catalogue query: search, filters with their counts, sorting and one page of results.</summary>
public sealed class ProductCatalogService(IDbContextFactory<OS2HubDbContext> dbFactory, TimeProvider clock)
{
    private enum Facet
    {
        None,
        Category,
        Maturity,
        Lifecycle,
        Supplier,
        Municipality,
        Region,
        Licence,
    }

    public async Task<CatalogResult> SearchAsync(CatalogQuery query, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var pageSize = Math.Clamp(query.PageSize, 1, CatalogQuery.MaxPageSize);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var context = new QueryContext(db, query, TextFolding.SearchTerms(query.Text), today,
            await db.Organisations.AsNoTracking().Select(o => new OrgRow(o.Id, o.Slug, o.Name, o.Kind, o.Code, o.RegionId)).ToListAsync(ct));
        var filtered = Filter(context, Facet.None);
        var total = await filtered.CountAsync(ct);
        var pageCount = Math.Max(1, (total + pageSize - 1) / pageSize);
        var page = Math.Clamp(query.Page, 1, pageCount);

        var currentMember = Dated.CurrentOn(today, ParticipationKind.Member);
        var ordered = query.EffectiveSort switch
        {
            CatalogSort.Relevance when context.Terms.Count > 0 => CatalogSearch.OrderByRelevance(filtered, context.Terms).ThenBy(p => p.Name),
            CatalogSort.Members => filtered.OrderByDescending(p => p.Participations.AsQueryable().Count(currentMember)).ThenBy(p => p.Name),
            CatalogSort.LastChanged => filtered.OrderByDescending(p => p.UpdatedAt).ThenBy(p => p.Name),
            _ => filtered.OrderBy(p => p.Name),
        };

        var rows = await ordered.Skip((page - 1) * pageSize).Take(pageSize)
            .Select(p => new
            {
                p.Id, p.Slug, p.Name, p.Summary, p.DescriptionLanguage, Category = p.Category!.Name, p.Maturity, p.Lifecycle, p.Licence, p.UpdatedAt,
                Members = p.Participations.AsQueryable().Count(currentMember),
            })
            .ToListAsync(ct);

        // Supplier names for the page in one query (a nested collection per row would need APPLY, which SQLite lacks).
        var ids = rows.Select(r => r.Id).ToList();
        var supplierNames = (await Current(db, ParticipationKind.Supplier, today)
                .Where(x => ids.Contains(x.ProductId))
                .Select(x => new { x.ProductId, x.OrganisationId })
                .Distinct()
                .ToListAsync(ct))
            .ToLookup(x => x.ProductId, x => context.Organisations[x.OrganisationId].Name);

        var items = rows.Select(r => new ProductCard(r.Id, r.Slug, r.Name, r.Summary, r.DescriptionLanguage, r.Category,
            r.Maturity, r.Lifecycle, r.Licence, r.Members, supplierNames[r.Id].Order(StringComparer.CurrentCulture).ToList(), r.UpdatedAt)).ToList();
        var facets = await FacetsAsync(context, ct);
        return new CatalogResult(items, total, page, pageSize, facets);
    }

    private static async Task<CatalogFacets> FacetsAsync(QueryContext c, CancellationToken ct)
    {
        var db = c.Db;
        var categoryCounts = await Filter(c, Facet.Category)
            .GroupBy(p => p.CategoryId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key ?? 0, x => x.Count, ct);
        var categories = await db.Categories.OrderBy(x => x.Name).Select(x => new { x.Id, x.Slug, x.Name }).ToListAsync(ct);
        var categoryOptions = categories.Select(x => new FacetOption(x.Slug, x.Name, categoryCounts.GetValueOrDefault(x.Id)))
            .Append(new FacetOption(CatalogQuery.Unknown, CatalogQuery.Unknown, categoryCounts.GetValueOrDefault(0)))
            .ToList();

        var maturityCounts = await Filter(c, Facet.Maturity)
            .GroupBy(p => p.Maturity).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var lifecycleCounts = await Filter(c, Facet.Lifecycle)
            .GroupBy(p => p.Lifecycle).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);

        var licenceCounts = await Filter(c, Facet.Licence)
            .GroupBy(p => p.Licence).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var licences = await db.Products.Where(p => p.Licence != null).Select(p => p.Licence!).Distinct().ToListAsync(ct);
        var licenceOptions = licences.Order(StringComparer.Ordinal)
            .Select(l => new FacetOption(l, l, licenceCounts.FirstOrDefault(x => x.Key == l)?.Count ?? 0))
            .Append(new FacetOption(CatalogQuery.Unknown, CatalogQuery.Unknown, licenceCounts.FirstOrDefault(x => x.Key == null)?.Count ?? 0))
            .ToList();

        // Participation facets count distinct products per organisation, grouped on the id alone (no joins);
        // names, codes and regions come from the small organisation directory loaded once per query.
        var supplierCounts = await CountByOrganisation(c, ParticipationKind.Supplier, Facet.Supplier, ct);
        var supplierIds = (await Current(db, ParticipationKind.Supplier, c.Today).Select(x => x.OrganisationId).Distinct().ToListAsync(ct)).ToHashSet();
        var memberCounts = await CountByOrganisation(c, ParticipationKind.Member, Facet.Municipality, ct);

        var regionCounts = await CountByRegion(c, ct);
        var regionOptions = c.Organisations.Values.Where(o => o.Kind == OrganisationKind.Region && o.Code is not null).OrderBy(o => o.Code)
            .Select(r => new FacetOption(r.Code!, r.Name, regionCounts.GetValueOrDefault(r.Code!))).ToList();

        var byName = StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("da-DK"), false);
        return new CatalogFacets(
            categoryOptions,
            Enum.GetValues<MaturityLevel>().Select(m => new FacetOption(UrlWords.Word(m), m.ToString(), maturityCounts.GetValueOrDefault(m))).ToList(),
            Enum.GetValues<LifecycleState>().Select(l => new FacetOption(UrlWords.Word(l), l.ToString(), lifecycleCounts.GetValueOrDefault(l))).ToList(),
            c.Organisations.Values.Where(o => supplierIds.Contains(o.Id)).OrderBy(o => o.Name, byName)
                .Select(o => new FacetOption(o.Slug, o.Name, supplierCounts.GetValueOrDefault(o.Id))).ToList(),
            c.Organisations.Values.Where(o => o.Kind == OrganisationKind.Municipality).OrderBy(o => o.Name, byName)
                .Select(o => new FacetOption(o.Code!, o.Name, memberCounts.GetValueOrDefault(o.Id))).ToList(),
            regionOptions,
            licenceOptions);
    }

    private static Task<Dictionary<int, int>> CountByOrganisation(QueryContext c, ParticipationKind kind, Facet facet, CancellationToken ct)
    {
        var participations = Current(c.Db, kind, c.Today);
        if (c.Restricts(facet))
        {
            var products = Filter(c, facet).Select(p => p.Id);
            participations = participations.Where(x => products.Contains(x.ProductId));
        }

        return participations
            .GroupBy(x => x.OrganisationId).Select(g => new { g.Key, Count = g.Select(x => x.ProductId).Distinct().Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, ct);
    }

    /// <summary>
    /// Products per region: the products with a current co-owner among the region and its municipalities.
    /// Unrestricted, a distinct count over the (Kind, OrganisationId, …) index is quickest; restricted by search or
    /// other filters, an EXISTS per matching product over the (Kind, ProductId, …) index is. Grouping all
    /// participations by region measured several times slower than either (see the benchmark). The ~20 member ids
    /// are inlined as IN (1, 2, …): SQLite can seek the index for each, which it cannot for a JSON array parameter.
    /// </summary>
    private static async Task<Dictionary<string, int>> CountByRegion(QueryContext c, CancellationToken ct)
    {
        var restricted = c.Restricts(Facet.Region);
        var products = Filter(c, Facet.Region);
        var current = Dated.CurrentOn(c.Today, ParticipationKind.Member);
        var counts = new Dictionary<string, int>();
        // A region recorded without its code (not yet known) cannot be a filter value, so it has no count either.
        foreach (var region in c.Organisations.Values.Where(o => o.Kind == OrganisationKind.Region && o.Code is not null))
        {
            var members = c.RegionMembers([region.Code!]);
            counts[region.Code!] = restricted
                ? await products.CountAsync(p => p.Participations.AsQueryable().Where(current).Any(x => EF.Constant(members).Contains(x.OrganisationId)), ct)
                : await Current(c.Db, ParticipationKind.Member, c.Today).Where(x => EF.Constant(members).Contains(x.OrganisationId))
                    .Select(x => x.ProductId).Distinct().CountAsync(ct);
        }

        return counts;
    }

    private static IQueryable<Participation> Current(OS2HubDbContext db, ParticipationKind kind, DateOnly today) =>
        db.Participations.Where(Dated.CurrentOn(today, kind));

    /// <summary>All filters but <paramref name="except"/>: a facet's counts say what choosing one more of its values would give.</summary>
    private static IQueryable<Product> Filter(QueryContext c, Facet except)
    {
        var q = c.Query;
        var products = CatalogSearch.Match(c.Db.Products.AsNoTracking(), c.Terms);

        if (except != Facet.Category && q.Categories.Count > 0)
        {
            var slugs = q.Categories.ToList();
            var unknown = slugs.Contains(CatalogQuery.Unknown);
            products = products.Where(p => (p.Category != null && slugs.Contains(p.Category.Slug)) || (unknown && p.Category == null));
        }

        if (except != Facet.Maturity && q.Maturities.Count > 0)
        {
            var levels = q.Maturities.ToList();
            products = products.Where(p => levels.Contains(p.Maturity));
        }

        if (except != Facet.Lifecycle && q.Lifecycles.Count > 0)
        {
            var states = q.Lifecycles.ToList();
            products = products.Where(p => states.Contains(p.Lifecycle));
        }

        if (except != Facet.Licence && q.Licences.Count > 0)
        {
            var licences = q.Licences.ToList();
            var unknown = licences.Contains(CatalogQuery.Unknown);
            products = products.Where(p => (p.Licence != null && licences.Contains(p.Licence)) || (unknown && p.Licence == null));
        }

        // Organisation filters become id lists first, so the database matches on an indexed integer, and each
        // becomes one uncorrelated "Id IN (…)" rather than a subquery per product.
        if (except != Facet.Supplier && q.Suppliers.Count > 0)
        {
            var ids = c.Organisations.Values.Where(o => q.Suppliers.Contains(o.Slug)).Select(o => o.Id).ToList();
            products = WithParticipant(c, products, ParticipationKind.Supplier, ids);
        }

        if (except != Facet.Municipality && q.Municipalities.Count > 0)
        {
            var ids = c.Organisations.Values.Where(o => o.Kind == OrganisationKind.Municipality && q.Municipalities.Contains(o.Code!)).Select(o => o.Id).ToList();
            products = WithParticipant(c, products, ParticipationKind.Member, ids);
        }

        if (except != Facet.Region && q.Regions.Count > 0)
        {
            products = WithParticipant(c, products, ParticipationKind.Member, c.RegionMembers(q.Regions));
        }

        return products;
    }

    private static IQueryable<Product> WithParticipant(QueryContext c, IQueryable<Product> products, ParticipationKind kind, List<int> organisationIds)
    {
        var holders = Current(c.Db, kind, c.Today).Where(x => organisationIds.Contains(x.OrganisationId)).Select(x => x.ProductId);
        return products.Where(p => holders.Contains(p.Id));
    }

    private sealed record OrgRow(int Id, string Slug, string Name, OrganisationKind Kind, string? Code, int? RegionId);

    private sealed class QueryContext(OS2HubDbContext db, CatalogQuery query, IReadOnlyList<string> terms, DateOnly today, List<OrgRow> organisations)
    {
        public OS2HubDbContext Db { get; } = db;
        public CatalogQuery Query { get; } = query;
        public IReadOnlyList<string> Terms { get; } = terms;
        public DateOnly Today { get; } = today;
        public Dictionary<int, OrgRow> Organisations { get; } = organisations.ToDictionary(o => o.Id);

        /// <summary>
        /// Whether anything but <paramref name="except"/> narrows the products. When nothing does, facet counts skip
        /// the "ProductId IN (all products)" clause, which SQLite would check row by row against the product table.
        /// </summary>
        public bool Restricts(Facet except) =>
            Terms.Count > 0
            || (except != Facet.Category && Query.Categories.Count > 0)
            || (except != Facet.Maturity && Query.Maturities.Count > 0)
            || (except != Facet.Lifecycle && Query.Lifecycles.Count > 0)
            || (except != Facet.Licence && Query.Licences.Count > 0)
            || (except != Facet.Supplier && Query.Suppliers.Count > 0)
            || (except != Facet.Municipality && Query.Municipalities.Count > 0)
            || (except != Facet.Region && Query.Regions.Count > 0);

        /// <summary>A region's co-owners are the region itself and the municipalities in it.</summary>
        public List<int> RegionMembers(IReadOnlyList<string> regionCodes)
        {
            var regionIds = Organisations.Values.Where(o => o.Kind == OrganisationKind.Region && regionCodes.Contains(o.Code!)).Select(o => o.Id).ToHashSet();
            return Organisations.Values.Where(o => regionIds.Contains(o.Id) || (o.RegionId is { } r && regionIds.Contains(r))).Select(o => o.Id).ToList();
        }
    }
}
