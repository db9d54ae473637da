using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OS2Hub.Tests;
using OS2Hub.Web.Data;
using OS2Hub.Web.Data.Entities;
using OS2Hub.Web.Features.Access;
using OS2Hub.Web.Tests.Infrastructure;

namespace OS2Hub.Web.Tests.Http;

/// <summary>
/// Single sign-on against a real OpenID Connect provider in this process (OpenIddict on a loopback port). The app's
/// own OpenID Connect handler talks to it over HTTP; the test plays the browser between the two, form post and all.
/// </summary>
public sealed partial class SingleSignOnTests : IAsyncLifetime
{
    private const string Coordinator = "produktkoordinator@demo.os2hub.dk";
    private TestIdentityProvider _provider = null!;
    private SsoHubFactory _hub = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _provider = await SsoHubFactory.StartProviderAsync();
        _hub = new SsoHubFactory(_provider);
    }

    public async ValueTask DisposeAsync()
    {
        await _hub.DisposeAsync();
        await _provider.DisposeAsync();
    }

    [Fact]
    public async Task AKnownVerifiedEMailSignsInKeepsItsGrantsAndIsLinkedToTheSubject()
    {
        _provider.Next = new ProviderPerson("pk-subject", Coordinator);
        var userId = await UserIdAsync(_hub, Coordinator);
        var grantsBefore = await RolesAsync(_hub, userId);

        var (client, landed) = await SignInThroughProviderAsync(_hub, "testsso", returnUrl: "/anmodninger");

        Assert.Equal("/anmodninger", landed.Headers.Location?.OriginalString);
        var account = await client.GetStringAsync(new Uri("/konto", UriKind.Relative), Ct);
        Assert.Contains(Coordinator, account, StringComparison.Ordinal);
        Assert.Contains("Test-SSO", account, StringComparison.Ordinal);
        Assert.Equal(grantsBefore, await RolesAsync(_hub, userId));
        await using var db = await DbAsync(_hub);
        Assert.Equal("pk-subject", await db.Set<IdentityUserLogin<string>>().Where(l => l.UserId == userId && l.LoginProvider == "testsso").Select(l => l.ProviderKey).SingleAsync(Ct));
        Assert.Equal([SignInOutcome.Linked, SignInOutcome.Succeeded],
            await db.SignInEvents.Where(e => e.UserId == userId).OrderBy(e => e.Id).Select(e => e.Outcome).ToListAsync(Ct));
    }

    [Fact]
    public async Task TheSecondSignInFindsTheAccountBySubjectEvenAfterTheEMailChangedAtTheProvider()
    {
        _provider.Next = new ProviderPerson("pk-subject-2", Coordinator);
        await SignInThroughProviderAsync(_hub, "testsso");
        var usersBefore = await CountUsersAsync(_hub);

        _provider.Next = new ProviderPerson("pk-subject-2", "nyt.navn@kommune.example.dk");
        var (client, landed) = await SignInThroughProviderAsync(_hub, "testsso");

        Assert.Equal("/", landed.Headers.Location?.OriginalString);
        Assert.Contains(Coordinator, await client.GetStringAsync(new Uri("/konto", UriKind.Relative), Ct), StringComparison.Ordinal);
        Assert.Equal(usersBefore, await CountUsersAsync(_hub));
    }

    [Fact]
    public async Task AnUnknownEMailGetsTheNoAccessPageAndNoAccount()
    {
        _provider.Next = new ProviderPerson("stranger", "ukendt@kommune.example.dk");
        var usersBefore = await CountUsersAsync(_hub);

        var (client, landed) = await SignInThroughProviderAsync(_hub, "testsso");

        Assert.Equal("/konto/ingen-adgang?grund=unknown", landed.Headers.Location?.OriginalString);
        var page = await client.GetStringAsync(landed.Headers.Location, Ct);
        Assert.Contains("Du har ikke adgang til OS2Hub", page, StringComparison.Ordinal);
        Assert.Contains("Bed OS2-sekretariatet om adgang", page, StringComparison.Ordinal);
        Assert.Equal(usersBefore, await CountUsersAsync(_hub));
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync(new Uri("/konto", UriKind.Relative), Ct)).StatusCode);
    }

    [Fact]
    public async Task AnUnverifiedEMailIsRefusedUnlessTheProviderIsTrustedWithIt()
    {
        _provider.Next = new ProviderPerson("unverified", Coordinator, EmailVerified: false);

        var (_, refused) = await SignInThroughProviderAsync(_hub, "testsso");
        var (trustedClient, trusted) = await SignInThroughProviderAsync(_hub, "betroet");

        Assert.Equal("/konto/ingen-adgang?grund=unverified", refused.Headers.Location?.OriginalString);
        Assert.Equal("/", trusted.Headers.Location?.OriginalString);
        Assert.Contains(Coordinator, await trustedClient.GetStringAsync(new Uri("/konto", UriKind.Relative), Ct), StringComparison.Ordinal);
        await using var db = await DbAsync(_hub);
        Assert.False(await db.Set<IdentityUserLogin<string>>().AnyAsync(l => l.LoginProvider == "testsso" && l.ProviderKey == "unverified", Ct));
    }

    [Fact]
    public async Task ATamperedStateIsRefusedAndSignsNobodyIn()
    {
        _provider.Next = new ProviderPerson("pk-subject-3", Coordinator);

        var (client, landed) = await SignInThroughProviderAsync(_hub, "testsso", tamperCallback: form => form["state"] = form["state"][..^4] + "AAAA");

        Assert.Equal("/konto/log-ind?fejl=sso", landed.Headers.Location?.OriginalString);
        Assert.Contains("Log ind via identitetsudbyderen mislykkedes", await client.GetStringAsync(landed.Headers.Location, Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync(new Uri("/konto", UriKind.Relative), Ct)).StatusCode);
    }

    [Fact]
    public async Task ATamperedNonceIsRefusedAndSignsNobodyIn()
    {
        _provider.Next = new ProviderPerson("pk-subject-4", Coordinator);

        var (client, landed) = await SignInThroughProviderAsync(_hub, "testsso",
            tamperAuthorize: url => new Uri(NonceRegex().Replace(url.AbsoluteUri, "nonce=forged-nonce")));

        Assert.Equal("/konto/log-ind?fejl=sso", landed.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync(new Uri("/konto", UriKind.Relative), Ct)).StatusCode);
        await using var db = await DbAsync(_hub);
        Assert.False(await db.Set<IdentityUserLogin<string>>().AnyAsync(l => l.ProviderKey == "pk-subject-4", Ct));
    }

    [Fact]
    public async Task SigningOutEndsTheHubsSessionAndTheProvidersToo()
    {
        _provider.Next = new ProviderPerson("pk-subject-5", Coordinator);
        var (client, _) = await SignInThroughProviderAsync(_hub, "testsso");

        var signedOut = await HttpForms.PostFormAsync(client, "/konto", "", new() { ["returnUrl"] = "/" }, action: "/konto/log-ud");
        var endSession = signedOut.Headers.Location!;
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        var atProvider = await browser.GetAsync(endSession, Ct);

        Assert.StartsWith(_provider.Authority + "connect/endsession", endSession.AbsoluteUri, StringComparison.Ordinal);
        Assert.Equal(1, _provider.EndedSessions);
        Assert.False(string.IsNullOrEmpty(_provider.LastIdTokenHint));
        Assert.StartsWith("http://localhost/signout-callback-testsso", atProvider.Headers.Location?.AbsoluteUri, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync(new Uri("/konto", UriKind.Relative), Ct)).StatusCode);
    }

    [Fact]
    public async Task WithPasswordsOffThePasswordFormIsGoneRefusedAndTheInvitedSecretariatIsLinkedAtFirstSignIn()
    {
        const string secretariat = "sekretariat@kommune.example.dk";
        await using var hub = new SsoHubFactory(_provider, localSignIn: false, firstSecretariatEmail: secretariat);
        var anonymous = hub.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var loginPage = await anonymous.GetStringAsync(new Uri("/konto/log-ind", UriKind.Relative), Ct);
        var byHand = await HttpForms.PostFormAsync(anonymous, "/konto/log-ind", "login", new() { ["Input.Email"] = secretariat, ["Input.Password"] = "Hvad-som-helst-2026" });
        _provider.Next = new ProviderPerson("secretariat-subject", secretariat);
        var (client, landed) = await SignInThroughProviderAsync(hub, "testsso", returnUrl: "/brugere");
        var users = await client.GetStringAsync(new Uri("/brugere", UriKind.Relative), Ct);

        Assert.Contains("Log ind med Test-SSO", loginPage, StringComparison.Ordinal);
        Assert.DoesNotContain("type=\"password\"", loginPage, StringComparison.Ordinal);
        // The page has no password form to post to, so a post made by hand reaches no handler and signs nobody in.
        Assert.Equal(HttpStatusCode.BadRequest, byHand.StatusCode);
        Assert.False(byHand.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.Contains("Identity.Application", StringComparison.Ordinal)));
        Assert.Equal("/brugere", landed.Headers.Location?.OriginalString);
        Assert.Contains("Invitér en bruger", users, StringComparison.Ordinal);
        Assert.True(await new AccessService(hub.Services.GetRequiredService<IDbContextFactory<OS2HubDbContext>>()).IsSecretariatAsync(await UserIdAsync(hub, secretariat), Ct));
    }

    /// <summary>The browser's part: the hub's button, the provider's page, its form post back, the hub's landing.</summary>
    internal static async Task<(HttpClient Client, HttpResponseMessage Landed)> SignInThroughProviderAsync(
        SsoHubFactory hub, string scheme, string returnUrl = "/", Func<Uri, Uri>? tamperAuthorize = null, Action<Dictionary<string, string>>? tamperCallback = null)
    {
        var client = hub.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var challenge = await HttpForms.PostFormAsync(client, "/konto/log-ind", "", new() { ["provider"] = scheme, ["returnUrl"] = returnUrl }, action: "/konto/log-ind/ekstern");
        Assert.Equal(HttpStatusCode.Redirect, challenge.StatusCode);
        var authorize = challenge.Headers.Location!;
        authorize = tamperAuthorize?.Invoke(authorize) ?? authorize;

        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        var providerPage = await browser.GetStringAsync(authorize, Ct);
        var action = new Uri(WebUtility.HtmlDecode(FormActionRegex().Match(providerPage).Groups[1].Value));
        var fields = HiddenInputRegex().Matches(providerPage).ToDictionary(m => WebUtility.HtmlDecode(m.Groups[1].Value), m => WebUtility.HtmlDecode(m.Groups[2].Value));
        tamperCallback?.Invoke(fields);
        using var form = new FormUrlEncodedContent(fields);
        var callback = await client.PostAsync(new Uri(action.PathAndQuery, UriKind.Relative), form, Ct);
        Assert.Equal(HttpStatusCode.Redirect, callback.StatusCode);
        var location = callback.Headers.Location!.OriginalString;
        if (!location.StartsWith("/konto/log-ind/ekstern/retur", StringComparison.Ordinal))
        {
            return (client, callback);
        }

        return (client, await client.GetAsync(new Uri(location, UriKind.Relative), Ct));
    }

    private static async Task<OS2HubDbContext> DbAsync(SsoHubFactory hub) =>
        await hub.Services.GetRequiredService<IDbContextFactory<OS2HubDbContext>>().CreateDbContextAsync(Ct);

    private static async Task<string> UserIdAsync(SsoHubFactory hub, string email)
    {
        await using var db = await DbAsync(hub);
        return await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync(Ct);
    }

    private static async Task<int> CountUsersAsync(SsoHubFactory hub)
    {
        await using var db = await DbAsync(hub);
        return await db.Users.CountAsync(Ct);
    }

    private static async Task<string> RolesAsync(SsoHubFactory hub, string userId) =>
        string.Join(",", (await new AccessService(hub.Services.GetRequiredService<IDbContextFactory<OS2HubDbContext>>()).RolesAsync(userId, Ct)).Order());

    [GeneratedRegex("<form[^>]*action=\"([^\"]+)\"")]
    private static partial Regex FormActionRegex();

    [GeneratedRegex("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"")]
    private static partial Regex HiddenInputRegex();

    [GeneratedRegex("nonce=[^&]+")]
    private static partial Regex NonceRegex();
}
