using System.Globalization;
using Microsoft.AspNetCore.Mvc;

namespace OS2Hub.Web.Features.Economy;

/// <summary>The fee sheet as an Excel file, and the economy in the open data API. Fee sheets are public, so none needs signing in.</summary>
public static class EconomyEndpoints
{
    public static void MapEconomy(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/produkter/{slug}/takstblad/{year:int}.xlsx", async (string slug, int year, EconomyService economy, TimeProvider clock, CancellationToken ct) =>
        {
            if (year is < EconomyAdminService.MinYear or > EconomyAdminService.MaxYear)
            {
                return Results.Problem(title: "Ugyldigt budgetår", detail: $"Budgetåret skal ligge mellem {EconomyAdminService.MinYear} og {EconomyAdminService.MaxYear}.", statusCode: StatusCodes.Status400BadRequest);
            }

            var product = await economy.ProductAsync(slug, year, ct);
            if (product?.View is not { } view)
            {
                return Results.Problem(title: "Findes ikke", detail: product is null ? $"Der er intet produkt med adressen »{slug}«." : $"Produktet har intet takstblad for {year}.",
                    statusCode: StatusCodes.Status404NotFound);
            }

            var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
            return Results.File(FeeSheetExport.ToXlsx(product.Name, view, today), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                FeeSheetExport.FileName(product.Slug, year));
        }).ExcludeFromDescription();

        var api = endpoints.MapGroup("/api/v1").WithTags("Åbne data");
        api.MapGet("/products/{slug}/economy", async (string slug, EconomyService economy, CancellationToken ct) =>
                await economy.YearsAsync(slug, ct) is { } years
                    ? Results.Ok(new ApiEconomy(slug, years.Name, years.Years.Select(ApiFeeSheetYear.From).ToList()))
                    : Problem(StatusCodes.Status404NotFound, "Findes ikke", $"Der er intet produkt med adressen »{slug}«."))
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
                    errors["organisation"] = ["Angiv myndigheden med kommune- eller regionskode (fx 0813) eller slug."];
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
                        errors["joinDate"] = [$"»{joinDate}« er ikke en dato på formen ÅÅÅÅ-MM-DD."];
                    }
                }

                if (errors.Count > 0)
                {
                    return Results.ValidationProblem(errors, detail: "En eller flere parametre er ugyldige; se errors.", title: "Ugyldige parametre");
                }

                var result = await economy.QuoteAsync(slug, organisation!.Trim(), date, ct);
                return result.Problem switch
                {
                    QuoteProblem.None => Results.Ok(ApiQuote.From(result.Quote!)),
                    QuoteProblem.ProductNotFound => Problem(StatusCodes.Status404NotFound, "Findes ikke", $"Der er intet produkt med adressen »{slug}«."),
                    QuoteProblem.OrganisationNotFound or QuoteProblem.NotAnAuthority =>
                        Results.ValidationProblem(new Dictionary<string, string[]> { ["organisation"] = [result.Message!] }, title: "Ugyldige parametre"),
                    _ => Problem(StatusCodes.Status422UnprocessableEntity, "Kan ikke beregnes", result.Message!),
                };
            })
            .WithName("GetJoinQuote")
            .WithSummary("Hvad en myndighed betaler, hvis den tilslutter sig, og hvert nuværende medlems andel før og efter")
            .WithDescription("organisation: 4-cifret kommune-/regionskode eller slug. joinDate (ÅÅÅÅ-MM-DD, standard i dag): tilslutningsafgiften betales straks, den årlige andel fra det første budgetår, hvor myndigheden er medlem 1. januar. Findes det års takstblad ikke endnu, er beløbene et skøn (isEstimate).")
            .Produces<ApiQuote>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
    }

    private static IResult Problem(int status, string title, string detail) => Results.Problem(title: title, detail: detail, statusCode: status);
}
