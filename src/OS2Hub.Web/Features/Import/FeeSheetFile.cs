using System.Globalization;
using Microsoft.EntityFrameworkCore;
using OS2Hub.Web.Data;
using OS2Hub.Web.Data.Entities;
using OS2Hub.Web.Features.Economy;
using OS2Hub.Web.Features.Localization;

namespace OS2Hub.Web.Features.Import;

/// <summary>
/// The products' fee sheets (takstblade), one row per product and budget year. As in the editor, every change is
/// recorded with a reason, and a change to a year that has begun is a correction: it needs the row's own reason or
/// one reason for the whole file, never none.
/// </summary>
public sealed partial class FeeSheetFile : IImportKind
{
    private const long MaxAmount = 10_000_000_000;

    private static readonly (string Word, DistributionKey Key)[] Keys =
    [
        ("foreningens nøgle", DistributionKey.AssociationKey), ("fordelingsnøgle", DistributionKey.AssociationKey), ("ligelig", DistributionKey.Equal), ("befolkning", DistributionKey.Population),
    ];

    public ImportKind Kind => ImportKind.FeeSheets;
    public string Word => "takstblade";
    public string SheetName => "Takstblade";

    public IReadOnlyList<ImportColumn> Columns { get; } =
    [
        new("produkt", true, "Produktets navn som i kataloget eller dets adresse-id."),
        new("budgetaar", true, "Budgetåret, fx 2027. Sammen med produktet kendes rækken på året."),
        new("vederlag", true, "Det årlige vederlag, medlemmerne deler, i hele kroner (fx 1250000 eller 1.250.000)."),
        new("tilslutningsafgift", true, "Den engangsafgift, et nyt medlem betaler, i hele kroner."),
        new("fordeling", true, "foreningens nøgle, ligelig eller befolkning."),
        new("begrundelse", false, "Hvorfor takstbladet ændres. Skal udfyldes for et budgetår, der er begyndt (en rettelse), medmindre du angiver én begrundelse for hele filen."),
    ];

    public IReadOnlyList<string> Example { get; } = ["OS2rollekatalog", "2027", "1.250.000", "25.000", "foreningens nøgle", "Styregruppens beslutning 12.09.2026"];

    public async Task PlanAsync(ImportPlan plan, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var sheets = await plan.Db.FeeSheets.ToListAsync(ct);
        var inFile = new Dictionary<(int, int), int>();
        foreach (var line in plan.Sheet.Rows)
        {
            var errors = new List<string>();
            var product = plan.Names.Product(line["produkt"], errors);
            var year = Year(line["budgetaar"], errors);
            var amount = Amount(line, "vederlag", plan.Sheet.FromExcel, errors);
            var fee = Amount(line, "tilslutningsafgift", plan.Sheet.FromExcel, errors);
            var key = Key(line["fordeling"], errors);
            var reason = ImportPlan.Text(line, "begrundelse", 1000, errors) ?? plan.BatchReason;
            var subject = $"{product?.Name ?? line["produkt"]} {line["budgetaar"]}";
            if (errors.Count > 0 || product is null || year is null || amount is null || fee is null || key is null)
            {
                plan.Error(line, subject, errors);
                continue;
            }

            if (!inFile.TryAdd((product.Id, year.Value), line.Number))
            {
                errors.Add(Texts.Format("Bulk_Error_Twice", inFile[(product.Id, year.Value)]));
            }

            var same = sheets.FirstOrDefault(s => s.ProductId == product.Id && s.BudgetYear == year);
            var changes = new List<string>();
            if (same is not null)
            {
                ImportPlan.Compare(changes, "vederlag", Kroner(same.AnnualAmount), Kroner(amount.Value));
                ImportPlan.Compare(changes, "tilslutningsafgift", Kroner(same.JoiningFee), Kroner(fee.Value));
                ImportPlan.Compare(changes, "fordeling", KeyWord(same.Key), KeyWord(key.Value));
            }

            var correction = new DateOnly(year.Value, 1, 1) <= plan.Today;
            if ((same is null || changes.Count > 0) && correction && reason is null)
            {
                errors.Add(Texts.Format("Bulk_Error_CorrectionReason", year));
            }

            if (errors.Count > 0)
            {
                plan.Error(line, subject, errors);
                continue;
            }

            if (same is not null && changes.Count == 0)
            {
                plan.Unchanged(line, subject);
                continue;
            }

            var from = plan.From(line.Number);
            Action<ImportWriter> write = w =>
            {
                var sheet = same ?? w.Add(new FeeSheet { ProductId = product.Id, BudgetYear = year.Value }, line.Number);
                w.Changing(sheet, line.Number);
                w.Add(new FeeSheetChange
                {
                    ProductId = product.Id, BudgetYear = year.Value, At = w.Now, UserId = w.UserId, Reason = reason ?? from, ImportedFrom = from, IsCorrection = correction,
                    OldAnnualAmount = same?.AnnualAmount, NewAnnualAmount = amount.Value, OldJoiningFee = same?.JoiningFee, NewJoiningFee = fee.Value, OldKey = same?.Key, NewKey = key.Value,
                }, line.Number);
                (sheet.AnnualAmount, sheet.JoiningFee, sheet.Key, sheet.IsDemo, sheet.UpdatedAt) = (amount.Value, fee.Value, key.Value, false, w.Now);
                sheet.Version++;
            };
            var kind = correction ? Texts.Get("Bulk_Correction") + " " : "";
            if (same is null)
            {
                plan.New(line, subject, kind + Texts.Format("Bulk_NewFeeSheet", Kroner(amount.Value), Kroner(fee.Value), KeyWord(key.Value)), write);
            }
            else
            {
                plan.Changed(line, subject, correction ? [.. changes, Texts.Get("Bulk_Correction")] : changes, write);
            }
        }
    }

