using OS2Hub.Web.Data.Entities;
using OS2Hub.Web.Features.Products;
using OS2Hub.Web.Tests.Infrastructure;

namespace OS2Hub.Web.Tests.Features.Products;

public sealed class CatalogComponentTests : MudBunitContext
{
    private static readonly CatalogFacets Facets = new(
        [new("idm", "Organisation og IdM", 3), new("iot", "IoT", 1), new(CatalogQuery.Unknown, CatalogQuery.Unknown, 0)],
        [new("ukendt", "Unknown", 2), new("niveau1", "Level1", 2)],
        [new("aktiv", "Active", 4)],
        [new("magenta-aps", "Magenta ApS", 2)],
        [new("0751", "Aarhus Kommune", 2), new("0101", "Københavns Kommune", 0)],
        [new("1082", "Region Midtjylland", 2)],
        [new("MPL-2.0", "MPL-2.0", 3)]);

    [Fact]
    public void FiltersShowEachValueWithItsCount()
    {
        var cut = Render<CatalogFilters>(p => p.Add(c => c.Facets, Facets).Add(c => c.Query, new CatalogQuery()));

        Assert.Equal("Organisation og IdM (3)", cut.Find("label[for='facet-kategori-idm']").TextContent.Trim());
        Assert.Equal("Niveau 1 (2)", cut.Find("label[for='facet-modenhed-niveau1']").TextContent.Trim());
        Assert.Equal("ukendt (0)", cut.Find("label[for='facet-kategori-ukendt']").TextContent.Trim());
        // Municipalities that would give nothing are hidden from the long list.
        Assert.Empty(cut.FindAll("#facet-kommune-0101"));
        Assert.Single(cut.FindAll("#facet-kommune-0751"));
        Assert.All(cut.FindAll("fieldset"), f => Assert.NotEmpty(f.QuerySelector("legend")!.TextContent));
    }

    [Fact]
    public void AFacetWithThousandsOfValuesShowsTheLargestAndTheChosenUntilAllAreAskedFor()
    {
        // A supplier per number, each supplying as many products as its number, in alphabetical order as the catalogue gives them.
        var suppliers = Enumerable.Range(1, 60).Select(i => new FacetOption($"lev-{i:00}", $"Leverandør {i:00}", i)).ToList();
        var facets = Facets with { Suppliers = suppliers };
        var cut = Render<CatalogFilters>(p => p.Add(c => c.Facets, facets).Add(c => c.Query, new CatalogQuery { Suppliers = ["lev-01"] }));

        var shown = cut.FindAll("input[id^='facet-leverandoer-']").Select(i => i.Id).ToList();

        Assert.Equal(15, shown.Count);
        Assert.Contains("facet-leverandoer-lev-01", shown);                         // chosen, though it has fewest
        Assert.DoesNotContain("facet-leverandoer-lev-02", shown);                   // among the smallest, not shown yet
        Assert.Equal(shown.Order(StringComparer.Ordinal), shown);                   // still in the list's own order
        cut.Find("button.facet-more").Click();
        Assert.Equal(60, cut.FindAll("input[id^='facet-leverandoer-']").Count);
        Assert.Empty(cut.FindAll("button.facet-more"));
    }

    [Fact]
    public void TheMunicipalitiesShowTheFifteenWithMostProductsAndTheChosenUntilAllAreAskedFor()
    {
        // The 98 municipalities, each co-owning as many products as its number.
        var municipalities = Enumerable.Range(1, 98).Select(i => new FacetOption($"{i:0000}", $"Kommune {i:00}", i)).ToList();
        var facets = Facets with { Municipalities = municipalities };
        var cut = Render<CatalogFilters>(p => p.Add(c => c.Facets, facets).Add(c => c.Query, new CatalogQuery { Municipalities = ["0002"] }));

        var shown = cut.FindAll("input[id^='facet-kommune-']").Select(i => i.Id).ToList();

        Assert.Equal(15, shown.Count);
        Assert.Contains("facet-kommune-0002", shown);                             // chosen
        Assert.Contains("facet-kommune-0098", shown);                             // most products
        Assert.DoesNotContain("facet-kommune-0050", shown);
        Assert.Equal("Vis alle 98 Medejer-kommune", cut.Find("fieldset:has(#facet-kommune-0098) button.facet-more").TextContent.Trim());
        cut.Find("fieldset:has(#facet-kommune-0098) button.facet-more").Click();
        Assert.Equal(98, cut.FindAll("input[id^='facet-kommune-']").Count);
    }

