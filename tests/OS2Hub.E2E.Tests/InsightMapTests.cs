using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace OS2Hub.E2E.Tests;

/// <summary>The map of Denmark by keyboard alone: past it with the skip link, into it municipality by municipality, and on to a product's map.</summary>
public sealed partial class InsightMapTests(BrowserHost host) : IClassFixture<BrowserHost>
{
    [Fact]
    public async Task TheMapIsUsedByKeyboardAndPassesAxe()
    {
        var page = await host.NewPageAsync();
        await page.GotoAsync("/indsigt");
        await BrowserHost.WaitForInteractiveAsync(page);
        await BrowserHost.AssertAccessibleAsync(page, "/indsigt");

        // The skip link, then Tab: the first municipality on the map, named by its name and figure.
        var skip = page.GetByRole(AriaRole.Link, new() { Name = "Spring kortet over" });
        await skip.FocusAsync();
        await page.Keyboard.PressAsync("Tab");
        var first = await page.EvaluateAsync<string>("() => document.activeElement.getAttribute('aria-label')");
        Assert.Matches(MunicipalityFigure(), first);
        await page.Keyboard.PressAsync("Tab");
        Assert.NotEqual(first, await page.EvaluateAsync<string>("() => document.activeElement.getAttribute('aria-label')"));

        // Past the 98 links in one step: Enter on the skip link, and the next Tab is the table's CSV link.
        await skip.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#kort-efter")).ToBeFocusedAsync(); // moved by the server, a moment later
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("Hent tallene som CSV", await page.EvaluateAsync<string>("() => document.activeElement.textContent.trim()"));

        // Enter on a municipality opens its page.
        await page.GetByRole(AriaRole.Link, new() { Name = "Aarhus Kommune: medejer af" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/organisationer/aarhus$"));

        // A product chosen by keyboard: its co-owners on the map.
        await page.GotoAsync("/indsigt");
        await BrowserHost.WaitForInteractiveAsync(page);
        await page.GetByLabel("Produkt", new() { Exact = true }).FocusAsync();
        await page.GetByLabel("Produkt", new() { Exact = true }).SelectOptionAsync("os2rollekatalog");
        await page.GetByRole(AriaRole.Button, new() { Name = "Vis", Exact = true }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/indsigt\\?produkt=os2rollekatalog$"));
        await Assertions.Expect(page.Locator(".map-caption")).ToHaveTextAsync("Kommuner, der er medejere af OS2rollekatalog");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Aarhus Kommune: medejer siden" })).ToHaveCountAsync(1);
        await BrowserHost.WaitForInteractiveAsync(page);
        await BrowserHost.AssertAccessibleAsync(page, "/indsigt?produkt=os2rollekatalog");
    }

    [GeneratedRegex("^.+: (medejer af \\d+ produkt(er)?|medejer af 1 produkt)$")]
    private static partial Regex MunicipalityFigure();
}
