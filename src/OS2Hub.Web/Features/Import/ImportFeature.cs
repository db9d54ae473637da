using System.Security.Claims;
using OS2Hub.Web.Features.Access;
using OS2Hub.Web.Features.Localization;

namespace OS2Hub.Web.Features.Import;

public static class ImportFeature
{
    /// <summary>Bulk import and export of the secretariat's records (members first; the other kinds follow).</summary>
    public static IServiceCollection AddImport(this IServiceCollection services) => services
        .AddScoped<MembershipImport>()
        .AddScoped<ImportBatches>()
        .AddScoped<ImportFiles>();

    /// <summary>The template and the exports, for the secretariat only: the template is public knowledge, but the page it belongs to is not.</summary>
    public static void MapImport(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/administration/import/skabelon/medlemskaber.xlsx", async (HttpContext http, AccessService access) =>
            !await access.IsSecretariatAsync(UserId(http))
                ? Denied()
                : Results.File(ImportFiles.MembershipTemplate(), Workbooks.XlsxContentType, "skabelon-medlemskaber.xlsx")).RequireAuthorization();
        endpoints.MapGet("/administration/eksport/medlemskaber.{format:regex(^(xlsx|csv)$)}", async (string format, HttpContext http, ImportFiles files, TimeProvider clock, CancellationToken ct) =>
        {
            var rows = await files.MembershipRowsAsync(UserId(http), ct);
            if (rows is null)
            {
                return Denied();
            }

            var name = $"medlemskaber-{DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime):yyyy-MM-dd}.{format}";
            return format == "csv"
                ? Results.File(Workbooks.Csv(rows), Workbooks.CsvContentType, name)
                : Results.File(Workbooks.Xlsx(("Medlemskaber", rows)), Workbooks.XlsxContentType, name);
        }).RequireAuthorization();
    }

    private static string UserId(HttpContext http) => http.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";

    private static IResult Denied() =>
        Results.Problem(title: Texts.Get("Bulk_DeniedTitle"), detail: Texts.Get("Categories_SecretariatOnly"), statusCode: StatusCodes.Status403Forbidden);
}
