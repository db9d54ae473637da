using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OS2Hub.Web.Data;
using OS2Hub.Web.Tests.Infrastructure;

namespace OS2Hub.Web.Tests.Http;

/// <summary>The open data API over the whole app with reference and demo data, as a client program sees it.</summary>
public sealed partial class OpenDataApiTests(HubFactory factory) : IClassFixture<HubFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private HttpClient Client() => factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    private async Task<JsonElement> GetJsonAsync(string path, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await Client().GetAsync(new Uri(path, UriKind.Relative), Ct);
        Assert.Equal(expected, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;
    }

    private static List<string> Slugs(JsonElement page) => page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("slug").GetString()!).ToList();

    [Fact]
    public async Task ProductsArePagedSearchedAndFilteredLikeTheCatalogue()
    {
        var first = await GetJsonAsync("/api/v1/products?pageSize=10");
        var second = await GetJsonAsync("/api/v1/products?pageSize=10&page=2");
        var search = await GetJsonAsync("/api/v1/products?q=rollekatalog");
        var filtered = await GetJsonAsync("/api/v1/products?licence=MPL-2.0&sort=name&pageSize=100");

        Assert.True(first.GetProperty("demoData").GetBoolean());
        Assert.Equal(31, first.GetProperty("total").GetInt32());
        Assert.Equal(10, Slugs(first).Count);
        Assert.Empty(Slugs(first).Intersect(Slugs(second)));
        Assert.Equal("os2rollekatalog", Slugs(search)[0]);
        Assert.All(filtered.GetProperty("items").EnumerateArray(), i => Assert.Equal("MPL-2.0", i.GetProperty("licence").GetString()));
        Assert.NotEmpty(Slugs(filtered));
    }

    [Theory]
    [InlineData("/api/v1/products?q=skadesokonomi", "os2skadesoekonomi")]
    [InlineData("/api/v1/products?q=skadesoekonomi", "os2skadesoekonomi")]
    [InlineData("/api/v1/organisations?q=kobenhavn&kind=municipality", "koebenhavn")]
    [InlineData("/api/v1/organisations?q=hojetaastrup", "hoeje-taastrup")]
    [InlineData("/api/v1/organisations?q=arhus&kind=municipality", "aarhus")]
    public async Task TheApisQFoldsDanishLettersLikeTheCatalogue(string path, string slug)
    {
        var page = await GetJsonAsync(path);

        Assert.Equal([slug], Slugs(page));
    }

    [Theory]
    [InlineData(null, "Siden skal være et helt tal fra 1 og op.", "Ugyldige parametre")]
    [InlineData("da", "Siden skal være et helt tal fra 1 og op.", "Ugyldige parametre")]
    [InlineData("en-US,en;q=0.9", "The page must be a whole number from 1 up.", "Invalid parameters")]
    public async Task ProblemDetailsHonourAcceptLanguageAndAreDanishByDefault(string? acceptLanguage, string error, string title)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/products?page=-1");
        if (acceptLanguage is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept-Language", acceptLanguage);
        }

        var response = await Client().SendAsync(request, Ct);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(title, problem.GetProperty("title").GetString());
        Assert.Equal(error, problem.GetProperty("errors").GetProperty("page")[0].GetString());
    }

    [Fact]
    public async Task APagesLanguageIsNotTakenFromTheBrowsersAcceptLanguage()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/produkter");
        request.Headers.TryAddWithoutValidation("Accept-Language", "en-US,en;q=0.9");

        var html = await (await Client().SendAsync(request, Ct)).Content.ReadAsStringAsync(Ct);

        Assert.Contains("<html lang=\"da\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AProductCarriesItsPublicFactsInStableFormats()
    {
        var product = (await GetJsonAsync("/api/v1/products/os2rollekatalog")).GetProperty("item");

        Assert.Equal("os2rollekatalog", product.GetProperty("slug").GetString());
        Assert.Matches(DateRegex(), product.GetProperty("members")[0].GetProperty("since").GetString()!);
        Assert.Matches(new Regex("^[0-9]{4}$"), product.GetProperty("members")[0].GetProperty("code").GetString()!);
        Assert.Contains(product.GetProperty("suppliers").EnumerateArray(), s => s.GetProperty("slug").GetString() == "digital-identity-aps");
        Assert.Equal(JsonValueKind.Array, product.GetProperty("sources").ValueKind);
        Assert.True(product.TryGetProperty("maturity", out _));
    }

    [Theory]
    [InlineData("/api/v1/products?page=-1", "page")]
    [InlineData("/api/v1/products?page=abc", "page")]
    [InlineData("/api/v1/products?pageSize=101", "pageSize")]
    [InlineData("/api/v1/products?maturity=Niveau9", "maturity")]
    [InlineData("/api/v1/products?category=findes-ikke", "category")]
    [InlineData("/api/v1/products?municipality=9999", "municipality")]
    [InlineData("/api/v1/products?sort=tilfaeldig", "sort")]
    [InlineData("/api/v1/organisations?kind=Forening", "kind")]
    [InlineData("/api/v1/organisations?pageSize=0", "pageSize")]
    public async Task BadParametersGetAProblemNamingTheParameter(string path, string parameter)
    {
        var problem = await GetJsonAsync(path, HttpStatusCode.BadRequest);

        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out var messages), problem.ToString());
        Assert.NotEmpty(messages[0].GetString()!);
    }

    [Theory]
    [InlineData("/api/v1/products/findes-ikke")]
    [InlineData("/api/v1/organisations/findes-ikke")]
    [InlineData("/api/v1/organisations/9999")]
    [InlineData("/api/v1/noget-andet")]
    public async Task UnknownSlugsAndCodesAre404ProblemsNot500s(string path)
    {
        var problem = await GetJsonAsync(path, HttpStatusCode.NotFound);

        Assert.Equal("Findes ikke", problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task OrganisationsAreListedAndFoundBySlugOrCode()
    {
        var municipalities = await GetJsonAsync("/api/v1/organisations?kind=municipality&pageSize=100");
        var byName = await GetJsonAsync("/api/v1/organisations?q=frederikshavn");
        var byCode = (await GetJsonAsync("/api/v1/organisations/0813")).GetProperty("item");
        var bySlug = (await GetJsonAsync("/api/v1/organisations/frederikshavn")).GetProperty("item");

        Assert.Equal(98, municipalities.GetProperty("total").GetInt32());
        Assert.Equal(["frederikshavn"], Slugs(byName));
        Assert.Equal("Frederikshavn Kommune", byCode.GetProperty("organisation").GetProperty("name").GetString());
        Assert.Equal(byCode.ToString(), bySlug.ToString());
        Assert.Equal("2026-01-01", byCode.GetProperty("organisation").GetProperty("population").GetProperty("asOf").GetString());
        Assert.All(byCode.GetProperty("participations").EnumerateArray(), p => Assert.Matches("^(member|supplier)$", p.GetProperty("capacity").GetString()!));
    }

    [Fact]
    public async Task NoResponseContainsAnEmailAddressAPhoneNumberOrAContactsName()
    {
        string[] names;
        using (var scope = factory.Services.CreateScope())
        {
            await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<OS2HubDbContext>>().CreateDbContextAsync(Ct);
            names = await db.ContactPersons.Select(c => c.Name).Distinct().ToArrayAsync(Ct);
        }

        Assert.NotEmpty(names); // the demo data has contact persons with e-mails and phones to leak
        var client = Client();
        var bodies = new List<string>();
        var products = await GetJsonAsync("/api/v1/products?pageSize=100");
        foreach (var slug in Slugs(products))
        {
            bodies.Add(await client.GetStringAsync(new Uri($"/api/v1/products/{slug}", UriKind.Relative), Ct));
        }

        var organisations = await GetJsonAsync("/api/v1/organisations?pageSize=100&kind=municipality");
        foreach (var slug in Slugs(organisations).Take(30))
        {
            bodies.Add(await client.GetStringAsync(new Uri($"/api/v1/organisations/{slug}", UriKind.Relative), Ct));
        }

        bodies.Add(products.ToString());
        bodies.Add(organisations.ToString());
        foreach (var body in bodies)
        {
            Assert.DoesNotMatch(EmailRegex(), body);
            Assert.DoesNotMatch(PhoneRegex(), body);
            Assert.DoesNotContain(names, n => body.Contains(n, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task TheOpenApiDocumentDescribesEveryEndpointAndTheReferencePageIsServedLocally()
    {
        var document = await GetJsonAsync("/openapi/v1.json");
        var reference = await Client().GetStringAsync(new Uri("/api/reference/index.html", UriKind.Relative), Ct);

        Assert.Equal(["/api/v1/insights/map", "/api/v1/organisations", "/api/v1/organisations/{slugOrCode}", "/api/v1/products", "/api/v1/products/{slug}", "/api/v1/products/{slug}/economy", "/api/v1/products/{slug}/economy/quote", "/api/v1/products/{slug}/publiccode.yml", "/api/v1/products/{slug}/wishes", "/api/v1/publiccode/validate"],
            document.GetProperty("paths").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Contains("swagger-ui", reference, StringComparison.Ordinal);
        Assert.DoesNotMatch(new Regex("(src|href)=\"https?://"), reference);
    }

    [Fact]
    public async Task TheApisCodesAreStableEnglishCodesListedInTheOpenApiDocumentAndAcceptedByItsFilters()
    {
        var document = await GetJsonAsync("/openapi/v1.json");
        var schemas = document.GetProperty("components").GetProperty("schemas");
        static string[] Codes(JsonElement schema) => [.. schema.GetProperty("enum").EnumerateArray().Select(e => e.GetString()!)];

        Assert.Equal(["unknown", "idea", "sandbox", "level_1", "level_2", "level_3"], Codes(schemas.GetProperty("MaturityLevel")));
        Assert.Equal(["unknown", "active", "frozen", "phasing_out", "retired"], Codes(schemas.GetProperty("LifecycleState")));
        Assert.Equal(["municipality", "region", "state", "other_public", "company"], Codes(schemas.GetProperty("OrganisationKind")));
        Assert.Equal(["unknown", "development", "maintenance", "hosting", "support", "consulting"], Codes(schemas.GetProperty("SupplierRole")));
        Assert.Equal(["member", "supplier"], Codes(schemas.GetProperty("ParticipationKind")));

        // What a client reads it can filter by; the Danish words of the catalogue's own addresses are not API codes.
        var retired = await GetJsonAsync("/api/v1/products?lifecycle=retired&pageSize=100");
        Assert.NotEmpty(retired.GetProperty("items").EnumerateArray());
        Assert.All(retired.GetProperty("items").EnumerateArray(), p => Assert.Equal("retired", p.GetProperty("lifecycle").GetString()));
        await GetJsonAsync("/api/v1/products?lifecycle=udtraadt", HttpStatusCode.BadRequest);
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}$")]
    private static partial Regex DateRegex();

    [GeneratedRegex(@"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")]
    private static partial Regex EmailRegex();

    [GeneratedRegex(@"\+45 ?\d{2} ?\d{2} ?\d{2} ?\d{2}")]
    private static partial Regex PhoneRegex();
}
