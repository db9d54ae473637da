using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace OS2Hub.Web.Tests.Infrastructure;

/// <summary>The whole app over a temp-file SQLite database, migrated and loaded as at a real start.</summary>
public class HubFactory : WebApplicationFactory<Program>
{
    private readonly string _directory;

    public HubFactory()
        : this(Path.Combine(Path.GetTempPath(), "os2hub-tests-" + Guid.NewGuid().ToString("N")))
    {
    }

    protected HubFactory(string directory) => _directory = directory;

    protected virtual bool DemoData => true;

    /// <summary>Tests make many requests from one address; only the rate-limit tests keep the defaults.</summary>
    protected virtual bool RaiseRateLimits => true;

    /// <summary>Where the app writes e-mails as .eml files (no SMTP host in tests).</summary>
    public string MailFolder => Path.Combine(_directory, "mail");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseSetting("OS2Hub:DatabasePath", Path.Combine(_directory, "os2hub.db"));
        builder.UseSetting("OS2Hub:DemoData", DemoData ? "true" : "false");
        builder.UseSetting("OS2Hub:Email:PickupFolder", MailFolder);
        builder.UseEnvironment("Production");
        if (RaiseRateLimits)
        {
            foreach (var limit in new[] { "SignInPerMinute", "PasswordResetPerHour", "ApiPerMinute", "ValidatorPerMinute" })
            {
                builder.UseSetting($"OS2Hub:RateLimits:{limit}", "100000");
            }
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        GC.SuppressFinalize(this);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}

public sealed class RealDataHubFactory : HubFactory
{
    protected override bool DemoData => false;
}

/// <summary>An app instance on the database in <paramref name="directory"/>, which another instance shares.</summary>
public sealed class SharedDatabaseHubFactory(string directory) : HubFactory(directory);

/// <summary>The app with the rate limits it ships with.</summary>
public sealed class DefaultLimitsHubFactory : HubFactory
{
    protected override bool RaiseRateLimits => false;
}
