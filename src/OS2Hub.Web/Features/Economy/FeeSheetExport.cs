using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using OS2Hub.Web.Data.Entities;

namespace OS2Hub.Web.Features.Economy;

/// <summary>
/// A product's fee sheet for one budget year as an .xlsx file a finance department can file: the terms at the top,
/// then one row per member with its share, the secretariat's contribution and the total. Amounts are number cells so
/// they can be summed; names are text cells; nothing is a formula.
/// </summary>
public static class FeeSheetExport
{
    public static string FileName(string productSlug, int budgetYear) => $"takstblad-{productSlug}-{budgetYear}.xlsx";

    public static byte[] ToXlsx(string productName, FeeSheetView view, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(view);
        var percent = view.Key.SecretariatPercent;
        var rows = new List<object?[]>
        {
            new object?[] { "Takstblad", productName },
            new object?[] { "Budgetår", view.BudgetYear },
            new object?[] { "Vederlag til fordeling (kr.)", view.Terms.AnnualAmount },
            new object?[] { "Tilslutningsafgift for nye medlemmer (kr.)", view.Terms.JoiningFee },
            new object?[] { "Fordeling", KeyName(view.Terms.Key) },
            new object?[] { "Sekretariatets bidragssats (%)", percent },
        };
        if (view.Terms.Key == DistributionKey.AssociationKey)
        {
            rows.Add(["Vægte (lille; mellem; stor; meget stor)", string.Join("; ", new[] { view.Key.Small, view.Key.Medium, view.Key.Large, view.Key.VeryLarge }.Select(w => w.ToString("0.##", CultureInfo.GetCultureInfo("da-DK"))))]);
        }

        if (view.IsEstimate)
        {
            rows.Add(["Skøn", $"Budgetåret har endnu intet eget takstblad eller ingen fordelingsnøgle; beregnet med takstbladet for {view.Terms.SheetYear} og nøglen for {view.Key.BudgetYear}."]);
        }

        if (view.IsDemo)
        {
            rows.Add(["Demodata", "Beløbene er opfundet til afprøvning og er ikke OS2's takster."]);
        }

        rows.Add(["Regel", "Andelene er afrundet til hele kroner efter største-rest-metoden og summerer til vederlaget; bidraget er beregnet af den afrundede andel og afrundet halvt op."]);
        rows.Add(["Dannet", today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)]);
        rows.Add([]);
        rows.Add(["Kode", "Myndighed", "Type", "Størrelsesklasse", "Befolkningstal", "Befolkningstal pr.", "Vægt", "Andel, præcis (kr.)", "Andel (kr.)", "Bidrag til sekretariatet (kr.)", "I alt (kr.)"]);
        foreach (var s in view.Shares)
        {
            rows.Add([
                s.Member.Code ?? "", s.Member.Name, FileLabels.Kind(s.Member.Kind), FileLabels.Size(s.Member.SizeClass), s.Member.Population,
                s.Member.PopulationAsOf?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? (s.Member.Population is null ? "" : "sekretariatets vurdering"),
                s.Weight, decimal.Round(s.Exact, 2), s.Share, s.Contribution, s.Total,
            ]);
        }

        rows.Add(["", "I alt", "", "", null, "", null, null, view.TotalShares, view.TotalContributions, view.TotalShares + view.TotalContributions]);
        foreach (var m in view.Unplaced)
        {
            rows.Add([m.Code ?? "", m.Name, FileLabels.Kind(m.Kind), "Ikke placeret: indgår ikke i fordelingen"]);
        }

        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook(new Sheets());
            var part = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            foreach (var values in rows)
            {
                var row = new Row();
                foreach (var value in values)
                {
                    row.Append(Cell(value));
                }

                data.Append(row);
            }

            var columns = new Columns(new Column { Min = 1, Max = 1, Width = 40, CustomWidth = true }, new Column { Min = 2, Max = 2, Width = 30, CustomWidth = true },
                new Column { Min = 3, Max = 11, Width = 18, CustomWidth = true });
            part.Worksheet = new Worksheet(columns, data);
            workbook.Workbook.Sheets!.Append(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = 1, Name = $"Takstblad {view.BudgetYear}" });
        }

        return stream.ToArray();
    }

    /// <summary>Numbers as number cells; everything else as a typed text cell, so no value is ever evaluated.</summary>
    private static Cell Cell(object? value) => value switch
    {
        null => new Cell(),
        int or long or decimal => new Cell { DataType = CellValues.Number, CellValue = new CellValue(Convert.ToDecimal(value, CultureInfo.InvariantCulture)) },
        _ => new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(Convert.ToString(value, CultureInfo.InvariantCulture) ?? "") { Space = SpaceProcessingModeValues.Preserve }) },
    };

    public static string KeyName(DistributionKey key) => key switch
    {
        DistributionKey.Equal => "Ligelig fordeling",
        DistributionKey.Population => "Efter befolkningstal",
        _ => "Foreningens fordelingsnøgle (størrelsesklasser)",
    };
}
