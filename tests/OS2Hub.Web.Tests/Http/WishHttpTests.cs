using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OS2Hub.Web.Data;
using OS2Hub.Web.Features.Wishes;
using OS2Hub.Web.Tests.Infrastructure;

namespace OS2Hub.Web.Tests.Http;

/// <summary>The wishes in the open API and the one-click stop for wish e-mails, over the whole app with demo data.</summary>
public sealed class WishHttpTests(HubFactory factory) : IClassFixture<HubFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private HttpClient Client() => factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    [Fact]
    public async Task TheApiListsEachWishWithItsBackersAndNoPersonOrAmountPerAuthority()
    {
        var response = await Client().GetAsync(new Uri("/api/v1/products/os2rollekatalog/wishes", UriKind.Relative), Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        var wishes = JsonDocument.Parse(body).RootElement.GetProperty("wishes").EnumerateArray().ToList();
        Assert.Equal(6, wishes.Count);
        var top = wishes.Single(w => w.GetProperty("rank").ValueKind == JsonValueKind.Number && w.GetProperty("rank").GetInt32() == 1);
        Assert.Equal("prioritised", top.GetProperty("status").GetString());
        Assert.Equal(5, top.GetProperty("supportingAuthorities").GetArrayLength());
        Assert.Equal("frederikshavn", top.GetProperty("interestedAuthorities")[0].GetString());
        Assert.Equal(3, top.GetProperty("pledgers").GetInt32());
        Assert.Equal(180_000, top.GetProperty("totalPledged").GetInt64());
        Assert.DoesNotContain("@", body, StringComparison.Ordinal);
        Assert.DoesNotContain("share", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("demo-data", body, StringComparison.Ordinal);

        var missing = await Client().GetAsync(new Uri("/api/v1/products/findes-ikke/wishes", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Contains("findes-ikke", await missing.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        var openApi = await Client().GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative), Ct);
        Assert.Contains("/api/v1/products/{slug}/wishes", openApi, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OneClickFromTheMailClientStopsWishMailsWithoutACookieOrAToken()
    {
        string token;
        string userId;
        using (var scope = factory.Services.CreateScope())
        {
            await using var db = await scope.ServiceProvider.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<OS2HubDbContext>>().CreateDbContextAsync(Ct);
            userId = await db.Users.Where(u => u.Email == "it-frederikshavn@demo.os2hub.dk").Select(u => u.Id).SingleAsync(Ct);
            token = scope.ServiceProvider.GetRequiredService<WishNotifier>().UnsubscribeToken(userId);
        }

        var page = await Client().GetStringAsync(new Uri($"/afmeld/oensker?t={Uri.EscapeDataString(token)}", UriKind.Relative), Ct);
        Assert.Contains("Stop e-mails om udviklingsønsker", page, StringComparison.Ordinal);

        // RFC 8058: the client POSTs this body to the List-Unsubscribe address, with nothing else.
        using var oneClick = new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]);
        var response = await Client().PostAsync(new Uri($"{WishesFeature.UnsubscribePath}?t={Uri.EscapeDataString(token)}", UriKind.Relative), oneClick, Ct);
        using var forged = new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]);
        var refused = await Client().PostAsync(new Uri($"{WishesFeature.UnsubscribePath}?t=ikke-et-token", UriKind.Relative), forged, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Du får ikke flere e-mails om udviklingsønsker", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("Linket er ikke gyldigt", await refused.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        using var check = factory.Services.CreateScope();
        await using var after = await check.ServiceProvider.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<OS2HubDbContext>>().CreateDbContextAsync(Ct);
        Assert.True(await after.Users.Where(u => u.Id == userId).Select(u => u.WishEmailsOff).SingleAsync(Ct));
        Assert.Equal(1, await after.Users.CountAsync(u => u.WishEmailsOff, Ct));
    }

    [Fact]
    public async Task MyWishesNeedsASignedInUser()
    {
        var response = await Client().GetAsync(new Uri("/oensker", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/konto/log-ind", response.Headers.Location!.OriginalString.Replace("http://localhost", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }
}
