using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace OS2Hub.Web.Features.Operations;

public static class OperationsFeature
{
    private const string Ready = "ready";

    /// <summary>Health checks for whoever runs the hub: a load balancer, systemd or a person with curl.</summary>
    public static IServiceCollection AddOperations(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck<DatabaseReadyCheck>("database", tags: [Ready]);
        return services;
    }

    /// <summary>
    /// <c>/health/live</c>: the process answers (no checks run). <c>/health/ready</c>: the database answers and is
    /// migrated. Both answer with one word and a status code, nothing else.
    /// </summary>
    public static void MapOperations(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).DisableHttpMetrics();
        endpoints.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains(Ready) }).DisableHttpMetrics();
    }
}
