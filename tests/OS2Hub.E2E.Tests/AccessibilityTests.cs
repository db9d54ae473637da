
namespace OS2Hub.E2E.Tests;

/// <summary>axe-core in Chromium against WCAG 2.1 A and AA, on the interactive pages as users get them.</summary>
public sealed class AccessibilityTests(BrowserHost host) : IClassFixture<BrowserHost>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/produkter")]
    [InlineData("/produkter?q=os2&modenhed=ukendt")]
    [InlineData("/produkter?q=findesslet")]
    [InlineData("/produkter/os2rollekatalog")]
    [InlineData("/produkter/os2iot")]
    [InlineData("/organisationer")]
    [InlineData("/organisationer/aarhus")]
    [InlineData("/organisationer/magenta-aps")]
    [InlineData("/organisationer/region-midtjylland")]
    [InlineData("/produkter/findes-ikke")]
    [InlineData("/produkter/os2rollekatalog/oensker")]
    [InlineData("/produkter/os2rollekatalog/oensker/1")]
    [InlineData("/produkter/os2rollekatalog/oensker/3")]
    [InlineData("/afmeld/oensker?t=et-link")]
    [InlineData("/produkter/os2rollekatalog/nyt")]
    [InlineData("/produkter/os2rollekatalog/beslutninger")]
    [InlineData("/produkter/os2rollekatalog/dokumenter")]
    [InlineData("/os2/beslutninger")]
    [InlineData("/spoergsmaal")]
    [InlineData("/produkter/os2rollekatalog/spoergsmaal")]
    [InlineData("/produkter/os2rollekatalog/spoergsmaal/1")]
    [InlineData("/soeg?q=rolle")]
    [InlineData("/soeg?q=findesslet")]
    [InlineData("/afmeld/sammendrag?t=et-link")]
    [InlineData("/indsigt/leverandoerer")]
    [InlineData("/indsigt/leverandoerer?produkt=os2mo")]
    [InlineData("/indsigt/leverandoerer?produkt=findes-ikke")]
    public async Task PageHasNoWcag21AaViolations(string path)
    {
        var page = await host.NewPageAsync();
        await page.GotoAsync(path);
        await BrowserHost.WaitForInteractiveAsync(page);

        await BrowserHost.AssertAccessibleAsync(page, path);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/produkter")]
    [InlineData("/produkter/os2rollekatalog")]
    [InlineData("/organisationer/aarhus")]
    [InlineData("/produkter/os2rollekatalog/oensker/1")]
    [InlineData("/produkter/os2rollekatalog/spoergsmaal/1")]
    [InlineData("/soeg?q=rolle")]
    [InlineData("/indsigt")]
    [InlineData("/indsigt?produkt=os2rollekatalog")]
    [InlineData("/indsigt/leverandoerer")]
    public async Task PageReflowsAt320PixelsWithoutSidewaysScrolling(string path)
    {
        var page = await host.NewPageAsync();
        await page.SetViewportSizeAsync(320, 800);
        await page.GotoAsync(path);
        await BrowserHost.WaitForInteractiveAsync(page);

        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");

        Assert.True(overflow <= 0, $"{path} is {overflow}px wider than a 320px screen");
    }
}