    public async Task<IReadOnlyList<string[]>> ExportAsync(OS2HubDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rows = await db.FeeSheets.AsNoTracking().Where(f => !f.IsDemo)
            .Select(f => new { Product = f.Product!.Slug, f.Product.Name, f.BudgetYear, f.AnnualAmount, f.JoiningFee, f.Key }).ToListAsync(ct);
        return [.. rows.OrderBy(r => r.Name, StringComparer.CurrentCulture).ThenBy(r => r.BudgetYear)
            .Select(r => new[] { r.Product, r.BudgetYear.ToString(CultureInfo.InvariantCulture), Plain(r.AnnualAmount), Plain(r.JoiningFee), KeyWord(r.Key), "" })];
    }

    private static string KeyWord(DistributionKey key) => Keys.First(k => k.Key == key).Word;

    private static string Kroner(long amount) => amount.ToString("N0", CultureInfo.GetCultureInfo("da-DK")) + " kr.";

    private static string Plain(long amount) => amount.ToString(CultureInfo.InvariantCulture);

    private static int? Year(string text, List<string> errors)
    {
        if (int.TryParse(text?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var year) && BudgetYears.IsValid(year))
        {
            return year;
        }

        errors.Add(Texts.Format("Bulk_Error_Year", text, BudgetYears.Min, BudgetYears.Max));
        return null;
    }

    /// <summary>Whole kroner: "1250000", "1.250.000", "1 250 000", "1.250.000,00" or "kr. 1.250.000"; from Excel a number cell.</summary>
    private static long? Amount(SheetRow line, string column, bool fromExcel, List<string> errors)
    {
        var text = line[column].Trim();
        var plain = text.Replace("kr.", "", StringComparison.OrdinalIgnoreCase).Replace("kr", "", StringComparison.OrdinalIgnoreCase).Replace(" ", "", StringComparison.Ordinal).Replace("\u00a0", "", StringComparison.Ordinal);
        if (plain.EndsWith(",00", StringComparison.Ordinal))
        {
            plain = plain[..^3];
        }

        long? value = null;
        if (fromExcel && decimal.TryParse(plain, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number) && number == decimal.Truncate(number) && number <= MaxAmount)
        {
            value = (long)number;
        }
        else if (KronerRegex().IsMatch(plain) && long.TryParse(plain.Replace(".", "", StringComparison.Ordinal), CultureInfo.InvariantCulture, out var kroner))
        {
            value = kroner;
        }

        if (value is null or > MaxAmount)
        {
            errors.Add(text.Length == 0 ? Texts.Format("Bulk_Error_Required", column) : Texts.Format("Bulk_Error_Amount", column, text));
            return null;
        }

        return value;
    }

    /// <summary>Digits, or digits in groups of three separated by points as Danes write thousands.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"^(\d+|\d{1,3}(\.\d{3})+)$")]
    private static partial System.Text.RegularExpressions.Regex KronerRegex();

    private static DistributionKey? Key(string text, List<string> errors)
    {
        var key = TextFolding.SearchKey(text ?? "");
        if (key.Length > 0 && Keys.FirstOrDefault(k => TextFolding.SearchKey(k.Word) == key) is { Word: not null } known)
        {
            return known.Key;
        }

        errors.Add(key.Length == 0 ? Texts.Format("Bulk_Error_Required", "fordeling") : Texts.Format("Bulk_Error_Key", text));
        return null;
    }
}
