using Microsoft.EntityFrameworkCore;

namespace OS2Hub.Web.Data;

public static class DataServices
{
    /// <summary>The database chosen in settings and the clock.</summary>
    public static IServiceCollection AddHubData(this IServiceCollection services, IConfiguration configuration, HubDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        services.Configure<OS2HubOptions>(configuration.GetSection(OS2HubOptions.Section));
        services.AddSingleton(database);

        // A factory, not a scoped context: a Blazor circuit lives long and one context per operation keeps it thread-safe.
        if (database.IsPostgreSql)
        {
            services.AddDbContextFactory<OS2HubDbContext, PostgreSqlContextFactory>(o => o.UseNpgsql(database.ConnectionString));
        }
        else
        {
            services.AddDbContextFactory<OS2HubDbContext>(o => o.UseSqlite(database.ConnectionString));
        }

        services.AddSingleton(TimeProvider.System);
        return services;
    }

    /// <summary>Makes the PostgreSQL context, so everything that asks for the hub's context gets the PostgreSQL model.</summary>
    private sealed class PostgreSqlContextFactory(DbContextOptions<OS2HubDbContext> options) : IDbContextFactory<OS2HubDbContext>
    {
        public OS2HubDbContext CreateDbContext() => new PostgreSqlHubDbContext(options);
    }
}
