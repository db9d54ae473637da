using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OS2Hub.Web.Data;
using OS2Hub.Web.Data.Entities;
using OS2Hub.Web.Features.Access;
using OS2Hub.Web.Features.Localization;

namespace OS2Hub.Web.Features.Import;

/// <summary>
/// Loads the secretariat's member list: one row per membership period (product, authority, from, to, agreement
/// reference, source). A row is known by its product, authority and start; a membership the file does not mention
/// is left alone, so an import never ends anything it was not told to. Nothing is written until the preview has no
/// errors, or the secretariat chooses to import only the valid rows.
/// </summary>
public sealed class MembershipImport(IDbContextFactory<OS2HubDbContext> dbFactory, TimeProvider clock)
{
    public async Task<Read<ImportPreview>> PreviewAsync(string userId, string fileName, Stream file, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await AccessService.IsSecretariatAsync(db, userId, ct))
        {
            return Read.Denied<ImportPreview>();
        }

        var (preview, _) = await PlanAsync(db, fileName, file, ct);
        return Read.Ok(preview);
    }

    /// <summary>
    /// Reads the file again and writes it in one transaction as one batch. With errors in the file nothing is written,
    /// unless <paramref name="onlyValidRows"/> says to leave the rows with errors out.
    /// </summary>
    public async Task<OperationResult> ApplyAsync(string userId, string fileName, Stream file, bool onlyValidRows, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await AccessService.IsSecretariatAsync(db, userId, ct))
        {
            return OperationResult.Denied;
        }

        var (preview, plans) = await PlanAsync(db, fileName, file, ct);
        if (preview.FileProblem is not null)
        {
            return OperationResult.Invalid(preview.FileProblem);
        }

        if (preview.HasErrors && !onlyValidRows)
        {
            return OperationResult.Invalid(Texts.Format("Bulk_Error_RowsWithErrors", preview.Count(ImportRowStatus.Error)));
        }

        if (plans.Count == 0)
        {
            return OperationResult.Invalid(Texts.Get("Bulk_NothingToDo"));
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var batch = new ImportBatch { Kind = ImportKind.Memberships, FileName = Path.GetFileName(fileName), UserId = userId, At = now };
        db.ImportBatches.Add(batch);
        var existing = await db.Participations.Where(p => plans.Select(x => x.ExistingId).Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        var written = new List<(Participation Row, string? Before, int Line)>();
        foreach (var plan in plans)
        {
            if (plan.ExistingId is { } id)
            {
                var row = existing[id];
                var before = Snapshot(row);
                (row.EndDate, row.AgreementReference, row.Source, row.ImportedFrom) = (plan.End, plan.Agreement, plan.Source, plan.ImportedFrom);
                row.Version++;
                written.Add((row, before, plan.Line));
            }
            else
            {
                var row = new Participation
                {
                    ProductId = plan.ProductId, OrganisationId = plan.OrganisationId, Kind = ParticipationKind.Member, StartDate = plan.Start, EndDate = plan.End,
                    AgreementReference = plan.Agreement, Source = plan.Source, ImportedFrom = plan.ImportedFrom, CreatedAt = now,
                };
                db.Participations.Add(row);
                written.Add((row, null, plan.Line));
            }
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        foreach (var (row, before, line) in written)
        {
            db.ImportChanges.Add(new ImportChange { Batch = batch, EntityType = nameof(Participation), EntityId = row.Id, Line = line, Before = before, After = Snapshot(row) });
            var log = new ChangeRecorder(userId, now, nameof(Participation), row.Id);
            log.Add("Import", null, $"{batch.FileName}, {line}");
            log.WriteTo(db);
        }

        (batch.Created, batch.Changed) = (written.Count(w => w.Before is null), written.Count(w => w.Before is not null));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return OperationResult.Ok(batch.Id);
    }

    private sealed record Plan(int Line, int? ExistingId, int ProductId, int OrganisationId, DateOnly? Start, DateOnly? End, string? Agreement, string? Source, string ImportedFrom);

    private static async Task<(ImportPreview Preview, List<Plan> Plans)> PlanAsync(OS2HubDbContext db, string fileName, Stream file, CancellationToken ct)
    {
        var sheet = await SheetReader.ReadAsync(fileName, file, ct);
        if (sheet.Problem is not null)
        {
            return (new ImportPreview(sheet.Problem, []), []);
        }

        var missing = ImportFiles.Memberships.Where(c => c.Required && !sheet.Columns.Contains(c.Name)).Select(c => c.Name).ToList();
        if (missing.Count > 0)
        {
            return (new ImportPreview(Texts.Format("Bulk_Error_Columns", string.Join(", ", missing)), []), []);
        }

        var names = await ImportNames.LoadAsync(db, ct);
        var members = await db.Participations.AsNoTracking().Where(p => p.Kind == ParticipationKind.Member)
            .Select(p => new Period(p.Id, p.ProductId, p.OrganisationId, p.StartDate, p.EndDate, p.AgreementReference, p.Source)).ToListAsync(ct);
        var pending = await db.JoinRequests.AsNoTracking().Where(r => r.Status == JoinRequestStatus.Pending)
            .Select(r => new { r.Id, r.ProductId, r.OrganisationId, r.CreatedAt }).ToListAsync(ct);

        var rows = new List<ImportRow>();
        var plans = new List<Plan>();
        var inFile = new List<(int Line, Period Period)>();
        foreach (var line in sheet.Rows)
        {
            var errors = new List<string>();
            var product = names.Product(line["produkt"], errors);
            var authority = names.Authority(line["myndighed"], errors);
            if (!ImportValues.TryDate(line["medejer_fra"], sheet.FromExcel, out var start))
            {
                errors.Add(Texts.Format("Bulk_Error_Date", "medejer_fra", line["medejer_fra"]));
            }

            if (!ImportValues.TryDate(line["medejer_til"], sheet.FromExcel, out var end))
            {
                errors.Add(Texts.Format("Bulk_Error_Date", "medejer_til", line["medejer_til"]));
            }

            if (start is not null && end is not null && end <= start)
            {
                errors.Add(Texts.Get("Bulk_Error_EndBeforeStart"));
            }

            var agreement = InputRules.Clean(line["aftalereference"]);
            var source = InputRules.Clean(line["kilde"]);
            if (agreement?.Length > 200 || source?.Length > 2000)
            {
                errors.Add(Texts.Get("Bulk_Error_TooLong"));
            }

            var subject = $"{product?.Name ?? line["produkt"]} – {authority?.Name ?? line["myndighed"]}";
            if (errors.Count > 0 || product is null || authority is null)
            {
                rows.Add(new ImportRow(line.Number, ImportRowStatus.Error, subject, errors));
                continue;
            }

            var same = members.FirstOrDefault(m => m.ProductId == product.Id && m.OrganisationId == authority.Id && m.Start == start);
            var candidate = new Period(same?.Id, product.Id, authority.Id, start, end, agreement, source);
            var twice = inFile.FirstOrDefault(f => f.Period.ProductId == product.Id && f.Period.OrganisationId == authority.Id && f.Period.Start == start);
            if (twice.Period is not null)
            {
                errors.Add(Texts.Format("Bulk_Error_Twice", twice.Line));
            }

            // Against the hub's other periods and the file's other rows: the database would refuse an overlap, so the
            // preview says so first, by row.
            foreach (var other in members.Where(m => m.Id != same?.Id).Concat(inFile.Where(f => f.Period.Start != start).Select(f => f.Period))
                .Where(m => m.ProductId == product.Id && m.OrganisationId == authority.Id && Overlaps(m, candidate)))
            {
                errors.Add(Texts.Format("Bulk_Error_Overlap", other.End is null
                    ? Texts.Format("Bulk_PeriodOpen", Since(other.Start))
                    : Texts.Format("Bulk_Period", Since(other.Start), ImportValues.Date(other.End))));
            }

            if (same is null && pending.FirstOrDefault(r => r.ProductId == product.Id && r.OrganisationId == authority.Id) is { } request)
            {
                errors.Add(Texts.Format("Bulk_Error_OpenRequest", request.Id, ImportValues.Date(DateOnly.FromDateTime(request.CreatedAt))));
            }

            inFile.Add((line.Number, candidate));
            if (errors.Count > 0)
            {
                rows.Add(new ImportRow(line.Number, ImportRowStatus.Error, subject, errors));
                continue;
            }

            var from = $"{Path.GetFileName(fileName)}, {Texts.Format("Bulk_Row", line.Number)}";
            if (same is null)
            {
                rows.Add(new ImportRow(line.Number, ImportRowStatus.New, subject, [end is null ? Texts.Format("Bulk_NewMembershipOpen", Since(start)) : Texts.Format("Bulk_NewMembership", Since(start), ImportValues.Date(end))]));
                plans.Add(new Plan(line.Number, null, product.Id, authority.Id, start, end, agreement, source, from));
                continue;
            }

            var changes = new List<string>();
            Compare(changes, "medejer_til", ImportValues.Date(same.End), ImportValues.Date(end));
            Compare(changes, "aftalereference", same.Agreement, agreement);
            Compare(changes, "kilde", same.Source, source);
            if (changes.Count == 0)
            {
                rows.Add(new ImportRow(line.Number, ImportRowStatus.Unchanged, subject, []));
                continue;
            }

            rows.Add(new ImportRow(line.Number, ImportRowStatus.Changed, subject, changes));
            plans.Add(new Plan(line.Number, same.Id, product.Id, authority.Id, start, end, agreement, source, from));
        }

        return (new ImportPreview(null, rows), plans);
    }

    private static string Since(DateOnly? start) => start is null ? Texts.Get("Bulk_UnknownStart") : ImportValues.Date(start);

    private sealed record Period(int? Id, int ProductId, int OrganisationId, DateOnly? Start, DateOnly? End, string? Agreement, string? Source);

    /// <summary>Half-open periods, an open bound reaching for ever, as the database's own rule.</summary>
    private static bool Overlaps(Period a, Period b) =>
        (a.End is null || b.Start is null || a.End > b.Start) && (b.End is null || a.Start is null || b.End > a.Start);

    private static void Compare(List<string> changes, string column, string? before, string? after)
    {
        if ((before ?? "") != (after ?? ""))
        {
            changes.Add($"{column}: {(string.IsNullOrEmpty(before) ? "–" : before)} → {(string.IsNullOrEmpty(after) ? "–" : after)}");
        }
    }

    internal static string Snapshot(Participation p) => JsonSerializer.Serialize(new MembershipState(p.StartDate, p.EndDate, p.AgreementReference, p.Source, p.ImportedFrom, p.Version));
}

internal sealed record MembershipState(DateOnly? Start, DateOnly? End, string? Agreement, string? Source, string? ImportedFrom, int Version);
