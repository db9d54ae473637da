using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OS2Hub.Web.Data;
using OS2Hub.Web.Data.Entities;
using OS2Hub.Web.Features.Community;
using OS2Hub.Web.Tests.Features.Community;
using OS2Hub.Web.Tests.Infrastructure;

namespace OS2Hub.Web.Tests.Http;

/// <summary>A direct download of a co-owners-only document, as an outsider, a signed-out visitor and the produktkoordinator meet it.</summary>
public sealed class DocumentHttpTests(HubFactory factory) : IClassFixture<HubFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private HttpClient Client() => factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    [Fact]
    public async Task AnOutsiderIsRefusedAndLearnsNothingWhileACoOwnerGetsTheFile()
    {
        string path;
        using (var scope = factory.Services.CreateScope())
        {
            await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<OS2HubDbContext>>().CreateDbContextAsync(Ct);
            var product = await db.Products.SingleAsync(p => p.Slug == "os2rollekatalog", Ct);
            var secretariat = await db.Grants.Where(g => g.Role == GrantRole.Secretariat).Select(g => g.UserId).FirstAsync(Ct);
            var upload = await scope.ServiceProvider.GetRequiredService<DocumentService>().UploadAsync(secretariat,
                new DocumentUpload { ProductId = product.Id, Title = "Styregruppens hemmelige plan", Visibility = ItemVisibility.CoOwners }, "hemmelig-plan.pdf", DocumentTests.Pdf(), Ct);
            path = $"/produkter/os2rollekatalog/dokumenter/{upload.Id}/hemmelig-plan.pdf";
        }

        var anonymous = await Client().GetAsync(new Uri(path, UriKind.Relative), Ct);
        var outsider = Client();
        await HttpForms.SignInAsync(outsider, "it-frederikshavn@demo.os2hub.dk", "Demo-Frederikshavn-1"); // Frederikshavn does not co-own OS2rollekatalog
        var refused = await outsider.GetAsync(new Uri(path, UriKind.Relative), Ct);
        var refusedBody = await refused.Content.ReadAsStringAsync(Ct);
        var listed = await outsider.GetStringAsync(new Uri("/produkter/os2rollekatalog/dokumenter", UriKind.Relative), Ct);
        var coordinator = Client();
        await HttpForms.SignInAsync(coordinator, "produktkoordinator@demo.os2hub.dk", "Demo-Produktkoordinator-1");
        var allowed = await coordinator.GetAsync(new Uri(path, UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Contains("/konto/log-ind", anonymous.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.DoesNotContain("hemmelig", refusedBody, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("%PDF", refusedBody, StringComparison.Ordinal);
        Assert.DoesNotContain("hemmelige plan", listed, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        Assert.Equal("application/pdf", allowed.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("%PDF-", await allowed.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal("nosniff", allowed.Headers.GetValues("X-Content-Type-Options").Single());
    }
}
