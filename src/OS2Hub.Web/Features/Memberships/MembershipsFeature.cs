namespace OS2Hub.Web.Features.Memberships;

public static class MembershipsFeature
{
    /// <summary>Joining: requests, decisions, notifications, agreements.</summary>
    public static IServiceCollection AddMemberships(this IServiceCollection services) => services
        .AddScoped<JoinWorkflowService>()
        .AddScoped<Notifier>()
        .AddScoped<AgreementStore>()
        .AddScoped<MembershipQueries>();

    public static void MapMemberships(this IEndpointRouteBuilder endpoints) => AgreementStore.MapAgreementFiles(endpoints);
}
