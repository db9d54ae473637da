using Markdig;

namespace OS2Hub.Web.Features.Products;

/// <summary>Renders descriptions from Markdown. Raw HTML in the data is escaped, never passed through.</summary>
public sealed class MarkdownRenderer
{
    private readonly MarkdownPipeline _pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UseAutoLinks()
        .UsePipeTables()
        .UseEmphasisExtras()
        .Build();

    private readonly Ganss.Xss.HtmlSanitizer _sanitizer = new();

    public string ToHtml(string? markdown) =>
        string.IsNullOrWhiteSpace(markdown) ? "" : _sanitizer.Sanitize(Markdown.ToHtml(markdown, _pipeline));
}
