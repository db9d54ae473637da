using OS2Hub.Web.Data;
using OS2Hub.Web.Data.Entities;
using OS2Hub.Web.Features.Localization;

namespace OS2Hub.Web.Features.Import;

/// <summary>
/// One kind of file the secretariat imports: its columns (Danish, the file format), an example row for the template,
/// how its rows are planned against the hub, and the export in the same columns.
/// </summary>
public interface IImportKind
{
    ImportKind Kind { get; }

    /// <summary>The kind in URLs and file names ("medlemskaber").</summary>
    string Word { get; }

    /// <summary>The sheet's name in the template and the export ("Medlemskaber").</summary>
    string SheetName { get; }

    IReadOnlyList<ImportColumn> Columns { get; }

    IReadOnlyList<string> Example { get; }

    /// <summary>Reads every row: a preview line each, and for the valid rows what to write.</summary>
    Task PlanAsync(ImportPlan plan, CancellationToken ct);

    /// <summary>The hub's records of this kind (not demo data), as data rows in <see cref="Columns"/>' order.</summary>
    Task<IReadOnlyList<string[]>> ExportAsync(OS2HubDbContext db, CancellationToken ct);
}

public sealed record ImportColumn(string Name, bool Required, string Explanation);

/// <summary>
/// What a file would do, built row by row before anything is written: the preview line of each row and, for the
/// valid ones, what to write. Writing happens later, only through <see cref="ImportWriter"/>.
/// </summary>
public sealed class ImportPlan(OS2HubDbContext db, Sheet sheet, string fileName, ImportNames names, DateOnly today, string? batchReason)
{
    private readonly List<ImportRow> _rows = [];
    private readonly List<Action<ImportWriter>> _writes = [];

    public OS2HubDbContext Db => db;
    public Sheet Sheet => sheet;
    public ImportNames Names => names;
    public DateOnly Today => today;

    /// <summary>The reason the secretariat gave for the whole batch (fee sheets), used where a row gives none.</summary>
    public string? BatchReason => batchReason;

    public IReadOnlyList<ImportRow> Rows => _rows;
    internal IReadOnlyList<Action<ImportWriter>> Writes => _writes;

    /// <summary>Where a fact came from: "Medlemsliste 2026.xlsx, række 14".</summary>
    public string From(int line) => $"{Path.GetFileName(fileName)}, {Texts.Format("Bulk_Row", line)}";

    public void Error(SheetRow line, string subject, IReadOnlyList<string> errors) => _rows.Add(new ImportRow(line.Number, ImportRowStatus.Error, subject, errors));

    public void Unchanged(SheetRow line, string subject) => _rows.Add(new ImportRow(line.Number, ImportRowStatus.Unchanged, subject, []));

    public void New(SheetRow line, string subject, string note, Action<ImportWriter> write)
    {
        _rows.Add(new ImportRow(line.Number, ImportRowStatus.New, subject, [note]));
        _writes.Add(write);
    }

    public void Changed(SheetRow line, string subject, IReadOnlyList<string> changes, Action<ImportWriter> write)
    {
        _rows.Add(new ImportRow(line.Number, ImportRowStatus.Changed, subject, changes));
        _writes.Add(write);
    }

    /// <summary>A date cell: empty is null; a value that is no date adds the column's error.</summary>
    public DateOnly? Date(SheetRow line, string column, List<string> errors)
    {
        ArgumentNullException.ThrowIfNull(line);
        ArgumentNullException.ThrowIfNull(errors);
        if (ImportValues.TryDate(line[column], sheet.FromExcel, out var date))
        {
            return date;
        }

        errors.Add(Texts.Format("Bulk_Error_Date", column, line[column]));
        return null;
    }

    /// <summary>A period's two dates, with the error when the end is not after the start.</summary>
    public (DateOnly? Start, DateOnly? End) Period(SheetRow line, string from, string to, List<string> errors)
    {
        var (start, end) = (Date(line, from, errors), Date(line, to, errors));
        if (start is not null && end is not null && end <= start)
        {
            errors?.Add(Texts.Format("Bulk_Error_EndAfterStart", to, from));
        }

        return (start, end);
    }

