using Microsoft.EntityFrameworkCore;
using OS2Hub.Web.Data;
using OS2Hub.Web.Data.Entities;
using OS2Hub.Web.Features.Localization;

namespace OS2Hub.Web.Features.Following;

public sealed record FollowView(int ProductId, string Slug, string Product, FollowTopics Topics, FollowDelivery Delivery, DateTime Since);

/// <summary>
/// Following a product: any signed-in user chooses, per product, what to hear about and how. A new follow and a
/// switch to e-mail start from now, so nobody gets a digest of what happened before they chose it.
/// </summary>
public sealed class FollowService(IDbContextFactory<OS2HubDbContext> dbFactory, TimeProvider clock)
{
    /// <summary>The user's follow of one product; null when it does not follow it.</summary>
    public async Task<FollowView?> GetAsync(string userId, int productId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await Views(db.ProductFollows.Where(f => f.UserId == userId && f.ProductId == productId)).FirstOrDefaultAsync(ct);
    }

    public async Task<IReadOnlyList<FollowView>> MineAsync(string userId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await Views(db.ProductFollows.Where(f => f.UserId == userId).OrderBy(f => f.Product!.Name)).ToListAsync(ct);
    }

    public async Task<OperationResult> FollowAsync(string userId, int productId, FollowTopics topics, FollowDelivery delivery, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.Users.AnyAsync(u => u.Id == userId, ct))
        {
            return OperationResult.Denied;
        }

        if (!await db.Products.AnyAsync(p => p.Id == productId, ct))
        {
            return OperationResult.NotFound;
        }

        if (!Enum.IsDefined(delivery) || (topics & ~FollowTopics.All) != 0)
        {
            return OperationResult.Denied;
        }

        if (topics == FollowTopics.None)
        {
            var message = Texts.Get("Follow_Error_NoTopic");
            return OperationResult.Invalid(message, new Dictionary<string, string> { ["Topics"] = message });
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var follow = await db.ProductFollows.FirstOrDefaultAsync(f => f.UserId == userId && f.ProductId == productId, ct);
        if (follow is null)
        {
            follow = new ProductFollow { UserId = userId, ProductId = productId, CreatedAt = now, DigestedUntil = now };
            db.ProductFollows.Add(follow);
        }
        else if (follow.Delivery == FollowDelivery.Hub && delivery != FollowDelivery.Hub)
        {
            follow.DigestedUntil = now;
        }

        (follow.Topics, follow.Delivery) = (topics, delivery);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The same user followed from another tab a moment ago; its choice stands and this one can be saved again.
            return OperationResult.Conflict(Texts.Get("Follow_Error_Conflict"));
        }

        return OperationResult.Ok(follow.Id);
    }

    public async Task<OperationResult> UnfollowAsync(string userId, int productId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.ProductFollows.Where(f => f.UserId == userId && f.ProductId == productId).ExecuteDeleteAsync(ct) > 0
            ? OperationResult.Ok()
            : OperationResult.NotFound;
    }

    private static IQueryable<FollowView> Views(IQueryable<ProductFollow> follows) =>
        follows.AsNoTracking().Select(f => new FollowView(f.ProductId, f.Product!.Slug, f.Product.Name, f.Topics, f.Delivery, f.CreatedAt));
}
