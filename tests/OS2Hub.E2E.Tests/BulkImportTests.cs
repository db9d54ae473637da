using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace OS2Hub.E2E.Tests;

/// <summary>Go-live: on a hub started with real data only, the secretariat loads its member list, then its contact persons, from spreadsheets.</summary>
public sealed class BulkImportTests(RealDataBrowserHost host) : IClassFixture<RealDataBrowserHost>
{
    [Fact]
    public async Task TheSecretariatUploadsAMemberListAndTheCatalogueShowsTheCoOwners()
    {
        var page = await host.SignInAsync(RealDataBrowserHost.SecretariatEmail, RealDataBrowserHost.SecretariatPassword);
        await page.GotoAsync("/administration");
        await page.GetByRole(AriaRole.Link, new() { Name = "Import af stamdata" }).ClickAsync();
        await BrowserHost.WaitForInteractiveAsync(page);
        await BrowserHost.AssertAccessibleAsync(page, "/administration/import");

        var file = Encoding.UTF8.GetBytes("produkt;myndighed;medejer_fra;medejer_til;aftalereference;kilde\r\n" +
            "OS2rollekatalog;Frederikshavn;01.01.2021;;J.nr. 1;Medlemsliste\r\n" +
            "OS2rollekatalog;0101;2022-03-01;;;Medlemsliste\r\n" +
            "OS2rollekatalog;Ingen Kommune;2022-03-01;;;\r\n");
        await page.GetByLabel("Fil", new() { Exact = true }).SetInputFilesAsync(new FilePayload { Name = "Medlemsliste 2026.csv", MimeType = "text/csv", Buffer = file });

        await Assertions.Expect(page.GetByText("Medlemsliste 2026.csv: 2 nye, 0 ændrede, 0 uændrede og 1 rækker med fejl.")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Myndigheden »Ingen Kommune« findes ikke i hubben")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Importér", Exact = true })).ToBeDisabledAsync();
        await BrowserHost.AssertAccessibleAsync(page, "/administration/import with a preview");
        await page.GetByLabel("Importér kun de gyldige rækker").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Importér", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Filen er importeret." })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Rowheader, new() { Name = "Medlemsliste 2026.csv" })).ToBeVisibleAsync();

        await page.GotoAsync("/produkter/os2rollekatalog");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Medejere (2)" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("ul.member-list li").Filter(new() { HasText = "Frederikshavn Kommune" })).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("ul.member-list li").Filter(new() { HasText = "Københavns Kommune" })).ToHaveCountAsync(1);
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/produkter/os2rollekatalog$"));

        // Then the contact persons of the new members: another kind, chosen on the same page.
        await page.GotoAsync("/administration/import");
        await BrowserHost.WaitForInteractiveAsync(page);
        await page.GetByLabel("Kontaktpersoner").CheckAsync();
        await Assertions.Expect(page.GetByText("Kontaktpersoner er personoplysninger")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Hent skabelonen for kontaktpersoner" })).ToHaveAttributeAsync("href", "/administration/import/skabelon/kontaktpersoner.xlsx");
        var contacts = Encoding.UTF8.GetBytes("myndighed;navn;titel;email;telefon;produkt;rolle;fra;til\r\n" +
            "0101;Ida Ny;IT-arkitekt;ida.ny@kk.example.dk;;OS2rollekatalog;teknisk;01.03.2022;\r\n");
        await page.GetByLabel("Fil", new() { Exact = true }).SetInputFilesAsync(new FilePayload { Name = "Kontakter.csv", MimeType = "text/csv", Buffer = contacts });
        await Assertions.Expect(page.GetByText("Ny kontaktperson. Teknisk kontakt for OS2rollekatalog: fra 01.03.2022, uden slutdato")).ToBeVisibleAsync();
        await BrowserHost.AssertAccessibleAsync(page, "/administration/import with contact persons");
        await page.GetByRole(AriaRole.Button, new() { Name = "Importér", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Filen er importeret." })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Kontakter.csv" })).ToContainTextAsync("Kontaktpersoner");

        await page.GotoAsync("/administration/eksport");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Medlemskaber, CSV" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Takstblade, Excel (.xlsx)" })).ToHaveAttributeAsync("href", "/administration/eksport/takstblade.xlsx");
        await BrowserHost.AssertAccessibleAsync(page, "/administration/eksport");
    }
}
