using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OS2Hub.Web.Data;
using OS2Hub.Web.Data.Entities;
using OS2Hub.Web.Features.Following;
using OS2Hub.Web.Tests.Infrastructure;

namespace OS2Hub.Web.Tests.Http;

/// <summary>Questions, search and the digest stop over the whole app with demo data, as an anonymous visitor and a mail client meet them.</summary>
public sealed class QuestionHttpTests(HubFactory factory) : IClassFixture<HubFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private HttpClient Client() => factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    [Fact]
    public async Task AnonymousReadsThePublicThreadWithOrganisationsOnlyAndNeverTheClosedOne()
    {
        var list = await Client().GetStringAsync(new Uri("/produkter/os2rollekatalog/spoergsmaal", UriKind.Relative), Ct);
        var open = await Client().GetAsync(new Uri("/produkter/os2rollekatalog/spoergsmaal/1", UriKind.Relative), Ct);
        var closed = await Client().GetAsync(new Uri("/produkter/os2rollekatalog/spoergsmaal/2", UriKind.Relative), Ct);
        var search = await Client().GetStringAsync(new Uri("/soeg?q=attestering", UriKind.Relative), Ct);

        Assert.Contains("Hvordan har I sat integrationen til KMD OPUS op?", list, StringComparison.Ordinal);
        Assert.DoesNotContain("Erfaringer med attestering", list, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, open.StatusCode);
        var page = await open.Content.ReadAsStringAsync(Ct);
        Assert.Contains("Digital Identity ApS", page, StringComparison.Ordinal);
        Assert.Contains("Svaret, der hjalp", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, closed.StatusCode);
        Assert.DoesNotContain("Erfaringer med attestering", await closed.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.DoesNotContain("Erfaringer med attestering", search, StringComparison.Ordinal);
        Assert.Contains("Påmindelser om attestering pr. e-mail", search, StringComparison.Ordinal); // a public wish
        var nothing = await Client().GetAsync(new Uri("/soeg?q=findesslet", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, nothing.StatusCode);
        Assert.Contains("Intet fundet for »findesslet«.", await nothing.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OneClickFromTheMailClientStopsDigestsWithoutSigningIn()
    {
        string token;
        string userId;
        using (var scope = factory.Services.CreateScope())
        {
            await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<OS2HubDbContext>>().CreateDbContextAsync(Ct);
            userId = await db.Users.Where(u => u.Email == "medarbejder-aarhus@demo.os2hub.dk").Select(u => u.Id).SingleAsync(Ct);
            var product = await db.Products.Where(p => p.Slug == "os2mo").Select(p => p.Id).SingleAsync(Ct);
            db.ProductFollows.Add(new ProductFollow { UserId = userId, ProductId = product, Topics = FollowTopics.All, Delivery = FollowDelivery.WeeklyDigest, CreatedAt = DateTime.UtcNow, DigestedUntil = DateTime.UtcNow });
            await db.SaveChangesAsync(Ct);
            token = scope.ServiceProvider.GetRequiredService<DigestService>().StopToken(userId);
        }

        var page = await Client().GetStringAsync(new Uri($"/afmeld/sammendrag?t={Uri.EscapeDataString(token)}", UriKind.Relative), Ct);
        using var oneClick = new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]);
        var response = await Client().PostAsync(new Uri($"{DigestService.StopPath}?t={Uri.EscapeDataString(token)}", UriKind.Relative), oneClick, Ct);
        using var forged = new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]);
        var refused = await Client().PostAsync(new Uri($"{DigestService.StopPath}?t=ikke-et-token", UriKind.Relative), forged, Ct);

        Assert.Contains("Stop e-mails med sammendrag", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Du får ikke flere e-mails med sammendrag", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        using var check = factory.Services.CreateScope();
        await using var after = await check.ServiceProvider.GetRequiredService<IDbContextFactory<OS2HubDbContext>>().CreateDbContextAsync(Ct);
        Assert.Equal(FollowDelivery.Hub, await after.ProductFollows.Where(f => f.UserId == userId).Select(f => f.Delivery).SingleAsync(Ct));
    }

    [Fact]
    public async Task TheFollowsAndStaffPagesNeedASignedInUser()
    {
        foreach (var path in new[] { "/foelger", "/medarbejdere" })
        {
            var response = await Client().GetAsync(new Uri(path, UriKind.Relative), Ct);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }
    }

    [Fact]
    public async Task TheAppsOwnServicesTellHubFollowersOfNewsDocumentsAndWishes()
    {
        using var scope = factory.Services.CreateScope();
        var services = scope.ServiceProvider;
        await using var db = await services.GetRequiredService<IDbContextFactory<OS2HubDbContext>>().CreateDbContextAsync(Ct);
        var follower = await db.Users.Where(u => u.Email == "leverandoer@demo.os2hub.dk").Select(u => u.Id).SingleAsync(Ct);
        var coordinator = await db.Users.Where(u => u.Email == "produktkoordinator@demo.os2hub.dk").Select(u => u.Id).SingleAsync(Ct);
        var product = await db.Products.Where(p => p.Slug == "os2rollekatalog").Select(p => p.Id).SingleAsync(Ct);
        Assert.True((await services.GetRequiredService<FollowService>().FollowAsync(follower, product, FollowTopics.All, FollowDelivery.Hub, Ct)).Succeeded);

        var news = await services.GetRequiredService<OS2Hub.Web.Features.Community.CommunityService>().AddNewsAsync(coordinator, new OS2Hub.Web.Features.Community.NewsInput
        {
            ProductId = product, Title = "Fra de registrerede tjenester", PublishedOn = DateOnly.FromDateTime(DateTime.UtcNow), Text = "x",
        }, Ct);
        var document = await services.GetRequiredService<OS2Hub.Web.Features.Community.DocumentService>().UploadAsync(coordinator,
            new OS2Hub.Web.Features.Community.DocumentUpload { ProductId = product, Title = "Vejledning" }, "vejledning.pdf", Features.Community.DocumentTests.Pdf(), Ct);

        Assert.True(news.Succeeded && document.Succeeded);
        var notices = await db.Notifications.Where(n => n.UserId == follower).Select(n => n.TextKey).ToListAsync(Ct);
        Assert.Contains("Follow_Notice_News", notices);
        Assert.Contains("Follow_Notice_Document", notices);
    }
}
