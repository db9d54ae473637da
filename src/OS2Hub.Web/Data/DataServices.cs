using Microsoft.EntityFrameworkCore;

namespace OS2Hub.Web.Data;

public static class DataServices
{
    /// <summary>The database (SQLite file from settings) and the clock.</summary>
    public static IServiceCollection AddHubData(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var section = configuration.GetSection(OS2HubOptions.Section);
        services.Configure<OS2HubOptions>(section);
        var options = section.Get<OS2HubOptions>() ?? new OS2HubOptions();
        var databasePath = Path.GetFullPath(options.DatabasePath, environment.ContentRootPath);
        Directory.CreateDirectory(Path.GetDirectoryName(databasePath)!);

        // A factory, not a scoped context: a Blazor circuit lives long and one context per operation keeps it thread-safe.
        services.AddDbContextFactory<OS2HubDbContext>(o => o.UseSqlite($"Data Source={databasePath}"));
        services.AddSingleton(TimeProvider.System);
        return services;
    }
}
