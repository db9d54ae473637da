using OS2Hub.Web.Features.Localization;

namespace OS2Hub.Web.Features.Insights;

public static class InsightsFeature
{
    /// <summary>Insight into where the products live: the map of Denmark and its figures.</summary>
    public static IServiceCollection AddInsights(this IServiceCollection services) => services
        .AddSingleton<DenmarkMaps>()
        .AddScoped<InsightService>();

    /// <summary>The map's figures as CSV and in the open API: the same numbers as on the map and in its table.</summary>
    public static void MapInsights(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/indsigt/kort.csv", async (string? produkt, InsightService insights, CancellationToken ct) =>
                await insights.MapAsync(string.IsNullOrEmpty(produkt) ? null : produkt, ct) is { } figures
                    ? Results.File(Workbooks.Csv(InsightService.CsvRows(figures)), Workbooks.CsvContentType, figures.ProductSlug is null ? "os2hub-kort.csv" : $"os2hub-kort-{figures.ProductSlug}.csv")
                    : Results.Problem(title: Texts.Get("Api_NotFoundTitle"), detail: Texts.Format("Api_NoProduct", produkt), statusCode: StatusCodes.Status404NotFound))
            .ExcludeFromDescription();

        endpoints.MapGroup("/api/v1").WithTags("Åbne data")
            .MapGet("/insights/map", async (string? product, InsightService insights, CancellationToken ct) =>
                await insights.MapAsync(string.IsNullOrEmpty(product) ? null : product, ct) is { } figures
                    ? Results.Ok(ApiMap.From(figures))
                    : Results.Problem(title: Texts.Get("Api_NotFoundTitle"), detail: Texts.Format("Api_NoProduct", product), statusCode: StatusCodes.Status404NotFound))
            .WithName("InsightsMap")
            .WithSummary("Kortet over Danmark: for hver af de 98 kommuner antal produkter, den er medejer af i dag, eller med et produkt valgt, om den er medejer (siden hvilket år) eller er udtrådt (hvilket år)")
            .WithDescription("Kun medlemskaber tæller; anmodninger om tilslutning er aldrig med. Regioner og statslige medejere står under others. status: co-owner, left, none.")
            .Produces<ApiMap>().ProducesProblem(StatusCodes.Status404NotFound);
    }
}

public sealed record ApiMapMunicipality(string Code, string Name, string Slug, int Products, string? Status, int? Since, int? LeftIn);

public sealed record ApiMapOther(string Name, string Slug, string Kind, int Products);

public sealed record ApiMap(string? Product, IReadOnlyList<ApiMapMunicipality> Municipalities, IReadOnlyList<ApiMapOther> Others)
{
    public static ApiMap From(MapFigures figures)
    {
        ArgumentNullException.ThrowIfNull(figures);
        return new ApiMap(figures.ProductSlug,
            figures.Municipalities.OrderBy(m => m.Code, StringComparer.Ordinal).Select(m => new ApiMapMunicipality(m.Code, m.Name, m.Slug, m.Products,
                figures.ProductSlug is null ? null : m.State switch { MapState.CoOwner => "co-owner", MapState.Left => "left", _ => "none" }, m.Since, m.LeftIn)).ToList(),
            figures.Others.Select(o => new ApiMapOther(o.Name, o.Slug, o.Kind.ToString().ToLowerInvariant(), o.Products)).ToList());
    }
}
