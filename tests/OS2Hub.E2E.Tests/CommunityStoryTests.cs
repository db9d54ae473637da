using Microsoft.Playwright;

namespace OS2Hub.E2E.Tests;

/// <summary>
/// The produktkoordinator of OS2rollekatalog posts a release note and records a decision; an anonymous visitor finds
/// both on the product's pages and in its Atom feed, and a co-owners-only decision in neither.
/// </summary>
public sealed class CommunityStoryTests(BrowserHost host) : IClassFixture<BrowserHost>
{
    [Fact]
    public async Task AReleaseAndADecisionReachTheProductPagesAndTheFeedAndAClosedOneDoesNot()
    {
        var pk = await host.SignInAsync("produktkoordinator@demo.os2hub.dk", "Demo-Produktkoordinator-1");
        await pk.GotoAsync("/produkter/os2rollekatalog/nyt");
        await BrowserHost.WaitForInteractiveAsync(pk);
        await pk.GetByLabel("Slags").SelectOptionAsync("Release");
        await pk.GetByRole(AriaRole.Button, new() { Name = "Offentliggør" }).ClickAsync();
        await Assertions.Expect(pk.Locator("#news-version-error")).ToHaveTextAsync("Skriv versionen.");
        await BrowserHost.AssertAccessibleAsync(pk, "/produkter/os2rollekatalog/nyt (produktkoordinator)");
        await pk.GetByLabel("Titel").FillAsync("Skabeloner for skoleroller");
        await pk.GetByLabel("Version").FillAsync("2026.3");
        await pk.GetByLabel("Udgivelsesnoter").FillAsync("- Nye **skabeloner** for skoler\n- Hurtigere søgning");
        await pk.GetByRole(AriaRole.Button, new() { Name = "Offentliggør" }).ClickAsync();
        await Assertions.Expect(pk.GetByRole(AriaRole.Status)).ToContainTextAsync("Det er offentliggjort.");

        await pk.GotoAsync("/produkter/os2rollekatalog/beslutninger");
        await BrowserHost.WaitForInteractiveAsync(pk);
        await pk.GetByLabel("Besluttet af").SelectOptionAsync("SteeringGroup");
        await pk.GetByLabel("Beslutningen", new() { Exact = true }).FillAsync("Styregruppen vedtager budgettet for 2027.");
        await pk.GetByLabel("Begrundelse").FillAsync("Flere medejere giver lavere andele.");
        await pk.GetByRole(AriaRole.Button, new() { Name = "Registrér beslutningen" }).ClickAsync();
        await Assertions.Expect(pk.GetByRole(AriaRole.Status)).ToContainTextAsync("Beslutningen er registreret.");
        await pk.GetByLabel("Beslutningen", new() { Exact = true }).FillAsync("Lukket: navne på kandidater til formandsposten.");
        await pk.GetByLabel("Kun for medejere").CheckAsync();
        await pk.GetByRole(AriaRole.Button, new() { Name = "Registrér beslutningen" }).ClickAsync();
        await Assertions.Expect(pk.Locator("article", new() { HasText = "Lukket: navne" })).ToBeVisibleAsync();
        await BrowserHost.AssertAccessibleAsync(pk, "/produkter/os2rollekatalog/beslutninger (produktkoordinator)");

        await pk.GotoAsync("/produkter/os2rollekatalog/dokumenter");
        await BrowserHost.WaitForInteractiveAsync(pk);
        await pk.GetByLabel("Titel").FillAsync("Kommissorium for styregruppen");
        await pk.GetByLabel("Fil", new() { Exact = true }).SetInputFilesAsync(new FilePayload { Name = "program.pdf", MimeType = "application/pdf", Buffer = [0x4D, 0x5A, 0x90, 0x00, 0x03] });
        await Assertions.Expect(pk.Locator("#doc-file-error")).ToContainTextAsync("Filen er ikke en PDF-, Word-, Excel- eller OpenDocument-fil");
        await pk.GetByLabel("Fil", new() { Exact = true }).SetInputFilesAsync(new FilePayload { Name = "kommissorium.pdf", MimeType = "application/pdf", Buffer = System.Text.Encoding.ASCII.GetBytes("%PDF-1.7\n%%EOF\n") });
        await Assertions.Expect(pk.GetByRole(AriaRole.Link, new() { Name = "kommissorium.pdf" })).ToBeVisibleAsync();
        await BrowserHost.AssertAccessibleAsync(pk, "/produkter/os2rollekatalog/dokumenter (produktkoordinator)");

        var visitor = await host.NewPageAsync();
        await visitor.GotoAsync("/produkter/os2rollekatalog/nyt");
        await Assertions.Expect(visitor.Locator("article").First).ToContainTextAsync("Udgivelse 2026.3: Skabeloner for skoleroller");
        await BrowserHost.AssertAccessibleAsync(visitor, "/produkter/os2rollekatalog/nyt");
        await visitor.GotoAsync("/produkter/os2rollekatalog/beslutninger");
        await Assertions.Expect(visitor.Locator("main")).ToContainTextAsync("Styregruppen vedtager budgettet for 2027.");
        await Assertions.Expect(visitor.Locator("main")).Not.ToContainTextAsync("Lukket: navne");
        await BrowserHost.AssertAccessibleAsync(visitor, "/produkter/os2rollekatalog/beslutninger");

        var feed = await visitor.APIRequest.GetAsync("/produkter/os2rollekatalog/feed.atom");
        Assert.Equal("application/atom+xml; charset=utf-8", feed.Headers["content-type"]);
        var xml = await feed.TextAsync();
        Assert.Contains("OS2rollekatalog 2026.3: Skabeloner for skoleroller", xml, StringComparison.Ordinal);
        Assert.Contains("Styregruppen vedtager budgettet for 2027.", xml, StringComparison.Ordinal);
        Assert.DoesNotContain("Lukket", xml, StringComparison.Ordinal);

        await visitor.GotoAsync("/produkter/os2rollekatalog/dokumenter");
        await Assertions.Expect(visitor.GetByRole(AriaRole.Link, new() { Name = "kommissorium.pdf" })).ToBeVisibleAsync();

        await visitor.GotoAsync("/");
        await Assertions.Expect(visitor.Locator("section[aria-labelledby='latest-heading']")).ToContainTextAsync("Skabeloner for skoleroller");
        await BrowserHost.AssertAccessibleAsync(visitor, "/ (seneste nyt)");
    }
}
