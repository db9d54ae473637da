using Microsoft.EntityFrameworkCore;
using OS2Hub.Web.Data;
using OS2Hub.Web.Data.Entities;
using OS2Hub.Web.Features.Access;

namespace OS2Hub.Web.Features.Editing;

/// <summary>Reads the change log of one product or organisation; only the secretariat sees it.</summary>
public static class ChangeHistory
{
    public static async Task<IReadOnlyList<ChangeInfo>?> ForAsync(IDbContextFactory<OS2HubDbContext> dbFactory, string userId, string entityType, int entityId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await AccessService.IsSecretariatAsync(db, userId, ct))
        {
            return null;
        }

        return await db.ChangeLog.AsNoTracking().Where(c => c.EntityType == entityType && c.EntityId == entityId)
            .OrderByDescending(c => c.At).ThenByDescending(c => c.Id)
            .Select(c => new ChangeInfo(c.At, db.Users.Where(u => u.Id == c.UserId).Select(u => u.DisplayName).FirstOrDefault() ?? c.UserId,
                c.Field, c.OldValue, c.NewValue))
            .ToListAsync(ct);
    }
}
