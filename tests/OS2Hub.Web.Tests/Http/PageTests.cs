using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using OS2Hub.Web.Tests.Infrastructure;

namespace OS2Hub.Web.Tests.Http;

/// <summary>The pages as a browser (or a search engine) first gets them: prerendered HTML with real content and real status codes.</summary>
public sealed class PageTests(HubFactory factory) : IClassFixture<HubFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private HttpClient Client() => factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    [Fact]
    public async Task TheFooterLinksTheAccessibilityStatementOnlyWhenItsAddressIsSet()
    {
        // Arrange
        const string statement = "https://www.was.digst.dk/os2hub-dk";
        using var withStatement = factory.WithWebHostBuilder(b => b.UseSetting("OS2Hub:AccessibilityStatementUrl", statement));

        // Act
        var without = await Client().GetStringAsync(new Uri("/", UriKind.Relative), Ct);
        var with = await withStatement.CreateClient().GetStringAsync(new Uri("/produkter", UriKind.Relative), Ct);

        // Assert
        Assert.DoesNotContain("Tilgængelighedserklæring", without, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"{statement}\">Tilgængelighedserklæring</a>", with, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/", "Nøgletal")]
    [InlineData("/produkter", "Produktkatalog")]
    [InlineData("/produkter/os2mo", "Organisationskomponent")]
    [InlineData("/produkter/os2rollekatalog", "Digital Identity ApS")]
    [InlineData("/organisationer", "Frederikshavn Kommune")]
    [InlineData("/organisationer/frederikshavn", "Region Nordjylland")]
    [InlineData("/organisationer/magenta-aps", "OS2mo")]
    [InlineData("/produkter/os2rollekatalog/oensker", "Udviklingsønsker til OS2rollekatalog")]
    [InlineData("/produkter/os2rollekatalog/oensker?status=leveret&sortering=nyeste", "Eksport af rolleoversigt til Excel")]
    [InlineData("/produkter/os2rollekatalog/oensker/1", "Roller tildeles ud fra ansættelsesdata i OS2mo")]
    [InlineData("/produkter/os2rollekatalog/oensker?status=findesikke&q=%00", "Udviklingsønsker til OS2rollekatalog")]
    public async Task PagesArePrerenderedWithContent(string path, string expected)
    {
        var response = await Client().GetAsync(new Uri(path, UriKind.Relative), Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<html lang=\"da\">", html, StringComparison.Ordinal);
        Assert.Contains(expected, html, StringComparison.Ordinal);
        Assert.Contains("Demodata", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CatalogueStateComesFromTheQueryString()
    {
        var html = await Client().GetStringAsync(new Uri("/produkter?q=valghalla", UriKind.Relative), Ct);

        Assert.Contains("1 produkt<", html, StringComparison.Ordinal);
        Assert.Contains("/produkter/os2valghalla", html, StringComparison.Ordinal);
        Assert.DoesNotContain("/produkter/os2mo\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NonsenseInTheQueryStringIsIgnoredNotAnError()
    {
        var response = await Client().GetAsync(new Uri("/produkter?side=-5&antal=abc&modenhed=xyz&kommune=%3Cscript%3E&sortering=%27", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("31 produkter", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/produkter/findes-ikke")]
    [InlineData("/organisationer/findes-ikke")]
    [InlineData("/kommuner/9999")]
    [InlineData("/kommuner/abc")]
    [InlineData("/helt/ukendt/side")]
    [InlineData("/produkter/os2mo/tilslutningsaftale.pdf")]
    [InlineData("/produkter/findes-ikke/oensker")]
    [InlineData("/produkter/os2mo/oensker/1")]
    [InlineData("/produkter/os2rollekatalog/oensker/99999")]
    public async Task UnknownAddressesGiveADanish404(string path)
    {
        var response = await Client().GetAsync(new Uri(path, UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Siden blev ikke fundet", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task MunicipalityCodeLeadsToTheMunicipalityPage()
    {
        var response = await Client().GetAsync(new Uri("/kommuner/0813", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/organisationer/frederikshavn", response.Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task EnglishIsChosenAndRemembered()
    {
        var client = Client();
        var choose = await client.GetAsync(new Uri("/sprog/en?returnUrl=%2Fprodukter", UriKind.Relative), Ct);
        var cookie = choose.Headers.GetValues("Set-Cookie").Single();

        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/produkter", UriKind.Relative));
        request.Headers.Add("Cookie", cookie.Split(';')[0]);
        var html = await (await client.SendAsync(request, Ct)).Content.ReadAsStringAsync(Ct);

        Assert.Equal("/produkter", choose.Headers.Location!.OriginalString);
        Assert.Contains("<html lang=\"en\">", html, StringComparison.Ordinal);
        Assert.Contains("Product catalogue", html, StringComparison.Ordinal);
        Assert.Contains("Search products", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Produktkatalog", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LanguageSwitchNeverRedirectsAway()
    {
        var response = await Client().GetAsync(new Uri("/sprog/en?returnUrl=https%3A%2F%2Fevil.example", UriKind.Relative), Ct);

        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }
}

/// <summary>With demo data off, only sourced facts are shown.</summary>
public sealed class RealDataPageTests(RealDataHubFactory factory) : IClassFixture<RealDataHubFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/")]
    [InlineData("/produkter")]
    [InlineData("/produkter/os2mo")]
    [InlineData("/organisationer/aarhus")]
    public async Task NoDemoMarkerAndNoInventedCoOwners(string path)
    {
        var html = await factory.CreateClient().GetStringAsync(new Uri(path, UriKind.Relative), Ct);

        Assert.DoesNotContain("Demodata", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Demo Drift", html, StringComparison.Ordinal);
        Assert.DoesNotContain("medejer siden", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProductPageShowsSourcedFactsAndMentionsNotMembers()
    {
        var html = await factory.CreateClient().GetStringAsync(new Uri("/produkter/os2mo", UriKind.Relative), Ct);

        Assert.Contains("Medejere (0)", html, StringComparison.Ordinal);
        Assert.Contains("pilot of OS2mo 2.0", html, StringComparison.Ordinal);
        // No invented fee sheet: the product says it has none.
        Assert.Contains($"Der er ikke registreret et takstblad for produktet for {DateTime.UtcNow.Year}.", html, StringComparison.Ordinal);
        Assert.Contains("Magenta ApS", html, StringComparison.Ordinal);
        Assert.Contains("https://os2.eu/produkt/os2mo", html, StringComparison.Ordinal);
        Assert.Contains("Risiko for leverandørafhængighed", html, StringComparison.Ordinal);
    }
}
