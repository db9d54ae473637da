using System.Globalization;
using Microsoft.EntityFrameworkCore;
using OS2Hub.Web.Data;
using OS2Hub.Web.Data.Entities;
using OS2Hub.Web.Features.Access;
using OS2Hub.Web.Features.Localization;

namespace OS2Hub.Web.Features.Economy;

public sealed class KeyInput
{
    public int BudgetYear { get; set; }
    public decimal? Small { get; set; }
    public decimal? Medium { get; set; }
    public decimal? Large { get; set; }
    public decimal? VeryLarge { get; set; }
    public decimal? SecretariatPercent { get; set; }
    public string? Source { get; set; }

    /// <summary>The version the form was loaded from; null for a year not recorded before.</summary>
    public int? Version { get; set; }
}

/// <summary>The association's key (a weight per size class) and the secretariat's percentage per budget year: the secretariat's to decide.</summary>
public sealed class AssociationKeyService(IDbContextFactory<OS2HubDbContext> dbFactory, TimeProvider clock)
{
    public async Task<IReadOnlyList<EconomyYear>> KeysAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return (await db.EconomyYears.AsNoTracking().ToListAsync(ct)).OrderByDescending(y => y.BudgetYear).ToList();
    }

    public async Task<OperationResult> SaveKeyAsync(string userId, KeyInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await AccessService.IsSecretariatAsync(db, userId, ct))
        {
            return OperationResult.Denied;
        }

        var errors = new Dictionary<string, string>();
        if (input.BudgetYear is < BudgetYears.Min or > BudgetYears.Max)
        {
            errors[nameof(KeyInput.BudgetYear)] = Texts.Format("Economy_Error_Year", BudgetYears.Min, BudgetYears.Max);
        }

        foreach (var (field, value) in new[] { (nameof(KeyInput.Small), input.Small), (nameof(KeyInput.Medium), input.Medium), (nameof(KeyInput.Large), input.Large), (nameof(KeyInput.VeryLarge), input.VeryLarge) })
        {
            if (value is not { } v || v <= 0 || v > 1000)
            {
                errors[field] = Texts.Get("Economy_Error_Weight");
            }
        }

        if (input.SecretariatPercent is not { } percent || percent < 0 || percent > 100)
        {
            errors[nameof(KeyInput.SecretariatPercent)] = Texts.Get("Economy_Error_Percent");
        }

        var source = InputRules.Clean(input.Source);
        if (source?.Length > 500)
        {
            errors[nameof(KeyInput.Source)] = Texts.Get("Economy_Error_Source");
        }

        if (errors.Count > 0)
        {
            return OperationResult.Invalid(Texts.Get("Common_Error_FixMarked"), errors);
        }

        var row = await db.EconomyYears.FirstOrDefaultAsync(y => y.BudgetYear == input.BudgetYear, ct);
        if (row is null != input.Version is null || (row is not null && row.Version != input.Version))
        {
            return OperationResult.Conflict(Texts.Get("Economy_Error_KeyConflict"));
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (row is null)
        {
            row = new EconomyYear { BudgetYear = input.BudgetYear };
            db.EconomyYears.Add(row);
        }

        // A new year records every weight, its first values included; an existing one only what changed.
        var changes = new ChangeRecorder(userId, now, nameof(EconomyYear), input.BudgetYear);
        void Set(string field, decimal old, decimal value, Action<decimal> apply) =>
            changes.Set<decimal?>(field, row.Version == 0 ? null : old, value, v => apply(v!.Value));

        Set(nameof(EconomyYear.WeightSmall), row.WeightSmall, input.Small!.Value, v => row.WeightSmall = v);
        Set(nameof(EconomyYear.WeightMedium), row.WeightMedium, input.Medium!.Value, v => row.WeightMedium = v);
        Set(nameof(EconomyYear.WeightLarge), row.WeightLarge, input.Large!.Value, v => row.WeightLarge = v);
        Set(nameof(EconomyYear.WeightVeryLarge), row.WeightVeryLarge, input.VeryLarge!.Value, v => row.WeightVeryLarge = v);
        Set(nameof(EconomyYear.SecretariatPercent), row.SecretariatPercent, input.SecretariatPercent!.Value, v => row.SecretariatPercent = v);
        row.Source = source;
        // A recorded decision is the secretariat's, no longer the generator's.
        row.IsDemo = false;
        row.Version++;
        changes.WriteTo(db);
        await db.SaveChangesAsync(ct);
        return OperationResult.Ok(row.BudgetYear);
    }
}
