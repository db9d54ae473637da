using CsvHelper;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using OS2Hub.Web.Data.Entities;
using OS2Hub.Web.Features.Partners;

namespace OS2Hub.Web.Tests.Features.Partners;

/// <summary>The exported files read back with the same kind of library a receiving program would use.</summary>
public sealed class PartnerExportTests
{
    private static readonly PartnerList s_list = new("Leverandør ApS", [], [],
    [
        new PartnerSection(1, "os2rollekatalog", "OS2rollekatalog", [SupplierRole.Development],
        [
            new PartnerAuthority("aeroe", "Ærø Kommune", OrganisationKind.Municipality, "Region Syddanmark", SizeClass.Small, new DateOnly(2019, 3, 1),
            [
                new PartnerContact("Søren Ødegård", "=HYPERLINK(\"http://x\")", "soeren@aeroe.example.dk", "+45 62 52 10 00"),
                new PartnerContact("Åse Blå", "@chef", null, "-1"),
            ]),
            new PartnerAuthority("region-midt", "Region Midtjylland", OrganisationKind.Region, "Region Midtjylland", null, null, []),
        ],
        [new PartnerSupplier("magenta-aps", "Magenta ApS", [SupplierRole.Hosting, SupplierRole.Support])],
        [new PartnerGroup(WorkingGroupKind.SteeringGroup, null, [new PartnerGroupSeat("Ærø Kommune", "Søren Ødegård", true)])]),
    ]);

    private static readonly string[] s_header = ["Produkt", "Myndighed", "Type", "Region", "Størrelse", "Medejer siden", "Kontaktperson", "Titel", "E-mail", "Telefon"];

    [Fact]
    public void TheCsvIsUtf8WithABomAndSemicolonsAndNoFieldCanRunAsAFormula()
    {
        var bytes = PartnerExport.ToCsv(s_list);

        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        using var csv = CsvReader.Create(new MemoryStream(bytes), new CsvReaderOptions { Separator = ';' }, false);
        var rows = new List<string[]>();
        while (csv.Read())
        {
            rows.Add([.. Enumerable.Range(0, csv.FieldCount).Select(csv.GetString)]);
        }

        Assert.Equal(s_header, csv.Headers);
        Assert.Equal(3, rows.Count); // two contacts, and an authority without one
        Assert.Equal(["OS2rollekatalog", "Ærø Kommune", "Kommune", "Region Syddanmark", "Lille", "2019-03-01", "Søren Ødegård", "'=HYPERLINK(\"http://x\")", "soeren@aeroe.example.dk", "'+45 62 52 10 00"], rows[0]);
        Assert.Equal(("Åse Blå", "'@chef", "", "'-1"), (rows[1][6], rows[1][7], rows[1][8], rows[1][9]));
        Assert.Equal(["OS2rollekatalog", "Region Midtjylland", "Region", "Region Midtjylland", "", "", "", "", "", ""], rows[2]);
    }

    [Fact]
    public void TheWorkbookHasOnlyTextCellsAndNoFormulas()
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(PartnerExport.ToXlsx(s_list)), false);
        var sheets = document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().ToList();
        Worksheet Sheet(string name) => ((WorksheetPart)document.WorkbookPart.GetPartById(sheets.Single(s => s.Name == name).Id!)).Worksheet;
        var sheet = Sheet("Partnerliste");
        var rows = sheet.Descendants<Row>().Select(r => r.Elements<Cell>().ToList()).ToList();

        Assert.Empty(sheet.Descendants<CellFormula>());
        Assert.All(rows.SelectMany(r => r), c => Assert.Equal(CellValues.InlineString, c.DataType!.Value));
        var text = rows.Select(r => r.Select(c => c.InlineString!.Text!.Text).ToArray()).ToList();
        Assert.Equal(s_header, text[0]);
        Assert.Equal(["OS2rollekatalog", "Ærø Kommune", "Kommune", "Region Syddanmark", "Lille", "2019-03-01", "Søren Ødegård", "=HYPERLINK(\"http://x\")", "soeren@aeroe.example.dk", "+45 62 52 10 00"], text[1]);
        Assert.Equal(["Partnerliste", "Leverandører", "Arbejdsgrupper"], sheets.Select(s => s.Name!.Value));
        static string[][] Text(Worksheet w) => w.Descendants<Row>().Select(r => r.Elements<Cell>().Select(c => c.InlineString!.Text!.Text).ToArray()).ToArray();
        Assert.Equal(["OS2rollekatalog", "Magenta ApS", "Drift/hosting, Support"], Text(Sheet("Leverandører"))[1]);
        Assert.Equal(["OS2rollekatalog", "Styregruppe", "Ærø Kommune", "Søren Ødegård", "ja"], Text(Sheet("Arbejdsgrupper"))[1]);
        Assert.Empty(Sheet("Arbejdsgrupper").Descendants<CellFormula>());
    }

    [Fact]
    public void TheFileNameNamesTheProductAndTheDate()
    {
        Assert.Equal("partnerliste-os2mo-2026-11-27.xlsx", PartnerExport.FileName(new PartnerFilter { Product = "os2mo" }, new DateOnly(2026, 11, 27), "xlsx"));
        Assert.Equal("partnerliste-alle-produkter-2026-11-27.csv", PartnerExport.FileName(new PartnerFilter(), new DateOnly(2026, 11, 27), "csv"));
    }
}
