using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace OS2Hub.E2E.Tests;

/// <summary>The produktkoordinator imports a publiccode.yml: an error is shown in Danish, then the preview, then the import.</summary>
public sealed class PublicCodeImportTests(BrowserHost host) : IClassFixture<BrowserHost>
{
    private const string File = """
        publiccodeYmlVersion: "0"
        name: OS2rollekatalog
        url: "https://github.com/OS2rollekatalog/OS2rollekatalog"
        platforms:
          - web
        developmentStatus: alpha
        softwareType: "standalone/web"
        description:
          da:
            shortDescription: Tildeler roller og rettigheder til kommunens medarbejdere.
            longDescription: >
              OS2rollekatalog samler kommunens roller og rettigheder ét sted, så ledere kan tildele og fjerne
              adgang til fagsystemer, og så revisionen kan se, hvem der havde adgang til hvad og hvornår.
            features:
              - Tildeling af roller
              - Revisionsspor
        legal:
          license: MPL-2.0
        maintenance:
          type: contract
          contractors:
            - name: Digital Identity ApS
              until: "2027-12-31"
        localisation:
          localisationReady: false
          availableLanguages:
            - da
        """;

    [Fact]
    public async Task AnErrorIsShownInDanishThenThePreviewThenTheImport()
    {
        var pk = await host.SignInAsync("produktkoordinator@demo.os2hub.dk", "Demo-Produktkoordinator-1");
        await pk.GotoAsync("/produkter/os2rollekatalog/rediger");
        await BrowserHost.WaitForInteractiveAsync(pk);
        await pk.GetByRole(AriaRole.Link, new() { Name = "Importér publiccode.yml" }).ClickAsync();
        await Assertions.Expect(pk.GetByRole(AriaRole.Heading, new() { Name = "Importér publiccode.yml til OS2rollekatalog" })).ToBeVisibleAsync();
        await BrowserHost.WaitForInteractiveAsync(pk);

        await pk.GetByLabel("Eller indsæt indholdet her").FillAsync(File);
        await pk.GetByRole(AriaRole.Button, new() { Name = "Vis ændringer" }).ClickAsync();
        await Assertions.Expect(pk.Locator(".problem-list")).ToContainTextAsync("linje 6, developmentStatus: »alpha« er ikke en tilladt værdi.");
        await Assertions.Expect(pk.GetByRole(AriaRole.Button, new() { Name = "Importér", Exact = true })).ToHaveCountAsync(0);
        await BrowserHost.AssertAccessibleAsync(pk, "publiccode import with an error");

        await pk.GetByLabel("Eller indsæt indholdet her").FillAsync(File.Replace("developmentStatus: alpha", "developmentStatus: stable", StringComparison.Ordinal));
        await pk.GetByRole(AriaRole.Button, new() { Name = "Vis ændringer" }).ClickAsync();
        await Assertions.Expect(pk.GetByRole(AriaRole.Row, new() { Name = "Resumé" })).ToContainTextAsync("Tildeler roller og rettigheder");
        await Assertions.Expect(pk.GetByText("Leverandør: Digital Identity ApS")).ToBeVisibleAsync(); // a claim, not a record
        await BrowserHost.AssertAccessibleAsync(pk, "publiccode import preview");

        await pk.GetByRole(AriaRole.Button, new() { Name = "Importér", Exact = true }).ClickAsync();
        await Assertions.Expect(pk).ToHaveURLAsync(new Regex("/produkter/os2rollekatalog$"));
        await Assertions.Expect(pk.GetByText("Tildeler roller og rettigheder til kommunens medarbejdere.")).ToBeVisibleAsync();
    }
}
