using OS2Hub.Web.Features.Email;

namespace OS2Hub.Web.Features.Following;

public static class FollowingFeature
{
    /// <summary>Following products: the choices, the notices in the hub, and the e-mail digests.</summary>
    public static IServiceCollection AddFollowing(this IServiceCollection services) => services
        .AddScoped<FollowService>()
        .AddScoped<FollowNotifier>()
        .AddScoped<DigestService>()
        .AddHostedService<DigestWorker>();

    public static void MapFollowing(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapOneClickStop(DigestService.StopPath, "/afmeld/sammendrag", "Unsubscribe_DigestDone", (services, token, ct) => services.GetRequiredService<DigestService>().StopAsync(token, ct));
}
