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

    public static CatalogResult Run(CatalogSnapshot s, CatalogQuery q, bool withFacets)
    {
        var terms = TextFolding.SearchTerms(q.Text);
        var categories = q.Categories.Count == 0 ? null : s.Categories.Where(c => q.Categories.Contains(c.Slug)).Select(c => c.Id).ToHashSet();
        var unknownCategory = q.Categories.Contains(CatalogQuery.Unknown);
        var maturities = q.Maturities.Count == 0 ? null : q.Maturities.ToHashSet();
        var lifecycles = q.Lifecycles.Count == 0 ? null : q.Lifecycles.ToHashSet();
        var licences = q.Licences.Count == 0 ? null : q.Licences.ToHashSet(StringComparer.Ordinal);
        var unknownLicence = q.Licences.Contains(CatalogQuery.Unknown);
        var suppliers = q.Suppliers.Count == 0 ? null : s.Mask(q.Suppliers.Select(slug => s.BySlug.GetValueOrDefault(slug)?.Id ?? 0));
        var municipalities = q.Municipalities.Count == 0 ? null : s.Mask(s.Municipalities.Where(o => q.Municipalities.Contains(o.Code!)).Select(o => o.Id));
        var regions = q.Regions.Count == 0 ? null : s.Mask(s.RegionMembers(q.Regions));

        var categoryCounts = new Dictionary<int, int>();
        var maturityCounts = new Dictionary<MaturityLevel, int>();
        var lifecycleCounts = new Dictionary<LifecycleState, int>();
        var licenceCounts = new Dictionary<string, int>(StringComparer.Ordinal);
        var unknownLicenceCount = 0;
        var supplierCounts = new int[s.OrganisationAt.Length];
        var memberCounts = new int[s.OrganisationAt.Length];
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
                | (suppliers is null || AnyIn(p.Suppliers, suppliers) ? Supplier : 0)
                | (municipalities is null || AnyIn(p.Members, municipalities) ? Municipality : 0)
                | (regions is null || AnyIn(p.Members, regions) ? Region : 0);
            if (mask == All)
            {
                matches.Add((p, score));
            }

            if (!withFacets)
            {
                continue;
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
                foreach (var i in p.Suppliers)
                {
                    supplierCounts[i]++;
                }
            }

            if ((mask | Municipality) == All)
            {
                foreach (var i in p.Members)
                {
                    memberCounts[i]++;
                }
            }

            if ((mask | Region) == All)
            {
                foreach (var i in p.Members)
                {
                    if (s.RegionOf[i] is var r and >= 0 && regionSeen[r] != index)
                    {
                        regionSeen[r] = index;
                        regionCounts[r]++;
                    }
                }
            }
        }

        // The snapshot holds the products in name order, and LINQ's ordering is stable: every sort ends by name.
        IEnumerable<(CatalogProduct Product, int Score)> ordered = q.EffectiveSort switch
        {
            CatalogSort.Relevance when terms.Count > 0 => matches.OrderByDescending(m => m.Score),
            CatalogSort.Members => matches.OrderByDescending(m => m.Product.Members.Length),
            CatalogSort.LastChanged => matches.OrderByDescending(m => m.Product.UpdatedAt),
            _ => matches,
        };
        var pageSize = Math.Clamp(q.PageSize, 1, CatalogQuery.MaxPageSize);
        var page = Math.Clamp(q.Page, 1, Math.Max(1, (matches.Count + pageSize - 1) / pageSize));
        var categoryNames = s.Categories.ToDictionary(c => c.Id, c => c.Name);
        var items = ordered.Skip((page - 1) * pageSize).Take(pageSize).Select(m => m.Product)
            .Select(p => new ProductCard(p.Id, p.Slug, p.Name, p.Summary, p.SummaryLanguage, p.CategoryId is { } c ? categoryNames.GetValueOrDefault(c) : null,
                p.Maturity, p.Lifecycle, p.Licence, p.Members.Length, [.. p.Suppliers.Select(i => s.OrganisationAt[i].Name).Order(StringComparer.CurrentCulture)], p.UpdatedAt))
            .ToList();

        var facets = !withFacets ? CatalogFacets.Empty : new CatalogFacets(
            [.. s.Categories.Select(c => new FacetOption(c.Slug, c.Name, categoryCounts.GetValueOrDefault(c.Id))),
                new FacetOption(CatalogQuery.Unknown, CatalogQuery.Unknown, categoryCounts.GetValueOrDefault(0))],
            [.. Enum.GetValues<MaturityLevel>().Select(m => new FacetOption(UrlWords.Word(m), m.ToString(), maturityCounts.GetValueOrDefault(m)))],
            [.. Enum.GetValues<LifecycleState>().Select(l => new FacetOption(UrlWords.Word(l), l.ToString(), lifecycleCounts.GetValueOrDefault(l)))],
            [.. s.SupplierDirectory.Select(o => new FacetOption(o.Slug, o.Name, supplierCounts[s.Position(o.Id)]))],
            [.. s.Municipalities.Select(o => new FacetOption(o.Code!, o.Name, memberCounts[s.Position(o.Id)]))],
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

    private static bool AnyIn(int[] positions, bool[] mask)
    {
        foreach (var i in positions)
        {
            if (mask[i])
            {
                return true;
            }
        }

        return false;
    }

    private static void Increment<TKey>(Dictionary<TKey, int> counts, TKey key) where TKey : notnull =>
        counts[key] = counts.GetValueOrDefault(key) + 1;
}
