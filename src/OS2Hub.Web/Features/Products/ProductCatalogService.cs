using Microsoft.EntityFrameworkCore;
using OS2Hub.Web.Data;
using OS2Hub.Web.Data.Entities;

namespace OS2Hub.Web.Features.Products;

/// <summary>
/// The catalogue query: search, filters with their counts, sorting and one page of results. It runs in memory over a
/// <see cref="CatalogSnapshot"/> of the catalogue, shared by every request of the instance. The snapshot is rebuilt
/// when the database's catalogue stamp has moved (triggers on products, participations, categories and organisations
/// raise it, whoever writes and on whichever instance) or the day has changed (what is current depends on the day);
/// a query reads the stamp, one row, and touches no other table.
/// </summary>
public sealed class ProductCatalogService(IDbContextFactory<OS2HubDbContext> dbFactory, TimeProvider clock) : IDisposable
{
    private readonly SemaphoreSlim _building = new(1, 1);
    private volatile CatalogSnapshot? _snapshot;
    private long _checkedAtTicks; // when the snapshot was last found current, read and written whole

    public async Task<CatalogResult> SearchAsync(CatalogQuery query, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        return CatalogQueryRunner.Run(await SnapshotAsync(ct), query, withFacets: true);
    }

    /// <summary>
    /// The query answered at once from the snapshot, when it was checked against the database no longer than
    /// <paramref name="maxAge"/> ago (a prerendering just did); otherwise null, and the caller asks <see cref="SearchAsync"/>.
    /// </summary>
    public CatalogResult? TryRecent(CatalogQuery query, TimeSpan maxAge)
    {
        ArgumentNullException.ThrowIfNull(query);
        var now = clock.GetUtcNow();
        return _snapshot is { } snapshot && now.UtcTicks - Interlocked.Read(ref _checkedAtTicks) <= maxAge.Ticks && snapshot.Day == DateOnly.FromDateTime(now.UtcDateTime)
            ? CatalogQueryRunner.Run(snapshot, query, withFacets: true)
            : null;
    }

    /// <summary>The results without the facets' counts, which are most of the work: for the API, which has no filter panel.</summary>
    public async Task<CatalogResult> ResultsAsync(CatalogQuery query, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        return CatalogQueryRunner.Run(await SnapshotAsync(ct), query, withFacets: false);
    }

    /// <summary>The catalogue as of now: the shared snapshot, or a new one when the stamp or the day has moved.</summary>
    public async Task<CatalogSnapshot> SnapshotAsync(CancellationToken ct = default)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // The stamp is read before the catalogue: a change in between makes the next query build again, never miss it.
        var stamp = await CatalogStamp.ReadAsync(db, ct);
        if (_snapshot is { } ready && ready.Stamp == stamp && ready.Day == today)
        {
            Interlocked.Exchange(ref _checkedAtTicks, clock.GetUtcNow().UtcTicks);
            return ready;
        }

        await _building.WaitAsync(ct);
        try
        {
            if (_snapshot is { } built && built.Stamp == stamp && built.Day == today)
            {
                return built; // another request built it while this one waited
            }

            _snapshot = await CatalogSnapshot.BuildAsync(db, stamp, today, ct);
            Interlocked.Exchange(ref _checkedAtTicks, clock.GetUtcNow().UtcTicks);
            return _snapshot;
        }
        finally
        {
            _building.Release();
        }
    }

    public void Dispose() => _building.Dispose();
}
