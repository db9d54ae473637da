using Microsoft.EntityFrameworkCore;
using OS2Hub.Web.Data;
using OS2Hub.Web.Data.Entities;
using OS2Hub.Web.Features.Access;
using OS2Hub.Web.Features.Community;
using OS2Hub.Web.Features.Questions;

namespace OS2Hub.Web.Features.Search;

public enum SearchKind
{
    Products,
    Organisations,
    Wishes,
    News,
    Decisions,
    Documents,
    Questions,
}

public sealed record SearchHit(string Title, string Path, string? Context);

public sealed record SearchGroup(SearchKind Kind, int Total, IReadOnlyList<SearchHit> Hits);

/// <summary>
/// One search box for the whole hub. Every word must occur (folded the Danish way, as in the catalogue), and each kind
/// keeps only what this reader may see now: public items for everyone, closed items and threads only for the
/// product's insiders (and a thread's asker), hidden wishes and posts for nobody but the deciders.
/// </summary>
public sealed class SearchService(IDbContextFactory<OS2HubDbContext> dbFactory, TimeProvider clock)
{
    public const int PerGroup = 10;
    public const int MaxQuery = 200;

    public async Task<IReadOnlyList<SearchGroup>> SearchAsync(string? userId, string? query, CancellationToken ct = default)
    {
        var words = TextFolding.Fold(query?.Length > MaxQuery ? query[..MaxQuery] : query).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
        {
            return [];
        }

        bool Matches(params string?[] texts) => TextFolding.Fold(string.Join(' ', texts)) is var folded && words.All(w => folded.Contains(w, StringComparison.Ordinal));

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var access = await AccessService.ForAsync(db, userId, ct);
        var scope = await CommunityService.ScopeAsync(db, access, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), ct);
        var groups = new List<SearchGroup>();
        void Add(SearchKind kind, IEnumerable<SearchHit> hits)
        {
            var all = hits.ToList();
            if (all.Count > 0)
            {
                groups.Add(new SearchGroup(kind, all.Count, all.Take(PerGroup).ToList()));
            }
        }

        var products = await db.Products.AsNoTracking().OrderBy(p => p.Name).Select(p => new { p.Slug, p.Name, p.Summary }).ToListAsync(ct);
        Add(SearchKind.Products, products.Where(p => Matches(p.Name, p.Summary)).Select(p => new SearchHit(p.Name, $"/produkter/{p.Slug}", p.Summary)));

        var organisations = await db.Organisations.AsNoTracking().OrderBy(o => o.Name).Select(o => new { o.Slug, o.Name, o.Code }).ToListAsync(ct);
        Add(SearchKind.Organisations, organisations.Where(o => Matches(o.Name, o.Code)).Select(o => new SearchHit(o.Name, $"/organisationer/{o.Slug}", null)));

        var wishes = await db.Wishes.AsNoTracking().Where(w => w.HiddenAt == null).OrderByDescending(w => w.CreatedAt)
            .Select(w => new { w.Id, w.Title, w.Need, w.Description, w.Product!.Slug, Product = w.Product.Name }).ToListAsync(ct);
        Add(SearchKind.Wishes, wishes.Where(w => Matches(w.Title, w.Need, w.Description)).Select(w => new SearchHit(w.Title, $"/produkter/{w.Slug}/oensker/{w.Id}", w.Product)));

        var news = await db.NewsItems.AsNoTracking().OrderByDescending(n => n.PublishedOn)
            .Select(n => new { n.Id, n.ProductId, n.Title, n.Text, n.Version, n.Visibility, n.SuppliersMayRead, n.Product!.Slug, Product = n.Product.Name }).ToListAsync(ct);
        Add(SearchKind.News, news.Where(n => scope.MayRead(n.ProductId, n.Visibility, n.SuppliersMayRead) && Matches(n.Title, n.Version, n.Text))
            .Select(n => new SearchHit(n.Version is null ? n.Title : $"{n.Version}: {n.Title}", $"/produkter/{n.Slug}/nyt#nyt-{n.Id}", n.Product)));

        var decisions = await db.DecisionEntries.AsNoTracking().Where(d => d.RedactedAt == null).OrderByDescending(d => d.DecidedOn)
            .Select(d => new { d.Id, d.ProductId, d.Summary, d.Reasoning, d.BodyName, d.Visibility, d.SuppliersMayRead, Slug = d.Product!.Slug, Product = d.Product.Name }).ToListAsync(ct);
        Add(SearchKind.Decisions, decisions.Where(d => (d.ProductId is { } p ? scope.MayRead(p, d.Visibility, d.SuppliersMayRead) : d.Visibility == ItemVisibility.Public || scope.All || scope.Inside.Count > 0)
                && Matches(d.Summary, d.Reasoning, d.BodyName))
            .Select(d => new SearchHit(d.Summary, d.ProductId is null ? $"/os2/beslutninger#beslutning-{d.Id}" : $"/produkter/{d.Slug}/beslutninger#beslutning-{d.Id}", d.ProductId is null ? null : d.Product)));

        var documents = await db.ProductDocuments.AsNoTracking().OrderBy(d => d.Title)
            .Select(d => new { d.Id, d.ProductId, d.Title, d.Visibility, d.SuppliersMayRead, d.Product!.Slug, Product = d.Product.Name }).ToListAsync(ct);
        Add(SearchKind.Documents, documents.Where(d => scope.MayRead(d.ProductId, d.Visibility, d.SuppliersMayRead) && Matches(d.Title))
            .Select(d => new SearchHit(d.Title, $"/produkter/{d.Slug}/dokumenter#dokument-{d.Id}", d.Product)));

        var questions = await db.Questions.AsNoTracking().OrderByDescending(q => q.LastActivityAt)
            .Select(q => new { q.Id, q.ProductId, q.Title, q.Text, q.IsPublic, q.AskedByUserId, q.Moderation, q.Product!.Slug, Product = q.Product.Name }).ToListAsync(ct);
        var readable = questions.Where(q => (QuestionService.MayRead(scope, q.ProductId, q.IsPublic) || q.AskedByUserId == userId) && (q.Moderation != Moderation.Hidden || access.Decides(q.ProductId))).ToList();
        var ids = readable.Select(q => q.Id).ToList();
        var answers = (await db.QuestionAnswers.AsNoTracking().Where(a => ids.Contains(a.QuestionId) && a.Moderation != Moderation.Hidden)
            .Select(a => new { a.QuestionId, a.Text }).ToListAsync(ct)).ToLookup(a => a.QuestionId, a => a.Text);
        Add(SearchKind.Questions, readable.Where(q => Matches([q.Title, q.Moderation == Moderation.Hidden ? null : q.Text, .. answers[q.Id]]))
            .Select(q => new SearchHit(q.Title, $"/produkter/{q.Slug}/spoergsmaal/{q.Id}", q.Product)));
        return groups;
    }
}
