using Microsoft.Extensions.Options;
using OS2Hub.Web.Data;
using OS2Hub.Web.Features.Email;
using OS2Hub.Web.Features.Localization;

namespace OS2Hub.Web.Features.Wishes;

public static class WishesFeature
{
    /// <summary>Development wishes: raising, support, co-funding, decisions, and the e-mails about them.</summary>
    public static IServiceCollection AddWishes(this IServiceCollection services) => services
        .AddScoped<WishService>()
        .AddScoped<WishNotifier>();

    /// <summary>The wishes in the open API, and the one-click stop for wish e-mails.</summary>
    public static void MapWishes(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGroup("/api/v1").WithTags("Åbne data")
            .MapGet("/products/{slug}/wishes", async (string slug, WishService wishes, IOptions<OS2HubOptions> options, CancellationToken ct) =>
                await wishes.ApiAsync(slug, options.Value.PublicBaseUrl, ct) is { } list
                    ? Results.Ok(new ApiWishList(slug, list))
                    : Results.Problem(title: Texts.Get("Api_NotFoundTitle"), detail: Texts.Format("Api_NoProduct", slug), statusCode: StatusCodes.Status404NotFound))
            .WithName("ListProductWishes")
            .WithSummary("Produktets udviklingsønsker: status, rang, støttende myndigheder, antal tilsagn om medfinansiering og beløbet i alt")
            .WithDescription("Skjulte ønsker er udeladt. Ingen personer og intet beløb pr. myndighed: de ses kun af medejernes brugere, når de er logget ind. status: new, under-review, prioritised, in-development, delivered, rejected, merged.")
            .Produces<ApiWishList>().ProducesProblem(StatusCodes.Status404NotFound);

        endpoints.MapOneClickStop(UnsubscribePath, "/afmeld/oensker", "Unsubscribe_Done", (services, token, ct) => services.GetRequiredService<WishNotifier>().UnsubscribeAsync(token, ct));
    }

    public const string UnsubscribePath = "/afmeld/oensker/klik";
}
