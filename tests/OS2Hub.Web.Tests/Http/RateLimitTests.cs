using System.Net;
using System.Text;
using Microsoft.AspNetCore.Mvc.Testing;
using OS2Hub.Web.Tests.Infrastructure;

namespace OS2Hub.Web.Tests.Http;

/// <summary>The limits the app ships with, over HTTP. Every request here comes from one address, as from one client.</summary>
public sealed class RateLimitTests(DefaultLimitsHubFactory factory) : IClassFixture<DefaultLimitsHubFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private HttpClient Client() => factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    [Fact]
    public async Task TheEleventhSignInWithinAMinuteGetsADanishPageAndWhenToTryAgain()
    {
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? last = null;
        for (var i = 0; i < 11; i++)
        {
            last = await HttpForms.SignInAsync(Client(), "findes-ikke@example.dk", "forkert-adgangskode");
            statuses.Add(last.StatusCode);
        }

        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, statuses.Take(10));
        Assert.Equal(HttpStatusCode.TooManyRequests, last!.StatusCode);
        Assert.True(last.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        var page = await last.Content.ReadAsStringAsync(Ct);
        Assert.Contains("For mange forsøg", page, StringComparison.Ordinal);
        Assert.Contains("Vent", page, StringComparison.Ordinal);
        // Reading pages is not limited.
        Assert.Equal(HttpStatusCode.OK, (await Client().GetAsync(new Uri("/konto/log-ind", UriKind.Relative), Ct)).StatusCode);
    }

    [Fact]
    public async Task AFourthPasswordResetForOneAccountWithinAnHourIsRefusedWhileAnotherAccountStillGetsOne()
    {
        async Task<HttpResponseMessage> ResetAsync(string email) =>
            await HttpForms.PostFormAsync(Client(), "/konto/glemt-adgangskode", "forgot", new() { ["Input.Email"] = email });

        var first = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            first.Add((await ResetAsync("en-konto@example.dk")).StatusCode);
        }

        var other = await ResetAsync("en-anden-konto@example.dk");
        // The fifth request from this address, which the per-address limit (5 an hour) still allows: only the
        // account's own limit can refuse it.
        var fourth = await ResetAsync(" EN-KONTO@example.dk "); // the same account, however it is typed

        Assert.All(first, s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, fourth.StatusCode);
        Assert.Contains("For mange forsøg", await fourth.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }

    [Fact]
    public async Task TheValidatorAnswers429WithAProblemAndRetryAfterOverItsLimit()
    {
        HttpResponseMessage? last = null;
        for (var i = 0; i < 21; i++)
        {
            using var body = new StringContent("publiccodeYmlVersion: \"0.4\"\n", Encoding.UTF8, "application/yaml");
            last = await Client().PostAsync(new Uri("/api/v1/publiccode/validate", UriKind.Relative), body, Ct);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, last!.StatusCode);
        Assert.NotNull(last.Headers.RetryAfter);
        Assert.Equal("application/problem+json", last.Content.Headers.ContentType?.MediaType);
        Assert.Contains("For mange forsøg", await last.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }
}
