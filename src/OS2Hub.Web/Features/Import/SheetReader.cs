using System.Globalization;
using CsvHelper;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using OS2Hub.Web.Features.Localization;

namespace OS2Hub.Web.Features.Import;

/// <summary>One data row of a sheet: its row number as the user sees it, and its cells by column name.</summary>
public sealed record SheetRow(int Number, IReadOnlyDictionary<string, string> Cells)
{
    public string this[string column] => Cells.TryGetValue(column, out var v) ? v : "";
}

/// <summary>
/// A table read from an uploaded file: the first sheet of an .xlsx workbook, or a CSV file. Column names are the
/// header row's, in lower case. A file that cannot be read has a <see cref="Problem"/> in Danish and no rows.
/// </summary>
public sealed record Sheet(string? Problem, string Format, IReadOnlyList<string> Columns, IReadOnlyList<SheetRow> Rows)
{
    /// <summary>Cells that Excel stores as numbers: a date column may hold a date serial there.</summary>
    public bool FromExcel => Format == "xlsx";
}

/// <summary>Reads the secretariat's spreadsheets: .xlsx (formulas as their computed values) or CSV (UTF-8 or Windows-1252, semicolon or comma).</summary>
public static class SheetReader
{
    public const long MaxBytes = 10 * 1024 * 1024;
    public const int MaxRows = 20_000;

    public static async Task<Sheet> ReadAsync(string fileName, Stream file, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(file);
        var extension = Path.GetExtension(fileName ?? "").ToLowerInvariant();
        if (extension == ".xlsm")
        {
            return Problem(Texts.Get("Bulk_Error_Macros"));
        }

        if (extension is not (".xlsx" or ".csv" or ".txt"))
        {
            return Problem(Texts.Get("Bulk_Error_Format"));
        }

        using var buffer = new MemoryStream();
        // Reads at most one byte past the limit, so an oversized upload is refused without holding all of it.
        var chunk = new byte[81920];
        int read;
        while ((read = await file.ReadAsync(chunk, ct)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > MaxBytes)
            {
                return Problem(Texts.Format("Bulk_Error_Size", MaxBytes / (1024 * 1024)));
            }
        }

        buffer.Position = 0;
        var (columns, rows) = extension == ".xlsx" ? ReadWorkbook(buffer) : ReadCsv(buffer.ToArray());
        if (columns is null)
        {
            return Problem(Texts.Get(extension == ".xlsx" ? "Bulk_Error_Workbook" : "Bulk_Error_Empty"));
        }

        if (rows.Count > MaxRows)
        {
            return Problem(Texts.Format("Bulk_Error_Rows", MaxRows.ToString("N0", CultureInfo.CurrentCulture)));
        }

        return new Sheet(null, extension == ".xlsx" ? "xlsx" : "csv", columns, rows);
    }

    private static Sheet Problem(string message) => new(message, "", [], []);

    private static (List<string>? Columns, List<SheetRow> Rows) Table(IEnumerable<(int Number, string[] Cells)> lines)
    {
        List<string>? columns = null;
        var rows = new List<SheetRow>();
        foreach (var (number, cells) in lines)
        {
            if (cells.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            if (columns is null)
            {
                columns = [.. cells.Select(c => c.Trim().ToLowerInvariant())];
                continue;
            }

            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < Math.Min(columns.Count, cells.Length); i++)
            {
                if (columns[i].Length > 0)
                {
                    values[columns[i]] = cells[i].Trim();
                }
            }

            rows.Add(new SheetRow(number, values));
        }

        return (columns, rows);
    }

    private static (List<string>? Columns, List<SheetRow> Rows) ReadCsv(byte[] bytes)
    {
        var text = TextFiles.Decode(bytes).Text;
        var firstLine = text.Split('\n', 2)[0];
        // Excel in Danish saves with semicolons, other tools with commas; the header line tells which.
        var separator = firstLine.Count(c => c == ';') >= firstLine.Count(c => c == ',') ? ';' : ',';
        var lines = new List<(int, string[])>();
        using var csv = CsvReader.Create(new StringReader(text), new CsvReaderOptions { Separator = separator, HasHeader = false, TrackLineNumbers = true }, false);
        while (csv.Read())
        {
            lines.Add(((int)csv.LineNumber, [.. Enumerable.Range(0, csv.FieldCount).Select(i => Unescape(csv.GetString(i)))]));
        }

        return Table(lines);
    }

    /// <summary>
    /// The hub's own CSV exports put an apostrophe before a value that a spreadsheet would take for a formula
    /// ("+45 98 45 50 00"); reading one back takes it off again, so an export imports unchanged.
    /// </summary>
    private static string Unescape(string value) =>
        value.Length > 1 && value[0] == '\'' && value[1] is '=' or '+' or '-' or '@' or '\t' or '\r' ? value[1..] : value;

    private static (List<string>? Columns, List<SheetRow> Rows) ReadWorkbook(Stream stream)
    {
        SpreadsheetDocument document;
        try
        {
            document = SpreadsheetDocument.Open(stream, false);
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or FileFormatException)
        {
            return (null, []);
        }

        using (document)
        {
            var workbook = document.WorkbookPart;
            var first = workbook?.Workbook.Sheets?.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>().FirstOrDefault();
            if (workbook is null || first?.Id?.Value is null || workbook.GetPartById(first.Id.Value) is not WorksheetPart part)
            {
                return (null, []);
            }

            var shared = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToList() ?? [];
            var lines = new List<(int, string[])>();
            foreach (var row in part.Worksheet.Descendants<Row>())
            {
                var cells = new SortedDictionary<int, string>();
                var next = 0;
                foreach (var cell in row.Elements<Cell>())
                {
                    // Excel names each cell ("C7") and leaves empty ones out; other writers may name none and write every cell.
                    var index = cell.CellReference?.Value is { } reference ? ColumnIndex(reference) : next;
                    cells[index] = CellText(cell, shared);
                    next = index + 1;
                }

                var width = cells.Count == 0 ? 0 : cells.Keys.Max() + 1;
                lines.Add(((int)(row.RowIndex?.Value ?? (uint)(lines.Count + 1)), [.. Enumerable.Range(0, width).Select(i => cells.GetValueOrDefault(i, ""))]));
            }

            return Table(lines);
        }
    }

    /// <summary>A formula cell holds its last computed value, which is what the user saw in Excel.</summary>
    private static string CellText(Cell cell, List<string> shared)
    {
        var value = cell.CellValue?.Text ?? "";
        if (cell.DataType?.Value == CellValues.SharedString)
        {
            return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < shared.Count ? shared[i] : "";
        }

        if (cell.DataType?.Value == CellValues.InlineString)
        {
            return cell.InlineString?.InnerText ?? "";
        }

        return value;
    }

    private static int ColumnIndex(string reference)
    {
        var index = 0;
        foreach (var c in reference.TakeWhile(char.IsLetter))
        {
            index = index * 26 + (char.ToUpperInvariant(c) - 'A' + 1);
        }

        return index - 1;
    }
}
