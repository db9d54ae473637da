using System.Globalization;
using CsvHelper;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using OS2Hub.Web.Data.Entities;

namespace OS2Hub.Web.Features.Partners;

/// <summary>
/// The partner list as files: one row per authority and contact person, with a product column. CSV as Danish Excel
/// opens it (UTF-8 with a byte-order mark, semicolons) with text that looks like a formula neutralised by a leading
/// apostrophe; .xlsx with every value a typed text or number cell, never a formula.
/// </summary>
public static class PartnerExport
{
    private static readonly string[] s_header =
        ["Produkt", "Myndighed", "Type", "Region", "Størrelse", "Medejer siden", "Kontaktperson", "Titel", "E-mail", "Telefon"];

    public static string FileName(PartnerFilter filter, DateOnly today, string extension)
    {
        ArgumentNullException.ThrowIfNull(filter);
        // The product part comes from the address: only a well-formed slug goes into the file name.
        var product = filter.Product is { Length: > 0 and <= 100 } slug && slug.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-') ? slug : "alle-produkter";
        return $"partnerliste-{product}-{today:yyyy-MM-dd}.{extension}";
    }

    public static byte[] ToCsv(PartnerList list)
    {
        ArgumentNullException.ThrowIfNull(list);
        using var stream = new MemoryStream();
        using (var writer = CsvWriter.Create(stream, new CsvWriterOptions
        {
            Separator = ';', Injection = CsvInjection.Escape, WriteByteOrderMark = true, NewLine = "\r\n",
        }, leaveOpen: true))
        {
            writer.WriteRecord(s_header);
            foreach (var row in Rows(list))
            {
                writer.WriteRecord(row);
            }
        }

        return stream.ToArray();
    }

    public static byte[] ToXlsx(PartnerList list)
    {
        ArgumentNullException.ThrowIfNull(list);
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            data.Append(Row(s_header));
            foreach (var row in Rows(list))
            {
                data.Append(Row(row));
            }

            sheetPart.Worksheet = new Worksheet(data);
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = "Partnerliste" }));
        }

        return stream.ToArray();
    }

    private static IEnumerable<string[]> Rows(PartnerList list)
    {
        foreach (var section in list.Sections)
        {
            foreach (var a in section.Authorities)
            {
                IReadOnlyList<PartnerContact?> contacts = a.Contacts.Count > 0 ? [.. a.Contacts] : [null];
                foreach (var c in contacts)
                {
                    yield return
                    [
                        section.Name, a.Name, Kind(a.Kind), a.Region ?? "", Size(a.SizeClass),
                        a.MemberSince?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
                        c?.Name ?? "", c?.Title ?? "", c?.Email ?? "", c?.Phone ?? "",
                    ];
                }
            }
        }
    }

    private static Row Row(IEnumerable<string> values)
    {
        var row = new Row();
        foreach (var value in values)
        {
            // Every value is a typed text cell (an inline string): "=SUM(…)" or "+45 …" is shown, never evaluated.
            row.Append(new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(value) { Space = SpaceProcessingModeValues.Preserve }) });
        }

        return row;
    }

    private static string Kind(OrganisationKind kind) => kind switch
    {
        OrganisationKind.Kommune => "Kommune",
        OrganisationKind.Region => "Region",
        OrganisationKind.Stat => "Statslig",
        OrganisationKind.AndenOffentlig => "Anden offentlig",
        _ => "Virksomhed",
    };

    private static string Size(SizeClass? size) => size switch
    {
        SizeClass.Lille => "Lille",
        SizeClass.Mellem => "Mellem",
        SizeClass.Stor => "Stor",
        SizeClass.MegetStor => "Meget stor",
        _ => "",
    };
}
