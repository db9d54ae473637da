using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OS2Hub.Web.Data;
using OS2Hub.Web.Tests.Infrastructure;

namespace OS2Hub.Web.Tests.Http;

/// <summary>Two app instances on one database, as behind a load balancer or across a restart.</summary>
public sealed class InstancesTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ASignInOnOneInstanceIsValidOnAnotherBecauseTheKeysLiveInTheDatabase()
    {
        var directory = Path.Combine(Path.GetTempPath(), "os2hub-instances-" + Guid.NewGuid().ToString("N"));
        await using var first = new SharedDatabaseHubFactory(directory);
        await using var second = new SharedDatabaseHubFactory(directory);
        var signedIn = await HttpForms.SignInAsync(first.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }),
            "sekretariat@demo.os2hub.dk", "Demo-Sekretariat-1");
        var cookie = signedIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".AspNetCore.Identity.Application=", StringComparison.Ordinal));

        var other = second.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var withCookie = new HttpRequestMessage(HttpMethod.Get, new Uri("/partnere/eksport.csv", UriKind.Relative));
        withCookie.Headers.Add("Cookie", cookie.Split(';')[0]);
        var accepted = await other.SendAsync(withCookie, Ct);
        var anonymous = await other.GetAsync(new Uri("/partnere/eksport.csv", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, anonymous.StatusCode);
        using var scope = second.Services.CreateScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<OS2HubDbContext>>().CreateDbContextAsync(Ct);
        Assert.True(await db.DataProtectionKeys.AnyAsync(Ct));
    }

    [Fact]
    public async Task OverHttpsTheCookiesAreSecureAndHostPrefixed()
    {
        await using var factory = new HubFactory();
        using var https = factory.WithWebHostBuilder(b => b.UseSetting("OS2Hub:PublicBaseUrl", "https://os2hub.example/"));
        var client = https.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost/") });

        var form = await client.GetAsync(new Uri("/konto/log-ind", UriKind.Relative), Ct);
        var signedIn = await HttpForms.SignInAsync(client, "sekretariat@demo.os2hub.dk", "Demo-Sekretariat-1");

        var antiforgery = form.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("__Host-OS2Hub.Antiforgery=", StringComparison.Ordinal));
        var session = signedIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("__Host-OS2Hub=", StringComparison.Ordinal));
        Assert.All(new[] { antiforgery, session }, c =>
        {
            Assert.Contains("secure", c, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("path=/", c, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("domain=", c, StringComparison.OrdinalIgnoreCase);
        });
    }

    [Fact]
    public async Task TwoInstancesStartedAtTheSameMomentOnANewDatabaseLoadEverythingOnce()
    {
        var directory = Path.Combine(Path.GetTempPath(), "os2hub-instances-" + Guid.NewGuid().ToString("N"));
        await using var first = new SharedDatabaseHubFactory(directory);
        await using var second = new SharedDatabaseHubFactory(directory);

        // Creating a client starts the host, which migrates and seeds before it serves.
        await Task.WhenAll(Task.Run(() => first.CreateClient(), Ct), Task.Run(() => second.CreateClient(), Ct));

        using var scope = first.Services.CreateScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<OS2HubDbContext>>().CreateDbContextAsync(Ct);
        Assert.Equal(31, await db.Products.CountAsync(Ct));
        Assert.Equal(98, await db.Organisations.CountAsync(o => o.Kind == OS2Hub.Web.Data.Entities.OrganisationKind.Municipality, Ct));
        Assert.Equal(1, await db.Users.CountAsync(u => u.Email == "sekretariat@demo.os2hub.dk", Ct));
        foreach (var factory in new[] { first, second })
        {
            var ready = await factory.CreateClient().GetStringAsync(new Uri("/health/ready", UriKind.Relative), Ct);
            Assert.Equal("Healthy", ready);
        }
    }
}
