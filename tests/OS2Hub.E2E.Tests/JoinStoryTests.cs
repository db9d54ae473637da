using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace OS2Hub.E2E.Tests;

/// <summary>
/// The join story with the demo accounts: the IT-koordinator of Frederikshavn asks to join OS2rollekatalog, the
/// product's coordinator rejects with a reason that the requester sees; it asks again and is approved, and the
/// authority appears as co-owner on the product page.
/// </summary>
public sealed class JoinStoryTests(BrowserHost host) : IClassFixture<BrowserHost>
{
    private const string ItCoordinator = "it-frederikshavn@demo.os2hub.dk";
    private const string ItPassword = "Demo-Frederikshavn-1";
    private const string ProductCoordinator = "produktkoordinator@demo.os2hub.dk";
    private const string ProductPassword = "Demo-Produktkoordinator-1";

    private static readonly string Today = DateTime.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task RequestRejectRequestAgainApproveAndAppearAsCoOwner()
    {
        // The coordinator's browser runs in en-US, as many Danish offices' do: dates must still read dd.mm.åååå.
        var it = await host.SignInAsync(ItCoordinator, ItPassword, locale: "en-US");
        await RequestToJoinAsync(it, "Mette Jensen, IT-afdelingen", tryBadInput: true);

        var pk = await host.SignInAsync(ProductCoordinator, ProductPassword);
        await pk.GotoAsync("/anmodninger");
        await BrowserHost.WaitForInteractiveAsync(pk);
        var request = pk.Locator("article.request-card", new() { HasText = "Frederikshavn Kommune" });
        await Assertions.Expect(request).ToContainTextAsync("Mette Jensen, IT-afdelingen");
        await Assertions.Expect(request).ToContainTextAsync("Mellem"); // Frederikshavn's size class by its population
        await AssertAccessibleAsync(pk, "/anmodninger");
        await request.GetByLabel("Begrundelse for afslag (ansøgeren ser den)").FillAsync("Vi mangler jeres tilsagn fra direktionen.");
        await request.GetByRole(AriaRole.Button, new() { Name = "Afvis" }).ClickAsync();
        await Assertions.Expect(pk.GetByRole(AriaRole.Status)).ToContainTextAsync("er afvist");

        await it.GotoAsync("/mine-anmodninger");
        await BrowserHost.WaitForInteractiveAsync(it);
        var row = it.Locator("tr", new() { HasText = "OS2rollekatalog" }).First;
        await Assertions.Expect(row).ToContainTextAsync("Afvist");
        await Assertions.Expect(row).ToContainTextAsync("Vi mangler jeres tilsagn fra direktionen.");
        await AssertAccessibleAsync(it, "/mine-anmodninger");

        await it.GotoAsync("/notifikationer");
        await BrowserHost.WaitForInteractiveAsync(it);
        await Assertions.Expect(it.Locator(".notification-list")).ToContainTextAsync("Frederikshavn Kommunes anmodning om at tilslutte sig OS2rollekatalog er afvist.");
        await AssertAccessibleAsync(it, "/notifikationer");

        await RequestToJoinAsync(it, "Mette Jensen", tryBadInput: false);
        await pk.GotoAsync("/anmodninger");
        await BrowserHost.WaitForInteractiveAsync(pk);
        request = pk.Locator("article.request-card", new() { HasText = "Frederikshavn Kommune" });
        await request.GetByLabel("Medejer fra").FillAsync(Today);
        await request.GetByLabel("Aftalereference").FillAsync("Tilslutningsaftale 2026-17");
        await request.GetByRole(AriaRole.Button, new() { Name = "Godkend" }).ClickAsync();
        await Assertions.Expect(pk.GetByRole(AriaRole.Status)).ToContainTextAsync("er godkendt som medejer af OS2rollekatalog");

        await it.GotoAsync("/produkter/os2rollekatalog");
        await BrowserHost.WaitForInteractiveAsync(it);
        var coOwners = it.Locator("section[aria-labelledby='coowners-heading']");
        await Assertions.Expect(coOwners.GetByRole(AriaRole.Link, new() { Name = "Frederikshavn Kommune" })).ToBeVisibleAsync();
        await Assertions.Expect(it.Locator(".join-panel")).ToContainTextAsync("Frederikshavn Kommune er medejer.");
    }

