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
public sealed partial class OperationsTests(HubFactory factory) : IClassFixture<HubFactory>
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

    [Fact]
    public async Task ScriptsRunOnlyFromTheHubAndTheImportMapCarriesThisResponsesNonce()
    {
        var first = await Client().GetAsync(new Uri("/produkter", UriKind.Relative), Ct);
        var second = await Client().GetAsync(new Uri("/produkter", UriKind.Relative), Ct);

        var policy = string.Join(",", first.Headers.GetValues("Content-Security-Policy"));
        var scripts = policy.Split(';').Select(d => d.Trim()).Single(d => d.StartsWith("script-src ", StringComparison.Ordinal));
        var nonce = NonceRegex().Match(scripts).Groups[1].Value;
        Assert.Equal($"script-src 'self' 'nonce-{nonce}'", scripts);
        Assert.Contains($"<script type=\"importmap\" nonce=\"{nonce}\">", await first.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.DoesNotContain(nonce, string.Join(",", second.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
        Assert.Contains("default-src 'self'", policy, StringComparison.Ordinal);
    }

    [System.Text.RegularExpressions.GeneratedRegex("'nonce-([^']+)'")]
    private static partial System.Text.RegularExpressions.Regex NonceRegex();

    private sealed class FixedFactory(DbContextOptions<OS2HubDbContext> options) : IDbContextFactory<OS2HubDbContext>
    {
        public OS2HubDbContext CreateDbContext() => new(options);
    }
}
