using System.Text;
using OS2Hub.Web.Data.Entities;
using OS2Hub.Web.Features;
using OS2Hub.Web.Features.Import;
using OS2Hub.Web.Tests.Infrastructure;

namespace OS2Hub.Web.Tests.Features.Import;

/// <summary>One kind of import file over the real service and database: reading a CSV or a workbook, preview, apply, export, undo.</summary>
public abstract class ImportTestBase(ImportKind kind) : IDisposable
{
    protected TestDatabase Db { get; } = TestDatabase.Create();

    protected BulkImport Import => new(Db, FixedClock.Default);

    protected ImportBatches Batches => new(Db, FixedClock.Default);

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected IImportKind Kind => BulkImport.Of(kind);

    protected MemoryStream Csv(params string[] lines) => new(Encoding.UTF8.GetBytes(string.Join("\r\n", [string.Join(';', Kind.Columns.Select(c => c.Name)), .. lines])));

    /// <summary>The same rows as Windows-1252 with commas, as Excel saves "CSV" on a Danish PC set to English lists.</summary>
    protected MemoryStream AnsiCommaCsv(params string[] lines) =>
        new(Encoding.GetEncoding(1252).GetBytes(string.Join("\r\n", [string.Join(',', Kind.Columns.Select(c => c.Name)), .. lines.Select(l => l.Replace(';', ','))])));

    protected async Task<ImportPreview> PreviewAsync(Stream file, string fileName = "fil.csv", string? reason = null) =>
        (await Import.PreviewAsync("sekretariat", kind, fileName, file, reason, Ct)).Value!;

    protected Task<OperationResult> ApplyAsync(Stream file, string fileName = "fil.csv", bool onlyValidRows = false, string? reason = null) =>
        Import.ApplyAsync("sekretariat", kind, fileName, file, onlyValidRows, reason, Ct);

    /// <summary>The hub's export of the kind read back as an import, as .xlsx and as CSV: both must change nothing.</summary>
    protected async Task<IReadOnlyList<string[]>> AssertRoundTripChangesNothingAsync()
    {
        var rows = (await new ImportFiles(Db, FixedClock.Default).RowsAsync("sekretariat", Kind, PersonalDataAccess.ExcelExport, Ct))!;
        var fromXlsx = await PreviewAsync(new MemoryStream(Workbooks.Xlsx((Kind.SheetName, rows))), "eksport.xlsx");
        var fromCsv = await PreviewAsync(new MemoryStream(Workbooks.Csv(rows)), "eksport.csv");
        Assert.Equal(rows.Count - 1, fromXlsx.Rows.Count);
        Assert.All(fromXlsx.Rows.Concat(fromCsv.Rows), r => Assert.True(r.Status == ImportRowStatus.Unchanged, $"Row {r.Number}: {r.Status} {string.Join(" ", r.Notes)}"));
        return rows;
    }

    /// <summary>The template's example row is read column by column (its product is not in the test catalogue).</summary>
    protected async Task<ImportRow> TemplateRowAsync() =>
        Assert.Single((await PreviewAsync(new MemoryStream(ImportFiles.Template(Kind)), "skabelon.xlsx")).Rows);

    protected static ImportRow Error(ImportPreview preview) => Assert.Single(preview.Rows, r => r.Status == ImportRowStatus.Error);

    public void Dispose()
    {
        Db.Dispose();
        GC.SuppressFinalize(this);
    }
}

/// <summary>What the file reader refuses holds for every kind alike.</summary>
public sealed class ImportFileLimitTests
{
    public static TheoryData<ImportKind> Kinds => [.. Enum.GetValues<ImportKind>()];

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task AMacroWorkbookAndAFileOverTheLimitsAreRefusedForEveryKind(ImportKind kind)
    {
        using var db = TestDatabase.Create();
        await OS2Hub.Web.Tests.Features.Memberships.WorkflowWorld.CreateAsync(db);
        var import = new BulkImport(db, FixedClock.Default);
        var ct = TestContext.Current.CancellationToken;
        var header = string.Join(';', BulkImport.Of(kind).Columns.Select(c => c.Name));
        var many = new MemoryStream(Encoding.UTF8.GetBytes(string.Join("\r\n", [header, .. Enumerable.Repeat("x", SheetReader.MaxRows + 1)])));

        Assert.Equal("Filer med makroer (.xlsm) kan ikke importeres. Gem regnearket som .xlsx, og prøv igen.", (await import.PreviewAsync("sekretariat", kind, "fil.xlsm", new MemoryStream([1]), null, ct)).Value!.FileProblem);
        Assert.Equal("Filen er større end 10 MB.", (await import.PreviewAsync("sekretariat", kind, "fil.csv", new MemoryStream(new byte[SheetReader.MaxBytes + 1]), null, ct)).Value!.FileProblem);
        Assert.Equal("Filen har mere end 20.000 rækker. Del den op, og importér delene hver for sig.", (await import.PreviewAsync("sekretariat", kind, "fil.csv", many, null, ct)).Value!.FileProblem);
        Assert.False((await import.ApplyAsync("sekretariat", kind, "fil.xlsm", new MemoryStream([1]), true, null, ct)).Succeeded);
    }
}
