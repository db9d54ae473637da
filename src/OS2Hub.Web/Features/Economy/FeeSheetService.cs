using System.Globalization;
using Microsoft.EntityFrameworkCore;
using OS2Hub.Web.Data;
using OS2Hub.Web.Data.Entities;
using OS2Hub.Web.Features.Access;
using OS2Hub.Web.Features.Localization;

namespace OS2Hub.Web.Features.Economy;

public sealed class FeeSheetInput
{
    public int ProductId { get; set; }
    public int BudgetYear { get; set; }
    public long? AnnualAmount { get; set; }
    public long? JoiningFee { get; set; }
    public DistributionKey Key { get; set; }
    public string? Reason { get; set; }

    /// <summary>The version the form was loaded from; null for a year without a fee sheet.</summary>
    public int? Version { get; set; }
}

public sealed record FeeSheetChangeInfo(DateTime At, string? By, int BudgetYear, string Reason, bool IsCorrection,
    long? OldAnnualAmount, long NewAnnualAmount, long? OldJoiningFee, long NewJoiningFee, DistributionKey? OldKey, DistributionKey NewKey);

/// <summary>Each product's fee sheets per budget year: the secretariat's and the product's produktkoordinator's to keep.</summary>
public sealed class FeeSheetService(IDbContextFactory<OS2HubDbContext> dbFactory, TimeProvider clock)
{
    private const long MaxAmount = 10_000_000_000;

    public async Task<FeeSheet?> FeeSheetAsync(int productId, int budgetYear, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.FeeSheets.AsNoTracking().FirstOrDefaultAsync(f => f.ProductId == productId && f.BudgetYear == budgetYear, ct);
    }

    /// <summary>
    /// Records a fee sheet for a year, with the reason. A change in a year that has started (1 January passed) is
    /// recorded as a correction, never silently.
    /// </summary>
    public async Task<OperationResult> SaveFeeSheetAsync(string userId, FeeSheetInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await AccessService.DecidesAsync(db, userId, input.ProductId, ct))
        {
            return OperationResult.Denied;
        }

        if (!await db.Products.AnyAsync(p => p.Id == input.ProductId, ct))
        {
            return OperationResult.NotFound;
        }

        var errors = new Dictionary<string, string>();
        if (input.BudgetYear is < BudgetYears.Min or > BudgetYears.Max)
        {
            errors[nameof(FeeSheetInput.BudgetYear)] = Texts.Format("Economy_Error_Year", BudgetYears.Min, BudgetYears.Max);
        }

        if (input.AnnualAmount is not { } amount || amount < 0 || amount > MaxAmount)
        {
            errors[nameof(FeeSheetInput.AnnualAmount)] = Texts.Get("Economy_Error_Amount");
        }

        if (input.JoiningFee is not { } fee || fee < 0 || fee > MaxAmount)
        {
            errors[nameof(FeeSheetInput.JoiningFee)] = Texts.Get("Economy_Error_JoiningFee");
        }

        if (!Enum.IsDefined(input.Key))
        {
            errors[nameof(FeeSheetInput.Key)] = Texts.Get("Economy_Error_Key");
        }

        var reason = InputRules.Clean(input.Reason);
        if (reason is null || reason.Length > 1000)
        {
            errors[nameof(FeeSheetInput.Reason)] = Texts.Get("Economy_Error_Reason");
        }

        if (errors.Count > 0)
        {
            return OperationResult.Invalid(Texts.Get("Common_Error_FixMarked"), errors);
        }

        var sheet = await db.FeeSheets.FirstOrDefaultAsync(f => f.ProductId == input.ProductId && f.BudgetYear == input.BudgetYear, ct);
        if (sheet is null != input.Version is null || (sheet is not null && sheet.Version != input.Version))
        {
            return OperationResult.Conflict(Texts.Get("Economy_Error_FeeSheetConflict"));
        }

        var now = clock.GetUtcNow().UtcDateTime;
        db.FeeSheetChanges.Add(new FeeSheetChange
        {
            ProductId = input.ProductId, BudgetYear = input.BudgetYear, At = now, UserId = userId, Reason = reason!,
            IsCorrection = new DateOnly(input.BudgetYear, 1, 1) <= DateOnly.FromDateTime(now),
            OldAnnualAmount = sheet?.AnnualAmount, NewAnnualAmount = input.AnnualAmount!.Value,
            OldJoiningFee = sheet?.JoiningFee, NewJoiningFee = input.JoiningFee!.Value, OldKey = sheet?.Key, NewKey = input.Key,
        });
        if (sheet is null)
        {
            sheet = new FeeSheet { ProductId = input.ProductId, BudgetYear = input.BudgetYear };
            db.FeeSheets.Add(sheet);
        }

        (sheet.AnnualAmount, sheet.JoiningFee, sheet.Key) = (input.AnnualAmount.Value, input.JoiningFee.Value, input.Key);
        sheet.IsDemo = false;
        sheet.UpdatedAt = now;
        sheet.Version++;
        await db.SaveChangesAsync(ct);
        return OperationResult.Ok(sheet.Id);
    }

    /// <summary>The product's fee sheet changes, newest first; who made them only for those who may edit.</summary>
    public async Task<IReadOnlyList<FeeSheetChangeInfo>> HistoryAsync(string? userId, int productId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var showWho = userId is not null && await AccessService.DecidesAsync(db, userId, productId, ct);
        var rows = await db.FeeSheetChanges.AsNoTracking().Where(c => c.ProductId == productId)
            .OrderByDescending(c => c.At).ThenByDescending(c => c.Id)
            .Select(c => new { c, By = db.Users.Where(u => u.Id == c.UserId).Select(u => u.DisplayName).FirstOrDefault() })
            .ToListAsync(ct);
        return rows.Select(r => new FeeSheetChangeInfo(r.c.At, showWho ? r.By ?? r.c.UserId : null, r.c.BudgetYear, r.c.Reason, r.c.IsCorrection,
            r.c.OldAnnualAmount, r.c.NewAnnualAmount, r.c.OldJoiningFee, r.c.NewJoiningFee, r.c.OldKey, r.c.NewKey)).ToList();
    }
}
