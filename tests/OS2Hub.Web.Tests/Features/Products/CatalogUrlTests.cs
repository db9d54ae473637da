using OS2Hub.Web.Data.Entities;
using OS2Hub.Web.Features.Products;

namespace OS2Hub.Web.Tests.Features.Products;

public sealed class CatalogUrlTests
{
    [Fact]
    public void AViewRoundTripsThroughTheUrl()
    {
        var query = new CatalogQuery
        {
            Text = "rolle katalog", Categories = ["idm"], Maturities = [MaturityLevel.Level1], Lifecycles = [LifecycleState.Active],
            Suppliers = ["magenta-aps"], Municipalities = ["0751"], Regions = ["1082"], Licences = ["MPL-2.0"],
            Sort = CatalogSort.Members, Page = 2, PageSize = 50,
        };

        var url = CatalogUrl.Build(query);
        var parsed = ParseUrl(url);

        Assert.StartsWith("/produkter?q=rolle%20katalog&kategori=idm&modenhed=niveau1", url, StringComparison.Ordinal);
        Assert.Equal(query.Text, parsed.Text);
        Assert.Equal(query.Categories, parsed.Categories);
        Assert.Equal(query.Maturities, parsed.Maturities);
        Assert.Equal(query.Lifecycles, parsed.Lifecycles);
        Assert.Equal(query.Suppliers, parsed.Suppliers);
        Assert.Equal(query.Municipalities, parsed.Municipalities);
        Assert.Equal(query.Regions, parsed.Regions);
        Assert.Equal(query.Licences, parsed.Licences);
        Assert.Equal(query.Sort, parsed.Sort);
        Assert.Equal(2, parsed.Page);
        Assert.Equal(50, parsed.PageSize);
    }

    [Fact]
    public void NonsenseInTheUrlIsDroppedNotFatal()
    {
        var parsed = CatalogUrl.Parse("  ", null, ["niveau9", "5", "sandkasse"], ["ingen"], null, ["12", "abcd", "0751"], null, null, "tilfældig", "-3", "abc");

        Assert.Null(parsed.Text);
        Assert.Equal([MaturityLevel.Sandbox], parsed.Maturities);
        Assert.Empty(parsed.Lifecycles);
        Assert.Equal(["0751"], parsed.Municipalities);
        Assert.Null(parsed.Sort);
        Assert.Equal(1, parsed.Page);
        Assert.Equal(20, parsed.PageSize);
    }

    private static CatalogQuery ParseUrl(string url)
    {
        var q = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri("http://x" + url).Query);
        string[]? Get(string key) => q.TryGetValue(key, out var v) ? v.Select(s => s ?? "").ToArray() : null;
        return CatalogUrl.Parse(Get("q")?[0], Get("kategori"), Get("modenhed"), Get("livscyklus"), Get("leverandoer"), Get("kommune"),
            Get("region"), Get("licens"), Get("sortering")?[0], Get("side")?[0], Get("antal")?[0]);
    }
}
