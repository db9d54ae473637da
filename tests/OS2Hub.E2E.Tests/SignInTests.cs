using Microsoft.Playwright;
using OS2Hub.Tests;

namespace OS2Hub.E2E.Tests;

/// <summary>
/// Signing in as staff do: through their organisation's identity provider (a real OpenID Connect provider on another
/// loopback port), or with a password and the authenticator app. axe-core checks each page on the way.
/// </summary>
public sealed class SignInTests(SsoBrowserHost host) : IClassFixture<SsoBrowserHost>
{
    [Fact]
    public async Task AProductCoordinatorSignsInThroughTheProviderAndReachesTheRequests()
    {
        host.Provider.Next = new ProviderPerson("pk-browser", "produktkoordinator@demo.os2hub.dk");
        var page = await host.NewPageAsync();
        await page.GotoAsync("/konto/log-ind?returnUrl=%2Fanmodninger");
        await BrowserHost.AssertAccessibleAsync(page, "sign-in with providers");

        await page.GetByRole(AriaRole.Button, new() { Name = "Log ind med Test-SSO" }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/anmodninger$"), new() { Timeout = 60_000 });
        await BrowserHost.WaitForInteractiveAsync(page);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = "Afgørelser" })).ToBeVisibleAsync();
        // The grant came along: the coordinator's menu has the decisions link and no secretariat administration.
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Afgørelser" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Administration" })).ToHaveCountAsync(0);

        await page.GotoAsync("/konto");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Identitetsudbydere" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Test-SSO").First).ToBeVisibleAsync();
        await BrowserHost.AssertAccessibleAsync(page, "/konto");

        // Signing out ends the provider's session too, and comes back to the hub.
        await page.GotoAsync("/");
        await BrowserHost.WaitForInteractiveAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Log ud" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Log ind" })).ToBeVisibleAsync(new() { Timeout = 60_000 });
        Assert.Equal(1, host.Provider.EndedSessions);
    }

    [Fact]
    public async Task TheSecretariatSignsInWithThePasswordAndTheAuthenticatorCode()
    {
        var page = await host.NewPageAsync();
        await page.GotoAsync("/konto/log-ind");
        await page.GetByLabel("E-mail").FillAsync("sekretariat@demo.os2hub.dk");
        await page.GetByLabel("Adgangskode").FillAsync("Demo-Sekretariat-1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Log ind", Exact = true }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Bekræft dit log ind" })).ToBeVisibleAsync();
        await BrowserHost.AssertAccessibleAsync(page, "second factor");
        await page.GetByLabel("Kode", new() { Exact = true }).FillAsync("000000");
        await page.GetByRole(AriaRole.Button, new() { Name = "Log ind", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Koden er forkert");
        await page.GetByLabel("Kode", new() { Exact = true }).FillAsync(await AuthenticatorCodes.NextAsync(host.AuthenticatorKeys["sekretariat@demo.os2hub.dk"], TestContext.Current.CancellationToken));
        await page.GetByRole(AriaRole.Button, new() { Name = "Log ind", Exact = true }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/$"), new() { Timeout = 60_000 });
        await page.GotoAsync("/konto/totrin");
        await Assertions.Expect(page.GetByText("Totrinsbekræftelse er slået til.")).ToBeVisibleAsync();
        await BrowserHost.AssertAccessibleAsync(page, "/konto/totrin (on)");
    }

    [Fact]
    public async Task TheTwoFactorSetUpPageWithItsQrCodeIsAccessible()
    {
        var page = await host.SignInAsync("it-frederikshavn@demo.os2hub.dk", "Demo-Frederikshavn-1");
        await page.GotoAsync("/konto/totrin");

        await Assertions.Expect(page.GetByRole(AriaRole.Img, new() { Name = "QR-kode til godkendelsesappen" })).ToBeVisibleAsync();
        await BrowserHost.AssertAccessibleAsync(page, "/konto/totrin (set-up)");
    }
}
