using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using OS2Hub.Web.Data;
using OS2Hub.Web.Data.Entities;

namespace OS2Hub.Web.Features.Products;

/// <summary>
/// The catalogue's text search, and the one seam where search meets the database. It keeps a folded copy of each
/// product's searchable text (<see cref="TextFolding"/>) and matches each query word as a substring of it. Substring
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

    /// <summary>Orders by how many of the words occur in the name, so name matches come before description matches.</summary>
    public static IOrderedQueryable<Product> OrderByRelevance(IQueryable<Product> products, IReadOnlyList<string> terms)
    {
        var p = Expression.Parameter(typeof(Product), "p");
        var searchName = Expression.Property(p, nameof(Product.SearchName));
        var contains = typeof(string).GetMethod(nameof(string.Contains), [typeof(string)])!;
        Expression score = Expression.Constant(0);
        foreach (var term in terms)
        {
            // Wrapping the term in a closure makes EF send it as a parameter, not inline SQL text.
            Expression<Func<string>> termValue = () => term;
            var hit = Expression.Call(searchName, contains, termValue.Body);
            score = Expression.Add(score, Expression.Condition(hit, Expression.Constant(1), Expression.Constant(0)));
        }

        return products.OrderByDescending(Expression.Lambda<Func<Product, int>>(score, p));
    }

    /// <summary>Recomputes the folded search text of the given products. Call after any change to what it covers.</summary>
    public static async Task RefreshAsync(OS2HubDbContext db, IReadOnlyCollection<int> productIds, CancellationToken ct = default)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        foreach (var chunk in productIds.Chunk(500))
        {
            var products = await db.Products
                .Include(p => p.Category)
                .Include(p => p.Participations.Where(x => x.Kind == ParticipationKind.Leverandoer)).ThenInclude(x => x.Organisation)
                .Where(p => chunk.Contains(p.Id))
                .ToListAsync(ct);
            foreach (var product in products)
            {
                var suppliers = product.Participations
                    .Where(x => x.IsCurrentOn(today))
                    .Select(x => x.Organisation!.Name).Distinct();
                product.SearchName = TextFolding.Fold($"{product.Name} {product.ReferenceKey}");
                product.SearchText = TextFolding.Fold(string.Join(' ',
                    [product.Name, product.ReferenceKey, product.Summary, product.Description, product.Category?.Name, .. suppliers]));
            }

            await db.SaveChangesAsync(ct);
        }
    }
}
