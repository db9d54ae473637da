using Microsoft.Playwright;

namespace OS2Hub.E2E.Tests;

/// <summary>The API reference page, reached from the site's footer, lists the endpoints of the OpenAPI document.</summary>
public sealed class ApiReferenceTests(BrowserHost host) : IClassFixture<BrowserHost>
{
    [Fact]
    public async Task TheFooterLeadsToAReferenceThatListsTheEndpoints()
    {
        var page = await host.NewPageAsync();
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "API-reference" }).ClickAsync();
        // Swagger UI parses the whole document in the browser before it lists anything; on a busy 2-core machine that takes a while.
        await Assertions.Expect(page.GetByText("/api/v1/products/{slug}", new() { Exact = true })).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(page.GetByText("/api/v1/publiccode/validate", new() { Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("/api/v1/organisations/{slugOrCode}", new() { Exact = true })).ToBeVisibleAsync();
        await BrowserHost.AssertAccessibleAsync(page, "/api/reference");
    }
}
