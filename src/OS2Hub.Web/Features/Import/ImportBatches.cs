using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OS2Hub.Web.Data;
using OS2Hub.Web.Data.Entities;
using OS2Hub.Web.Features.Access;
using OS2Hub.Web.Features.Localization;

namespace OS2Hub.Web.Features.Import;

/// <summary>
/// The imports made, and undoing one: rows the batch created are removed and rows it changed get their earlier values
/// back, all or nothing. A batch can be undone only while nothing since depends on it: a row edited after the import
/// (by hand, by a decided join request or by a later import) blocks, and the hub says which.
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
            .Select(b => new ImportBatchView(b.Id, b.Kind.ToString(), b.FileName, db.Users.Where(u => u.Id == b.UserId).Select(u => u.DisplayName).FirstOrDefault() ?? "", b.At, b.Created, b.Changed, b.UndoneAt))
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

        var ids = batch.Changes.Where(c => c.EntityType == nameof(Participation)).Select(c => c.EntityId).ToList();
        var rows = await db.Participations.Include(p => p.Product).Include(p => p.Organisation).Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        var blockers = new List<string>();
        foreach (var change in batch.Changes)
        {
            var after = JsonSerializer.Deserialize<MembershipState>(change.After)!;
            if (!rows.TryGetValue(change.EntityId, out var row) || row.Version != after.Version)
            {
                blockers.Add(Texts.Format("Bulk_Undo_Changed", change.Line, row is null ? "" : $"{row.Product!.Name} – {row.Organisation!.Name}"));
            }
        }

        if (blockers.Count > 0)
        {
            return OperationResult.Conflict(Texts.Format("Bulk_Undo_Blocked", string.Join(" ", blockers.Take(10))));
        }

        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var change in batch.Changes)
        {
            var row = rows[change.EntityId];
            var log = new ChangeRecorder(userId, now, nameof(Participation), row.Id);
            if (change.Before is null)
            {
                db.Participations.Remove(row);
                log.Add("Import", $"{batch.FileName}, {change.Line}", null);
            }
            else
            {
                var before = JsonSerializer.Deserialize<MembershipState>(change.Before)!;
                (row.EndDate, row.AgreementReference, row.Source, row.ImportedFrom) = (before.End, before.Agreement, before.Source, before.ImportedFrom);
                row.Version++;
                log.Add("Import", $"{batch.FileName}, {change.Line}", ChangeRecorder.Format(before.End));
            }

            log.WriteTo(db);
        }

        (batch.UndoneAt, batch.UndoneByUserId) = (now, userId);
        await db.SaveChangesAsync(ct);
        return OperationResult.Ok(batch.Id);
    }
}
