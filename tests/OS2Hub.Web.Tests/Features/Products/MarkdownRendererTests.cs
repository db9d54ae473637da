using OS2Hub.Web.Features.Products;

namespace OS2Hub.Web.Tests.Features.Products;

public sealed class MarkdownRendererTests
{
    private readonly MarkdownRenderer _renderer = new();

    [Fact]
    public void RendersMarkdown()
    {
        var html = _renderer.ToHtml("**Fed** og [link](https://os2.eu)");

        Assert.Contains("<strong>Fed</strong>", html, StringComparison.Ordinal);
        Assert.Contains("href=\"https://os2.eu\"", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("<img src=x onerror=alert(1)>")]
    [InlineData("[klik](javascript:alert(1))")]
    public void RawHtmlAndScriptLinksFromDataAreNeverPassedThrough(string markdown)
    {
        var html = _renderer.ToHtml(markdown);

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
    }
}
