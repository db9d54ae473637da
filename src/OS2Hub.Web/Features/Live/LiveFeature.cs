using OS2Hub.Web.Data;

namespace OS2Hub.Web.Features.Live;

public static class LiveFeature
{
    /// <summary>Live events in the process on SQLite, through LISTEN/NOTIFY on PostgreSQL.</summary>
    public static IServiceCollection AddLiveEvents(this IServiceCollection services, HubDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        if (database.IsPostgreSql)
        {
            services.AddSingleton<PostgreSqlLiveEvents>();
            services.AddSingleton<LiveEvents>(sp => sp.GetRequiredService<PostgreSqlLiveEvents>());
            services.AddHostedService<PostgreSqlLiveListener>();
        }
        else
        {
            services.AddSingleton<LiveEvents, InProcessLiveEvents>();
        }

        return services;
    }
}
