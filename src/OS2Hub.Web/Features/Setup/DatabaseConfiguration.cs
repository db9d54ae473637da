using System.Data.Common;
using System.Net.Sockets;
using Microsoft.Data.Sqlite;
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

    /// <summary>
    /// Opens one plain connection before the host is built, so an unreachable database stops the start with a sentence
    /// that says where it was looked for, rather than with the host's failure log and a stack trace.
    /// </summary>
    public static async Task CheckReachableAsync(HubDatabase database, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(database);
        try
        {
            if (database.IsPostgreSql)
            {
                var builder = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Pooling = false };
                await using var connection = new NpgsqlConnection(builder.ConnectionString);
                await connection.OpenAsync(ct);
            }
            else
            {
                Directory.CreateDirectory(Path.GetDirectoryName(database.SqliteFile)!);
                await using var connection = new SqliteConnection(database.ConnectionString);
                await connection.OpenAsync(ct);
            }
        }
        catch (Exception e) when (e is DbException or SocketException or TimeoutException or IOException or UnauthorizedAccessException)
        {
            throw new SetupException(Texts.Format("Setup_Error_DatabaseUnreachable", Describe(database), e.Message), e);
        }
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
