namespace OS2Hub.Web.Features.Economy;

public static class EconomyFeature
{
    /// <summary>Fee sheets, quotes, the association's key and the population import.</summary>
    public static IServiceCollection AddEconomy(this IServiceCollection services) => services
        .AddScoped<EconomyService>()
        .AddScoped<AssociationKeyService>()
        .AddScoped<FeeSheetService>()
        .AddScoped<SizeAssessmentService>()
        .AddScoped<PopulationImport>();
}
