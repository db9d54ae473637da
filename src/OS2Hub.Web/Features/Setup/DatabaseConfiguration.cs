using Npgsql;
using OS2Hub.Web.Data;
using OS2Hub.Web.Features.Localization;

namespace OS2Hub.Web.Features.Setup;

/// <summary>
/// Reads <c>OS2Hub:Database:Provider</c> (Sqlite, the default, or PostgreSql) with <c>OS2Hub:DatabasePath</c> or
/// <c>OS2Hub:Database:ConnectionString</c>. A setting that cannot work stops the start with one sentence that names it.
/// </summary>
public static class DatabaseConfiguration
{
    /// <param name="contentRoot">What a relative SQLite path is relative to.</param>
    public static HubDatabase Read(IConfiguration configuration, string contentRoot)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var provider = configuration["OS2Hub:Database:Provider"];
        if (string.IsNullOrWhiteSpace(provider) || provider.Equals(nameof(DatabaseProvider.Sqlite), StringComparison.OrdinalIgnoreCase))
        {
            var path = configuration["OS2Hub:DatabasePath"];
            return HubDatabase.Sqlite(Path.GetFullPath(string.IsNullOrWhiteSpace(path) ? new OS2HubOptions().DatabasePath : path, contentRoot));
        }

        if (!provider.Equals(nameof(DatabaseProvider.PostgreSql), StringComparison.OrdinalIgnoreCase))
        {
            throw new SetupException(Texts.Format("Setup_Error_UnknownProvider", provider));
        }

        var connectionString = configuration["OS2Hub:Database:ConnectionString"];
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new SetupException(Texts.Get("Setup_Error_NoConnectionString"));
        }

        try
        {
            _ = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException)
        {
            // The parser's message may quote the string, password and all, so it is not passed on.
            throw new SetupException(Texts.Get("Setup_Error_BadConnectionString"));
        }

        return HubDatabase.PostgreSql(connectionString);
    }

    /// <summary>Where the database is, for a message: the file, or the server and database without the password.</summary>
    public static string Describe(HubDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        if (!database.IsPostgreSql)
        {
            return database.SqliteFile!;
        }

        var b = new NpgsqlConnectionStringBuilder(database.ConnectionString);
        return $"{b.Host}:{b.Port}/{b.Database}";
    }
}

/// <summary>A start-up that cannot go on because of a setting or the database; the message says which, in one sentence.</summary>
public sealed class SetupException(string message, Exception? inner = null) : Exception(message, inner);
