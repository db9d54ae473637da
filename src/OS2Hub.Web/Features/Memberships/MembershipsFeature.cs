namespace OS2Hub.Web.Features.Memberships;

public static class MembershipsFeature
{
    /// <summary>Joining: requests, decisions, notifications, agreements, and who the signed-in user is.</summary>
    public static IServiceCollection AddMemberships(this IServiceCollection services) => services
        .AddScoped<JoinWorkflowService>()
        .AddScoped<Notifier>()
        .AddScoped<AgreementStore>()
        .AddScoped<MembershipQueries>()
        .AddScoped<CurrentUser>();

    public static void MapMemberships(this IEndpointRouteBuilder endpoints) => AgreementStore.MapAgreementFiles(endpoints);
}