    /// <summary>A text cell: trimmed, empty as null, and an error when longer than the column allows.</summary>
    public static string? Text(SheetRow line, string column, int max, List<string> errors)
    {
        ArgumentNullException.ThrowIfNull(line);
        ArgumentNullException.ThrowIfNull(errors);
        var value = InputRules.Clean(line[column]);
        if (value?.Length > max)
        {
            errors.Add(Texts.Format("Bulk_Error_Length", column, max));
        }

        return value;
    }

    /// <summary>Adds "column: old → new" when the values differ.</summary>
    public static void Compare(List<string> changes, string column, string? before, string? after)
    {
        ArgumentNullException.ThrowIfNull(changes);
        if ((before ?? "") != (after ?? ""))
        {
            changes.Add($"{column}: {(string.IsNullOrEmpty(before) ? "–" : before)} → {(string.IsNullOrEmpty(after) ? "–" : after)}");
        }
    }

    /// <summary>Half-open periods, an open bound reaching for ever, as the database's own rule for memberships.</summary>
    public static bool Overlaps(DateOnly? aStart, DateOnly? aEnd, DateOnly? bStart, DateOnly? bEnd) =>
        (aEnd is null || bStart is null || aEnd > bStart) && (bEnd is null || aStart is null || bEnd > aStart);

    /// <summary>A period in words for a message: "fra 01.01.2020, uden slutdato" or "01.01.2020 – 31.12.2024".</summary>
    public static string Describe(DateOnly? start, DateOnly? end)
    {
        var since = start is null ? Texts.Get("Bulk_UnknownStart") : ImportValues.Date(start);
        return end is null ? Texts.Format("Bulk_PeriodOpen", since) : Texts.Format("Bulk_Period", since, ImportValues.Date(end));
    }
}

/// <summary>
/// Writes a planned batch: every entity created or changed is tracked with its state before, so the batch records
/// it and can be undone. Entities that several rows share (a contact person with three roles) are made once.
/// </summary>
public sealed class ImportWriter(OS2HubDbContext db, ImportBatch batch, string userId, DateTime now)
{
    private readonly List<(object Entity, int Line, string? Before)> _tracked = [];
    private readonly Dictionary<string, object> _shared = [];

    public OS2HubDbContext Db => db;
    public ImportBatch Batch => batch;
    public string UserId => userId;
    public DateTime Now => now;

    internal int Created => _tracked.Count(t => t.Before is null);
    internal int Changed => _tracked.Count(t => t.Before is not null);

    public T Add<T>(T entity, int line) where T : class
    {
        db.Add(entity);
        _tracked.Add((entity, line, null));
        return entity;
    }

    /// <summary>Call before changing an entity: keeps its state before, once per batch.</summary>
    public void Changing<T>(T entity, int line) where T : class
    {
        if (!_tracked.Any(t => ReferenceEquals(t.Entity, entity)))
        {
            _tracked.Add((entity, line, ImportedEntities.Snapshot(entity)));
        }
    }

    /// <summary>The entity several rows share, made by the first.</summary>
    public T Shared<T>(string key, Func<T> make) where T : class
    {
        ArgumentNullException.ThrowIfNull(make);
        if (!_shared.TryGetValue(key, out var found))
        {
            found = make();
            _shared[key] = found;
        }

        return (T)found;
    }

    /// <summary>Once the entities have ids: the batch's record of each, and one change-log line each.</summary>
    internal void Record()
    {
        foreach (var (entity, line, before) in _tracked)
        {
            var (type, id) = ImportedEntities.Key(entity);
            db.ImportChanges.Add(new ImportChange { Batch = batch, EntityType = type, EntityId = id, Line = line, Before = before, After = ImportedEntities.Snapshot(entity) });
            new ChangeRecorder(userId, now, type, id).Add("Import", null, $"{batch.FileName}, {line}").WriteTo(db);
        }
    }
}
