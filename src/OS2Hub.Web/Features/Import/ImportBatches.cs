using Microsoft.EntityFrameworkCore;
using OS2Hub.Web.Data;
using OS2Hub.Web.Data.Entities;
using OS2Hub.Web.Features.Access;
using OS2Hub.Web.Features.Localization;

namespace OS2Hub.Web.Features.Import;

/// <summary>
/// The imports made, and undoing one: records the batch created are removed and records it changed get their earlier
/// values back, all or nothing. A batch can be undone only while nothing since depends on it: a record edited after
/// the import (by hand, by a decided join request or by a later import), or a created one that something else now
/// refers to, blocks, and the hub says which.
/// </summary>
public sealed class ImportBatches(IDbContextFactory<OS2HubDbContext> dbFactory, TimeProvider clock)
{
    public async Task<Read<IReadOnlyList<ImportBatchView>>> ListAsync(string userId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await AccessService.IsSecretariatAsync(db, userId, ct))
        {
            return Read.Denied<IReadOnlyList<ImportBatchView>>();
        }

        var batches = await db.ImportBatches.AsNoTracking().OrderByDescending(b => b.At).Take(50)
            .Select(b => new ImportBatchView(b.Id, b.Kind, b.FileName, db.Users.Where(u => u.Id == b.UserId).Select(u => u.DisplayName).FirstOrDefault() ?? "", b.At, b.Created, b.Changed, b.UndoneAt))
            .ToListAsync(ct);
        return Read.Ok<IReadOnlyList<ImportBatchView>>(batches);
    }

    public async Task<OperationResult> UndoAsync(string userId, int batchId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await AccessService.IsSecretariatAsync(db, userId, ct))
        {
            return OperationResult.Denied;
        }

        var batch = await db.ImportBatches.Include(b => b.Changes).SingleOrDefaultAsync(b => b.Id == batchId, ct);
        if (batch is null)
        {
            return OperationResult.NotFound;
        }

        if (batch.UndoneAt is not null)
        {
            return OperationResult.Conflict(Texts.Get("Bulk_Undo_AlreadyUndone"));
        }

        var entities = await ImportedEntities.LoadAsync(db, batch.Changes, ct);
        var written = batch.Changes.GroupBy(c => c.EntityType).ToDictionary(g => g.Key, g => g.Select(c => c.EntityId).ToArray());
        int[] Written(string type) => written.TryGetValue(type, out var ids) ? ids : [];
        var blockers = new List<string>();
        foreach (var change in batch.Changes.OrderBy(c => c.Line))
        {
            if (!entities.TryGetValue((change.EntityType, change.EntityId), out var entity))
            {
                blockers.Add(Texts.Format("Bulk_Undo_Gone", change.Line));
            }
            else if (ImportedEntities.Snapshot(entity) != change.After)
            {
                blockers.Add(Texts.Format("Bulk_Undo_Changed", change.Line, ImportedEntities.Describe(entity)));
            }
            else if (change.Before is null && await ImportedEntities.UsedElsewhereAsync(db, change.EntityType, change.EntityId, Written, ct))
            {
                blockers.Add(Texts.Format("Bulk_Undo_InUse", change.Line, ImportedEntities.Describe(entity)));
            }
        }

        if (blockers.Count > 0)
        {
            return OperationResult.Conflict(Texts.Format("Bulk_Undo_Blocked", string.Join(" ", blockers.Distinct().Take(10))));
        }

        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var change in batch.Changes.OrderByDescending(c => c.Id))
        {
            var entity = entities[(change.EntityType, change.EntityId)];
            if (change.Before is null)
            {
                db.Remove(entity);
            }
            else
            {
                ImportedEntities.Restore(entity, change.Before);
            }

            new ChangeRecorder(userId, now, change.EntityType, change.EntityId).Add("Import", $"{batch.FileName}, {change.Line}", null).WriteTo(db);
        }

        (batch.UndoneAt, batch.UndoneByUserId) = (now, userId);
        await db.SaveChangesAsync(ct);
        return OperationResult.Ok(batch.Id);
    }
}
