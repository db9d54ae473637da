using System.Globalization;
using Microsoft.EntityFrameworkCore;
using OS2Hub.Web.Data;
using OS2Hub.Web.Data.Entities;
using OS2Hub.Web.Features.Access;
using OS2Hub.Web.Features.Memberships;
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

public sealed record AssessmentRow(int Id, string Slug, string Name, OrganisationKind Kind, int Version, int Products, IReadOnlyList<AssessmentInfo> Assessments);

public sealed record AssessmentInfo(int FromBudgetYear, SizeClass SizeClass, int? Population, bool IsDemo);

/// <summary>
/// Keeps the shared economy true: the association's key and percentage per budget year (the secretariat), each
/// product's fee sheets (the secretariat and the product's produktkoordinator), and the size class of authorities
/// without a population of their own (the secretariat). Every action checks its grant here, on the server.
/// </summary>
public sealed class EconomyAdminService(IDbContextFactory<OS2HubDbContext> dbFactory, TimeProvider clock)
{
    public const int MinYear = 2000;
    public const int MaxYear = 2100;
    private const long MaxAmount = 10_000_000_000;

    public async Task<IReadOnlyList<EconomyYear>> KeysAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return (await db.EconomyYears.AsNoTracking().ToListAsync(ct)).OrderByDescending(y => y.BudgetYear).ToList();
    }

    /// <summary>Whether the user may edit the product's fee sheets: the secretariat or the product's produktkoordinator.</summary>
    public async Task<bool> CanEditFeeSheetAsync(string userId, int productId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await AccessService.DecidesAsync(db, userId, productId, ct);
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
        if (input.BudgetYear is < MinYear or > MaxYear)
        {
            errors[nameof(KeyInput.BudgetYear)] = Texts.Format("Economy_Error_Year", MinYear, MaxYear);
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
        if (input.BudgetYear is < MinYear or > MaxYear)
        {
            errors[nameof(FeeSheetInput.BudgetYear)] = Texts.Format("Economy_Error_Year", MinYear, MaxYear);
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

    /// <summary>The public authorities that are not municipalities, with the class the secretariat placed them in.</summary>
    public async Task<IReadOnlyList<AssessmentRow>?> AssessmentsAsync(string userId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await AccessService.IsSecretariatAsync(db, userId, ct))
        {
            return null;
        }

        return await db.Organisations.AsNoTracking()
            .Where(o => o.Kind == OrganisationKind.Region || o.Kind == OrganisationKind.State || o.Kind == OrganisationKind.OtherPublic)
            .OrderBy(o => o.Kind).ThenBy(o => o.Name)
            .Select(o => new AssessmentRow(o.Id, o.Slug, o.Name, o.Kind, o.Version,
                db.Participations.Count(x => x.OrganisationId == o.Id && x.Kind == ParticipationKind.Member),
                o.SizeAssessments.OrderBy(a => a.FromBudgetYear).Select(a => new AssessmentInfo(a.FromBudgetYear, a.SizeClass, a.Population, a.IsDemo)).ToList()))
            .ToListAsync(ct);
    }

    /// <summary>
    /// Places an authority without a population of its own in a size class from a budget year (replacing a placement
    /// for that same year). Earlier years keep the class they were shared with.
    /// </summary>
    public async Task<OperationResult> SaveAssessmentAsync(string userId, int organisationId, int version, int fromBudgetYear, SizeClass sizeClass, int? population, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await AccessService.IsSecretariatAsync(db, userId, ct))
        {
            return OperationResult.Denied;
        }

        var org = await db.Organisations.Include(o => o.SizeAssessments).FirstOrDefaultAsync(o => o.Id == organisationId, ct);
        if (org is null)
        {
            return OperationResult.NotFound;
        }

        if (org.Kind is OrganisationKind.Municipality or OrganisationKind.Company)
        {
            return OperationResult.Invalid(Texts.Get("Economy_Error_PlaceMunicipality"));
        }

        var errors = new Dictionary<string, string>();
        if (fromBudgetYear is < MinYear or > MaxYear)
        {
            errors["FromBudgetYear"] = Texts.Format("Economy_Error_Year", MinYear, MaxYear);
        }

        if (!Enum.IsDefined(sizeClass))
        {
            errors["SizeClass"] = Texts.Get("Economy_Error_SizeClass");
        }

        if (population is < 1 or > 10_000_000)
        {
            errors["Population"] = Texts.Get("Economy_Error_Population");
        }

        if (errors.Count > 0)
        {
            return OperationResult.Invalid(string.Join(" ", errors.Values), errors);
        }

        if (org.Version != version)
        {
            return OperationResult.Conflict(Texts.Get("Economy_Error_OrgConflict"));
        }

        var row = org.SizeAssessments.FirstOrDefault(a => a.FromBudgetYear == fromBudgetYear);
        new ChangeRecorder(userId, clock.GetUtcNow().UtcDateTime, nameof(Organisation), org.Id).Add($"SizeAssessment {fromBudgetYear}",
            row is null ? null : $"{row.SizeClass} {ChangeRecorder.Format(row.Population)}".Trim(), $"{sizeClass} {ChangeRecorder.Format(population)}".Trim()).WriteTo(db);
        if (row is null)
        {
            org.SizeAssessments.Add(row = new SizeAssessment { FromBudgetYear = fromBudgetYear });
        }

        (row.SizeClass, row.Population, row.IsDemo) = (sizeClass, population, false);
        org.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        org.Version++;
        await db.SaveChangesAsync(ct);
        return OperationResult.Ok(org.Id);
    }
}
