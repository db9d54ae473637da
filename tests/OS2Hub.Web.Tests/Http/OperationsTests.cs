using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using OS2Hub.Web.Data;
using OS2Hub.Web.Features.Operations;
using OS2Hub.Web.Tests.Infrastructure;

namespace OS2Hub.Web.Tests.Http;

/// <summary>What an operator and a browser get besides pages: health, and the security headers on every response.</summary>
public sealed class OperationsTests(HubFactory factory) : IClassFixture<HubFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private HttpClient Client() => factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task HealthAnswersWithOneWordAndNothingAboutTheConfiguration(string path)
    {
        var response = await Client().GetAsync(new Uri(path, UriKind.Relative), Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", body);
    }

    [Fact]
    public async Task ADatabaseThatIsNotMigratedIsNotReady()
    {
        using var connection = new SqliteConnection("DataSource=:memory:");
        connection.Open();
        var options = new DbContextOptionsBuilder<OS2HubDbContext>().UseSqlite(connection).Options;
        var check = new DatabaseReadyCheck(new FixedFactory(options));

        var before = await check.CheckHealthAsync(new HealthCheckContext(), Ct);
        await using (var db = new OS2HubDbContext(options))
        {
            await db.Database.MigrateAsync(Ct);
        }

        var after = await check.CheckHealthAsync(new HealthCheckContext(), Ct);

        Assert.Equal(HealthStatus.Unhealthy, before.Status);
        Assert.Equal(HealthStatus.Healthy, after.Status);
        Assert.Null(before.Description);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/produkter/os2mo")]
    [InlineData("/api/v1/products")]
    [InlineData("/health/ready")]
    [InlineData("/findes-slet-ikke")]
    [InlineData("/app.css")]
    public async Task EveryResponseCarriesTheSecurityHeaders(string path)
    {
        var response = await Client().GetAsync(new Uri(path, UriKind.Relative), Ct);

        string Header(string name) => string.Join(",", response.Headers.TryGetValues(name, out var v) ? v : []);
        Assert.Contains("frame-ancestors 'none'", Header("Content-Security-Policy"), StringComparison.Ordinal);
        Assert.Contains("object-src 'none'", Header("Content-Security-Policy"), StringComparison.Ordinal);
        Assert.Equal("nosniff", Header("X-Content-Type-Options"));
        Assert.Equal("DENY", Header("X-Frame-Options"));
        Assert.Equal("strict-origin-when-cross-origin", Header("Referrer-Policy"));
        Assert.Contains("camera=()", Header("Permissions-Policy"), StringComparison.Ordinal);
    }

    private sealed class FixedFactory(DbContextOptions<OS2HubDbContext> options) : IDbContextFactory<OS2HubDbContext>
    {
        public OS2HubDbContext CreateDbContext() => new(options);
    }
}
