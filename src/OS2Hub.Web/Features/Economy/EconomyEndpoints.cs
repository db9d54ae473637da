using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using OS2Hub.Web.Features.Localization;

namespace OS2Hub.Web.Features.Economy;

/// <summary>The fee sheet as an Excel file, and the economy in the open data API. Fee sheets are public, so none needs signing in.</summary>
public static class EconomyEndpoints
{
    public static void MapEconomy(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/produkter/{slug}/takstblad/{year:int}.xlsx", async (string slug, int year, EconomyService economy, TimeProvider clock, CancellationToken ct) =>
        {
            if (year is < BudgetYears.Min or > BudgetYears.Max)
            {
                return Results.Problem(title: Texts.Get("Api_InvalidYear"), detail: Texts.Format("Economy_Error_Year", BudgetYears.Min, BudgetYears.Max), statusCode: StatusCodes.Status400BadRequest);
            }

            var product = await economy.ProductAsync(slug, year, ct);
            if (product?.View is not { } view)
            {
                return Results.Problem(title: Texts.Get("Api_NotFoundTitle"), detail: product is null ? Texts.Format("Api_NoProduct", slug) : Texts.Format("Api_NoFeeSheetYear", year),
                    statusCode: StatusCodes.Status404NotFound);
            }

            var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
            return Results.File(FeeSheetExport.ToXlsx(product.Name, view, today), Workbooks.XlsxContentType,
                FeeSheetExport.FileName(product.Slug, year));
        }).ExcludeFromDescription();

        var api = endpoints.MapGroup("/api/v1").WithTags("Åbne data");
        api.MapGet("/products/{slug}/economy", async (string slug, EconomyService economy, CancellationToken ct) =>
                await economy.YearsAsync(slug, ct) is { } years
                    ? Results.Ok(new ApiEconomy(slug, years.Name, years.Years.Select(ApiFeeSheetYear.From).ToList()))
                    : Problem(StatusCodes.Status404NotFound, Texts.Get("Api_NotFoundTitle"), Texts.Format("Api_NoProduct", slug)))
            .WithName("GetProductEconomy")
            .WithSummary("Produktets takstblade pr. budgetår: vederlag, tilslutningsafgift, fordeling, bidragssats og hvert medlems andel")
            .WithDescription("Medlemmerne er dem, der er medlemmer 1. januar i budgetåret. Andele i hele kroner (største-rest-metoden, lighed brydes på kode, så slug); exactShare er den uafrundede andel.")
            .Produces<ApiEconomy>().ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/products/{slug}/economy/quote", async (string slug, EconomyService economy, CancellationToken ct,
                [FromQuery(Name = "organisation")] string? organisation, [FromQuery(Name = "joinDate")] string? joinDate) =>
            {
                var errors = new Dictionary<string, string[]>();
                if (string.IsNullOrWhiteSpace(organisation))
                {
                    errors["organisation"] = [Texts.Get("Api_OrganisationRequired")];
                }

                DateOnly? date = null;
                if (!string.IsNullOrEmpty(joinDate))
                {
                    if (DateOnly.TryParseExact(joinDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
                    {
                        date = parsed;
                    }
                    else
                    {
                        errors["joinDate"] = [Texts.Format("Api_BadDate", joinDate)];
                    }
                }

                if (errors.Count > 0)
                {
                    return Results.ValidationProblem(errors, detail: Texts.Get("Api_InvalidDetail"), title: Texts.Get("Api_InvalidTitle"));
                }

                var result = await economy.QuoteAsync(slug, organisation!.Trim(), date, ct);
                return result.Problem switch
                {
                    QuoteProblem.None => Results.Ok(ApiQuote.From(result.Quote!)),
                    QuoteProblem.ProductNotFound => Problem(StatusCodes.Status404NotFound, Texts.Get("Api_NotFoundTitle"), Texts.Format("Api_NoProduct", slug)),
                    QuoteProblem.OrganisationNotFound or QuoteProblem.NotAnAuthority =>
                        Results.ValidationProblem(new Dictionary<string, string[]> { ["organisation"] = [result.Message!] }, title: Texts.Get("Api_InvalidTitle")),
                    _ => Problem(StatusCodes.Status422UnprocessableEntity, Texts.Get("Api_CannotCompute"), result.Message!),
                };
            })
            .WithName("GetJoinQuote")
            .WithSummary("Hvad en myndighed betaler, hvis den tilslutter sig, og hvert nuværende medlems andel før og efter")
            .WithDescription("organisation: 4-cifret kommune-/regionskode eller slug. joinDate (ÅÅÅÅ-MM-DD, standard i dag): tilslutningsafgiften betales straks, den årlige andel fra det første budgetår, hvor myndigheden er medlem 1. januar. Findes det års takstblad ikke endnu, er beløbene et skøn (isEstimate).")
            .Produces<ApiQuote>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
    }

    private static IResult Problem(int status, string title, string detail) => Results.Problem(title: title, detail: detail, statusCode: status);
}
