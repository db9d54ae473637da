using OS2Hub.Web.Features.Economy;
using OS2Hub.Web.Features.Partners;
using OS2Hub.Web.Features.PublicCode;

namespace OS2Hub.Web.Features.Api;

public static class ApiFeature
{
    /// <summary>The open data API: enums as their names, problem details, and an OpenAPI document limited to /api.</summary>
    public static IServiceCollection AddOpenDataApi(this IServiceCollection services)
    {
        services.AddScoped<OpenDataService>();
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));
        services.AddProblemDetails();
        services.AddOpenApi("v1", o =>
        {
            o.ShouldInclude = d => d.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true;
            o.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "OS2Hub – åbne data";
                // No server list: the document is read from the server it describes, and the reference page then shows no unlabelled server picker.
                document.Servers = [];
                document.Info.Description = "Offentlige fakta om OS2's produkter og organisationer: medejere, leverandører og roller, modenhed, licens, links og kilder. Ingen personoplysninger. Datoer i ISO 8601, licenser som SPDX, kommune- og regionskoder som 4-cifrede tekster. Når demodata er slået til, siger svarene det (demoData).";
                return Task.CompletedTask;
            });
        });
        return services;
    }

    /// <summary>Every /api endpoint and file download, the OpenAPI document and its browsable reference.</summary>
    public static void MapOpenDataApi(this WebApplication app)
    {
        app.MapPartnerExports();
        app.MapOpenApi();
        app.MapPublicCodeApi();
        app.MapEconomy();
        OpenDataEndpoints.MapOpenDataApi(app);
        // A browsable reference for the OpenAPI document, served from the package's own files (no CDN).
        app.UseSwaggerUI(o =>
        {
            o.RoutePrefix = "api/reference";
            o.SwaggerEndpoint("/openapi/v1.json", "OS2Hub v1");
            o.DocumentTitle = "OS2Hub – API-reference";
            o.InjectStylesheet("/css/api-reference.css");
        });
    }
}
