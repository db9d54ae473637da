using OS2Hub.Web.Data;
using OS2Hub.Web.Data.Entities;

namespace OS2Hub.Web.Features.Products;

/// <summary>
/// The catalogue query over a snapshot, in one pass: each product gets a bit per filter it passes, the results are
/// the products that pass all, and a facet's counts come from the products that pass all but that facet's own
/// filter (what choosing one more of its values would give). Nothing here touches the database.
/// </summary>
internal static class CatalogQueryRunner
{
    private const int Text = 1, Category = 2, Maturity = 4, Lifecycle = 8, Licence = 16, Supplier = 32, Municipality = 64, Region = 128;
    private const int All = 255;

    public static CatalogResult Run(CatalogSnapshot s, CatalogQuery q)
    {
        var terms = TextFolding.SearchTerms(q.Text);
        var categories = q.Categories.Count == 0 ? null : s.Categories.Where(c => q.Categories.Contains(c.Slug)).Select(c => c.Id).ToHashSet();
        var unknownCategory = q.Categories.Contains(CatalogQuery.Unknown);
        var maturities = q.Maturities.Count == 0 ? null : q.Maturities.ToHashSet();
        var lifecycles = q.Lifecycles.Count == 0 ? null : q.Lifecycles.ToHashSet();
        var licences = q.Licences.Count == 0 ? null : q.Licences.ToHashSet(StringComparer.Ordinal);
        var unknownLicence = q.Licences.Contains(CatalogQuery.Unknown);
        var suppliers = q.Suppliers.Count == 0 ? null : q.Suppliers.Select(slug => s.BySlug.GetValueOrDefault(slug)?.Id ?? 0).ToHashSet();
        var municipalities = q.Municipalities.Count == 0 ? null
            : s.Municipalities.Where(o => q.Municipalities.Contains(o.Code!)).Select(o => o.Id).ToHashSet();
        var regions = q.Regions.Count == 0 ? null : s.RegionMembers(q.Regions);

        var categoryCounts = new Dictionary<int, int>();
        var maturityCounts = new Dictionary<MaturityLevel, int>();
        var lifecycleCounts = new Dictionary<LifecycleState, int>();
        var licenceCounts = new Dictionary<string, int>(StringComparer.Ordinal);
        var unknownLicenceCount = 0;
        var supplierCounts = new Dictionary<int, int>();
        var memberCounts = new Dictionary<int, int>();
        var regionCounts = new int[s.RegionDirectory.Length];
        var regionSeen = new int[s.RegionDirectory.Length];
        var matches = new List<(CatalogProduct Product, int Score)>();
        var index = 0;
        foreach (var p in s.Products)
        {
            index++;
            var score = 0;
            if (!MatchesText(p, terms, ref score))
            {
                continue;
            }

            var mask = Text
                | (categories is null || (p.CategoryId is { } c ? categories.Contains(c) : unknownCategory) ? Category : 0)
                | (maturities is null || maturities.Contains(p.Maturity) ? Maturity : 0)
                | (lifecycles is null || lifecycles.Contains(p.Lifecycle) ? Lifecycle : 0)
                | (licences is null || (p.Licence is { } l ? licences.Contains(l) : unknownLicence) ? Licence : 0)
                | (suppliers is null || p.Suppliers.Any(suppliers.Contains) ? Supplier : 0)
                | (municipalities is null || p.Members.Any(municipalities.Contains) ? Municipality : 0)
                | (regions is null || p.Members.Any(regions.Contains) ? Region : 0);
            if (mask == All)
            {
                matches.Add((p, score));
            }

            if ((mask | Category) == All)
            {
                Increment(categoryCounts, p.CategoryId ?? 0);
            }

            if ((mask | Maturity) == All)
            {
                Increment(maturityCounts, p.Maturity);
            }

            if ((mask | Lifecycle) == All)
            {
                Increment(lifecycleCounts, p.Lifecycle);
            }

            if ((mask | Licence) == All)
            {
                if (p.Licence is { } licence)
                {
                    Increment(licenceCounts, licence);
                }
                else
                {
                    unknownLicenceCount++;
                }
            }

            if ((mask | Supplier) == All)
            {
                foreach (var id in p.Suppliers)
                {
                    Increment(supplierCounts, id);
                }
            }

            if ((mask | Municipality) == All)
            {
                foreach (var id in p.Members)
                {
                    Increment(memberCounts, id);
                }
            }

            if ((mask | Region) == All)
            {
                foreach (var id in p.Members)
                {
                    if (s.RegionOf.TryGetValue(id, out var r) && regionSeen[r] != index)
                    {
                        regionSeen[r] = index;
                        regionCounts[r]++;
                    }
                }
            }
        }

        var ordered = q.EffectiveSort switch
        {
            CatalogSort.Relevance when terms.Count > 0 => matches.OrderByDescending(m => m.Score).ThenBy(m => m.Product.Name, StringComparer.Ordinal),
            CatalogSort.Members => matches.OrderByDescending(m => m.Product.Members.Length).ThenBy(m => m.Product.Name, StringComparer.Ordinal),
            CatalogSort.LastChanged => matches.OrderByDescending(m => m.Product.UpdatedAt).ThenBy(m => m.Product.Name, StringComparer.Ordinal),
            _ => matches.OrderBy(m => m.Product.Name, StringComparer.Ordinal),
        };
        var pageSize = Math.Clamp(q.PageSize, 1, CatalogQuery.MaxPageSize);
        var page = Math.Clamp(q.Page, 1, Math.Max(1, (matches.Count + pageSize - 1) / pageSize));
        var categoryNames = s.Categories.ToDictionary(c => c.Id, c => c.Name);
        var items = ordered.ThenBy(m => m.Product.Id).Skip((page - 1) * pageSize).Take(pageSize).Select(m => m.Product)
            .Select(p => new ProductCard(p.Id, p.Slug, p.Name, p.Summary, p.SummaryLanguage, p.CategoryId is { } c ? categoryNames.GetValueOrDefault(c) : null,
                p.Maturity, p.Lifecycle, p.Licence, p.Members.Length, [.. p.Suppliers.Select(id => s.Organisations[id].Name).Order(StringComparer.CurrentCulture)], p.UpdatedAt))
            .ToList();

        var facets = new CatalogFacets(
            [.. s.Categories.Select(c => new FacetOption(c.Slug, c.Name, categoryCounts.GetValueOrDefault(c.Id))),
                new FacetOption(CatalogQuery.Unknown, CatalogQuery.Unknown, categoryCounts.GetValueOrDefault(0))],
            [.. Enum.GetValues<MaturityLevel>().Select(m => new FacetOption(UrlWords.Word(m), m.ToString(), maturityCounts.GetValueOrDefault(m)))],
            [.. Enum.GetValues<LifecycleState>().Select(l => new FacetOption(UrlWords.Word(l), l.ToString(), lifecycleCounts.GetValueOrDefault(l)))],
            [.. s.SupplierDirectory.Select(o => new FacetOption(o.Slug, o.Name, supplierCounts.GetValueOrDefault(o.Id)))],
            [.. s.Municipalities.Select(o => new FacetOption(o.Code!, o.Name, memberCounts.GetValueOrDefault(o.Id)))],
            [.. s.RegionDirectory.Select((r, i) => new FacetOption(r.Code!, r.Name, regionCounts[i]))],
            [.. s.Licences.Select(l => new FacetOption(l, l, licenceCounts.GetValueOrDefault(l))), new FacetOption(CatalogQuery.Unknown, CatalogQuery.Unknown, unknownLicenceCount)]);
        return new CatalogResult(items, matches.Count, page, pageSize, facets);
    }

    /// <summary>
    /// Every word must occur in the folded search text. Relevance, per word: an exact name scores most, then a name
    /// that starts with the word, then one that contains it; the name is compared without its "OS2" brand prefix.
    /// </summary>
    private static bool MatchesText(CatalogProduct p, IReadOnlyList<string> terms, ref int score)
    {
        foreach (var term in terms)
        {
            if (!p.SearchText.Contains(term, StringComparison.Ordinal))
            {
                return false;
            }

            score += (p.SearchName == term ? 4 : 0) + (p.SearchName.StartsWith(term, StringComparison.Ordinal) ? 2 : 0) + (p.SearchName.Contains(term, StringComparison.Ordinal) ? 1 : 0);
        }

        return true;
    }

    private static void Increment<TKey>(Dictionary<TKey, int> counts, TKey key) where TKey : notnull =>
        counts[key] = counts.GetValueOrDefault(key) + 1;
}
