using Microsoft.EntityFrameworkCore;
using OS2Hub.Web.Data;
using OS2Hub.Web.Data.Entities;
using OS2Hub.Web.Features.Access;
using OS2Hub.Web.Features.Email;
using OS2Hub.Web.Features.Localization;

namespace OS2Hub.Web.Features.Import;

/// <summary>
/// Loads the secretariat's own spreadsheets (memberships, supplier roles, contact persons, working groups, fee
/// sheets). Every file is first planned row by row into a preview; nothing is written while a row has an error,
/// unless the secretariat chooses to import only the valid rows. A record the file does not mention is left alone,
/// so an import never ends anything it was not told to, and the same file twice changes nothing the second time.
/// </summary>
public sealed class BulkImport(IDbContextFactory<OS2HubDbContext> dbFactory, TimeProvider clock, OutboxSignal? outbox = null)
{
    public static readonly IReadOnlyList<IImportKind> Kinds = [new MembershipFile(), new SupplierRoleFile(), new ContactFile(), new WorkingGroupFile(), new FeeSheetFile()];

    public static IImportKind Of(ImportKind kind) => Kinds.Single(k => k.Kind == kind);

    public static IImportKind? ByWord(string? word) => Kinds.FirstOrDefault(k => k.Word == word);

    public async Task<Read<ImportPreview>> PreviewAsync(string userId, ImportKind kind, string fileName, Stream file, string? batchReason = null, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await AccessService.IsSecretariatAsync(db, userId, ct))
        {
            return Read.Denied<ImportPreview>();
        }

        var (preview, _) = await PlanAsync(db, kind, fileName, file, batchReason, ct);
        return Read.Ok(preview);
    }

    /// <summary>
    /// Reads the file again, plans it again against the hub as it is now, and writes it in one transaction as one
    /// batch. With errors in the file nothing is written, unless <paramref name="onlyValidRows"/> says to leave the
    /// rows with errors out.
    /// </summary>
    public async Task<OperationResult> ApplyAsync(string userId, ImportKind kind, string fileName, Stream file, bool onlyValidRows, string? batchReason = null, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await AccessService.IsSecretariatAsync(db, userId, ct))
        {
            return OperationResult.Denied;
        }

        var (preview, plan) = await PlanAsync(db, kind, fileName, file, batchReason, ct);
        if (preview.FileProblem is not null)
        {
            return OperationResult.Invalid(preview.FileProblem);
        }

        if (preview.HasErrors && !onlyValidRows)
        {
            return OperationResult.Invalid(Texts.Format("Bulk_Error_RowsWithErrors", preview.Count(ImportRowStatus.Error)));
        }

        if (plan is null || plan.Writes.Count == 0)
        {
            return OperationResult.Invalid(Texts.Get("Bulk_NothingToDo"));
        }

        var batch = new ImportBatch { Kind = kind, FileName = Path.GetFileName(fileName), UserId = userId, At = clock.GetUtcNow().UtcDateTime };
        db.ImportBatches.Add(batch);
        var writer = new ImportWriter(db, batch, userId, batch.At);
        foreach (var write in plan.Writes)
        {
            write(writer);
        }

        // The plan was checked against the hub a moment ago; an edit or a decided request in between is refused by the
        // database (a version, the overlap rule), and then nothing of the batch is written.
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            try
            {
                await db.SaveChangesAsync(ct);
                writer.Record();
                (batch.Created, batch.Changed) = (writer.Created, writer.Changed);
                await db.SaveChangesAsync(ct);
                await tx.CommitAsync(ct);
            }
            catch (DbUpdateException e) when (e is DbUpdateConcurrencyException || DbErrors.IsOverlappingMembership(e) || DbErrors.IsUniqueViolation(e))
            {
                return OperationResult.Conflict(Texts.Get("Bulk_Error_ChangedMeanwhile"));
            }
        }

        outbox?.Wake();
        return OperationResult.Ok(batch.Id);
    }

    private async Task<(ImportPreview Preview, ImportPlan? Plan)> PlanAsync(OS2HubDbContext db, ImportKind kind, string fileName, Stream file, string? batchReason, CancellationToken ct)
    {
        var sheet = await SheetReader.ReadAsync(fileName, file, ct);
        if (sheet.Problem is not null)
        {
            return (new ImportPreview(sheet.Problem, []), null);
        }

        var type = Of(kind);
        var missing = type.Columns.Where(c => c.Required && !sheet.Columns.Contains(c.Name)).Select(c => c.Name).ToList();
        if (missing.Count > 0)
        {
            return (new ImportPreview(Texts.Format("Bulk_Error_Columns", string.Join(", ", missing)), []), null);
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var plan = new ImportPlan(db, sheet, fileName, await ImportNames.LoadAsync(db, ct), today, InputRules.Clean(batchReason));
        await type.PlanAsync(plan, ct);
        return (new ImportPreview(null, plan.Rows), plan);
    }
}
