using Npgsql;
using OS2Hub.Web.Data;

namespace OS2Hub.Web.Features.Setup;

/// <summary>
/// Held while one instance migrates and seeds, so two instances started at the same moment take turns instead of both
/// adding the same reference data. On SQLite it is an exclusive lock on a file beside the database (every process on
/// the machine that opens the database sees it); on PostgreSQL a session advisory lock, which every instance on any
/// machine sees and the server releases if the instance dies holding it.
/// </summary>
public sealed class StartupLock : IAsyncDisposable
{
    // Any fixed number works, as long as nothing else in the database takes the same advisory lock.
    private const long AdvisoryKey = 0x05_32_48_75_62_00_00_01;
    private static readonly TimeSpan s_giveUpAfter = TimeSpan.FromMinutes(5);

    private readonly IAsyncDisposable _held;

    private StartupLock(IAsyncDisposable held) => _held = held;

    public static async Task<StartupLock> AcquireAsync(HubDatabase database, TimeProvider clock, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(database);
        return new StartupLock(database.IsPostgreSql
            ? await AdvisoryLockAsync(database.ConnectionString, ct)
            : await FileLockAsync(database.SqliteFile!, clock, ct));
    }

    private static async Task<IAsyncDisposable> FileLockAsync(string databaseFile, TimeProvider clock, CancellationToken ct)
    {
        var path = databaseFile + ".startup-lock";
        var giveUp = clock.GetUtcNow() + s_giveUpAfter;
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (clock.GetUtcNow() < giveUp)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200), clock, ct);
            }
        }
    }

    private static async Task<IAsyncDisposable> AdvisoryLockAsync(string connectionString, CancellationToken ct)
    {
        // Its own unpooled connection: the lock belongs to the session, which ends when this connection closes.
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync(ct);
        await using var take = new NpgsqlCommand($"SELECT pg_advisory_lock({AdvisoryKey})", connection) { CommandTimeout = (int)s_giveUpAfter.TotalSeconds };
        await take.ExecuteNonQueryAsync(ct);
        return connection;
    }

    public ValueTask DisposeAsync() => _held.DisposeAsync();
}
