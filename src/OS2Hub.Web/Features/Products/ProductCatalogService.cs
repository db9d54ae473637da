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
        var terms = TextFolding.Terms(query.Text);

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var filtered = Filter(db, query, terms, Facet.None, today);
        var total = await filtered.CountAsync(ct);
        var pageCount = Math.Max(1, (total + pageSize - 1) / pageSize);
        var page = Math.Clamp(query.Page, 1, pageCount);

        var currentMember = ParticipationRules.CurrentOn(today, ParticipationKind.Medlem);
        var ordered = query.EffectiveSort switch
        {
            CatalogSort.Relevance when terms.Count > 0 => CatalogSearch.OrderByRelevance(filtered, terms).ThenBy(p => p.Name),
            CatalogSort.CoOwners => filtered.OrderByDescending(p => p.Participations.AsQueryable().Count(currentMember)).ThenBy(p => p.Name),
            CatalogSort.LastChanged => filtered.OrderByDescending(p => p.UpdatedAt).ThenBy(p => p.Name),
            _ => filtered.OrderBy(p => p.Name),
        };

        var rows = await ordered.Skip((page - 1) * pageSize).Take(pageSize)
            .Select(p => new
            {
                p.Id, p.Slug, p.Name, p.Summary, p.DescriptionLanguage, Category = p.Category!.Name, p.Maturity, p.Lifecycle, p.Licence, p.UpdatedAt,
                CoOwners = p.Participations.AsQueryable().Count(currentMember),
            })
            .ToListAsync(ct);

        // Supplier names for the page in one query (a nested collection per row would need APPLY, which SQLite lacks).
        var ids = rows.Select(r => r.Id).ToList();
        var supplierNames = (await ActiveParticipations(db, ParticipationKind.Leverandoer, today)
                .Where(x => ids.Contains(x.ProductId))
                .Select(x => new { x.ProductId, x.Organisation!.Name })
                .Distinct()
                .ToListAsync(ct))
            .ToLookup(x => x.ProductId, x => x.Name);

        var items = rows.Select(r => new ProductCard(r.Id, r.Slug, r.Name, r.Summary, r.DescriptionLanguage, r.Category,
            r.Maturity, r.Lifecycle, r.Licence, r.CoOwners, supplierNames[r.Id].Order(StringComparer.CurrentCulture).ToList(), r.UpdatedAt)).ToList();
        var facets = await FacetsAsync(db, query, terms, today, ct);
        return new CatalogResult(items, total, page, pageSize, facets);
    }

    private static async Task<CatalogFacets> FacetsAsync(OS2HubDbContext db, CatalogQuery query, IReadOnlyList<string> terms, DateOnly today, CancellationToken ct)
    {
        var categoryCounts = await Filter(db, query, terms, Facet.Category, today)
            .GroupBy(p => p.Category!.Slug).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var categories = await db.Categories.OrderBy(c => c.Name).Select(c => new { c.Slug, c.Name }).ToListAsync(ct);
        var categoryOptions = categories.Select(c => new FacetOption(c.Slug, c.Name, CountOf(categoryCounts.FirstOrDefault(x => x.Key == c.Slug)?.Count)))
            .Append(new FacetOption(CatalogQuery.Unknown, CatalogQuery.Unknown, CountOf(categoryCounts.FirstOrDefault(x => x.Key == null)?.Count)))
            .ToList();

        var maturityCounts = await Filter(db, query, terms, Facet.Maturity, today)
            .GroupBy(p => p.Maturity).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var lifecycleCounts = await Filter(db, query, terms, Facet.Lifecycle, today)
            .GroupBy(p => p.Lifecycle).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);

        var licenceCounts = await Filter(db, query, terms, Facet.Licence, today)
            .GroupBy(p => p.Licence).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var licences = await db.Products.Where(p => p.Licence != null).Select(p => p.Licence!).Distinct().ToListAsync(ct);
        var licenceOptions = licences.Order(StringComparer.Ordinal)
            .Select(l => new FacetOption(l, l, CountOf(licenceCounts.FirstOrDefault(x => x.Key == l)?.Count)))
            .Append(new FacetOption(CatalogQuery.Unknown, CatalogQuery.Unknown, CountOf(licenceCounts.FirstOrDefault(x => x.Key == null)?.Count)))
            .ToList();

        var supplierIds = Filter(db, query, terms, Facet.Supplier, today).Select(p => p.Id);
        var supplierCounts = await ActiveParticipations(db, ParticipationKind.Leverandoer, today)
            .Where(x => supplierIds.Contains(x.ProductId))
            .GroupBy(x => x.OrganisationId).Select(g => new { g.Key, Count = g.Select(x => x.ProductId).Distinct().Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var currentSupplier = ParticipationRules.CurrentOn(today, ParticipationKind.Leverandoer);
        var suppliers = await db.Organisations
            .Where(o => o.Participations.AsQueryable().Any(currentSupplier))
            .OrderBy(o => o.Name).Select(o => new { o.Id, o.Slug, o.Name }).ToListAsync(ct);

        var municipalityIds = Filter(db, query, terms, Facet.Municipality, today).Select(p => p.Id);
        var municipalityCounts = await ActiveParticipations(db, ParticipationKind.Medlem, today)
            .Where(x => municipalityIds.Contains(x.ProductId) && x.Organisation!.Kind == OrganisationKind.Kommune)
            .GroupBy(x => x.Organisation!.Code).Select(g => new { g.Key, Count = g.Select(x => x.ProductId).Distinct().Count() })
            .ToDictionaryAsync(x => x.Key!, x => x.Count, ct);
        var municipalities = await db.Organisations.Where(o => o.Kind == OrganisationKind.Kommune)
            .OrderBy(o => o.Name).Select(o => new { o.Code, o.Name }).ToListAsync(ct);

        var regionIds = Filter(db, query, terms, Facet.Region, today).Select(p => p.Id);
        var regionCounts = await ActiveParticipations(db, ParticipationKind.Medlem, today)
            .Where(x => regionIds.Contains(x.ProductId))
            .Select(x => new { x.ProductId, Region = x.Organisation!.Kind == OrganisationKind.Region ? x.Organisation.Code : x.Organisation.Region!.Code })
            .Where(x => x.Region != null)
            .GroupBy(x => x.Region).Select(g => new { g.Key, Count = g.Select(x => x.ProductId).Distinct().Count() })
            .ToDictionaryAsync(x => x.Key!, x => x.Count, ct);
        var regions = await db.Organisations.Where(o => o.Kind == OrganisationKind.Region)
            .OrderBy(o => o.Code).Select(o => new { o.Code, o.Name }).ToListAsync(ct);

        return new CatalogFacets(
            categoryOptions,
            Enum.GetValues<MaturityLevel>().Select(m => new FacetOption(m.ToString(), m.ToString(), maturityCounts.GetValueOrDefault(m))).ToList(),
            Enum.GetValues<LifecycleState>().Select(l => new FacetOption(l.ToString(), l.ToString(), lifecycleCounts.GetValueOrDefault(l))).ToList(),
            suppliers.Select(s => new FacetOption(s.Slug, s.Name, supplierCounts.GetValueOrDefault(s.Id))).ToList(),
            municipalities.Select(m => new FacetOption(m.Code!, m.Name, municipalityCounts.GetValueOrDefault(m.Code!))).ToList(),
            regions.Select(r => new FacetOption(r.Code!, r.Name, regionCounts.GetValueOrDefault(r.Code!))).ToList(),
            licenceOptions);
    }

    private static int CountOf(int? count) => count ?? 0;

    private static IQueryable<Participation> ActiveParticipations(OS2HubDbContext db, ParticipationKind kind, DateOnly today) =>
        db.Participations.Where(ParticipationRules.CurrentOn(today, kind));

    /// <summary>All filters but <paramref name="except"/>: a facet's counts say what choosing one more of its values would give.</summary>
    private static IQueryable<Product> Filter(OS2HubDbContext db, CatalogQuery q, IReadOnlyList<string> terms, Facet except, DateOnly today)
    {
        var products = CatalogSearch.Match(db.Products.AsNoTracking(), terms);

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

        if (except != Facet.Supplier && q.Suppliers.Count > 0)
        {
            var slugs = q.Suppliers.ToList();
            var current = ParticipationRules.CurrentOn(today, ParticipationKind.Leverandoer);
            products = products.Where(p => p.Participations.AsQueryable().Where(current).Any(x => slugs.Contains(x.Organisation!.Slug)));
        }

        if (except != Facet.Municipality && q.Municipalities.Count > 0)
        {
            var codes = q.Municipalities.ToList();
            var current = ParticipationRules.CurrentOn(today, ParticipationKind.Medlem);
            products = products.Where(p => p.Participations.AsQueryable().Where(current)
                .Any(x => x.Organisation!.Kind == OrganisationKind.Kommune && codes.Contains(x.Organisation.Code!)));
        }

        if (except != Facet.Region && q.Regions.Count > 0)
        {
            var codes = q.Regions.ToList();
            var current = ParticipationRules.CurrentOn(today, ParticipationKind.Medlem);
            products = products.Where(p => p.Participations.AsQueryable().Where(current)
                .Any(x => (x.Organisation!.Kind == OrganisationKind.Region && codes.Contains(x.Organisation.Code!))
                    || (x.Organisation.Region != null && codes.Contains(x.Organisation.Region.Code!))));
        }

        return products;
    }
}
