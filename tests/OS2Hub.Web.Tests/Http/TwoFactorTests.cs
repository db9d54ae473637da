using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OS2Hub.Tests;
using OS2Hub.Web.Data;
using OS2Hub.Web.Data.Entities;
using OS2Hub.Web.Tests.Infrastructure;

namespace OS2Hub.Web.Tests.Http;

/// <summary>
/// The authenticator app as second factor, through the real pages: set-up, sign-in with a right, a wrong and a reused
/// code, recovery codes that work once, lockout, and the secretariat's grant that waits for a second factor.
/// </summary>
public sealed partial class TwoFactorTests(HubFactory factory) : IClassFixture<HubFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private HttpClient Client() => factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    [Fact]
    public async Task SetUpThenSignInWithTheRightCodeAndNotWithAWrongOrAReusedOne()
    {
        const string email = "it-frederikshavn@demo.os2hub.dk", password = "Demo-Frederikshavn-1";
        var client = Client();
        Assert.Equal("/", HttpForms.Redirect(await HttpForms.SignInAsync(client, email, password)));
        var key = await KeyAsync(client);

        var wrongAtSetUp = await EnableAsync(client, WrongCode(key));
        var setUpCode = await AuthenticatorCodes.NextAsync(key, Ct);
        var enabled = await EnableAsync(client, setUpCode);

        Assert.Contains("Koden er forkert eller allerede brugt.", wrongAtSetUp, StringComparison.Ordinal);
        Assert.Equal(10, RecoveryCodeRegex().Count(enabled));
        Assert.True((await UserAsync(email)).TwoFactorEnabled);

        // The next sign-in asks for a code after the password.
        var second = Client();
        var password1 = await HttpForms.PostFormAsync(second, "/konto/log-ind", "login", new() { ["Input.Email"] = email, ["Input.Password"] = password });
        var secondStep = HttpForms.Redirect(password1)!;
        var wrong = await PostCodeAsync(second, secondStep, WrongCode(key));
        var reused = await PostCodeAsync(second, secondStep, setUpCode);
        var right = await PostCodeAsync(second, secondStep, await AuthenticatorCodes.NextAsync(key, Ct));

        Assert.StartsWith("/konto/log-ind/totrin", secondStep, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("Koden er forkert eller allerede brugt.", await wrong.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, reused.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        Assert.Contains(".AspNetCore.Identity.Application", string.Join(";", right.Headers.GetValues("Set-Cookie")), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await second.GetAsync(new Uri("/konto", UriKind.Relative), Ct)).StatusCode);

        // The audit has each step, and nothing typed.
        await using var db = await DbAsync();
        var userId = (await UserAsync(email)).Id;
        var recorded = await db.SignInEvents.Where(e => e.UserId == userId).OrderBy(e => e.Id).Select(e => $"{e.Method}:{e.Outcome}").ToListAsync(Ct);
        Assert.Equal(["Password:Succeeded", "Password:SecondFactorRequired", "Authenticator:Failed", "Authenticator:Failed", "Authenticator:Succeeded"], recorded);
    }

    [Fact]
    public async Task ARecoveryCodeWorksOnceAndIsRefusedTheSecondTime()
    {
        const string email = "leverandoer@demo.os2hub.dk", password = "Demo-Leverandoer-1";
        var setUp = Client();
        await HttpForms.SignInAsync(setUp, email, password);
        var key = await KeyAsync(setUp);
        var codes = RecoveryCodeRegex().Matches(await EnableAsync(setUp, await AuthenticatorCodes.NextAsync(key, Ct))).Select(m => m.Groups[1].Value).ToList();

        async Task<HttpResponseMessage> WithRecoveryCodeAsync(string code)
        {
            var client = Client();
            var first = await HttpForms.PostFormAsync(client, "/konto/log-ind", "login", new() { ["Input.Email"] = email, ["Input.Password"] = password });
            return await PostCodeAsync(client, HttpForms.Redirect(first)!, code);
        }

        var firstUse = await WithRecoveryCodeAsync(codes[0]);
        var secondUse = await WithRecoveryCodeAsync(codes[0]);

        Assert.Equal(HttpStatusCode.Redirect, firstUse.StatusCode);
        Assert.Equal(HttpStatusCode.OK, secondUse.StatusCode);
        Assert.Contains("Koden er forkert eller allerede brugt.", await secondUse.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        using var scope = factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        Assert.Equal(9, await users.CountRecoveryCodesAsync((await users.FindByEmailAsync(email))!));
        await using var db = await DbAsync();
        var userId = (await UserAsync(email)).Id;
        Assert.Equal(["RecoveryCode:Succeeded", "RecoveryCode:Failed"],
            await db.SignInEvents.Where(e => e.UserId == userId && e.Method == SignInMethod.RecoveryCode).OrderBy(e => e.Id).Select(e => $"{e.Method}:{e.Outcome}").ToListAsync(Ct));
    }

    [Fact]
    public async Task WrongSecondFactorCodesLockTheAccountAsWrongPasswordsDo()
    {
        const string email = "produktkoordinator@demo.os2hub.dk", password = "Demo-Produktkoordinator-1";
        var setUp = Client();
        await HttpForms.SignInAsync(setUp, email, password);
        var key = await KeyAsync(setUp);
        await EnableAsync(setUp, await AuthenticatorCodes.NextAsync(key, Ct));

        var client = Client();
        var first = await HttpForms.PostFormAsync(client, "/konto/log-ind", "login", new() { ["Input.Email"] = email, ["Input.Password"] = password });
        var step = HttpForms.Redirect(first)!;
        HttpResponseMessage last = null!;
        for (var i = 0; i < 5; i++)
        {
            last = await PostCodeAsync(client, step, i % 2 == 0 ? WrongCode(key) : "WRONG-RECOVERY");
        }

        var rightButLocked = await PostCodeAsync(client, step, await AuthenticatorCodes.NextAsync(key, Ct));

        Assert.Contains("Kontoen er låst", await last.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, rightButLocked.StatusCode);
        Assert.Contains("Kontoen er låst", await rightButLocked.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASecretariatHolderWithAPasswordAndNoSecondFactorGetsNoSecretariatPageOrActionUntilSetUp()
    {
        const string email = "ny.sekretariat@os2.example.dk", password = "Sekretariat-Uden-Totrin-1";
        using (var scope = factory.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Ny i sekretariatet" };
            Assert.True((await users.CreateAsync(user, password)).Succeeded);
            await using var db = await DbAsync();
            db.Grants.Add(new Grant { UserId = user.Id, Role = GrantRole.Secretariat, CreatedAt = DateTime.UtcNow });
            await db.SaveChangesAsync(Ct);
        }

        var client = Client();
        var signedIn = await HttpForms.SignInAsync(client, email, password);
        var usersPage = await client.GetStringAsync(new Uri("/brugere", UriKind.Relative), Ct);
        var export = await client.GetAsync(new Uri("/administration/eksport/kontaktpersoner.csv", UriKind.Relative), Ct);
        var account = await client.GetStringAsync(new Uri("/konto", UriKind.Relative), Ct);

        Assert.Equal("/konto/totrin?krav=sekretariat", HttpForms.Redirect(signedIn));
        Assert.Contains("Brugere og roller administreres af OS2-sekretariatet.", usersPage, StringComparison.Ordinal);
        Assert.DoesNotContain("Invitér en bruger", usersPage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, export.StatusCode);
        Assert.Contains("Dine sekretariatsrettigheder er sat på pause", account, StringComparison.Ordinal);

        var key = await KeyAsync(client);
        await EnableAsync(client, await AuthenticatorCodes.NextAsync(key, Ct));

        Assert.Contains("Invitér en bruger", await client.GetStringAsync(new Uri("/brugere", UriKind.Relative), Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/administration/eksport/kontaktpersoner.csv", UriKind.Relative), Ct)).StatusCode);
    }

    [Fact]
    public async Task TheDemoSecretariatSignsInWithTheKeyTheReadmePrints()
    {
        var readme = await File.ReadAllTextAsync(Path.Combine(RepositoryRoot(), "README.md"), Ct);
        Assert.Contains(Web.Features.Account.AccountSeeder.DemoAuthenticatorKey, readme, StringComparison.Ordinal);

        var client = Client();
        var signedIn = await HttpForms.SignInAsync(client, "sekretariat@demo.os2hub.dk", "Demo-Sekretariat-1");

        Assert.Equal("/", HttpForms.Redirect(signedIn));
        Assert.Contains("Invitér en bruger", await client.GetStringAsync(new Uri("/brugere", UriKind.Relative), Ct), StringComparison.Ordinal);
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(directory!.FullName, "OS2Hub.sln")))
        {
            directory = directory.Parent;
        }

        return directory.FullName;
    }

    /// <summary>A code from far in the future: a right code for another time, so it is wrong now.</summary>
    private static string WrongCode(string key) =>
        new OtpNet.Totp(OtpNet.Base32Encoding.ToBytes(key)).ComputeTotp(DateTime.UtcNow.AddHours(1));

    private static async Task<string> KeyAsync(HttpClient client)
    {
        var page = await client.GetStringAsync(new Uri("/konto/totrin", UriKind.Relative), Ct);
        return KeyRegex().Match(page).Groups[1].Value.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
    }

    private static async Task<string> EnableAsync(HttpClient client, string code) =>
        await (await HttpForms.PostFormAsync(client, "/konto/totrin", "enable", new() { ["Input.Code"] = code })).Content.ReadAsStringAsync(Ct);

    private static Task<HttpResponseMessage> PostCodeAsync(HttpClient client, string path, string code) =>
        HttpForms.PostFormAsync(client, path, "second-factor", new() { ["Input.Code"] = code });

    private async Task<OS2HubDbContext> DbAsync() =>
        await factory.Services.GetRequiredService<IDbContextFactory<OS2HubDbContext>>().CreateDbContextAsync(Ct);

    private async Task<AppUser> UserAsync(string email)
    {
        await using var db = await DbAsync();
        return await db.Users.AsNoTracking().SingleAsync(u => u.Email == email, Ct);
    }

    [GeneratedRegex("class=\"authenticator-key\">([a-z2-7 ]+)<")]
    private static partial Regex KeyRegex();

    [GeneratedRegex("<li><code>([A-Z0-9-]+)</code></li>")]
    private static partial Regex RecoveryCodeRegex();
}

/// <summary>The second-factor form shares the address's sign-in budget: a code cannot be guessed faster than a password.</summary>
public sealed class TwoFactorRateLimitTests(DefaultLimitsHubFactory factory) : IClassFixture<DefaultLimitsHubFactory>
{
    [Fact]
    public async Task TheSecondFactorFormIsRateLimitedWithTheSignInForm()
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 11; i++)
        {
            statuses.Add((await HttpForms.PostFormAsync(client, "/konto/log-ind/totrin", "second-factor", new() { ["Input.Code"] = "123456" })).StatusCode);
        }

        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, statuses.Take(10));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
    }
}
