using System.Security.Claims;
using OS2Hub.Web.Data.Entities;
using OS2Hub.Web.Features.Localization;

namespace OS2Hub.Web.Features.Partners;

/// <summary>The partner list as CSV and .xlsx downloads, with the same filter as the page and the same server-side scope.</summary>
public static class PartnerEndpoints
{
    public static void MapPartnerExports(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/partnere/eksport.csv", (HttpContext http, PartnerService partners, TimeProvider clock, CancellationToken ct) =>
            ExportAsync(http, partners, clock, PersonalDataAccess.CsvExport, ct)).RequireAuthorization();
        endpoints.MapGet("/partnere/eksport.xlsx", (HttpContext http, PartnerService partners, TimeProvider clock, CancellationToken ct) =>
            ExportAsync(http, partners, clock, PersonalDataAccess.ExcelExport, ct)).RequireAuthorization();
    }

    /// <summary>Reads the filter from the query string as the page writes it; null with a Danish message when a value is unknown.</summary>
    public static (PartnerFilter? Filter, string? Error) ParseFilter(IQueryCollection query)
    {
        ArgumentNullException.ThrowIfNull(query);
        SupplierRole? role = null;
        if (query["rolle"].ToString() is { Length: > 0 } text)
        {
            role = UrlWords.Parse<SupplierRole>(text);
            if (role is null or SupplierRole.Unknown)
            {
                return (null, Texts.Format("Partners_Error_Role", text));
            }
        }

        static string? Value(IQueryCollection q, string key) => q[key].ToString() is { Length: > 0 } v ? v.Trim() : null;
        return (new PartnerFilter { Product = Value(query, "produkt"), Region = Value(query, "region"), Role = role, Text = Value(query, "q") }, null);
    }

    private static async Task<IResult> ExportAsync(HttpContext http, PartnerService partners, TimeProvider clock, PersonalDataAccess access, CancellationToken ct)
    {
        var (filter, error) = ParseFilter(http.Request.Query);
        if (filter is null)
        {
            return Results.Problem(title: Texts.Get("Partners_Error_FilterTitle"), detail: error, statusCode: StatusCodes.Status400BadRequest);
        }

        var userId = http.User.FindFirstValue(ClaimTypes.NameIdentifier);
        var list = userId is null ? null : await partners.ListAsync(userId, filter, access, ct);
        if (list is null)
        {
            return Results.Problem(title: Texts.Get("Partners_Error_DeniedTitle"), detail: Texts.Get("Partners_Error_Denied"), statusCode: StatusCodes.Status403Forbidden);
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        return access == PersonalDataAccess.CsvExport
            ? Results.File(PartnerExport.ToCsv(list), Workbooks.CsvContentType, PartnerExport.FileName(filter, today, "csv"))
            : Results.File(PartnerExport.ToXlsx(list), Workbooks.XlsxContentType, PartnerExport.FileName(filter, today, "xlsx"));
    }
}
