using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace OS2Hub.E2E.Tests;

public sealed class CatalogueJourneyTests(BrowserHost host) : IClassFixture<BrowserHost>
{
    [Fact]
    public async Task SearchFilterOpenProductFollowCoOwnerAndGoBack()
    {
        var page = await host.NewPageAsync();
        await page.GotoAsync("/produkter");
        await BrowserHost.WaitForInteractiveAsync(page);

        // Search: the query lands in the URL and the list narrows.
        await page.GetByLabel("Søg i produkter").FillAsync("rolle");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"q=rolle"));
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "OS2rollekatalog", Exact = true })).ToBeVisibleAsync();

        // Filter by a region of co-owners (demo co-owners exist in every region).
        await page.GetByLabel(new Regex("^Region Midtjylland")).CheckAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"region=1082"));
        await Assertions.Expect(page.GetByLabel(new Regex("^Region Midtjylland"))).ToBeCheckedAsync();

        // Open the product.
        await page.GetByRole(AriaRole.Link, new() { Name = "OS2rollekatalog", Exact = true }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/produkter/os2rollekatalog$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "OS2rollekatalog", Level = 1 })).ToBeVisibleAsync();

        // Follow the first co-owner to its page.
        var coOwner = page.Locator("section[aria-labelledby='coowners-heading'] ul.member-list a").First;
        var coOwnerName = await coOwner.TextContentAsync();
        await coOwner.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/organisationer/[^/]+$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(coOwnerName!);
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "OS2rollekatalog" }).First).ToBeVisibleAsync();

        // Back returns to the product, and once more to the filtered catalogue.
        await page.GoBackAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/produkter/os2rollekatalog$"));
        await page.GoBackAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/produkter\?q=rolle.*region=1082"));
        await Assertions.Expect(page.GetByLabel("Søg i produkter")).ToHaveValueAsync("rolle");
    }

    [Fact]
    public async Task FiltersWorkByKeyboard()
    {
        var page = await host.NewPageAsync();
        await page.GotoAsync("/produkter");
        await BrowserHost.WaitForInteractiveAsync(page);

        await page.GetByLabel(new Regex("^Niveau 1 ")).FocusAsync();
        await page.Keyboard.PressAsync("Space");

        await Assertions.Expect(page).ToHaveURLAsync(new Regex("modenhed=niveau1"));
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("2 produkter");
    }

    [Fact]
    public async Task SkipLinkIsTheFirstStopAndMovesFocusToTheContent()
    {
        var page = await host.NewPageAsync();
        await page.GotoAsync("/");
        await BrowserHost.WaitForInteractiveAsync(page);
        // The skip link is the first thing a keyboard reaches, it shows when focused, and it lands in the content.
        var first = await page.EvaluateAsync<string>(
            "() => document.querySelector('a[href], button, input, select, textarea, [tabindex]:not([tabindex=\"-1\"])').className");
        Assert.Equal("skip-link", first);
        var skip = page.GetByRole(AriaRole.Link, new() { Name = "Gå til indhold" });
        await skip.FocusAsync();
        await Assertions.Expect(skip).ToBeInViewportAsync();
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.Locator("main#main")).ToBeFocusedAsync();
    }

    [Fact]
    public async Task EmptySearchOffersAWayBack()
    {
        var page = await host.NewPageAsync();
        await page.GotoAsync("/produkter?q=findesslet");
        await BrowserHost.WaitForInteractiveAsync(page);

        await Assertions.Expect(page.GetByText("Ingen produkter matcher »findesslet«")).ToBeVisibleAsync();
        await page.Locator(".empty-state").GetByRole(AriaRole.Button, new() { Name = "Nulstil søgning og filtre" }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/produkter$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("31 produkter");
    }
}

public sealed class RealDataJourneyTests(RealDataBrowserHost host) : IClassFixture<RealDataBrowserHost>
{
    [Fact]
    public async Task CatalogueAndProductShowRealFactsOnly()
    {
        var page = await host.NewPageAsync();
        await page.GotoAsync("/produkter");
        await BrowserHost.WaitForInteractiveAsync(page);

        await Assertions.Expect(page.GetByText("Demodata")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("31 produkter");

        await page.GetByRole(AriaRole.Link, new() { Name = "OS2mo", Exact = true }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/produkter/os2mo$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Medejere (0)" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Demodata")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("ul.member-list li")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Magenta ApS" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("pilot of OS2mo 2.0").First).ToBeVisibleAsync();
    }
}
