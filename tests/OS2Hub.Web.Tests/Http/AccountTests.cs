using Microsoft.Extensions.DependencyInjection;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using OS2Hub.Web.Tests.Infrastructure;

namespace OS2Hub.Web.Tests.Http;

/// <summary>The account pages as plain server-rendered forms: sign in, lockout, and the password reset by e-mail.</summary>
public sealed partial class AccountTests(HubFactory factory) : IClassFixture<HubFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private HttpClient Client() => factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    private static Task<HttpResponseMessage> PostFormAsync(HttpClient client, string path, string handler, Dictionary<string, string> fields, string? action = null) =>
        HttpForms.PostFormAsync(client, path, handler, fields, action);

    private static Task<HttpResponseMessage> SignInAsync(HttpClient client, string email, string password) => HttpForms.SignInAsync(client, email, password);

    [Fact]
    public async Task ASignedInUsersLanguageChoiceIsRememberedOnTheAccountForEMails()
    {
        // Arrange
        var client = Client();
        // An account no other test here touches: one locks the supplier out, another resets the product coordinator's password.
        var signedIn = await SignInAsync(client, "it-frederikshavn@demo.os2hub.dk", "Demo-Frederikshavn-1");
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);

        // Act
        var toEnglish = await client.GetAsync(new Uri("/sprog/en?returnUrl=%2F", UriKind.Relative), Ct);
        string? chosen;
        using (var scope = factory.Services.CreateScope())
        {
            chosen = (await scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<OS2Hub.Web.Data.Entities.AppUser>>()
                .FindByEmailAsync("it-frederikshavn@demo.os2hub.dk"))!.PreferredLanguage;
        }

        await client.GetAsync(new Uri("/sprog/da-DK?returnUrl=%2F", UriKind.Relative), Ct);
        using var after = factory.Services.CreateScope();
        var back = (await after.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<OS2Hub.Web.Data.Entities.AppUser>>()
            .FindByEmailAsync("it-frederikshavn@demo.os2hub.dk"))!.PreferredLanguage;

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, toEnglish.StatusCode);
        Assert.Equal(("en", "da"), (chosen, back));
    }

    [Fact]
    public async Task SignInWithTheRightPasswordRedirectsAndAWrongOneSaysSo()
    {
        var ok = await SignInAsync(Client(), "sekretariat@demo.os2hub.dk", "Demo-Sekretariat-1");
        var wrong = await SignInAsync(Client(), "sekretariat@demo.os2hub.dk", "forkert-adgangskode");

        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        Assert.Contains(".AspNetCore.Identity.Application", string.Join(";", ok.Headers.GetValues("Set-Cookie")), StringComparison.Ordinal);
        Assert.Contains("E-mail eller adgangskode er forkert.", await wrong.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignOutIsAFormPostThatEndsTheSession()
    {
        var client = Client();
        await SignInAsync(client, "sekretariat@demo.os2hub.dk", "Demo-Sekretariat-1");
        Assert.Contains("Log ud", await client.GetStringAsync(new Uri("/", UriKind.Relative), Ct), StringComparison.Ordinal);

        var viaGet = await client.GetAsync(new Uri("/konto/log-ud", UriKind.Relative), Ct);
        var signedOut = await PostFormAsync(client, "/", "", new() { ["returnUrl"] = "/" }, "/konto/log-ud");
        var after = await client.GetStringAsync(new Uri("/", UriKind.Relative), Ct);

        Assert.NotEqual(HttpStatusCode.Redirect, viaGet.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.DoesNotContain("Log ud", after, StringComparison.Ordinal);
        Assert.Contains("/konto/log-ind", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FiveWrongPasswordsLockTheAccount()
    {
        for (var i = 0; i < 5; i++)
        {
            await SignInAsync(Client(), "leverandoer@demo.os2hub.dk", "forkert-adgangskode");
        }

        var locked = await SignInAsync(Client(), "leverandoer@demo.os2hub.dk", "Demo-Leverandoer-1");

        Assert.Contains("Kontoen er låst i 15 minutter", await locked.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ForgottenPasswordIsResetThroughTheLinkInTheEmail()
    {
        var client = Client();
        var asked = await PostFormAsync(client, "/konto/glemt-adgangskode", "forgot", new() { ["Input.Email"] = "produktkoordinator@demo.os2hub.dk" });
        var unknown = await PostFormAsync(client, "/konto/glemt-adgangskode", "forgot", new() { ["Input.Email"] = "findes-ikke@example.dk" });

        // The same answer for an unknown address, and only one e-mail written.
        Assert.Contains("Hvis der findes en konto", await asked.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Contains("Hvis der findes en konto", await unknown.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        // The outbox's sender writes the e-mail moments after the request has returned.
        var waited = TimeSpan.Zero;
        while ((!Directory.Exists(factory.MailFolder) || Directory.GetFiles(factory.MailFolder, "*.eml").Length == 0) && waited < TimeSpan.FromSeconds(20))
        {
            await Task.Delay(100, Ct);
            waited += TimeSpan.FromMilliseconds(100);
        }

        var mail = Assert.Single(Directory.GetFiles(factory.MailFolder, "*.eml"));
        var text = await File.ReadAllTextAsync(mail, Ct);
        Assert.Contains("To: produktkoordinator@demo.os2hub.dk", text, StringComparison.Ordinal);
        var link = new Uri(LinkRegex().Match(text.Replace("=\r\n", "", StringComparison.Ordinal).Replace("=\n", "", StringComparison.Ordinal)).Value);

        var tooShort = await PostFormAsync(client, link.PathAndQuery, "reset", new()
        {
            ["Input.UserId"] = Query(link, "bruger"), ["Input.Code"] = Query(link, "kode"), ["Input.Password"] = "kort", ["Input.Confirm"] = "kort",
        });
        var reset = await PostFormAsync(client, link.PathAndQuery, "reset", new()
        {
            ["Input.UserId"] = Query(link, "bruger"), ["Input.Code"] = Query(link, "kode"), ["Input.Password"] = "Ny-Adgangskode-2026", ["Input.Confirm"] = "Ny-Adgangskode-2026",
        });

        Assert.Contains("Adgangskoden skal være mindst 12 tegn.", await tooShort.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Contains("Din adgangskode er ændret.", await reset.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync(Client(), "produktkoordinator@demo.os2hub.dk", "Ny-Adgangskode-2026")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SignInAsync(Client(), "produktkoordinator@demo.os2hub.dk", "Demo-Produktkoordinator-1")).StatusCode);
    }

    [Fact]
    public async Task ATamperedResetLinkChangesNothing()
    {
        var response = await PostFormAsync(Client(), "/konto/nulstil-adgangskode?bruger=x&kode=y", "reset", new()
        {
            ["Input.UserId"] = "findes-ikke", ["Input.Code"] = "!!", ["Input.Password"] = "Ny-Adgangskode-2026", ["Input.Confirm"] = "Ny-Adgangskode-2026",
        });

        Assert.Contains("Linket er udløbet eller ugyldigt.", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RequestPagesRedirectToSignIn()
    {
        var response = await Client().GetAsync(new Uri("/anmodninger", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/konto/log-ind", response.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
    }

    private static string Query(Uri uri, string key) =>
        Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(uri.Query)[key].ToString();

    [GeneratedRegex(@"http://[^\s]+/konto/nulstil-adgangskode\?[^\s]+")]
    private static partial Regex LinkRegex();
}
