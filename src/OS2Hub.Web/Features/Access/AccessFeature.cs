namespace OS2Hub.Web.Features.Access;

public static class AccessFeature
{
    /// <summary>Who the signed-in user is inside a circuit, and what their grants allow.</summary>
    public static IServiceCollection AddAccess(this IServiceCollection services) => services
        .AddScoped<AccessService>()
        .AddScoped<CurrentUser>();
}
