using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace OS2Hub.E2E.Tests;

/// <summary>The produktkoordinator keeps its product's facts true; the secretariat sees the history.</summary>
public sealed class EditingTests(BrowserHost host) : IClassFixture<BrowserHost>
{
    [Fact]
    public async Task ProductCoordinatorEditsTheDescriptionAndTheCatalogueShowsIt()
    {
        var pk = await host.SignInAsync("produktkoordinator@demo.os2hub.dk", "Demo-Produktkoordinator-1");
        await pk.GotoAsync("/produkter/os2rollekatalog");
        await BrowserHost.WaitForInteractiveAsync(pk);
        await pk.GetByRole(AriaRole.Link, new() { Name = "Redigér produktet" }).ClickAsync();
        await Assertions.Expect(pk.GetByRole(AriaRole.Heading, new() { Name = "Redigér OS2rollekatalog" })).ToBeVisibleAsync();
        await BrowserHost.WaitForInteractiveAsync(pk);

        // A licence that is not SPDX is refused with a Danish message; the description typed stays.
        await pk.GetByLabel("Beskrivelse (Markdown)").FillAsync("Rollekataloget tildeler **roller** til medarbejdere. Søgeord: vandmand.");
        await pk.GetByLabel("Licens", new() { Exact = true }).FillAsync("Mozilla 2");
        await pk.GetByRole(AriaRole.Button, new() { Name = "Gem ændringer" }).ClickAsync();
        await Assertions.Expect(pk.Locator("#licence-error")).ToContainTextAsync("SPDX");
        await Assertions.Expect(pk.GetByLabel("Beskrivelse (Markdown)")).ToHaveValueAsync(new Regex("vandmand"));
        await Assertions.Expect(pk.Locator(".markdown-preview strong")).ToHaveTextAsync("roller");
        await BrowserHost.AssertAccessibleAsync(pk, "edit page");

        await pk.GetByLabel("Licens", new() { Exact = true }).FillAsync("MPL-2.0");
        await pk.GetByRole(AriaRole.Button, new() { Name = "Gem ændringer" }).ClickAsync();
        await Assertions.Expect(pk).ToHaveURLAsync(new Regex("/produkter/os2rollekatalog$"));

        // A supplier period: Digital Identity's development role from 1 January 2019.
        await pk.GotoAsync("/produkter/os2rollekatalog/rediger");
        await BrowserHost.WaitForInteractiveAsync(pk);
        var row = pk.Locator("section[aria-labelledby='suppliers-edit-heading'] tr", new() { HasText = "Udvikling" }).First;
        await row.GetByLabel("Fra").FillAsync("2019-01-01");
        await row.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Gem periode") }).ClickAsync();
        await Assertions.Expect(pk.Locator("section[aria-labelledby='suppliers-edit-heading'] [role=status]")).ToHaveTextAsync("Perioden er gemt.");
        await BrowserHost.AssertAccessibleAsync(pk, "supplier editor");
        await pk.GotoAsync("/produkter/os2rollekatalog");
        await Assertions.Expect(pk.Locator("section[aria-labelledby='suppliers-heading'] tr", new() { HasText = "Udvikling" }).First).ToContainTextAsync("01.01.2019");

        var visitor = await host.NewPageAsync();
        await visitor.GotoAsync("/produkter?q=vandmand");
        await Assertions.Expect(visitor.GetByRole(AriaRole.Link, new() { Name = "OS2rollekatalog", Exact = true })).ToBeVisibleAsync();

        var secretariat = await host.SignInAsync("sekretariat@demo.os2hub.dk", "Demo-Sekretariat-1");
        await secretariat.GotoAsync("/produkter/os2rollekatalog");
        await BrowserHost.WaitForInteractiveAsync(secretariat);
        var history = secretariat.Locator("details.change-history");
        await history.Locator("summary").ClickAsync();
        await Assertions.Expect(history).ToContainTextAsync("Description");
        await Assertions.Expect(history).ToContainTextAsync("Produktkoordinator for OS2rollekatalog (demo)");
    }

    [Fact]
    public async Task SecretariatEditsAnOrganisationAndABadCvrIsRefused()
    {
        var secretariat = await host.SignInAsync("sekretariat@demo.os2hub.dk", "Demo-Sekretariat-1");
        await secretariat.GotoAsync("/organisationer/magenta-aps");
        await BrowserHost.WaitForInteractiveAsync(secretariat);
        await secretariat.GetByRole(AriaRole.Link, new() { Name = "Redigér organisationen" }).ClickAsync();
        await Assertions.Expect(secretariat.GetByLabel("CVR-nummer")).ToBeVisibleAsync();
        await BrowserHost.WaitForInteractiveAsync(secretariat);

        await secretariat.GetByLabel("CVR-nummer").FillAsync("12345678");
        await secretariat.GetByLabel("Hjemmeside").FillAsync("https://www.magenta.dk");
        await secretariat.GetByRole(AriaRole.Button, new() { Name = "Gem ændringer" }).ClickAsync();
        await Assertions.Expect(secretariat.Locator("#org-cvr-error")).ToContainTextAsync("CVR-nummeret er ikke gyldigt");
        await Assertions.Expect(secretariat.GetByLabel("Hjemmeside")).ToHaveValueAsync("https://www.magenta.dk");
        await BrowserHost.AssertAccessibleAsync(secretariat, "organisation edit page");

        await secretariat.GetByLabel("CVR-nummer").FillAsync("");
        await secretariat.GetByRole(AriaRole.Button, new() { Name = "Gem ændringer" }).ClickAsync();
        await Assertions.Expect(secretariat).ToHaveURLAsync(new Regex("/organisationer/magenta-aps$"));
        await Assertions.Expect(secretariat.GetByRole(AriaRole.Link, new() { Name = "https://www.magenta.dk" })).ToBeVisibleAsync();
        var history = secretariat.Locator("details.change-history");
        await history.Locator("summary").ClickAsync();
        await Assertions.Expect(history).ToContainTextAsync("Website");
    }

}
