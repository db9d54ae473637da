using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Playwright;

namespace OS2Hub.E2E.Tests;

/// <summary>
/// The app on a real Kestrel port over a temp-file SQLite database, and Debian's Chromium driven by Playwright.
/// Playwright never downloads a browser here; CI installs the chromium package.
/// </summary>
public class BrowserHost : IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "os2hub-e2e-" + Guid.NewGuid().ToString("N"));
    private Factory? _factory;
    private IPlaywright? _playwright;

    protected virtual bool DemoData => true;

    public IBrowser Browser { get; private set; } = null!;

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The running app's services, for a story that needs a fact in place before it starts (a membership, a second account).</summary>
    public IServiceProvider Services => _factory!.Services;

    /// <summary>Settings a host adds, e.g. an identity provider.</summary>
    protected virtual Task<IEnumerable<KeyValuePair<string, string>>> SettingsAsync() => Task.FromResult<IEnumerable<KeyValuePair<string, string>>>([]);

    /// <summary>Runs once the app listens and <see cref="BaseAddress"/> is known.</summary>
    protected virtual Task StartedAsync() => Task.CompletedTask;

    /// <summary>Authenticator keys by e-mail: the demo secretariat's, and any a test set up through the page.</summary>
    public System.Collections.Concurrent.ConcurrentDictionary<string, string> AuthenticatorKeys { get; } =
        new(StringComparer.OrdinalIgnoreCase) { ["sekretariat@demo.os2hub.dk"] = OS2Hub.Web.Features.Account.AccountSeeder.DemoAuthenticatorKey };

    public async ValueTask InitializeAsync()
    {
        _factory = new Factory(Path.Combine(_directory, "os2hub.db"), DemoData, (await SettingsAsync()).ToList());
        _factory.UseKestrel(0);
        _factory.StartServer();
        using (var client = _factory.CreateClient())
        {
            BaseAddress = client.BaseAddress!;
        }

        await StartedAsync();

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    /// <param name="locale">The browser's own language; many Danish offices run an en-US browser.</param>
    public async Task<IPage> NewPageAsync(string locale = "da-DK")
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseAddress.ToString(), Locale = locale });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(30_000);
        // The app serves a strict Content-Security-Policy; a violation shows only in the console, so it is kept here.
        var violations = s_cspViolations.GetOrAdd(page, _ => []);
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                violations.Enqueue($"{page.Url}: {message.Text}");
            }
        };
        return page;
    }

    /// <summary>
    /// A new browser context signed in through the real sign-in form, and the second-factor form when the account
    /// has one. A secretariat account without one is sent to set it up first; this does so, as a person would, and
    /// keeps the key for the next sign-in.
    /// </summary>
    public async Task<IPage> SignInAsync(string email, string password, string locale = "da-DK")
    {
        var page = await NewPageAsync(locale);
        await page.GotoAsync("/konto/log-ind");
        await page.GetByLabel("E-mail").FillAsync(email);
        await page.GetByLabel("Adgangskode").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Log ind", Exact = true }).ClickAsync();
        // Polls the address rather than waiting for a load event, with room for a cold first request on a slow machine.
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("(/|/konto/log-ind/totrin.*|/konto/totrin.*)$"), new() { Timeout = 60_000 });
        if (page.Url.Contains("/konto/log-ind/totrin", StringComparison.Ordinal))
        {
            var key = AuthenticatorKeys.TryGetValue(email, out var known) ? known : throw new InvalidOperationException($"{email} asks for a code, and no key is known.");
            await page.GetByLabel("Kode", new() { Exact = true }).FillAsync(await OS2Hub.Tests.AuthenticatorCodes.NextAsync(key));
            await page.GetByRole(AriaRole.Button, new() { Name = "Log ind", Exact = true }).ClickAsync();
        }
        else if (page.Url.Contains("/konto/totrin", StringComparison.Ordinal))
        {
            var key = (await page.Locator(".authenticator-key").InnerTextAsync()).Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
            await page.GetByLabel("Kode", new() { Exact = true }).FillAsync(await OS2Hub.Tests.AuthenticatorCodes.NextAsync(key));
            await page.GetByRole(AriaRole.Button, new() { Name = "Slå totrinsbekræftelse til" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Dine gendannelseskoder" })).ToBeVisibleAsync();
            AuthenticatorKeys[email] = key;
            await page.GotoAsync("/");
        }

        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/$"), new() { Timeout = 60_000 });
        return page;
    }

    /// <summary>Clicks before the circuit is up are lost, so tests wait for the layout's interactivity marker.</summary>
    public static Task WaitForInteractiveAsync(IPage page) =>
        page.Locator("span.interactive-marker[data-interactive='true']").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<IPage, System.Collections.Concurrent.ConcurrentQueue<string>> s_cspViolations = new();

    /// <summary>
    /// axe-core against WCAG 2.1 A and AA on the page as it is now; fails with the violations listed. It also fails if
    /// the browser refused anything under the Content-Security-Policy since the page was opened.
    /// </summary>
    public static async Task AssertAccessibleAsync(IPage page, string what)
    {
        ArgumentNullException.ThrowIfNull(page);
        Assert.Empty(s_cspViolations.TryGetValue(page, out var refused) ? refused : []);
        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        });
        var report = string.Join("\n", result.Violations.Select(v =>
            $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Take(3).Select(n => n.Target?.ToString()))}"));
        Assert.True(result.Violations.Length == 0, $"{what}:\n{report}");
    }

    public virtual async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }

        GC.SuppressFinalize(this);
    }

    private sealed class Factory(string databasePath, bool demoData, IReadOnlyList<KeyValuePair<string, string>> settings) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }

            builder.UseSetting("OS2Hub:DatabasePath", databasePath);
            builder.UseSetting("OS2Hub:DemoData", demoData ? "true" : "false");
            if (!demoData)
            {
                // Without demo data the demo accounts are gone; the first secretariat account is the way in, as in production.
                builder.UseSetting("OS2Hub:FirstSecretariatEmail", RealDataBrowserHost.SecretariatEmail);
                builder.UseSetting("OS2Hub:FirstSecretariatPassword", RealDataBrowserHost.SecretariatPassword);
            }

            foreach (var limit in new[] { "SignInPerMinute", "PasswordResetPerHour", "SignInPerAccountPerHour", "PasswordResetPerAccountPerHour", "ApiPerMinute", "ValidatorPerMinute" })
            {
                builder.UseSetting($"OS2Hub:RateLimits:{limit}", "100000"); // every browser test signs in from one address
            }
        }
    }
}

/// <summary>The demo hub with a real OpenID Connect provider on another loopback port, registered for this hub's address.</summary>
public sealed class SsoBrowserHost : BrowserHost
{
    public OS2Hub.Tests.TestIdentityProvider Provider { get; private set; } = null!;

    protected override async Task<IEnumerable<KeyValuePair<string, string>>> SettingsAsync()
    {
        Provider = await OS2Hub.Tests.TestIdentityProvider.StartAsync();
        return Provider.Settings(0, "testsso", "Test-SSO", "os2hub");
    }

    protected override Task StartedAsync() => Provider.RegisterClientAsync("os2hub", BaseAddress, "testsso");

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Provider.DisposeAsync();
    }
}

public sealed class RealDataBrowserHost : BrowserHost
{
    public const string SecretariatEmail = "sekretariat@os2.example.dk";
    public const string SecretariatPassword = "Sekretariatet-Tester-2026";

    protected override bool DemoData => false;
}
