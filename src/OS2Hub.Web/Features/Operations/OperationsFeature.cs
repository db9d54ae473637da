using System.Net;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.HttpOverrides;

namespace OS2Hub.Web.Features.Operations;

public static class OperationsFeature
{
    private const string Ready = "ready";

    /// <summary>Health checks for whoever runs the hub: a load balancer, systemd or a person with curl.</summary>
    public static IServiceCollection AddOperations(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddHealthChecks().AddCheck<DatabaseReadyCheck>("database", tags: [Ready]);

        // X-Forwarded-For/-Proto are believed only from the proxies named in OS2Hub:Proxy:KnownProxies; from anyone
        // else they are ignored, so a client cannot claim another address (rate limits) or HTTPS (secure cookies).
        var proxies = configuration.GetSection("OS2Hub:Proxy:KnownProxies").Get<string[]>() ?? [];
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var proxy in proxies)
            {
                o.KnownProxies.Add(IPAddress.Parse(proxy));
            }
        });
        return services;
    }

    /// <summary>
    /// One JSON object per line outside Development, for a log collector; readable text on a developer's machine. What
    /// the hub logs carries no e-mail addresses, names or phone numbers (exceptions from e-mail are logged by type only).
    /// </summary>
    public static ILoggingBuilder AddHubLogging(this ILoggingBuilder logging, IHostEnvironment environment)
    {
        if (!environment.IsDevelopment())
        {
            logging.ClearProviders();
            logging.AddJsonConsole(o => (o.TimestampFormat, o.UseUtcTimestamp) = ("O", true));
        }

        return logging;
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
