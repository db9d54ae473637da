using OS2Hub.Web.Features.Email;
using OS2Hub.Web.Features.Operations;

namespace OS2Hub.Web.Features.Following;

public static class FollowingFeature
{
    /// <summary>Following products: the choices, the notices in the hub, and the e-mail digests.</summary>
    public static IServiceCollection AddFollowing(this IServiceCollection services) => services
        .AddScoped<FollowService>()
        .AddScoped<FollowNotifier>()
        .AddScoped<DigestService>()
        .AddPeriodicWork<DigestService>(TimeSpan.FromMinutes(5), (digests, ct) => digests.SendDueAsync(ct));

    public static void MapFollowing(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapOneClickStop(DigestService.StopPath, "/afmeld/sammendrag", "Unsubscribe_DigestDone", (services, token, ct) => services.GetRequiredService<DigestService>().StopAsync(token, ct));
}
