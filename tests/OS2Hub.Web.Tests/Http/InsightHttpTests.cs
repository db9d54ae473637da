using System.Net;
using System.Text;
using System.Text.Json;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OS2Hub.Web.Data;
using OS2Hub.Web.Data.Entities;
using OS2Hub.Web.Tests.Infrastructure;

namespace OS2Hub.Web.Tests.Http;

/// <summary>The map of Denmark over the whole app with the reference and demo data: its links, its table, its CSV and its API agree.</summary>
public sealed class InsightHttpTests(HubFactory factory) : IClassFixture<HubFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private HttpClient Client() => factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    /// <summary>The 98 official codes, from the reference file the hub ships.</summary>
    private static readonly string[] Codes = new StreamReader(typeof(OS2HubDbContext).Assembly.GetManifestResourceStream("OS2Hub.Web.Data.Reference.municipalities.csv")!)
        .ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(line => line.Split(',')[0]).ToArray();

    [Theory]
    [InlineData("")]
    [InlineData("?produkt=os2rollekatalog")]
    public async Task TheMapHasOneNamedLinkPerMunicipalityAndTheTableTheCsvAndTheApiSayTheSame(string query)
    {
        var html = await Client().GetStringAsync(new Uri($"/indsigt{query}", UriKind.Relative), Ct);
        var document = new HtmlParser().ParseDocument(html);
        var links = document.QuerySelectorAll("figure.denmark-map svg a").ToList();
        var rows = document.QuerySelectorAll(".insight-grid table tbody tr").ToList();
        var csv = Encoding.UTF8.GetString(await Client().GetByteArrayAsync(new Uri($"/indsigt/kort.csv{query}", UriKind.Relative), Ct)).TrimStart('\uFEFF')
            .Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.Split(';')).ToList();
        var api = JsonDocument.Parse(await Client().GetStringAsync(new Uri($"/api/v1/insights/map{query.Replace("produkt", "product", StringComparison.Ordinal)}", UriKind.Relative), Ct))
            .RootElement.GetProperty("municipalities").EnumerateArray().ToList();

        Assert.Equal(98, links.Count);
        Assert.All(links, a => Assert.Matches("^.+ Kommune: .+$|^Bornholms Regionskommune: .+$", a.GetAttribute("aria-label")!));
        var christiansoe = Assert.Single(document.QuerySelectorAll("figure.denmark-map svg path[aria-hidden=true]"));
        Assert.Null(christiansoe.Closest("a")); // drawn with Bornholm, never a link and never counted
        Assert.Equal(98, rows.Count);
        Assert.Equal(98, csv.Count);
        Assert.Equal(Codes.Order(StringComparer.Ordinal), csv.Select(r => r[0]));
        Assert.Equal(Codes.Order(StringComparer.Ordinal), api.Select(m => m.GetProperty("code").GetString()));

        // The same figure for every municipality on the map, in the table, in the CSV and in the API.
        var onMap = links.ToDictionary(a => a.GetAttribute("href")!, a => a.GetAttribute("aria-label")!.Split(": ")[1]);
        var inTable = rows.ToDictionary(r => r.QuerySelector("th a")!.GetAttribute("href")!, r => r.QuerySelector("td")!.TextContent.Trim());
        Assert.Equal(onMap.OrderBy(p => p.Key, StringComparer.Ordinal), inTable.OrderBy(p => p.Key, StringComparer.Ordinal));
        foreach (var m in api)
        {
            var slug = m.GetProperty("slug").GetString();
            var row = csv.Single(r => r[0] == m.GetProperty("code").GetString());
            var words = onMap[$"/organisationer/{slug}"];
            if (query.Length == 0)
            {
                Assert.Equal(m.GetProperty("products").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture), row[2]);
                Assert.Contains(row[2], words, StringComparison.Ordinal);
            }
            else
            {
                var status = m.GetProperty("status").GetString();
                Assert.Equal(status switch { "co-owner" => "medejer", "left" => "udtraadt", _ => "" }, row[2]);
                Assert.StartsWith(status switch { "co-owner" => "medejer", "left" => "udtrådt", _ => "ikke medejer" }, words, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task APendingJoinRequestIsNeverOnTheMapItsTableItsCsvOrTheApi()
    {
        using (var scope = factory.Services.CreateScope())
        {
            await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<OS2HubDbContext>>().CreateDbContextAsync(Ct);
            var product = await db.Products.SingleAsync(p => p.Slug == "os2rollekatalog", Ct);
            var frederikshavn = await db.Organisations.SingleAsync(o => o.Code == "0813", Ct);
            Assert.False(await db.Participations.AnyAsync(x => x.ProductId == product.Id && x.OrganisationId == frederikshavn.Id && x.Kind == ParticipationKind.Member, Ct));
            db.JoinRequests.Add(new JoinRequest
            {
                ProductId = product.Id, OrganisationId = frederikshavn.Id, RequestedByUserId = "x", ContactName = "Kontakt", IntendedStart = new DateOnly(2027, 1, 1),
                Status = JoinRequestStatus.Pending, CreatedAt = DateTime.UtcNow,
            });
            await db.SaveChangesAsync(Ct);
        }

        var html = await Client().GetStringAsync(new Uri("/indsigt?produkt=os2rollekatalog", UriKind.Relative), Ct);
        var csv = Encoding.UTF8.GetString(await Client().GetByteArrayAsync(new Uri("/indsigt/kort.csv?produkt=os2rollekatalog", UriKind.Relative), Ct));
        var api = await Client().GetStringAsync(new Uri("/api/v1/insights/map?product=os2rollekatalog", UriKind.Relative), Ct);

        Assert.Contains("aria-label=\"Frederikshavn Kommune: ikke medejer\"", html, StringComparison.Ordinal);
        Assert.Contains("0813;Frederikshavn Kommune;;;", csv, StringComparison.Ordinal);
        var frederikshavnInApi = JsonDocument.Parse(api).RootElement.GetProperty("municipalities").EnumerateArray().Single(m => m.GetProperty("code").GetString() == "0813");
        Assert.Equal("none", frederikshavnInApi.GetProperty("status").GetString());
    }

    [Fact]
    public async Task AnUnknownProductIsNotFoundInDanish()
    {
        var page = await Client().GetAsync(new Uri("/indsigt?produkt=findes-ikke", UriKind.Relative), Ct);
        var api = await Client().GetAsync(new Uri("/api/v1/insights/map?product=findes-ikke", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, api.StatusCode);
        Assert.Contains("Der er intet produkt med adressen »findes-ikke«.", await api.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AProductsViewShowsItsCoOwnersOverTimeWithATableOfEveryStep()
    {
        var html = await Client().GetStringAsync(new Uri("/indsigt?produkt=os2rollekatalog", UriKind.Relative), Ct);
        var doc = new HtmlParser().ParseDocument(html);

        var chart = doc.QuerySelector("svg[role=img][aria-labelledby^='medejere-title']");
        Assert.NotNull(chart);
        Assert.Contains("Antal medejere af OS2rollekatalog over tid", chart.QuerySelector("title")!.TextContent, StringComparison.Ordinal);
        var rows = doc.QuerySelectorAll("details.chart-details table tbody tr");
        Assert.NotEmpty(rows);
        // The table's last count before today is the number of co-owners today, as on the map.
        var coOwnersOnMap = doc.QuerySelectorAll("#kort-tabel ~ table tbody td").Count(td => td.TextContent.StartsWith("medejer", StringComparison.Ordinal));
        var others = doc.QuerySelectorAll("#others-heading ~ ul li").Length;
        var lastPast = rows.Last(r => !r.ClassList.Contains("chart-upcoming-row")).QuerySelectorAll("td")[^1].TextContent;
        Assert.Equal(coOwnersOnMap + others, int.Parse(lastPast, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task TheSupplierPageSaysWhatCountsAndNamesTheAlternativesForASingleSupplierRole()
    {
        var html = await Client().GetStringAsync(new Uri("/indsigt/leverandoerer?produkt=os2rollekatalog", UriKind.Relative), Ct);
        var doc = new HtmlParser().ParseDocument(html);

        Assert.Matches(@"\d+ af \d+ produkter har kendte leverandørroller med kilde", doc.Body!.TextContent);
        Assert.Contains("Sådan regnes det", doc.Body.TextContent, StringComparison.Ordinal);
        Assert.Contains("Leverandører med samme rolle på andre OS2-produkter (ingen vurdering)", doc.Body.TextContent, StringComparison.Ordinal);
        Assert.NotNull(doc.QuerySelector("#years-heading ~ figure svg[role=img]"));

        var missing = await Client().GetStringAsync(new Uri("/indsigt/leverandoerer?produkt=findes-ikke", UriKind.Relative), Ct);
        Assert.Contains("Der er ingen kendte leverandørroller med kilde for", missing, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAuthoritysPageShowsTheProductsItCoOwnedPerYear()
    {
        var html = await Client().GetStringAsync(new Uri("/organisationer/aarhus", UriKind.Relative), Ct);
        var doc = new HtmlParser().ParseDocument(html);

        var section = doc.QuerySelector("section[aria-labelledby=authority-years-heading]");
        Assert.NotNull(section);
        var thisYear = section.QuerySelectorAll("table tbody tr").Last(r => r.QuerySelector("th")!.TextContent == DateTime.UtcNow.Year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var coOwnedToday = doc.QuerySelectorAll("#coowned-heading ~ ul.member-list")[0].QuerySelectorAll("li").Count(li => !li.TextContent.Contains("ukendt", StringComparison.Ordinal));
        Assert.True(int.Parse(thisYear.QuerySelectorAll("td")[0].TextContent, System.Globalization.CultureInfo.InvariantCulture) >= coOwnedToday);
    }
}
