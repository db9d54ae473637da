namespace OS2Hub.Web.Features.Partners;

public static class PartnersFeature
{
    /// <summary>Partner lists for supplier contacts, produktkoordinatorer and the secretariat.</summary>
    public static IServiceCollection AddPartners(this IServiceCollection services) => services.AddScoped<PartnerService>();
}
