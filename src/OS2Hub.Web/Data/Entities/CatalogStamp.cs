using Microsoft.EntityFrameworkCore;

namespace OS2Hub.Web.Data.Entities;

/// <summary>
/// One row whose value database triggers raise on every write to products, participations, categories and
/// organisations, from any instance and any code path (a bulk ExecuteUpdate too). The catalogue's in-memory snapshot
/// compares it to know whether it is still the catalogue.
/// </summary>
public class CatalogStamp
{
    public int Id { get; set; }
    public long Value { get; set; }

    public static async Task<long> ReadAsync(OS2HubDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        return await db.CatalogStamps.AsNoTracking().Where(s => s.Id == 1).Select(s => s.Value).FirstOrDefaultAsync(ct);
    }
}
