namespace OS2Hub.Web.Data;

public enum DatabaseProvider
{
    Sqlite,
    PostgreSql,
}

/// <summary>
/// Which database the hub runs on, read once from settings at start-up: a SQLite file (the embedded default, one
/// machine) or a PostgreSQL server (several instances).
/// </summary>
/// <param name="SqliteFile">The full path of the SQLite file; null on PostgreSQL.</param>
public sealed record HubDatabase(DatabaseProvider Provider, string ConnectionString, string? SqliteFile)
{
    public bool IsPostgreSql => Provider == DatabaseProvider.PostgreSql;

    public static HubDatabase Sqlite(string file) => new(DatabaseProvider.Sqlite, $"Data Source={file}", file);

    public static HubDatabase PostgreSql(string connectionString) => new(DatabaseProvider.PostgreSql, connectionString, null);
}
