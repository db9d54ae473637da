namespace OS2Hub.Web.Features.PublicCode;

public static class PublicCodeFeature
{
    /// <summary>publiccode.yml export and import (the validator is static).</summary>
    public static IServiceCollection AddPublicCode(this IServiceCollection services) => services
        .AddScoped<PublicCodeExport>()
        .AddScoped<PublicCodeImport>();
}
