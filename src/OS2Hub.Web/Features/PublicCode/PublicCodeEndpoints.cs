using Microsoft.Extensions.Options;
using OS2Hub.Web.Data;
using System.Text;
using OS2Hub.Web.Features.Localization;

namespace OS2Hub.Web.Features.PublicCode;

/// <summary>
/// <c>POST /api/v1/publiccode/validate</c>: open to anyone, so a product's repository can check its publiccode.yml in
/// its own CI. A body that is not a YAML document at all is a 400 (413 over 1 MiB) with a problem body; a YAML document
/// gets the validation result.
/// </summary>
public static class PublicCodeEndpoints
{
    public const int MaxBytes = 1024 * 1024;

    public static void MapPublicCodeApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/api/v1/publiccode/validate", ValidateAsync)
            .WithTags("publiccode.yml")
            .WithName("ValidatePubliccode")
            .WithSummary("Validér en publiccode.yml (brødteksten er filen, UTF-8, højst 1 MiB)")
            .WithDescription("Svarer med valid, den erklærede version og hvert problem med severity (Error/Warning), key (sti, fx description.en.features), line, column og en dansk besked. Tjek der kræver netværket eller filerne ved siden af (logo, skærmbilleder) udføres ikke.")
            .Accepts<string>("application/yaml", "text/yaml", "text/plain")
            .Produces<PublicCodeValidation>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);

        endpoints.MapGet("/api/v1/products/{slug}/publiccode.yml", async (string slug, IOptions<OS2HubOptions> options, PublicCodeExport export, CancellationToken ct) =>
            {
                var result = await export.ExportAsync(slug, options.Value.PublicBaseUrl, ct);
                if (result is null)
                {
                    return Problem(StatusCodes.Status404NotFound, Texts.Get("Api_NotFoundTitle"), Texts.Format("Api_NoProduct", slug));
                }

                return result.Yaml is { } yaml
                    ? Results.Text(yaml, "application/yaml; charset=utf-8")
                    : Results.Problem(title: Texts.Get("PublicCode_MissingTitle"), statusCode: StatusCodes.Status422UnprocessableEntity,
                        detail: Texts.Format("PublicCode_MissingDetail", string.Join("; ", result.Missing)),
                        extensions: new Dictionary<string, object?> { ["missing"] = result.Missing });
            })
            .WithTags("publiccode.yml")
            .WithName("ExportPubliccode")
            .WithSummary("Produktets publiccode.yml (version \"0\") skrevet fra OS2Hubs verificerede data; 422 med listen over det, der mangler")
            .Produces<string>(StatusCodes.Status200OK, "application/yaml")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
    }

    private static async Task<IResult> ValidateAsync(HttpRequest request, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > MaxBytes)
            {
                return Problem(StatusCodes.Status413PayloadTooLarge, Texts.Get("PublicCode_TooLargeTitle"), Texts.Get("PublicCode_TooLarge"));
            }
        }

        if (buffer.Length == 0)
        {
            return Problem(StatusCodes.Status400BadRequest, Texts.Get("PublicCode_EmptyTitle"), Texts.Get("PublicCode_Empty"));
        }

        string text;
        try
        {
            text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(buffer.GetBuffer(), 0, (int)buffer.Length).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            return Problem(StatusCodes.Status400BadRequest, Texts.Get("PublicCode_NotUtf8Title"), Texts.Get("PublicCode_NotUtf8"));
        }

        var result = PublicCodeValidator.Validate(text);
        // Not YAML, or not a mapping of keys: not a publiccode.yml to validate at all.
        if (result.Version is null && result.Problems is [{ Key: "" } only])
        {
            return Problem(StatusCodes.Status400BadRequest, Texts.Get("PublicCode_NotAFileTitle"), Texts.Format("PublicCode_NotAFile", only.Message, only.Line, only.Column));
        }

        return Results.Ok(result);
    }

    private static IResult Problem(int status, string title, string detail) => Results.Problem(detail: detail, title: title, statusCode: status);
}
