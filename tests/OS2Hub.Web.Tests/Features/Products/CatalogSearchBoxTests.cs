using Microsoft.Extensions.Time.Testing;
using Bunit.TestDoubles;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using OS2Hub.Web.Features.Editing;
using OS2Hub.Web.Features.Access;
using OS2Hub.Web.Features.Memberships;
using OS2Hub.Web.Features.Products;
using OS2Hub.Web.Tests.Infrastructure;

namespace OS2Hub.Web.Tests.Features.Products;

/// <summary>The catalogue's search box on the real page, over the real service and SQLite.</summary>
public sealed class CatalogSearchBoxTests : MudBunitContext
{
    // SQLite whatever the run's provider: these are tests of the search box's timing on a fake clock, which need the
    // catalogue's load to finish at once; the search itself is tested on both providers in CatalogSearchTests.
    private readonly TestDatabase _db = new SqliteTestDatabase();
    private readonly FakeTimeProvider _clock = new(FixedClock.Default.GetUtcNow());

    public CatalogSearchBoxTests()
    {
        Services.AddSingleton<TimeProvider>(_clock);
        Services.AddSingleton(new ProductCatalogService(_db, FixedClock.Default));
        Services.AddSingleton(new AccessService(_db));
        Services.AddScoped<CurrentUser>();
        AddAuthorization();
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _db.Dispose();
        }
    }

    [Fact]
    public async Task EnterSearchesAtOnceWithoutWaitingForThePauseInTyping()
    {
        // Arrange
        await _db.LoadReferenceDataAsync();
        var navigation = Services.GetRequiredService<BunitNavigationManager>();
        var cut = Render<ProductsPage>();

        // Act: type and press Enter straight away, as a user does.
        cut.Find("form.catalog-search input").Input("rollekatalog");
        cut.Find("form.catalog-search").Submit();

        // Assert: no WaitForAssertion here: the search must not wait for the typing pause.
        Assert.EndsWith("/produkter?q=rollekatalog", navigation.Uri, StringComparison.Ordinal);
    }

    [Fact]
    public async Task APauseInTypingSearchesByItselfWithTheLastText()
    {
        // Arrange
        await _db.LoadReferenceDataAsync();
        var navigation = Services.GetRequiredService<BunitNavigationManager>();
        var cut = Render<ProductsPage>();

        // Act: two keystrokes 80 ms apart, then a pause (on the page's clock, so the test does not depend on the machine's speed).
        cut.Find("form.catalog-search input").Input("rolle");
        _clock.Advance(TimeSpan.FromMilliseconds(80));
        cut.Find("form.catalog-search input").Input("rollekat");
        _clock.Advance(TimeSpan.FromMilliseconds(80));
        var beforeThePause = navigation.History.Count;
        _clock.Advance(TimeSpan.FromMilliseconds(20));

        // Assert: nothing while typing, then one search, for the last text, with its results on the page.
        Assert.Equal(0, beforeThePause);
        cut.WaitForAssertion(() => Assert.EndsWith("/produkter?q=rollekat", navigation.Uri, StringComparison.Ordinal));
        Assert.Single(navigation.History);
        Assert.Equal("rollekat", cut.Find("form.catalog-search input").GetAttribute("value"));
        Assert.Contains("OS2rollekatalog", cut.Find(".catalog-main").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SearchesTypedOneAfterAnotherLeaveOneEntryInTheHistory()
    {
        // Arrange
        await _db.LoadReferenceDataAsync();
        var navigation = Services.GetRequiredService<BunitNavigationManager>();
        var cut = Render<ProductsPage>();

        // Act: a search, then more letters after a pause.
        cut.Find("form.catalog-search input").Input("rolle");
        _clock.Advance(TimeSpan.FromMilliseconds(100));
        cut.WaitForAssertion(() => Assert.EndsWith("?q=rolle", navigation.Uri, StringComparison.Ordinal));
        cut.Find("form.catalog-search input").Input("rollekatalog");
        _clock.Advance(TimeSpan.FromMilliseconds(100));
        cut.WaitForAssertion(() => Assert.EndsWith("?q=rollekatalog", navigation.Uri, StringComparison.Ordinal));

        // Assert: the second search took the first one's place, so Back leaves the search rather than one word.
        var entry = Assert.Single(navigation.History);
        Assert.True(entry.Options.ReplaceHistoryEntry);
        Assert.EndsWith("?q=rollekatalog", entry.Uri, StringComparison.Ordinal);
    }
}
