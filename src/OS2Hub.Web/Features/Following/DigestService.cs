using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OS2Hub.Web.Data;
using OS2Hub.Web.Data.Entities;
using OS2Hub.Web.Features.Access;
using OS2Hub.Web.Features.Community;
using OS2Hub.Web.Features.Email;
using OS2Hub.Web.Features.Localization;

namespace OS2Hub.Web.Features.Following;

/// <summary>
/// The daily and weekly e-mail digests. A run takes each due follow with one guarded UPDATE that moves its
/// "digested until" mark (so two instances never send the same window twice), gathers the items created in the
/// window, keeps only what the recipient may read at the time of sending, lists each item once, and queues one e-mail
/// per person with a one-click stop (RFC 8058). A follow with nothing new moves its mark and sends nothing.
/// </summary>
public sealed class DigestService(IDbContextFactory<OS2HubDbContext> dbFactory, TimeProvider clock, IEmailSender email, IOptions<OS2HubOptions> options,
    IDataProtectionProvider protection, ILogger<DigestService> logger)
{
    public const string StopPath = "/afmeld/sammendrag/klik";
    private const string StopPurpose = "OS2Hub.Digest.Stop";

    /// <summary>An item is saved with its time before its transaction commits; a window ending this long ago sees every one of them.</summary>
    public static readonly TimeSpan Settle = TimeSpan.FromMinutes(2);

    private sealed record Entry(string Kind, int Id, string Title, string Path, ItemVisibility Visibility, bool SuppliersMayRead);

    /// <summary>One run: sends every digest that is due; returns how many e-mails it queued.</summary>
    public async Task<int> SendDueAsync(CancellationToken ct)
    {
        var upTo = clock.GetUtcNow().UtcDateTime - Settle;
        var (dayAgo, weekAgo) = (upTo.AddDays(-1), upTo.AddDays(-7));
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var due = await db.ProductFollows.AsNoTracking()
            .Where(f => (f.Delivery == FollowDelivery.DailyDigest && f.DigestedUntil <= dayAgo) || (f.Delivery == FollowDelivery.WeeklyDigest && f.DigestedUntil <= weekAgo))
            .OrderBy(f => f.UserId).ThenBy(f => f.Product!.Name)
            .Select(f => new { f.Id, f.UserId, f.ProductId, f.Product!.Slug, Product = f.Product.Name, f.Topics, f.DigestedUntil })
            .ToListAsync(ct);
        var today = DateOnly.FromDateTime(upTo);
        var sent = 0;
        foreach (var person in due.GroupBy(f => f.UserId))
        {
            var claimed = new List<(string Product, int ProductId, string Slug, FollowTopics Topics, DateTime From)>();
            foreach (var f in person)
            {
                if (await db.ProductFollows.Where(x => x.Id == f.Id && x.DigestedUntil == f.DigestedUntil)
                        .ExecuteUpdateAsync(s => s.SetProperty(x => x.DigestedUntil, upTo), ct) == 1)
                {
                    claimed.Add((f.Product, f.ProductId, f.Slug, f.Topics, f.DigestedUntil));
                }
            }

            var recipient = await db.Users.AsNoTracking().Where(u => u.Id == person.Key).Select(u => new { u.Email, u.PreferredLanguage }).FirstOrDefaultAsync(ct);
            if (claimed.Count == 0 || recipient?.Email is null)
            {
                continue;
            }

            // Who may read what is decided now, at sending, not when the person chose to follow.
            var scope = await CommunityService.ScopeAsync(db, await AccessService.ForAsync(db, person.Key, ct), today, ct);
            var sections = new List<(string Product, IReadOnlyList<Entry> Items)>();
            var seen = new HashSet<(string, int)>();
            foreach (var f in claimed)
            {
                var items = (await ItemsAsync(db, f.ProductId, f.Slug, f.Topics, f.From, upTo, ct))
                    .Where(i => scope.MayRead(f.ProductId, i.Visibility, i.SuppliersMayRead) && seen.Add((i.Kind, i.Id))).ToList();
                if (items.Count > 0)
                {
                    sections.Add((f.Product, items));
                }
            }

            if (sections.Count == 0)
            {
                continue;
            }

            try
            {
                await email.SendAsync(Compose(person.Key, recipient.Email, recipient.PreferredLanguage, sections), ct);
                sent++;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The window has moved on; the person sees the same items in the hub. By type only: the error may quote the address.
                logger.LogWarning("A digest could not be queued ({Error})", e.GetType().Name);
            }
        }

        return sent;
    }

    /// <summary>The address in a digest that stops every digest for its recipient with one click, without signing in.</summary>
    public string StopToken(string userId) => OneClickStop.Token(protection, StopPurpose, userId);

    /// <summary>Turns the person's digests into notices in the hub; false for a token that is not ours.</summary>
    public async Task<bool> StopAsync(string? token, CancellationToken ct = default)
    {
        if (OneClickStop.UserOf(protection, StopPurpose, token) is not { } userId)
        {
            return false;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.ProductFollows.Where(f => f.UserId == userId && f.Delivery != FollowDelivery.Hub).ExecuteUpdateAsync(s => s.SetProperty(f => f.Delivery, FollowDelivery.Hub), ct);
        return await db.Users.AnyAsync(u => u.Id == userId, ct);
    }

    private EmailMessage Compose(string userId, string address, string? language, List<(string Product, IReadOnlyList<Entry> Items)> sections)
    {
        var token = Uri.EscapeDataString(StopToken(userId));
        using var _ = Texts.In(language);
        var body = new StringBuilder();
        body.AppendLine(Texts.Get("Digest_Intro")).AppendLine();
        foreach (var (product, items) in sections)
        {
            body.AppendLine(product).AppendLine(new string('-', product.Length));
            foreach (var item in items)
            {
                body.Append("- ").Append(Texts.Get($"Digest_Kind_{item.Kind}")).Append(": ").AppendLine(item.Title)
                    .Append("  ").AppendLine(options.Value.Link(item.Path).ToString());
            }

            body.AppendLine();
        }

        body.AppendLine(Texts.Format("Digest_Footer", options.Value.Link("/foelger"), options.Value.Link($"/afmeld/sammendrag?t={token}")));
        var subject = sections.Count == 1 ? Texts.Format("Digest_Subject", sections[0].Product) : Texts.Format("Digest_SubjectMany", sections.Count);
        return new EmailMessage(address, subject, body.ToString(), options.Value.Link($"{StopPath}?t={token}").ToString());
    }

    /// <summary>What was created on the product in the window (from, to], of the chosen kinds, with who may read it.</summary>
    private static async Task<List<Entry>> ItemsAsync(OS2HubDbContext db, int productId, string slug, FollowTopics topics, DateTime from, DateTime to, CancellationToken ct)
    {
        var items = new List<Entry>();
        if ((topics & (FollowTopics.News | FollowTopics.Releases)) != 0)
        {
            var news = await db.NewsItems.AsNoTracking().Where(n => n.ProductId == productId && n.CreatedAt > from && n.CreatedAt <= to).OrderBy(n => n.CreatedAt)
                .Select(n => new { n.Id, n.Kind, n.Title, n.Version, n.Visibility, n.SuppliersMayRead }).ToListAsync(ct);
            items.AddRange(news.Where(n => topics.HasFlag(n.Kind == NewsKind.Release ? FollowTopics.Releases : FollowTopics.News))
                .Select(n => new Entry(n.Kind == NewsKind.Release ? "Release" : "News", n.Id, n.Kind == NewsKind.Release ? $"{n.Version}: {n.Title}" : n.Title,
                    $"/produkter/{slug}/nyt#nyt-{n.Id}", n.Visibility, n.SuppliersMayRead)));
        }

        if (topics.HasFlag(FollowTopics.Decisions))
        {
            items.AddRange((await db.DecisionEntries.AsNoTracking().Where(d => d.ProductId == productId && d.CreatedAt > from && d.CreatedAt <= to && d.RedactedAt == null)
                    .OrderBy(d => d.CreatedAt).Select(d => new { d.Id, d.Summary, d.Visibility, d.SuppliersMayRead }).ToListAsync(ct))
                .Select(d => new Entry("Decision", d.Id, d.Summary.Length > 200 ? d.Summary[..200] + " …" : d.Summary, $"/produkter/{slug}/beslutninger#beslutning-{d.Id}", d.Visibility, d.SuppliersMayRead)));
        }

        if (topics.HasFlag(FollowTopics.Documents))
        {
            items.AddRange((await db.DocumentVersions.AsNoTracking()
                    .Where(v => v.Document!.ProductId == productId && v.UploadedAt > from && v.UploadedAt <= to && v.RemovedAt == null).OrderBy(v => v.UploadedAt)
                    .Select(v => new { v.Id, v.Document!.Title, v.Number, v.Document.Visibility, v.Document.SuppliersMayRead }).ToListAsync(ct))
                .Select(v => new Entry("Document", v.Id, v.Number > 1 ? $"{v.Title} (version {v.Number})" : v.Title, $"/produkter/{slug}/dokumenter", v.Visibility, v.SuppliersMayRead)));
        }

        if (topics.HasFlag(FollowTopics.Questions))
        {
            items.AddRange((await db.Questions.AsNoTracking().Where(q => q.ProductId == productId && q.CreatedAt > from && q.CreatedAt <= to && q.Moderation != Moderation.Hidden)
                    .OrderBy(q => q.CreatedAt).Select(q => new { q.Id, q.Title, q.IsPublic }).ToListAsync(ct))
                .Select(q => new Entry("Question", q.Id, q.Title, $"/produkter/{slug}/spoergsmaal/{q.Id}", q.IsPublic ? ItemVisibility.Public : ItemVisibility.CoOwners, true)));
        }

        if (topics.HasFlag(FollowTopics.Wishes))
        {
            items.AddRange((await db.Wishes.AsNoTracking().Where(w => w.ProductId == productId && w.CreatedAt > from && w.CreatedAt <= to && w.HiddenAt == null && w.MergedIntoId == null)
                    .OrderBy(w => w.CreatedAt).Select(w => new { w.Id, w.Title }).ToListAsync(ct))
                .Select(w => new Entry("Wish", w.Id, w.Title, $"/produkter/{slug}/oensker/{w.Id}", ItemVisibility.Public, false)));
        }

        return items;
    }
}
