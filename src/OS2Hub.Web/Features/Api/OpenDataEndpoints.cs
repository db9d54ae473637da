using Microsoft.AspNetCore.Mvc;
using OS2Hub.Web.Data.Entities;
using OS2Hub.Web.Features.Localization;

namespace OS2Hub.Web.Features.Api;

/// <summary>
/// The read-only open data API under /api/v1: public facts only, described by /openapi/v1.json. Anything a client can
/// send gets a proper answer: 400 with a problem body naming the parameter, 404 for an unknown slug or code.
/// </summary>
public static class OpenDataEndpoints
{
    public static void MapOpenDataApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/v1").WithTags("Åbne data");

        api.MapGet("/products", async (OpenDataService data, CancellationToken ct,
                [FromQuery(Name = "q")] string? q, [FromQuery(Name = "category")] string[]? category, [FromQuery(Name = "maturity")] string[]? maturity,
                [FromQuery(Name = "lifecycle")] string[]? lifecycle, [FromQuery(Name = "supplier")] string[]? supplier,
                [FromQuery(Name = "municipality")] string[]? municipality, [FromQuery(Name = "region")] string[]? region,
                [FromQuery(Name = "licence")] string[]? licence, [FromQuery(Name = "sort")] string? sort,
                [FromQuery(Name = "page")] string? page, [FromQuery(Name = "pageSize")] string? pageSize) =>
            await Validated(() => data.ProductsAsync(new ProductListParameters
            {
                Q = q, Category = category, Maturity = maturity, Lifecycle = lifecycle, Supplier = supplier, Municipality = municipality,
                Region = region, Licence = licence, Sort = sort, Page = page, PageSize = pageSize,
            }, ct)))
            .WithName("ListProducts")
            .WithSummary("Produktkataloget med samme søgning og filtre som /produkter")
            .WithDescription($"Filtre gentages for flere værdier (OR inden for et filter, AND på tværs): category (kategoriens slug eller 'ukendt'), maturity ({ApiCodes.List<MaturityLevel>()}), lifecycle ({ApiCodes.List<LifecycleState>()}), supplier (organisationens slug), municipality og region (4-cifret kode), licence (SPDX eller 'ukendt'). sort: relevance, name, members, changed. page fra 1, pageSize 1–100.")
            .Produces<ApiPage<ApiProductSummary>>().ProducesValidationProblem();

        api.MapGet("/products/{slug}", async (string slug, OpenDataService data, CancellationToken ct) =>
            {
                var (product, movedTo) = await data.ProductAsync(slug, ct);
                return product is not null ? Results.Ok(product)
                    : movedTo is not null ? Results.Redirect($"/api/v1/products/{movedTo}", permanent: true)
                    : NotFound(Texts.Format("Api_NoProduct", slug));
            })
            .WithName("GetProduct")
            .WithSummary("Ét produkt: medejere, leverandører og roller, arbejdsgrupper (organisationer), modenhed, licens, links, omtaler og kilder")
            .Produces<ApiItem<ApiProduct>>().ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/organisations", async (OpenDataService data, CancellationToken ct, [FromQuery(Name = "kind")] string? kind,
                [FromQuery(Name = "q")] string? q, [FromQuery(Name = "page")] string? page, [FromQuery(Name = "pageSize")] string? pageSize) =>
            await Validated(() => data.OrganisationsAsync(kind, q, page, pageSize, ct)))
            .WithName("ListOrganisations")
            .WithSummary("Kommuner, regioner, andre myndigheder og leverandører")
            .WithDescription($"kind: {ApiCodes.List<OrganisationKind>()}. q søger i navnet eller er en 4-cifret kode.")
            .Produces<ApiPage<ApiOrganisationSummary>>().ProducesValidationProblem();

        api.MapGet("/organisations/{slugOrCode}", async (string slugOrCode, OpenDataService data, CancellationToken ct) =>
                await data.OrganisationAsync(slugOrCode, ct) is { } organisation ? Results.Ok(organisation)
                    : NotFound(Texts.Format("Api_NoOrganisation", slugOrCode)))
            .WithName("GetOrganisation")
            .WithSummary("Én organisation (slug eller 4-cifret kommune-/regionskode) med alle dens deltagelser som medejer og leverandør")
            .Produces<ApiItem<ApiOrganisation>>().ProducesProblem(StatusCodes.Status404NotFound);

        // Anything else under /api is a JSON 404, not the site's HTML page.
        endpoints.Map("/api/{**rest}", (string? rest) => NotFound(Texts.Format("Api_NoEndpoint", rest)))
            .ExcludeFromDescription();
    }

    private static async Task<IResult> Validated<T>(Func<Task<T>> query)
    {
        try
        {
            return Results.Ok(await query());
        }
        catch (ApiValidationException e)
        {
            return Results.ValidationProblem(e.Errors, detail: Texts.Get("Api_InvalidDetail"), title: Texts.Get("Api_InvalidTitle"));
        }
    }

    private static IResult NotFound(string detail) => Results.Problem(detail: detail, title: Texts.Get("Api_NotFoundTitle"), statusCode: StatusCodes.Status404NotFound);
}
