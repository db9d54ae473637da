using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OS2Hub.Web.Data;
using OS2Hub.Web.Data.Entities;
using OS2Hub.Web.Features.Access;
using OS2Hub.Web.Features.Community;
using OS2Hub.Web.Features.Live;
using OS2Hub.Web.Features.Memberships;

namespace OS2Hub.Web.Features.Following;

/// <summary>Something new on a product, as its followers hear of it: what kind, who may read it, and where it is.</summary>
public sealed record FollowedItem(
    FollowTopics Topic, int ProductId, ItemVisibility Visibility, bool SuppliersMayRead, string TextKey, string Title, string Link, string AuthorUserId);

/// <summary>
/// Tells the followers who chose "in the hub at once" about a new item, each only if it may read the item now; the
/// digests pick up the rest later (<see cref="DigestService"/>). It runs after the item is committed.
/// </summary>
public sealed class FollowNotifier(IDbContextFactory<OS2HubDbContext> dbFactory, TimeProvider clock, LiveEvents live, ILogger<FollowNotifier> logger)
{
    public async Task PublishedAsync(FollowedItem item, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(item);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // Few followers per product: the topic is tested here, the same way for both providers.
        var followers = (await db.ProductFollows.AsNoTracking()
                .Where(f => f.ProductId == item.ProductId && f.Delivery == FollowDelivery.Hub && f.UserId != item.AuthorUserId)
                .Select(f => new { f.UserId, f.Topics }).ToListAsync(ct))
            .Where(f => f.Topics.HasFlag(item.Topic)).Select(f => f.UserId).ToList();
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var readers = new List<string>();
        foreach (var userId in followers)
        {
            if (await CommunityService.MayReadAsync(db, await AccessService.ForAsync(db, userId, ct), item.ProductId, item.Visibility, item.SuppliersMayRead, today, ct))
            {
                readers.Add(userId);
            }
        }

        if (readers.Count == 0)
        {
            return;
        }

        var product = await db.Products.Where(p => p.Id == item.ProductId).Select(p => p.Name).SingleAsync(ct);
        await AddAsync(db, readers, item.TextKey, [product, item.Title], item.Link, ct);
    }

    /// <summary>One notice in the hub for one user (an answer to its question, say).</summary>
    public async Task TellAsync(string userId, string textKey, string[] arguments, string link, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await AddAsync(db, [userId], textKey, arguments, link, ct);
    }

    private async Task AddAsync(OS2HubDbContext db, IReadOnlyList<string> userIds, string textKey, string[] arguments, string link, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var stored = JsonSerializer.Serialize(arguments);
        db.Notifications.AddRange(userIds.Select(u => new Notification { UserId = u, TextKey = textKey, TextArguments = stored, Link = link, CreatedAt = now }));
        await db.SaveChangesAsync(ct);
        foreach (var userId in userIds)
        {
            await Notifier.ChangedAsync(live, logger, userId, ct);
        }
    }
}
