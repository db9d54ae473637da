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

    [Fact]
    public async Task ItCoordinatorKeepsItsContactsAndDeletesOneOnlyAfterConfirming()
    {
        var it = await host.SignInAsync("it-frederikshavn@demo.os2hub.dk", "Demo-Frederikshavn-1");
        await it.GotoAsync("/organisationer/frederikshavn");
        await BrowserHost.WaitForInteractiveAsync(it);
        await it.GetByRole(AriaRole.Link, new() { Name = "Kontaktpersoner" }).ClickAsync();
        await Assertions.Expect(it.GetByRole(AriaRole.Heading, new() { Name = "Kontaktpersoner hos Frederikshavn Kommune" })).ToBeVisibleAsync();
        await BrowserHost.WaitForInteractiveAsync(it);

        await it.GetByLabel("Navn", new() { Exact = true }).FillAsync("Birthe Ørsted");
        await it.GetByLabel("E-mail").FillAsync("birthe@frederikshavn");
        await it.GetByRole(AriaRole.Button, new() { Name = "Gem kontaktperson" }).ClickAsync();
        await Assertions.Expect(it.Locator("#contact-email-error")).ToHaveTextAsync("Skriv en gyldig e-mailadresse, fx »navn@kommune.dk«.");
        await Assertions.Expect(it.GetByLabel("Navn", new() { Exact = true })).ToHaveValueAsync("Birthe Ørsted");
        await BrowserHost.AssertAccessibleAsync(it, "contacts page with an error");

        await it.GetByLabel("E-mail").FillAsync("birthe.oersted@frederikshavn.example.dk");
        await it.GetByRole(AriaRole.Button, new() { Name = "Gem kontaktperson" }).ClickAsync();
        await Assertions.Expect(it.Locator("[role=status]").First).ToHaveTextAsync("Kontaktpersonen er gemt.");
        await it.GetByLabel("Produkt", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "OS2mo" });
        await it.GetByLabel("Rolle", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Teknisk kontakt" });
        await it.GetByRole(AriaRole.Button, new() { Name = "Tilføj rolle" }).ClickAsync();
        var row = it.Locator("tbody tr", new() { HasText = "Birthe Ørsted" });
        await Assertions.Expect(row).ToContainTextAsync("OS2mo: Teknisk kontakt");

        // Deleting asks in place; the question gets the focus and axe-core checks that state too.
        await row.GetByRole(AriaRole.Button, new() { Name = "Slet Birthe Ørsted" }).ClickAsync();
        await Assertions.Expect(row.GetByRole(AriaRole.Button, new() { Name = "Ja, slet Birthe Ørsted" })).ToBeFocusedAsync();
        await BrowserHost.AssertAccessibleAsync(it, "contact deletion question");
        await it.Keyboard.PressAsync("Enter");
        await Assertions.Expect(it.Locator("[role=status]").First).ToHaveTextAsync("Birthe Ørsted er slettet.");
        await Assertions.Expect(it.Locator("tbody")).Not.ToContainTextAsync("Birthe Ørsted");
    }

    [Fact]
    public async Task ProductCoordinatorSeatsAChairInTheStyregruppe()
    {
        var pk = await host.SignInAsync("produktkoordinator@demo.os2hub.dk", "Demo-Produktkoordinator-1");
        await pk.GotoAsync("/produkter/os2rollekatalog/rediger");
        await BrowserHost.WaitForInteractiveAsync(pk);
        var groups = pk.Locator("section[aria-labelledby='groups-edit-heading']");
        var addToSteering = groups.GetByRole(AriaRole.Group, new() { Name = "Styregruppe", Exact = true }).Locator("form.invite-form");
        await addToSteering.GetByLabel("Organisation").SelectOptionAsync(new SelectOptionValue { Label = "Aalborg Kommune" });
        await addToSteering.GetByLabel("Formand").CheckAsync();
        await addToSteering.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Tilføj medlem") }).ClickAsync();
        await Assertions.Expect(groups.Locator("[role=status]")).ToHaveTextAsync("Medlemmet er tilføjet.");
        await BrowserHost.AssertAccessibleAsync(pk, "working group editor");

        await pk.GotoAsync("/produkter/os2rollekatalog");
        var steering = pk.Locator("section[aria-labelledby='groups-heading'] h3:has-text('Styregruppe') + ul li").First;
        await Assertions.Expect(steering).ToContainTextAsync("Aalborg Kommune (formand)");
    }

    [Fact]
    public async Task SecretariatCreatesAProductAndSeesContactsDueForDeletion()
    {
        var secretariat = await host.SignInAsync("sekretariat@demo.os2hub.dk", "Demo-Sekretariat-1");
        await secretariat.GotoAsync("/kontaktpersoner/oprydning");
        await BrowserHost.WaitForInteractiveAsync(secretariat);
        await Assertions.Expect(secretariat.GetByRole(AriaRole.Heading, new() { Name = "Kontaktpersoner uden rolle" })).ToBeVisibleAsync();
        await BrowserHost.AssertAccessibleAsync(secretariat, "/kontaktpersoner/oprydning");

        await secretariat.GotoAsync("/produkter");
        await BrowserHost.WaitForInteractiveAsync(secretariat);
        await secretariat.GetByRole(AriaRole.Link, new() { Name = "Nyt produkt" }).ClickAsync();
        await BrowserHost.WaitForInteractiveAsync(secretariat);
        await secretariat.GetByLabel("Navn", new() { Exact = true }).FillAsync("OS2prøve");
        await secretariat.GetByLabel("Adresse").FillAsync("OS2 prøve");
        await secretariat.GetByRole(AriaRole.Button, new() { Name = "Opret produkt" }).ClickAsync();
        await Assertions.Expect(secretariat.Locator("#slug-error")).ToContainTextAsync("små bogstaver");
        await BrowserHost.AssertAccessibleAsync(secretariat, "/produkter-ny");
        await secretariat.GetByLabel("Adresse").FillAsync("os2proeve");
        await secretariat.GetByRole(AriaRole.Button, new() { Name = "Opret produkt" }).ClickAsync();
        await Assertions.Expect(secretariat).ToHaveURLAsync(new Regex("/produkter/os2proeve/rediger$"));
        await Assertions.Expect(secretariat.GetByRole(AriaRole.Heading, new() { Name = "Kilder", Exact = true })).ToBeVisibleAsync();
        await BrowserHost.AssertAccessibleAsync(secretariat, "edit page of a new product");
    }
}
