using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace OS2Hub.Web.Data;

/// <summary>
/// The database's refusals that services turn into messages, recognised by the provider's error code, never by the
/// wording of its message. SQLite gives extended result codes; PostgreSQL gives SQLSTATE, which every
/// <see cref="DbException"/> exposes.
/// </summary>
public static class DbErrors
{
    private const int SqliteConstraintUnique = 2067;
    private const int SqliteConstraintPrimaryKey = 1555;
    private const int SqliteConstraintTrigger = 1811; // only the overlap trigger raises it
    private const string PostgresUniqueViolation = "23505";
    private const string PostgresExclusionViolation = "23P01";

    /// <summary>A unique index refused the row: another request or row got there first.</summary>
    public static bool IsUniqueViolation(DbUpdateException e) => e?.InnerException switch
    {
        SqliteException s => s.SqliteExtendedErrorCode is SqliteConstraintUnique or SqliteConstraintPrimaryKey,
        DbException d => d.SqlState == PostgresUniqueViolation,
        _ => false,
    };

    /// <summary>Two membership periods of one authority in one product would overlap.</summary>
    public static bool IsOverlappingMembership(DbUpdateException e) => e?.InnerException switch
    {
        SqliteException s => s.SqliteExtendedErrorCode == SqliteConstraintTrigger,
        DbException d => d.SqlState == PostgresExclusionViolation,
        _ => false,
    };
}