    [Fact]
    public void TickingAValueAddsItToTheQueryAndGoesBackToPageOne()
    {
        CatalogQuery? raised = null;
        var query = new CatalogQuery { Categories = ["iot"], Page = 3 };
        var cut = Render<CatalogFilters>(p => p.Add(c => c.Facets, Facets).Add(c => c.Query, query)
            .Add(c => c.QueryChanged, q => raised = q));

        cut.Find("#facet-kategori-idm").Change(true);

        Assert.NotNull(raised);
        Assert.Equal(["iot", "idm"], raised.Categories);
        Assert.Equal(1, raised.Page);
    }

    [Fact]
    public void ClearingATickedValueRemovesIt()
    {
        CatalogQuery? raised = null;
        var query = new CatalogQuery { Maturities = [MaturityLevel.Level1, MaturityLevel.Unknown] };
        var cut = Render<CatalogFilters>(p => p.Add(c => c.Facets, Facets).Add(c => c.Query, query)
            .Add(c => c.QueryChanged, q => raised = q));

        Assert.True(cut.Find("#facet-modenhed-niveau1").HasAttribute("checked"));
        cut.Find("#facet-modenhed-niveau1").Change(false);

        Assert.Equal([MaturityLevel.Unknown], raised!.Maturities);
    }

    [Fact]
    public void ClearAllKeepsSortAndPageSizeOnly()
    {
        CatalogQuery? raised = null;
        var query = new CatalogQuery { Text = "rolle", Suppliers = ["magenta-aps"], Sort = CatalogSort.Members, PageSize = 50 };
        var cut = Render<CatalogFilters>(p => p.Add(c => c.Facets, Facets).Add(c => c.Query, query)
            .Add(c => c.QueryChanged, q => raised = q));

        cut.Find("button").Click();

        Assert.NotNull(raised);
        Assert.False(raised.HasFilters);
        Assert.Equal(CatalogSort.Members, raised.Sort);
        Assert.Equal(50, raised.PageSize);
    }

    [Fact]
    public void ResultsShowCardsWithTheirFacts()
    {
        var result = new CatalogResult(
            [
                new ProductCard(1, "os2mo", "OS2mo", "Organisationskomponent.", "da", "IdM", MaturityLevel.Level2, LifecycleState.Active,
                    "MPL-2.0", 12, ["Magenta ApS"], DateTime.UtcNow),
                new ProductCard(2, "os2iot", "OS2iot", "IoT platform.", "en", null, MaturityLevel.Unknown, LifecycleState.Frozen,
                    null, 0, [], DateTime.UtcNow),
            ], 2, 1, 20, Facets);

        var cut = Render<CatalogResults>(p => p.Add(c => c.Result, result).Add(c => c.Query, new CatalogQuery()));

        var cards = cut.FindAll("li.product-card");
        Assert.Equal(2, cards.Count);
        Assert.Equal("/produkter/os2mo", cards[0].QuerySelector("h2 a")!.GetAttribute("href"));
        Assert.Contains("Niveau 2", cards[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("Magenta ApS", cards[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("12", cards[0].QuerySelector(".product-card-facts")!.TextContent, StringComparison.Ordinal);
        // Unknown is said, not guessed; English-only text is marked.
        var licence = cards[1].QuerySelectorAll(".product-card-facts div").Single(d => d.QuerySelector("dt")!.TextContent == "Licens");
        Assert.Equal("ukendt", licence.QuerySelector("dd")!.TextContent);
        Assert.Equal("en", cards[1].QuerySelector(".product-card-summary")!.GetAttribute("lang"));
        Assert.Contains("på engelsk", cards[1].TextContent, StringComparison.Ordinal);
        Assert.Contains("Frosset", cards[1].TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void EmptyResultNamesTheSearchAndOffersToClear()
    {
        var cleared = false;
        var cut = Render<CatalogResults>(p => p
            .Add(c => c.Result, new CatalogResult([], 0, 1, 20, Facets))
            .Add(c => c.Query, new CatalogQuery { Text = "blæksprutte" })
            .Add(c => c.OnClearFilters, () => cleared = true));

        Assert.Contains("Ingen produkter matcher »blæksprutte«", cut.Find(".empty-state h2").TextContent, StringComparison.Ordinal);
        cut.Find(".empty-state button").Click();
        Assert.True(cleared);
    }
}
