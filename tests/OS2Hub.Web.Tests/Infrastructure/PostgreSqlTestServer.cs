using Microsoft.EntityFrameworkCore;
using Npgsql;
using OS2Hub.Web.Data;

namespace OS2Hub.Web.Tests.Infrastructure;

/// <summary>
/// The PostgreSQL server the tests may use, named by <c>OS2HUB_TEST_POSTGRES</c> (a connection string without a
/// database, e.g. <c>Host=127.0.0.1;Port=55432;Username=os2hub</c>). Migrating a database takes seconds, so the run
/// migrates one template once and each test gets a clone of it, which takes a fraction of that.
/// </summary>
public static class PostgreSqlTestServer
{
    public const string Variable = "OS2HUB_TEST_POSTGRES";

    private static readonly Lazy<string> s_template = new(CreateTemplate, LazyThreadSafetyMode.ExecutionAndPublication);

    public static bool IsConfigured => !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(Variable));

    public static string ConnectionStringFor(string database) =>
        new NpgsqlConnectionStringBuilder(Environment.GetEnvironmentVariable(Variable)) { Database = database }.ConnectionString;

    /// <summary>A new database with every migration applied and nothing loaded.</summary>
    public static string CloneTemplate()
    {
        var name = "os2hub_t_" + Guid.NewGuid().ToString("N");
        Execute($"""CREATE DATABASE "{name}" TEMPLATE "{s_template.Value}" """);
        return name;
    }

    /// <summary>An empty database for app instances to migrate themselves; a second call for the same name finds it made.</summary>
    public static void CreateEmpty(string name)
    {
        try
        {
            Execute($"""CREATE DATABASE "{name}" """);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.DuplicateDatabase)
        {
        }
    }

    public static void Drop(string name)
    {
        using (var connection = new NpgsqlConnection(ConnectionStringFor(name)))
        {
            NpgsqlConnection.ClearPool(connection);
        }

        Execute($"""DROP DATABASE IF EXISTS "{name}" WITH (FORCE)""");
    }

    private static string CreateTemplate()
    {
        var name = $"os2hub_template_{Environment.ProcessId}_{Guid.NewGuid():N}"[..50];
        Execute($"""CREATE DATABASE "{name}" """);
        // Unpooled: a clone is refused while any connection to its template is open.
        var options = new DbContextOptionsBuilder<OS2HubDbContext>()
            .UseNpgsql(new NpgsqlConnectionStringBuilder(ConnectionStringFor(name)) { Pooling = false }.ConnectionString).Options;
        using (var db = new PostgreSqlHubDbContext(options))
        {
            db.Database.Migrate();
        }

        AppDomain.CurrentDomain.ProcessExit += (_, _) => Drop(name);
        return name;
    }

    private static void Execute(string sql)
    {
        using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ConnectionStringFor("postgres")) { Pooling = false }.ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
