using System.Globalization;
using Microsoft.Playwright;

namespace OS2Hub.E2E.Tests;

/// <summary>
/// The shared economy in the browser with the demo accounts: an IT-koordinator sees what joining OS2rollekatalog
/// costs before asking, in the product page's "Hvad koster det for os?" and in the join dialog; the produktkoordinator
/// records next year's fee sheet; the secretariat keeps the key and imports population figures. axe-core checks every view.
/// </summary>
public sealed class EconomyTests(BrowserHost host) : IClassFixture<BrowserHost>
{
    private static readonly int NextYear = DateTime.Today.Year + 1;

    [Fact]
    public async Task AnItCoordinatorSeesWhatJoiningCostsBeforeAsking()
    {
        var it = await host.SignInAsync("it-frederikshavn@demo.os2hub.dk", "Demo-Frederikshavn-1");
        await it.GotoAsync("/produkter/os2rollekatalog");
        await BrowserHost.WaitForInteractiveAsync(it);

        var economy = it.Locator("section.economy-section");
        await Assertions.Expect(economy.Locator("table.fee-table caption")).ToHaveTextAsync($"Takstblad {DateTime.Today.Year}: pris pr. medlem efter størrelsesklasse");
        await Assertions.Expect(economy.GetByRole(AriaRole.Img, new() { Name = "Pris pr. medlem efter antal medlemmer" })).ToBeVisibleAsync();
        await economy.GetByText("Vis kurven som tabel").ClickAsync();
        await Assertions.Expect(economy.Locator(".curve-today-row")).ToContainTextAsync("(i dag)");

        await it.GetByText("Hvad koster det for os?").ClickAsync();
        var question = it.Locator(".cost-question");
        await Assertions.Expect(question.GetByRole(AriaRole.Heading, new() { Name = "Hvad koster det for Frederikshavn Kommune?" })).ToBeVisibleAsync();
        await Assertions.Expect(question.Locator(".cost-figures")).ToContainTextAsync("35.000 kr.");
        await Assertions.Expect(question.Locator(".cost-figures")).ToContainTextAsync($"Årlig andel fra {NextYear}");
        await BrowserHost.AssertAccessibleAsync(it, "product page with the fee sheet, the curve as a table and the cost question open");

        await it.GetByRole(AriaRole.Button, new() { Name = "Tilslut Frederikshavn Kommune" }).ClickAsync();
        var dialog = it.GetByRole(AriaRole.Dialog);
        var preview = dialog.Locator(".cost-preview");
        await Assertions.Expect(preview.GetByRole(AriaRole.Heading, new() { Name = "Hvad koster det for Frederikshavn Kommune?" })).ToBeVisibleAsync();
        await Assertions.Expect(preview).ToContainTextAsync("Tilslutningsafgift (betales ved tilslutning)");
        await Assertions.Expect(preview).ToContainTextAsync("nuværende medlemmer betaler tilsammen");
        // A later start moves the first paying year: joining on 2 January pays from the year after.
        await dialog.GetByLabel("Ønsket startdato").FillAsync(new DateOnly(NextYear, 1, 2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await dialog.GetByLabel("Kontaktperson for produktet").FocusAsync();
        // The preview is recomputed on the server after the change event; allow for a busy 2-core machine.
        await Assertions.Expect(preview.Locator(".cost-figures")).ToContainTextAsync($"Årlig andel fra {NextYear + 1}", new() { Timeout = 15_000 });
        await preview.Locator("summary").ClickAsync();
        await Assertions.Expect(preview.Locator("tbody tr").First).ToBeVisibleAsync();
        await BrowserHost.AssertAccessibleAsync(it, "join dialog with the cost preview");
    }

    [Fact]
    public async Task TheProductCoordinatorRecordsNextYearsFeeSheet()
    {
        var pk = await host.SignInAsync("produktkoordinator@demo.os2hub.dk", "Demo-Produktkoordinator-1");
        await pk.GotoAsync($"/produkter/os2rollekatalog/oekonomi?aar={NextYear}");
        await BrowserHost.WaitForInteractiveAsync(pk);

        await Assertions.Expect(pk.GetByLabel("Budgetår", new() { Exact = true })).ToHaveValueAsync(NextYear.ToString(CultureInfo.InvariantCulture));
        await pk.GetByLabel("Årligt vederlag til fordeling (hele kroner)").FillAsync("150000");
        await pk.GetByRole(AriaRole.Button, new() { Name = "Gem takstblad" }).ClickAsync();
        await Assertions.Expect(pk.Locator("#fee-reason-error")).ToHaveTextAsync("Skriv hvorfor takstbladet ændres (fx styregruppens beslutning og dato), højst 1000 tegn.");
        await Assertions.Expect(pk.GetByLabel("Årligt vederlag til fordeling (hele kroner)")).ToHaveValueAsync("150000");
        await BrowserHost.AssertAccessibleAsync(pk, "fee sheet page with an error");

        await pk.GetByLabel("Begrundelse").FillAsync("Styregruppens møde 20. november");
        await pk.GetByRole(AriaRole.Button, new() { Name = "Gem takstblad" }).ClickAsync();
        await Assertions.Expect(pk.GetByRole(AriaRole.Status)).ToHaveTextAsync($"Takstbladet for {NextYear} er gemt.");
        await Assertions.Expect(pk.Locator(".fee-table tfoot")).ToContainTextAsync("150.000 kr.");
        var history = pk.Locator("section[aria-labelledby='history-heading'] tbody tr").First;
        await Assertions.Expect(history).ToContainTextAsync("Styregruppens møde 20. november");
        await Assertions.Expect(history).ToContainTextAsync("150.000 kr.");
        await BrowserHost.AssertAccessibleAsync(pk, "fee sheet page after saving");

        var anyone = await host.NewPageAsync();
        var download = await anyone.RunAndWaitForDownloadAsync(async () =>
        {
            await anyone.GotoAsync($"/produkter/os2rollekatalog/oekonomi?aar={NextYear}");
            await anyone.GetByRole(AriaRole.Link, new() { Name = $"Hent takstbladet for {NextYear} som Excel (.xlsx)" }).ClickAsync();
        });
        Assert.Equal($"takstblad-os2rollekatalog-{NextYear}.xlsx", download.SuggestedFilename);
        await anyone.GotoAsync("/organisationer/aarhus");
        await BrowserHost.WaitForInteractiveAsync(anyone);
        await Assertions.Expect(anyone.GetByRole(AriaRole.Heading, new() { Name = $"Økonomi {DateTime.Today.Year}: hvad myndigheden betaler" })).ToBeVisibleAsync();
        await BrowserHost.AssertAccessibleAsync(anyone, "an authority's yearly total");
    }

    [Fact]
    public async Task TheSecretariatKeepsTheKeyAndImportsPopulationFigures()
    {
        var secretariat = await host.SignInAsync("sekretariat@demo.os2hub.dk", "Demo-Sekretariat-1");
        await secretariat.GotoAsync("/administration/oekonomi");
        await BrowserHost.WaitForInteractiveAsync(secretariat);
        await Assertions.Expect(secretariat.GetByRole(AriaRole.Heading, new() { Name = "Fordelingsnøgle og bidragssats pr. budgetår" })).ToBeVisibleAsync();
        await secretariat.GetByLabel("Bidragssats (%)").FillAsync("150");
        await secretariat.GetByRole(AriaRole.Button, new() { Name = "Gem", Exact = true }).ClickAsync();
        await Assertions.Expect(secretariat.Locator("#key-percent-error")).ToHaveTextAsync("Skriv bidragssatsen i procent, mellem 0 og 100.");
        await BrowserHost.AssertAccessibleAsync(secretariat, "the association's key with an error");

        await secretariat.GotoAsync("/administration/befolkning");
        await BrowserHost.WaitForInteractiveAsync(secretariat);
        var file = "\"OMRÅDE\";\"TID\";\"INDHOLD\"\n\"000 Hele landet\";\"2026K3\";6010000\n\"813 Frederikshavn\";\"2026K3\";57400\n"u8.ToArray();
        await secretariat.GetByLabel("CSV-fil fra Statistikbanken").SetInputFilesAsync(new FilePayload { Name = "FOLK1A.csv", MimeType = "text/csv", Buffer = file });
        await Assertions.Expect(secretariat.Locator("section[aria-labelledby='pop-preview-heading']")).ToContainTextAsync("1 nye tal, 0 rettelser, 0 uændrede, 1 sprunget over, 0 fejl.");
        await BrowserHost.AssertAccessibleAsync(secretariat, "population import preview");
        await secretariat.GetByRole(AriaRole.Button, new() { Name = "Importér tallene" }).ClickAsync();
        await Assertions.Expect(secretariat.GetByRole(AriaRole.Status)).ToHaveTextAsync("1 befolkningstal er importeret.");
    }
}
