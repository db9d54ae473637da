using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using OS2Hub.Web.Data;
using OS2Hub.Web.Data.Entities;

namespace OS2Hub.Web.Features.Products;

/// <summary>
/// The catalogue's text search, and the one seam where search meets the database. It keeps a folded copy of each
/// product's searchable text (<see cref="TextFolding.SearchKey"/>) and matches each query word as a substring of it. Substring
/// search with plain LINQ <c>Contains</c> runs on SQLite (instr) and PostgreSQL (strpos) alike, handles queries of
/// one or two letters (which a trigram full-text index cannot), and a linear scan of 5,000 short rows is fast
/// enough (see the benchmark). If the catalogue grows far beyond that, an FTS5 or pg_trgm index belongs here.
/// </summary>
public static class CatalogSearch
{
    public static IQueryable<Product> Match(IQueryable<Product> products, IReadOnlyList<string> terms)
    {
        foreach (var term in terms)
        {
            products = products.Where(p => p.SearchText.Contains(term));
        }

        return products;
    }

    /// <summary>
    /// Orders name matches before description matches: per word, an exact name scores most, then a name that starts
    /// with the word, then one that contains it. The name is compared without its "OS2" brand prefix, which every
    /// product shares, so "mo" is an exact hit on OS2mo rather than one of many names containing "mo".
    /// </summary>
    public static IOrderedQueryable<Product> OrderByRelevance(IQueryable<Product> products, IReadOnlyList<string> terms)
    {
        var p = Expression.Parameter(typeof(Product), "p");
        var searchName = Expression.Property(p, nameof(Product.SearchName));
        var contains = typeof(string).GetMethod(nameof(string.Contains), [typeof(string)])!;
        var startsWith = typeof(string).GetMethod(nameof(string.StartsWith), [typeof(string)])!;
        Expression score = Expression.Constant(0);
        foreach (var term in terms)
        {
            // Wrapping the term in a closure makes EF send it as a parameter, not inline SQL text.
            Expression<Func<string>> termValue = () => term;
            score = Add(score, Expression.Equal(searchName, termValue.Body), 4);
            score = Add(score, Expression.Call(searchName, startsWith, termValue.Body), 2);
            score = Add(score, Expression.Call(searchName, contains, termValue.Body), 1);
        }

        return products.OrderByDescending(Expression.Lambda<Func<Product, int>>(score, p));

        static Expression Add(Expression score, Expression hit, int points) =>
            Expression.Add(score, Expression.Condition(hit, Expression.Constant(points), Expression.Constant(0)));
    }

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
