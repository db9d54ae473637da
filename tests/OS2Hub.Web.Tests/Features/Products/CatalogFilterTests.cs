using OS2Hub.Web.Data.Entities;
using OS2Hub.Web.Features.Products;
using OS2Hub.Web.Tests.Infrastructure;

namespace OS2Hub.Web.Tests.Features.Products;

/// <summary>Filters (OR within one, AND across), their counts, paging and sorting, on a small known catalogue.</summary>
public sealed class CatalogFilterTests : IDisposable
{
    private readonly TestDatabase _db = TestDatabase.Create();
    private readonly ProductCatalogService _service;

    public CatalogFilterTests() => _service = new ProductCatalogService(_db, FixedClock.Default);

    public void Dispose() => _db.Dispose();

    private Task SeedAsync() => new CatalogBuilder(_db)
        .Region("1082", "Region Midtjylland").Region("1084", "Region Hovedstaden")
        .Municipality("0751", "Aarhus", "1082").Municipality("0710", "Favrskov", "1082").Municipality("0101", "København", "1084")
        .Supplier("Magenta ApS").Supplier("Digital Identity ApS")
        .Product("Alfa", "IdM", MaturityLevel.Level2, "MPL-2.0", updated: new DateTime(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc))
        .Product("Beta", "IdM", MaturityLevel.Level1, "EUPL-1.2", updated: new DateTime(2026, 5, 1, 0, 0, 0, DateTimeKind.Utc))
        .Product("Gamma", "IoT", MaturityLevel.Level1, null, updated: new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc))
        .Product("Delta", null, MaturityLevel.Unknown, "MPL-2.0", lifecycle: LifecycleState.Retired)
        .Member("Alfa", "0751").Member("Alfa", "0710").Member("Alfa", "0101")
        .Member("Beta", "0751")
        .Member("Gamma", "0101").Member("Gamma", "0710", end: new DateOnly(2024, 1, 1))
        .Supplies("Alfa", "Magenta ApS").Supplies("Beta", "Digital Identity ApS").Supplies("Gamma", "Magenta ApS", end: new DateOnly(2025, 1, 1))
        .SaveAsync();

    private async Task<CatalogResult> Search(CatalogQuery query) => await _service.SearchAsync(query, TestContext.Current.CancellationToken);

    private static List<string> Names(CatalogResult r) => r.Items.Select(i => i.Name).ToList();

    private static int Count(IReadOnlyList<FacetOption> options, string value) => options.Single(o => o.Value == value).Count;

    [Fact]
    public async Task ValuesWithinOneFilterCombineWithOr()
    {
        await SeedAsync();

        var result = await Search(new CatalogQuery { Maturities = [MaturityLevel.Level1, MaturityLevel.Level2] });

        Assert.Equal(["Alfa", "Beta", "Gamma"], Names(result));
    }

    [Fact]
    public async Task DifferentFiltersCombineWithAnd()
    {
        await SeedAsync();

        var result = await Search(new CatalogQuery { Categories = ["idm"], Maturities = [MaturityLevel.Level1] });

        Assert.Equal(["Beta"], Names(result));
    }

    [Fact]
    public async Task FacetCountsSayWhatChoosingTheValueWouldGive()
    {
        await SeedAsync();

        var result = await Search(new CatalogQuery { Categories = ["idm"] });

        // Counts of the category facet ignore the category filter itself, so other categories stay choosable.
        Assert.Equal(2, Count(result.Facets.Categories, "idm"));
        Assert.Equal(1, Count(result.Facets.Categories, "iot"));
        Assert.Equal(1, Count(result.Facets.Categories, CatalogQuery.Unknown));
        // Other facets count within the filtered result.
        Assert.Equal(1, Count(result.Facets.Maturities, "niveau1"));
        Assert.Equal(1, Count(result.Facets.Maturities, "niveau2"));
        Assert.Equal(0, Count(result.Facets.Maturities, "ukendt"));
        Assert.Equal(1, Count(result.Facets.Licences, "MPL-2.0"));
        Assert.Equal(1, Count(result.Facets.Suppliers, "magenta-aps"));
        Assert.Equal(2, Count(result.Facets.Municipalities, "0751"));
        Assert.Equal(2, Count(result.Facets.Regions, "1082"));
        Assert.Equal(1, Count(result.Facets.Regions, "1084"));
    }

    [Fact]
    public async Task EndedMembershipsAndSupplierRolesDoNotCount()
    {
        await SeedAsync();

        var favrskov = await Search(new CatalogQuery { Municipalities = ["0710"] });
        var magenta = await Search(new CatalogQuery { Suppliers = ["magenta-aps"] });
        var all = await Search(new CatalogQuery());

        Assert.Equal(["Alfa"], Names(favrskov));
        Assert.Equal(["Alfa"], Names(magenta));
        Assert.Equal(1, all.Items.Single(i => i.Name == "Gamma").MemberCount);
        Assert.Equal(1, Count(all.Facets.Suppliers, "magenta-aps"));
    }

    [Fact]
    public async Task RegionFilterFindsProductsCoOwnedByMunicipalitiesInTheRegion()
    {
        await SeedAsync();

        var result = await Search(new CatalogQuery { Regions = ["1084"] });

        Assert.Equal(["Alfa", "Gamma"], Names(result));
    }

    [Fact]
    public async Task UnknownLicenceIsAFilterValue()
    {
        await SeedAsync();

        var result = await Search(new CatalogQuery { Licences = [CatalogQuery.Unknown, "EUPL-1.2"] });

        Assert.Equal(["Beta", "Gamma"], Names(result));
    }

    [Fact]
    public async Task LifecycleFilterFindsProductsThatLeftOS2()
    {
        await SeedAsync();

        var result = await Search(new CatalogQuery { Lifecycles = [LifecycleState.Retired] });

        Assert.Equal(["Delta"], Names(result));
        Assert.Equal(3, Count(result.Facets.Lifecycles, "aktiv"));
    }

    [Fact]
    public async Task SortsByCoOwnersAndByLastChange()
    {
        await SeedAsync();

        var byCoOwners = await Search(new CatalogQuery { Sort = CatalogSort.Members });
        var byChange = await Search(new CatalogQuery { Sort = CatalogSort.LastChanged });

        Assert.Equal(["Alfa", "Beta", "Gamma", "Delta"], Names(byCoOwners));
        Assert.Equal([3, 1, 1, 0], byCoOwners.Items.Select(i => i.MemberCount));
        Assert.Equal(["Beta", "Alfa", "Delta", "Gamma"], Names(byChange));
    }

    [Fact]
    public async Task PagesAreCutOnTheServer()
    {
        var builder = new CatalogBuilder(_db);
        for (var i = 1; i <= 25; i++)
        {
            builder.Product($"Produkt {i:00}");
        }

        await builder.SaveAsync();

        var page3 = await Search(new CatalogQuery { Page = 3, PageSize = 10 });
        var beyond = await Search(new CatalogQuery { Page = 99, PageSize = 10 });

        Assert.Equal(25, page3.Total);
        Assert.Equal(3, page3.PageCount);
        Assert.Equal(["Produkt 21", "Produkt 22", "Produkt 23", "Produkt 24", "Produkt 25"], Names(page3));
        Assert.Equal(3, beyond.Page);
        Assert.Equal(Names(page3), Names(beyond));
    }

    [Fact]
    public async Task PageSizeIsCappedAtTheMaximum()
    {
        await SeedAsync();

        var result = await Search(new CatalogQuery { PageSize = 100_000 });

        Assert.Equal(CatalogQuery.MaxPageSize, result.PageSize);
    }

    [Fact]
    public async Task SupplierNamesOfEachCardAreTheCurrentOnes()
    {
        await SeedAsync();

        var result = await Search(new CatalogQuery());

        Assert.Equal(["Magenta ApS"], result.Items.Single(i => i.Name == "Alfa").Suppliers);
        Assert.Empty(result.Items.Single(i => i.Name == "Gamma").Suppliers);
    }
}
