using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace OS2Hub.E2E.Tests;

/// <summary>A supplier contact's partner list: from signing in to an Excel file in two clicks.</summary>
public sealed class PartnerListTests(BrowserHost host) : IClassFixture<BrowserHost>
{
    [Fact]
    public async Task SupplierOpensFiltersAndDownloadsItsPartnerList()
    {
        var supplier = await host.SignInAsync("leverandoer@demo.os2hub.dk", "Demo-Leverandoer-1");
        await BrowserHost.WaitForInteractiveAsync(supplier);
        await supplier.GetByRole(AriaRole.Link, new() { Name = "Partnerlister" }).ClickAsync();
        await Assertions.Expect(supplier.GetByRole(AriaRole.Heading, new() { Name = "Partnerlister for Digital Identity ApS" })).ToBeVisibleAsync();
        await Assertions.Expect(supplier.GetByRole(AriaRole.Heading, new() { Name = "OS2rollekatalog", Level = 2 })).ToBeVisibleAsync();
        await BrowserHost.AssertAccessibleAsync(supplier, "/partnere");

        // One click from the list to the Excel file.
        var excel = await supplier.RunAndWaitForDownloadAsync(() => supplier.GetByRole(AriaRole.Link, new() { Name = "Hent som Excel (.xlsx)" }).ClickAsync());
        Assert.Matches(new Regex(@"^partnerliste-alle-produkter-\d{4}-\d{2}-\d{2}\.xlsx$"), excel.SuggestedFilename);

        await BrowserHost.WaitForInteractiveAsync(supplier);
        await supplier.GetByLabel("Produkt").SelectOptionAsync(new SelectOptionValue { Label = "OS2rollekatalog" });
        await supplier.GetByRole(AriaRole.Button, new() { Name = "Vis", Exact = true }).ClickAsync();
        await Assertions.Expect(supplier).ToHaveURLAsync(new Regex("produkt=os2rollekatalog"));
        await Assertions.Expect(supplier.Locator("section.partner-section")).ToHaveCountAsync(1);

        var csv = await supplier.RunAndWaitForDownloadAsync(() => supplier.GetByRole(AriaRole.Link, new() { Name = "Hent som CSV" }).ClickAsync());
        Assert.Matches(new Regex(@"^partnerliste-os2rollekatalog-\d{4}-\d{2}-\d{2}\.csv$"), csv.SuggestedFilename);
        var text = await File.ReadAllTextAsync(await csv.PathAsync(), TestContext.Current.CancellationToken);
        Assert.StartsWith("Produkt;Myndighed;", text, StringComparison.Ordinal);
        Assert.Contains("OS2rollekatalog;", text, StringComparison.Ordinal);

        // The secretariat sees both downloads in the log of personal-data access.
        var secretariat = await host.SignInAsync("sekretariat@demo.os2hub.dk", "Demo-Sekretariat-1");
        await secretariat.GotoAsync("/partnere/log");
        await Assertions.Expect(secretariat.GetByRole(AriaRole.Cell, new() { Name = "Hentet som CSV" }).First).ToBeVisibleAsync();
        await BrowserHost.AssertAccessibleAsync(secretariat, "/partnere/log");
    }
}
