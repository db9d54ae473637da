using System.Globalization;
using OS2Hub.Web.Data;
using OS2Hub.Web.Data.Entities;

namespace OS2Hub.Web.Features.Import;

public enum ImportRowStatus
{
    New,
    Changed,
    Unchanged,
    Error,
}

/// <summary>What one row of a file would do: its row number, what it is about, the changes (old → new) or the errors.</summary>
public sealed record ImportRow(int Number, ImportRowStatus Status, string Subject, IReadOnlyList<string> Notes);

/// <summary>What a file would change, row by row, before anything is written.</summary>
public sealed record ImportPreview(string? FileProblem, IReadOnlyList<ImportRow> Rows)
{
    public int Count(ImportRowStatus status) => Rows.Count(r => r.Status == status);

    public bool HasErrors => FileProblem is not null || Rows.Any(r => r.Status == ImportRowStatus.Error);

    public bool HasChanges => Rows.Any(r => r.Status is ImportRowStatus.New or ImportRowStatus.Changed);
}

public sealed record ImportBatchView(int Id, ImportKind Kind, string FileName, string UserName, DateTime At, int Created, int Changed, DateTime? UndoneAt);

/// <summary>Reading the values of a row: dates as the secretariat writes them, names as the catalogue folds them.</summary>
public static class ImportValues
{
    /// <summary>
    /// Empty is null; otherwise dd.mm.åååå, åååå-mm-dd, or (from an .xlsx file) Excel's date number. False when the
    /// text is none of these.
    /// </summary>
    public static bool TryDate(string text, bool fromExcel, out DateOnly? date)
    {
        date = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        text = text.Trim();
        if (DateOnly.TryParseExact(text, ["d.M.yyyy", "dd.MM.yyyy", "yyyy-MM-dd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            date = parsed;
            return true;
        }

        // Excel keeps a date cell as days since 1900; 1 to 109575 is 1900 to 2199.
        if (fromExcel && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial) && serial is >= 1 and < 109_576 && serial == Math.Floor(serial))
        {
            date = DateOnly.FromDateTime(DateTime.FromOADate(serial));
            return true;
        }

        return false;
    }

    public static string Date(DateOnly? date) => date?.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture) ?? "";

}
