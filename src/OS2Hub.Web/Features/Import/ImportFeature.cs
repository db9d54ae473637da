using System.Security.Claims;
using OS2Hub.Web.Data.Entities;
using OS2Hub.Web.Features.Access;
using OS2Hub.Web.Features.Localization;

namespace OS2Hub.Web.Features.Import;

public static class ImportFeature
{
    /// <summary>Bulk import and export of the secretariat's records: memberships, supplier roles, contact persons, working groups and fee sheets.</summary>
    public static IServiceCollection AddImport(this IServiceCollection services) => services
        .AddScoped<BulkImport>()
        .AddScoped<ImportBatches>()
        .AddScoped<ImportFiles>();

    /// <summary>The templates and the exports, for the secretariat only: the templates are public knowledge, but the page they belong to is not.</summary>
    public static void MapImport(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/administration/import/skabelon/{word}.xlsx", async (string word, HttpContext http, AccessService access) =>
        {
            if (BulkImport.ByWord(word) is not { } kind)
            {
                return Results.NotFound();
            }

            return !await access.IsSecretariatAsync(UserId(http))
                ? Denied()
                : Results.File(ImportFiles.Template(kind), Workbooks.XlsxContentType, $"skabelon-{kind.Word}.xlsx");
        }).RequireAuthorization();
        endpoints.MapGet("/administration/eksport/{word}.{format:regex(^(xlsx|csv)$)}", async (string word, string format, HttpContext http, ImportFiles files, TimeProvider clock, CancellationToken ct) =>
        {
            if (BulkImport.ByWord(word) is not { } kind)
            {
                return Results.NotFound();
            }

            var rows = await files.RowsAsync(UserId(http), kind, format == "csv" ? PersonalDataAccess.CsvExport : PersonalDataAccess.ExcelExport, ct);
            if (rows is null)
            {
                return Denied();
            }

            var name = $"{kind.Word}-{DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime):yyyy-MM-dd}.{format}";
            return format == "csv"
                ? Results.File(Workbooks.Csv(rows), Workbooks.CsvContentType, name)
                : Results.File(Workbooks.Xlsx((kind.SheetName, rows)), Workbooks.XlsxContentType, name);
        }).RequireAuthorization();
    }

    private static string UserId(HttpContext http) => http.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";

    private static IResult Denied() =>
        Results.Problem(title: Texts.Get("Bulk_DeniedTitle"), detail: Texts.Get("Categories_SecretariatOnly"), statusCode: StatusCodes.Status403Forbidden);
}
