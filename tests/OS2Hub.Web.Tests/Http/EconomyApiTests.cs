using System.Net;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.AspNetCore.Mvc.Testing;
using OS2Hub.Web.Tests.Infrastructure;

namespace OS2Hub.Web.Tests.Http;

/// <summary>The economy in the open data API and the fee sheet as Excel, over the whole app with demo data.</summary>
public sealed class EconomyApiTests(HubFactory factory) : IClassFixture<HubFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static int Today => DateTime.UtcNow.Year;

    private async Task<(HttpStatusCode Status, JsonElement Body)> GetAsync(string path)
    {
        var response = await factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }).GetAsync(new Uri(path, UriKind.Relative), Ct);
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement);
    }

    [Fact]
    public async Task TheEconomyListsEachYearsFeeSheetWithSharesThatAddUp()
    {
        var (status, body) = await GetAsync("/api/v1/products/os2rollekatalog/economy");

        Assert.Equal(HttpStatusCode.OK, status);
        var years = body.GetProperty("years").EnumerateArray().ToList();
        Assert.Contains(years, y => y.GetProperty("budgetYear").GetInt32() == Today);
        Assert.All(years, y =>
        {
            Assert.Equal(y.GetProperty("annualAmount").GetInt64(), y.GetProperty("shares").EnumerateArray().Sum(s => s.GetProperty("share").GetInt64()));
            Assert.True(y.GetProperty("isDemo").GetBoolean());
            Assert.Equal("association_key", y.GetProperty("key").GetString());
        });
    }

    [Fact]
    public async Task AQuoteGivesTheAuthoritysPriceAndEveryMembersShareBeforeAndAfter()
    {
        var (status, q) = await GetAsync("/api/v1/products/os2rollekatalog/economy/quote?organisation=0813");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("frederikshavn", q.GetProperty("organisation").GetString());
        Assert.Equal(Today + 1, q.GetProperty("firstPayingYear").GetInt32());
        Assert.True(q.GetProperty("joiningFee").GetInt64() > 0);
        var share = q.GetProperty("share");
        Assert.Equal(share.GetProperty("total").GetInt64(), share.GetProperty("share").GetInt64() + share.GetProperty("contribution").GetInt64());
        Assert.All(q.GetProperty("members").EnumerateArray(), m => Assert.True(m.GetProperty("exactAfter").GetDecimal() < m.GetProperty("exactBefore").GetDecimal()));
    }

    [Theory]
    [InlineData("/api/v1/products/os2rollekatalog/economy/quote", HttpStatusCode.BadRequest, "Angiv myndigheden med kommune- eller regionskode (fx 0813) eller slug.")]
    [InlineData("/api/v1/products/os2rollekatalog/economy/quote?organisation=0813&joinDate=1.1.2027", HttpStatusCode.BadRequest, "»1.1.2027« er ikke en dato på formen ÅÅÅÅ-MM-DD.")]
    [InlineData("/api/v1/products/os2rollekatalog/economy/quote?organisation=9999", HttpStatusCode.BadRequest, "Myndigheden findes ikke. Angiv en kommune- eller regionskode eller myndighedens slug.")]
    [InlineData("/api/v1/products/os2rollekatalog/economy/quote?organisation=digital-identity-aps", HttpStatusCode.BadRequest, "Kun offentlige myndigheder kan tilslutte sig et produkt; leverandører betaler ikke til produkterne.")]
    [InlineData("/api/v1/products/findes-ikke/economy/quote?organisation=0813", HttpStatusCode.NotFound, "Der er intet produkt med adressen »findes-ikke«.")]
    [InlineData("/api/v1/products/findes-ikke/economy", HttpStatusCode.NotFound, "Der er intet produkt med adressen »findes-ikke«.")]
    public async Task BadQuestionsGetADanishProblem(string path, HttpStatusCode expected, string message)
    {
        var (status, body) = await GetAsync(path);

        Assert.Equal(expected, status);
        var text = body.TryGetProperty("errors", out var errors)
            ? errors.EnumerateObject().Single().Value[0].GetString()
            : body.GetProperty("detail").GetString();
        Assert.Equal(message, text);
    }

    [Fact]
    public async Task AMemberAskingForAQuoteIsToldItIsAlreadyAMember()
    {
        var (_, product) = await GetAsync("/api/v1/products/os2rollekatalog");
        var member = product.GetProperty("item").GetProperty("members")[0].GetProperty("slug").GetString();

        var (status, body) = await GetAsync($"/api/v1/products/os2rollekatalog/economy/quote?organisation={member}");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.StartsWith("Myndigheden er allerede medlem", body.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheFeeSheetDownloadsAsAWorkbookWithNumbersAndNoFormulas()
    {
        var client = factory.CreateClient();
        var response = await client.GetAsync(new Uri($"/produkter/os2rollekatalog/takstblad/{Today}.xlsx", UriKind.Relative), Ct);
        var missing = await client.GetAsync(new Uri("/produkter/os2rollekatalog/takstblad/2019.xlsx", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal($"takstblad-os2rollekatalog-{Today}.xlsx", response.Content.Headers.ContentDisposition!.FileNameStar);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        using var document = SpreadsheetDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync(Ct)), false);
        var sheet = document.WorkbookPart!.WorksheetParts.Single().Worksheet;
        var cells = sheet.Descendants<Cell>().ToList();
        Assert.Empty(sheet.Descendants<CellFormula>());
        Assert.Contains(cells, c => c.InlineString?.InnerText == "OS2rollekatalog");
        // The member rows' shares are numbers that add up to the amount (third row, second cell).
        var rows = sheet.Descendants<Row>().ToList();
        var amount = long.Parse(rows[2].Elements<Cell>().ElementAt(1).CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture);
        var header = rows.FindIndex(r => r.Elements<Cell>().FirstOrDefault()?.InlineString?.InnerText == "Kode");
        var total = rows.Skip(header + 1).TakeWhile(r => r.Elements<Cell>().ElementAt(1).InlineString?.InnerText != "I alt")
            .Sum(r => long.Parse(r.Elements<Cell>().ElementAt(8).CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(amount, total);
    }
}
