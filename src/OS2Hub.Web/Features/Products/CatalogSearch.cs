using Microsoft.EntityFrameworkCore;
using OS2Hub.Web.Data;
using OS2Hub.Web.Data.Entities;

namespace OS2Hub.Web.Features.Products;

/// <summary>
/// The catalogue's searchable text: a folded copy of each product's name, summary, description, category and current
/// suppliers (<see cref="TextFolding.SearchKey"/>), kept in the database and matched word by word as substrings in
/// the in-memory catalogue (<see cref="CatalogQueryRunner"/>). Substrings handle queries of one or two letters, which
/// a trigram index cannot.
/// </summary>
public static class CatalogSearch
{
    /// <summary>The folded name used for ranking: without the shared "OS2" prefix.</summary>
    public static string RankingName(string name)
    {
        var folded = TextFolding.SearchKey(name);
        return folded.StartsWith("os2", StringComparison.Ordinal) && folded.Length > 3 ? folded[3..].TrimStart() : folded;
    }

    /// <summary>
    /// Recomputes the search text of products whose text is empty: a migration that changes how text is folded
    /// empties the column, and the next start fills it again with the new key (a product's name is never empty,
    /// so a current row never looks stale).
    /// </summary>
    public static async Task RefreshStaleAsync(OS2HubDbContext db, CancellationToken ct = default) =>
        await RefreshAsync(db, await db.Products.Where(p => p.SearchText == "").Select(p => p.Id).ToListAsync(ct), ct);

    /// <summary>Recomputes the folded search text of the given products. Call after any change to what it covers.</summary>
    public static async Task RefreshAsync(OS2HubDbContext db, IReadOnlyCollection<int> productIds, CancellationToken ct = default)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        foreach (var chunk in productIds.Chunk(500))
        {
            var products = await db.Products
                .Include(p => p.Category)
                .Include(p => p.Participations.Where(x => x.Kind == ParticipationKind.Supplier)).ThenInclude(x => x.Organisation)
                .Where(p => chunk.Contains(p.Id))
                .ToListAsync(ct);
            foreach (var product in products)
            {
                // The context may already track other participations (a caller's new membership): filter again.
                var suppliers = product.Participations
                    .Where(x => x.Kind == ParticipationKind.Supplier && x.IsCurrentOn(today))
                    .Select(x => x.Organisation!.Name).Distinct();
                product.SearchName = RankingName(product.Name);
                product.SearchText = TextFolding.SearchKey(
                    [product.Name, product.ReferenceKey, product.Summary, product.Description, product.Category?.Name, .. suppliers]);
            }

            await db.SaveChangesAsync(ct);
        }
    }
}
