using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace OS2Hub.Web.Tests.Infrastructure;

/// <summary>
/// The whole app over a temp-file SQLite database, or a PostgreSQL database when the run uses one (see
/// <see cref="PostgreSqlTestServer"/>), migrated and loaded as at a real start.
/// </summary>
public class HubFactory : WebApplicationFactory<Program>
{
    private readonly string _directory;
    private readonly string? _postgreSqlDatabase;

    public HubFactory()
        : this(Path.Combine(Path.GetTempPath(), "os2hub-tests-" + Guid.NewGuid().ToString("N")), shared: false)
    {
    }

    /// <param name="shared">
    /// Other instances use the same database, named after <paramref name="directory"/>; on PostgreSQL it starts empty,
    /// so the instances migrate and seed it as at a first start.
    /// </param>
    protected HubFactory(string directory, bool shared)
    {
        _directory = directory;
        if (PostgreSqlTestServer.IsConfigured)
        {
            if (shared)
            {
                _postgreSqlDatabase = "os2hub_s_" + Path.GetFileName(directory)[^32..];
                PostgreSqlTestServer.CreateEmpty(_postgreSqlDatabase);
            }
            else
            {
                _postgreSqlDatabase = PostgreSqlTestServer.CloneTemplate();
            }
        }
    }

    protected virtual bool DemoData => true;

    /// <summary>Settings a subclass adds, e.g. identity providers.</summary>
    protected virtual IEnumerable<KeyValuePair<string, string>> ExtraSettings => [];

    /// <summary>Tests make many requests from one address; only the rate-limit tests keep the defaults.</summary>
    protected virtual bool RaiseRateLimits => true;

    /// <summary>Where the app writes e-mails as .eml files (no SMTP host in tests).</summary>
    public string MailFolder => Path.Combine(_directory, "mail");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (_postgreSqlDatabase is null)
        {
            builder.UseSetting("OS2Hub:DatabasePath", Path.Combine(_directory, "os2hub.db"));
        }
        else
        {
            builder.UseSetting("OS2Hub:Database:Provider", "PostgreSql");
            builder.UseSetting("OS2Hub:Database:ConnectionString", PostgreSqlTestServer.ConnectionStringFor(_postgreSqlDatabase));
        }

        builder.UseSetting("OS2Hub:DemoData", DemoData ? "true" : "false");
        builder.UseSetting("OS2Hub:Email:PickupFolder", MailFolder);
        builder.UseEnvironment("Production");
        foreach (var (key, value) in ExtraSettings)
        {
            builder.UseSetting(key, value);
        }

        if (RaiseRateLimits)
        {
            foreach (var limit in new[] { "SignInPerMinute", "PasswordResetPerHour", "SignInPerAccountPerHour", "PasswordResetPerAccountPerHour", "ApiPerMinute", "ValidatorPerMinute" })
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
        if (_postgreSqlDatabase is not null)
        {
            PostgreSqlTestServer.Drop(_postgreSqlDatabase);
        }

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
public sealed class SharedDatabaseHubFactory(string directory) : HubFactory(directory, shared: true);

/// <summary>The app with the rate limits it ships with.</summary>
public sealed class DefaultLimitsHubFactory : HubFactory
{
    protected override bool RaiseRateLimits => false;
}
