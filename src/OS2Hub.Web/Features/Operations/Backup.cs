using Microsoft.Data.Sqlite;
using OS2Hub.Web.Data;
using OS2Hub.Web.Features.Localization;
using OS2Hub.Web.Features.Setup;

namespace OS2Hub.Web.Features.Operations;

/// <summary>
/// <c>dotnet OS2Hub.Web.dll backup &lt;file&gt;</c>: a consistent copy of the SQLite database while the hub runs.
/// SQLite's online backup copies the pages under a read transaction, so writers may go on and the copy is one moment's
/// database, unlike a file copy of a database in WAL mode. PostgreSQL is backed up with pg_dump (see the README).
/// </summary>
public static class Backup
{
    public static bool IsRequested(string[] args) => args is ["backup", _];

    /// <summary>Writes the copy and returns the process's exit code; an existing file is never overwritten.</summary>
    public static int Run(string[] args, IConfiguration configuration, string contentRoot, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        using var danish = Texts.In("da");
        HubDatabase database;
        try
        {
            database = DatabaseConfiguration.Read(configuration, contentRoot);
        }
        catch (SetupException e)
        {
            output.WriteLine(e.Message);
            return 1;
        }

        if (database.IsPostgreSql)
        {
            output.WriteLine(Texts.Get("Backup_PostgreSql"));
            return 1;
        }

        var source = database.SqliteFile!;
        var target = Path.GetFullPath(args[1]);
        if (!File.Exists(source))
        {
            output.WriteLine(Texts.Format("Backup_NoDatabase", source));
            return 1;
        }

        if (File.Exists(target))
        {
            output.WriteLine(Texts.Format("Backup_Exists", target));
            return 1;
        }

        using (var from = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = source, Mode = SqliteOpenMode.ReadOnly }.ToString()))
        using (var to = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = target, Pooling = false }.ToString()))
        {
            from.Open();
            to.Open();
            from.BackupDatabase(to);
        }

        output.WriteLine(Texts.Format("Backup_Done", target));
        return 0;
    }
}
