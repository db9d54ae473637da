using CsvHelper;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace OS2Hub.Web.Features;

/// <summary>The hub's downloads as spreadsheets: .xlsx workbooks of text cells, and CSV as Danish Excel opens it.</summary>
public static class Workbooks
{
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string CsvContentType = "text/csv; charset=utf-8";

    public static byte[] Xlsx(params IEnumerable<(string Name, IEnumerable<string[]> Rows)> sheets)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook(new Sheets());
            uint id = 1;
            foreach (var (name, rows) in sheets)
            {
                var part = workbook.AddNewPart<WorksheetPart>();
                var data = new SheetData();
                foreach (var values in rows)
                {
                    var row = new Row();
                    foreach (var value in values)
                    {
                        // Every value is a typed text cell (an inline string): "=SUM(…)" or "+45 …" is shown, never evaluated.
                        row.Append(new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(value) { Space = SpaceProcessingModeValues.Preserve }) });
                    }

                    data.Append(row);
                }

                part.Worksheet = new Worksheet(data);
                workbook.Workbook.Sheets!.Append(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = id++, Name = name });
            }
        }

        return stream.ToArray();
    }

    /// <summary>Semicolons, CRLF and a byte-order mark, so Danish Excel opens it with æ, ø and å intact; formulas are escaped.</summary>
    public static byte[] Csv(IEnumerable<string[]> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        using var stream = new MemoryStream();
        using (var writer = CsvWriter.Create(stream, new CsvWriterOptions
        {
            Separator = ';', Injection = CsvInjection.Escape, WriteByteOrderMark = true, NewLine = "\r\n",
        }, leaveOpen: true))
        {
            foreach (var row in rows)
            {
                writer.WriteRecord(row);
            }
        }

        return stream.ToArray();
    }
}
