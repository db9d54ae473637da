using System.Security.Claims;
using System.ServiceModel.Syndication;
using System.Xml;
using Microsoft.Extensions.Options;
using OS2Hub.Web.Data;
using OS2Hub.Web.Features.Localization;

namespace OS2Hub.Web.Features.Community;

public static class CommunityFeature
{
    /// <summary>Knowledge sharing: news and releases, the decision logs and their feeds.</summary>
    public static IServiceCollection AddCommunity(this IServiceCollection services) => services.AddScoped<CommunityService>().AddScoped<DocumentService>();

    /// <summary>Atom feeds (RFC 4287) of every public item: per product, and for the hub.</summary>
    public static void MapCommunity(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/feed.atom", (CommunityService community, IOptions<OS2HubOptions> options, CancellationToken ct) =>
            FeedAsync(community, options.Value, null, ct)).ExcludeFromDescription();
        // A download asks again who reads it; a refusal names nothing of the document.
        endpoints.MapGet("/produkter/{slug}/dokumenter/{versionId:int}/{fileName}", async (string slug, int versionId, HttpContext http, DocumentService documents, CancellationToken ct) =>
        {
            var userId = http.User.Identity?.IsAuthenticated == true ? http.User.FindFirstValue(ClaimTypes.NameIdentifier) : null;
            var file = await documents.DownloadAsync(userId, slug, versionId, ct);
            return file.Outcome switch
            {
                OperationOutcome.Ok => Results.File(file.Value!.Content, file.Value.ContentType, file.Value.FileName),
                OperationOutcome.Denied when userId is null => Results.Redirect($"/konto/log-ind?returnUrl={Uri.EscapeDataString(http.Request.Path)}"),
                OperationOutcome.Denied => Results.Problem(title: Texts.Get("Common_Error_Denied"), statusCode: StatusCodes.Status403Forbidden),
                _ => Results.Problem(title: Texts.Get("Api_NotFoundTitle"), statusCode: StatusCodes.Status404NotFound),
            };
        }).ExcludeFromDescription();
        endpoints.MapGet("/produkter/{slug}/feed.atom", (string slug, CommunityService community, IOptions<OS2HubOptions> options, CancellationToken ct) =>
            FeedAsync(community, options.Value, slug, ct)).ExcludeFromDescription();
    }

    private static async Task<IResult> FeedAsync(CommunityService community, OS2HubOptions options, string? slug, CancellationToken ct)
    {
        if (await community.FeedAsync(slug, 50, ct) is not { } items)
        {
            return Results.Problem(title: Texts.Get("Api_NotFoundTitle"), detail: Texts.Format("Api_NoProduct", slug), statusCode: StatusCodes.Status404NotFound);
        }

        var self = options.Link(slug is null ? "/feed.atom" : $"/produkter/{slug}/feed.atom");
        var title = slug is null ? Texts.Get("Feed_HubTitle") : Texts.Format("Feed_ProductTitle", items.Count > 0 ? items[0].ProductName : slug);
        var feed = new SyndicationFeed(title, Texts.Get("Feed_Description"), options.Link(slug is null ? "/" : $"/produkter/{slug}"), self.ToString(),
            items.Count == 0 ? DateTimeOffset.UnixEpoch : new DateTimeOffset(items.Max(i => i.Updated)))
        {
            Language = "da",
        };
        feed.Authors.Add(new SyndicationPerson { Name = "OS2Hub" });
        feed.Links.Add(SyndicationLink.CreateSelfLink(self, "application/atom+xml"));
        feed.Items = items.Select(i =>
        {
            var link = options.Link(i.Path);
            var item = new SyndicationItem(i.Title, i.Summary, link, link.ToString(), new DateTimeOffset(i.Updated));
            item.Authors.Add(new SyndicationPerson { Name = i.Author });
            item.Categories.Add(new SyndicationCategory(i.Kind));
            return item;
        }).ToList();

        using var buffer = new MemoryStream();
        await using (var writer = XmlWriter.Create(buffer, new XmlWriterSettings { Async = true, Encoding = new System.Text.UTF8Encoding(false) }))
        {
            new Atom10FeedFormatter(feed).WriteTo(writer);
        }

        return Results.Bytes(buffer.ToArray(), "application/atom+xml; charset=utf-8");
    }
}
