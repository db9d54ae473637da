namespace OS2Hub.Web.Features.Organisations;

public static class OrganisationsFeature
{
    /// <summary>The organisation list and pages, and the front page's key figures.</summary>
    public static IServiceCollection AddOrganisations(this IServiceCollection services) => services
        .AddScoped<OrganisationService>()
        .AddScoped<Home.HomeService>();
}