    [Fact]
    public async Task SignInPageIsAccessibleAndAWrongPasswordSaysSoInDanish()
    {
        var page = await host.NewPageAsync();
        await page.GotoAsync("/konto/log-ind");
        await AssertAccessibleAsync(page, "/konto/log-ind", interactive: false);

        await page.GetByLabel("E-mail").FillAsync(ItCoordinator);
        await page.GetByLabel("Adgangskode").FillAsync("forkert-kodeord");
        await page.GetByRole(AriaRole.Button, new() { Name = "Log ind" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("E-mail eller adgangskode er forkert.");
        await Assertions.Expect(page.GetByLabel("E-mail")).ToHaveValueAsync(ItCoordinator);
    }

    [Fact]
    public async Task SecretariatSeesTheLogOthersDoNot()
    {
        var secretariat = await host.SignInAsync("sekretariat@demo.os2hub.dk", "Demo-Sekretariat-1");
        await BrowserHost.WaitForInteractiveAsync(secretariat);
        await secretariat.GetByRole(AriaRole.Link, new() { Name = "Administration" }).ClickAsync();
        await Assertions.Expect(secretariat.GetByRole(AriaRole.Link, new() { Name = "Tilslutningslog" })).ToBeVisibleAsync();
        await AssertAccessibleAsync(secretariat, "/administration");
        await secretariat.GotoAsync("/log");
        await Assertions.Expect(secretariat.GetByRole(AriaRole.Heading, new() { Name = "Tilslutningslog", Level = 1 })).ToBeVisibleAsync();
        await AssertAccessibleAsync(secretariat, "/log");
        await secretariat.GotoAsync("/brugere");
        await Assertions.Expect(secretariat.GetByRole(AriaRole.Heading, new() { Name = "Invitér en bruger" })).ToBeVisibleAsync();
        await AssertAccessibleAsync(secretariat, "/brugere");
        await secretariat.GotoAsync("/kategorier");
        await Assertions.Expect(secretariat.GetByLabel("Ny kategori")).ToBeVisibleAsync();
        await AssertAccessibleAsync(secretariat, "/kategorier");
        await secretariat.GotoAsync("/administration/e-mail");
        await Assertions.Expect(secretariat.GetByRole(AriaRole.Heading, new() { Name = "E-mails, der ikke kunne sendes" })).ToBeVisibleAsync();
        await AssertAccessibleAsync(secretariat, "/administration/e-mail");

        var it = await host.SignInAsync(ItCoordinator, ItPassword);
        await it.GotoAsync("/log");
        await BrowserHost.WaitForInteractiveAsync(it);
        await Assertions.Expect(it.GetByText("Loggen kan kun ses af OS2-sekretariatet.")).ToBeVisibleAsync();
        await Assertions.Expect(it.GetByRole(AriaRole.Link, new() { Name = "Administration" })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task RequestPagesNeedASignedInUser()
    {
        var page = await host.NewPageAsync();
        await page.GotoAsync("/anmodninger");

        await page.WaitForURLAsync(new Regex(@"/konto/log-ind\?ReturnUrl=%2Fanmodninger", RegexOptions.IgnoreCase));
    }


    private static async Task RequestToJoinAsync(IPage it, string contact, bool tryBadInput)
    {
        await it.GotoAsync("/produkter/os2rollekatalog");
        await BrowserHost.WaitForInteractiveAsync(it);
        await it.GetByRole(AriaRole.Button, new() { Name = "Tilslut Frederikshavn Kommune" }).ClickAsync();
        var dialog = it.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(dialog).ToBeVisibleAsync();

        // The start date comes filled in (the first day of next month) as dd.mm.åååå, and the cost preview uses it.
        var start = dialog.GetByLabel("Ønsket startdato");
        var today = DateTime.Today;
        var firstOfNextMonth = new DateTime(today.Year, today.Month, 1).AddMonths(1).ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);
        await Assertions.Expect(start).ToHaveValueAsync(firstOfNextMonth);
        await Assertions.Expect(dialog.Locator(".cost-preview")).ToContainTextAsync($"Ved tilslutning {firstOfNextMonth}");
        await dialog.GetByLabel("Kontaktperson for produktet").FillAsync(contact);
        if (tryBadInput)
        {
            // A date that does not exist is refused in Danish, and what was typed stays.
            await start.FillAsync("31.02.2027");
            await dialog.GetByRole(AriaRole.Button, new() { Name = "Send anmodning" }).ClickAsync();
            await Assertions.Expect(dialog.GetByText("Skriv datoen som dd.mm.åååå, fx 01.02.2027.")).ToBeVisibleAsync();
            await Assertions.Expect(dialog.GetByLabel("Kontaktperson for produktet")).ToHaveValueAsync(contact);
            await Assertions.Expect(start).ToHaveValueAsync("31.02.2027");
            await AssertAccessibleAsync(it, "join dialog");

            // The calendar, in the page's language whatever the browser's, picks a day and writes it dd.mm.åååå.
            await dialog.GetByRole(AriaRole.Button, new() { Name = "Kalender til Ønsket startdato" }).ClickAsync();
            await Assertions.Expect(dialog.Locator(".date-calendar")).ToContainTextAsync("man.");
            await AssertAccessibleAsync(it, "join dialog with its calendar");
            await dialog.Locator(".date-calendar button", new() { HasTextRegex = new Regex("^15$") }).First.ClickAsync();
            await Assertions.Expect(start).ToHaveValueAsync(new Regex(@"^15\.\d{2}\.\d{4}$"));
            await start.FillAsync(firstOfNextMonth);
            await dialog.GetByLabel("Koordinationsgruppe").CheckAsync();
        }

        await dialog.GetByRole(AriaRole.Button, new() { Name = "Send anmodning" }).ClickAsync();
        await Assertions.Expect(it.GetByRole(AriaRole.Status).First).ToContainTextAsync("Anmodningen fra Frederikshavn Kommune er sendt");
    }

    private static async Task AssertAccessibleAsync(IPage page, string what, bool interactive = true)
    {
        if (interactive)
        {
            await BrowserHost.WaitForInteractiveAsync(page);
        }

        await BrowserHost.AssertAccessibleAsync(page, what);
    }
}
