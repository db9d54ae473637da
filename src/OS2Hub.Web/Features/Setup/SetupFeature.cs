using OS2Hub.Web.Data;
namespace OS2Hub.Web.Features.Setup;

public static class SetupFeature
{
    /// <summary>What runs before the server takes requests: migrations, reference data, demo data and accounts.</summary>
    public static IServiceCollection AddSetup(this IServiceCollection services) => services
        .AddScoped<ReferenceDataLoader>()
        .AddScoped<DemoDataLoader>()
        .AddScoped<GeneratedCatalogue>()
        .AddHostedService<DatabaseInitializer>();
}
