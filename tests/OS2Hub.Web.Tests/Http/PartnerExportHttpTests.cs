using System.Net;
using System.Text;
using Microsoft.AspNetCore.Mvc.Testing;
using OS2Hub.Web.Tests.Infrastructure;

namespace OS2Hub.Web.Tests.Http;

/// <summary>The export endpoints over the whole app with the demo accounts: scope, file, status codes.</summary>
public sealed class PartnerExportHttpTests(HubFactory factory) : IClassFixture<HubFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<HttpClient> SignedInAsync(string email, string password)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var response = await HttpForms.SignInAsync(client, email, password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    [Fact]
    public async Task TheDemoSupplierDownloadsItsProductsAsCsvAndExcelButNotAnotherSuppliers()
    {
        var client = await SignedInAsync("leverandoer@demo.os2hub.dk", "Demo-Leverandoer-1");

        var csv = await client.GetAsync(new Uri("/partnere/eksport.csv?produkt=os2rollekatalog", UriKind.Relative), Ct);
        var xlsx = await client.GetAsync(new Uri("/partnere/eksport.xlsx", UriKind.Relative), Ct);
        var other = await client.GetAsync(new Uri("/partnere/eksport.csv?produkt=os2mo", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal($"partnerliste-os2rollekatalog-{DateTime.UtcNow:yyyy-MM-dd}.csv", csv.Content.Headers.ContentDisposition!.FileName?.Trim('"'));
        var text = Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync(Ct));
        Assert.StartsWith("\uFEFFProdukt;Myndighed;", text, StringComparison.Ordinal);
        Assert.Contains("OS2rollekatalog;", text, StringComparison.Ordinal);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType!.MediaType);
        // OS2mo is Magenta's: the supplier contact of Digital Identity gets the header and nothing else.
        Assert.Single((await other.Content.ReadAsStringAsync(Ct)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task BadParametersGetAProblemInDanishAndOthersGetNoList()
    {
        var supplier = await SignedInAsync("leverandoer@demo.os2hub.dk", "Demo-Leverandoer-1");
        var it = await SignedInAsync("it-frederikshavn@demo.os2hub.dk", "Demo-Frederikshavn-1");
        var anonymous = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var badRole = await supplier.GetAsync(new Uri("/partnere/eksport.csv?rolle=Kaffe", UriKind.Relative), Ct);
        var notAPartner = await it.GetAsync(new Uri("/partnere/eksport.xlsx", UriKind.Relative), Ct);
        var notSignedIn = await anonymous.GetAsync(new Uri("/partnere/eksport.csv", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, badRole.StatusCode);
        Assert.Contains("Rollen »Kaffe« findes ikke", await badRole.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, notAPartner.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, notSignedIn.StatusCode);
        Assert.Contains("/konto/log-ind", notSignedIn.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

}
