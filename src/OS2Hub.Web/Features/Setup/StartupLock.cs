namespace OS2Hub.Web.Features.Setup;

/// <summary>
/// Held while one instance migrates and seeds, so two instances started at the same moment take turns instead of both
/// adding the same reference data. For SQLite it is an exclusive lock on a file beside the database (every process on
/// the machine that opens the database sees it); a PostgreSQL provider will use an advisory lock instead.
/// </summary>
public sealed class StartupLock : IAsyncDisposable
{
    private readonly FileStream _file;

    private StartupLock(FileStream file) => _file = file;

    public static async Task<StartupLock> AcquireAsync(string databasePath, TimeProvider clock, CancellationToken ct)
    {
        var path = databasePath + ".startup-lock";
        var giveUp = clock.GetUtcNow().AddMinutes(5);
        while (true)
        {
            try
            {
                return new StartupLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
            }
            catch (IOException) when (clock.GetUtcNow() < giveUp)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200), clock, ct);
            }
        }
    }

    public ValueTask DisposeAsync() => _file.DisposeAsync();
}
