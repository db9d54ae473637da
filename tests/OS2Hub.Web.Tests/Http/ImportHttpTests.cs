using System.Net;
using System.Text;
using Microsoft.AspNetCore.Mvc.Testing;
using OS2Hub.Web.Tests.Infrastructure;

namespace OS2Hub.Web.Tests.Http;

/// <summary>The import template and the exports over HTTP: the secretariat's, and nobody else's.</summary>
public sealed class ImportHttpTests(HubFactory factory) : IClassFixture<HubFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>
    /// One signed-in client per account for the whole class: the secretariat signs in with an authenticator code,
    /// and the hub accepts each code once, so signing in for every row would wait for new codes.
    /// </summary>
    private async Task<HttpClient> SignedInAsync(string email, string password)
    {
        var clients = s_clients.GetOrCreateValue(factory);
        await s_gate.WaitAsync(Ct);
        try
        {
            if (!clients.TryGetValue(email, out var client))
            {
                client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
                Assert.Equal(HttpStatusCode.Redirect, (await HttpForms.SignInAsync(client, email, password)).StatusCode);
                clients[email] = client;
            }

            return client;
        }
        finally
        {
            s_gate.Release();
        }
    }

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<HubFactory, Dictionary<string, HttpClient>> s_clients = [];
    private static readonly SemaphoreSlim s_gate = new(1, 1);

    [Theory]
    [InlineData("/administration/import/skabelon/medlemskaber.xlsx")]
    [InlineData("/administration/eksport/medlemskaber.xlsx")]
    [InlineData("/administration/eksport/medlemskaber.csv")]
    [InlineData("/administration/import/skabelon/leverandoerroller.xlsx")]
    [InlineData("/administration/import/skabelon/kontaktpersoner.xlsx")]
    [InlineData("/administration/import/skabelon/arbejdsgrupper.xlsx")]
    [InlineData("/administration/import/skabelon/takstblade.xlsx")]
    [InlineData("/administration/eksport/leverandoerroller.csv")]
    [InlineData("/administration/eksport/kontaktpersoner.xlsx")]
    [InlineData("/administration/eksport/arbejdsgrupper.csv")]
    [InlineData("/administration/eksport/takstblade.xlsx")]
    public async Task OnlyTheSecretariatDownloadsTemplatesAndExports(string path)
    {
        var anonymous = await factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }).GetAsync(new Uri(path, UriKind.Relative), Ct);
        var coordinator = await (await SignedInAsync("produktkoordinator@demo.os2hub.dk", "Demo-Produktkoordinator-1")).GetAsync(new Uri(path, UriKind.Relative), Ct);
        var secretariat = await (await SignedInAsync("sekretariat@demo.os2hub.dk", "Demo-Sekretariat-1")).GetAsync(new Uri(path, UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, coordinator.StatusCode);
        Assert.Equal(HttpStatusCode.OK, secretariat.StatusCode);
        var bytes = await secretariat.Content.ReadAsByteArrayAsync(Ct);
        if (path.EndsWith(".csv", StringComparison.Ordinal))
        {
            // Demo data stays out: the demo hub's memberships are all invented.
            var header = Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF').Split("\r\n")[0];
            Assert.Equal(path.Contains("medlemskaber", StringComparison.Ordinal) ? "produkt;myndighed;medejer_fra;medejer_til;aftalereference;kilde"
                : path.Contains("leverandoerroller", StringComparison.Ordinal) ? "produkt;leverandoer;cvr;rolle;fra;til;kilde"
                : "produkt;gruppe;myndighed;kontaktperson;formand;fra;til", header);
        }
        else
        {
            Assert.Equal("PK", Encoding.ASCII.GetString(bytes, 0, 2)); // a zip package, as every .xlsx
        }
    }

    [Theory]
    [InlineData("/administration/import/skabelon/medlemmer.xlsx")]
    [InlineData("/administration/eksport/brugere.csv")]
    public async Task AnUnknownKindIsNotFound(string path)
    {
        var secretariat = await (await SignedInAsync("sekretariat@demo.os2hub.dk", "Demo-Sekretariat-1")).GetAsync(new Uri(path, UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.NotFound, secretariat.StatusCode);
    }
}
