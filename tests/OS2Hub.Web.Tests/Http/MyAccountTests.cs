using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OS2Hub.Tests;
using OS2Hub.Web.Data;
using OS2Hub.Web.Tests.Infrastructure;

namespace OS2Hub.Web.Tests.Http;

/// <summary>/konto: one's own personal data, provider links that can be removed but never the last way in, and the password.</summary>
public sealed class MyAccountTests : IAsyncLifetime
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
    public async Task ThePersonalDataDownloadHoldsTheAccountItsRolesLinksAndSignInsAndNoSecrets()
    {
        _provider.Next = new ProviderPerson("pk-data", Coordinator);
        var (client, _) = await SingleSignOnTests.SignInThroughProviderAsync(_hub, "testsso");

        var response = await client.GetAsync(new Uri("/konto/persondata", UriKind.Relative), Ct);
        var anonymous = await _hub.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }).GetAsync(new Uri("/konto/persondata", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("os2hub-persondata-", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName, StringComparison.Ordinal);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        var text = await response.Content.ReadAsStringAsync(Ct);
        using var json = JsonDocument.Parse(text);
        Assert.Equal(Coordinator, json.RootElement.GetProperty("konto").GetProperty("email").GetString());
        Assert.Contains(json.RootElement.GetProperty("roller").EnumerateArray(), r => r.GetProperty("rolle").GetString() == "ProductCoordinator");
        Assert.Contains(json.RootElement.GetProperty("identitetsudbydere").EnumerateArray(), l => l.GetProperty("subjekt").GetString() == "pk-data");
        Assert.Contains(json.RootElement.GetProperty("logind").EnumerateArray(), e => e.GetProperty("udfald").GetString() == "Succeeded");
        Assert.DoesNotContain("AQAAAA", text, StringComparison.Ordinal); // the start of every Identity password hash
        Assert.DoesNotContain("SecurityStamp", text, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
    }

    [Fact]
    public async Task ALinkIsRemovedWhenThePasswordRemainsAndThePasswordIsRemovedWhenALinkRemains()
    {
        _provider.Next = new ProviderPerson("pk-unlink", Coordinator);
        var (client, _) = await SingleSignOnTests.SignInThroughProviderAsync(_hub, "testsso");

        var removed = await HttpForms.PostFormAsync(client, "/konto", "unlink-testsso", []);
        Assert.Contains("Koblingen er fjernet.", await removed.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.False(await HasLoginAsync(_hub, "pk-unlink"));

        // Linked again, then the password goes: the provider is now the only way in, and the password no longer works.
        (client, _) = await SingleSignOnTests.SignInThroughProviderAsync(_hub, "testsso");
        var noPassword = await HttpForms.PostFormAsync(client, "/konto", "remove-password", []);
        var passwordSignIn = await HttpForms.SignInAsync(_hub.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }), Coordinator, "Demo-Produktkoordinator-1");
        var lastLink = await HttpForms.PostFormAsync(client, "/konto", "unlink-testsso", []);

        Assert.Contains("Adgangskoden er fjernet.", await noPassword.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, passwordSignIn.StatusCode);
        Assert.Contains("E-mail eller adgangskode er forkert.", await passwordSignIn.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Contains("Det er din sidste måde at logge ind på", await lastLink.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.True(await HasLoginAsync(_hub, "pk-unlink"));
    }

    [Fact]
    public async Task ChangingThePasswordNeedsTheCurrentOneAndKeepsTheSessionWhileTheOldPasswordStopsWorking()
    {
        var client = _hub.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        await HttpForms.SignInAsync(client, "it-frederikshavn@demo.os2hub.dk", "Demo-Frederikshavn-1");

        var wrong = await HttpForms.PostFormAsync(client, "/konto", "password",
            new() { ["Password.Current"] = "ikke-den-rigtige", ["Password.New"] = "Ny-Adgangskode-2027", ["Password.Confirm"] = "Ny-Adgangskode-2027" });
        var changed = await HttpForms.PostFormAsync(client, "/konto", "password",
            new() { ["Password.Current"] = "Demo-Frederikshavn-1", ["Password.New"] = "Ny-Adgangskode-2027", ["Password.Confirm"] = "Ny-Adgangskode-2027" });
        var stillSignedIn = await client.GetAsync(new Uri("/konto", UriKind.Relative), Ct);
        var oldPassword = await HttpForms.SignInAsync(_hub.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }), "it-frederikshavn@demo.os2hub.dk", "Demo-Frederikshavn-1");

        Assert.Contains("Den nuværende adgangskode er forkert.", await wrong.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Contains("Din adgangskode er ændret.", await changed.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, stillSignedIn.StatusCode);
        Assert.Equal(HttpStatusCode.OK, oldPassword.StatusCode);
    }

    [Fact]
    public async Task WishEMailsAreTurnedOffAndOnAgainFromTheAccountPage()
    {
        var client = _hub.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        await HttpForms.SignInAsync(client, "it-frederikshavn@demo.os2hub.dk", "Demo-Frederikshavn-1");

        var off = await HttpForms.PostFormAsync(client, "/konto", "wish-emails", []);
        var offInDatabase = await WishEmailsOffAsync();
        var on = await HttpForms.PostFormAsync(client, "/konto", "wish-emails", []);

        Assert.Contains("Du får ikke e-mails om udviklingsønsker", await off.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.True(offInDatabase);
        Assert.Contains("Slå e-mails om udviklingsønsker fra", await on.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.False(await WishEmailsOffAsync());
    }

    private async Task<bool> WishEmailsOffAsync()
    {
        await using var db = await _hub.Services.GetRequiredService<IDbContextFactory<OS2HubDbContext>>().CreateDbContextAsync(Ct);
        return await db.Users.Where(u => u.Email == "it-frederikshavn@demo.os2hub.dk").Select(u => u.WishEmailsOff).SingleAsync(Ct);
    }

    private static async Task<bool> HasLoginAsync(SsoHubFactory hub, string subject)
    {
        await using var db = await hub.Services.GetRequiredService<IDbContextFactory<OS2HubDbContext>>().CreateDbContextAsync(Ct);
        return await db.Set<IdentityUserLogin<string>>().AnyAsync(l => l.ProviderKey == subject, Ct);
    }
}
