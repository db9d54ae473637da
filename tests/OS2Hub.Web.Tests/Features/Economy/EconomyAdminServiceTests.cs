using Microsoft.EntityFrameworkCore;
using OS2Hub.Web.Data.Entities;
using OS2Hub.Web.Features;
using OS2Hub.Web.Features.Economy;
using OS2Hub.Web.Tests.Infrastructure;

namespace OS2Hub.Web.Tests.Features.Economy;

/// <summary>Keeping fee sheets, the association's key and assessed size classes true: validation, corrections, history, concurrency.</summary>
public sealed class EconomyAdminServiceTests : IDisposable
{
    private readonly TestDatabase _db = TestDatabase.Create();
    private readonly AssociationKeyService _keys;
    private readonly FeeSheetService _feeSheets;
    private readonly SizeAssessmentService _assessments;

    public EconomyAdminServiceTests()
    {
        _keys = new AssociationKeyService(_db, FixedClock.Default);
        _feeSheets = new FeeSheetService(_db, FixedClock.Default);
        _assessments = new SizeAssessmentService(_db, FixedClock.Default);
    }

    public void Dispose() => _db.Dispose();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ChangingAYearThatHasStartedIsRecordedAsACorrectionWithItsReason()
    {
        var w = await EconomyWorld.CreateAsync(_db);

        var result = await _feeSheets.SaveFeeSheetAsync("pk-alfa", new FeeSheetInput
        {
            ProductId = w.Alfa, BudgetYear = 2026, AnnualAmount = 120_000, JoiningFee = 25_000, Key = DistributionKey.Equal,
            Reason = "Styregruppen 3. november 2026", Version = 1,
        }, Ct);

        Assert.True(result.Succeeded, result.Message);
        var change = Assert.Single(await _feeSheets.HistoryAsync("pk-alfa", w.Alfa, Ct));
        Assert.True(change.IsCorrection);
        Assert.Equal(("pk-alfa", 100_000L, 120_000L, DistributionKey.AssociationKey, DistributionKey.Equal, "Styregruppen 3. november 2026"),
            (change.By, change.OldAnnualAmount!.Value, change.NewAnnualAmount, change.OldKey!.Value, change.NewKey, change.Reason));
        // Anyone sees the history; who made a change only those who may edit.
        Assert.Null(Assert.Single(await _feeSheets.HistoryAsync(null, w.Alfa, Ct)).By);
    }

    [Fact]
    public async Task ANextYearsFeeSheetIsNoCorrection()
    {
        var w = await EconomyWorld.CreateAsync(_db);

        var result = await _feeSheets.SaveFeeSheetAsync("sekretariat", new FeeSheetInput
        {
            ProductId = w.Alfa, BudgetYear = 2027, AnnualAmount = 104_000, JoiningFee = 25_000, Key = DistributionKey.AssociationKey, Reason = "Budget 2027",
        }, Ct);

        Assert.True(result.Succeeded, result.Message);
        Assert.False(Assert.Single(await _feeSheets.HistoryAsync("sekretariat", w.Alfa, Ct)).IsCorrection);
        var quote = (await new EconomyService(_db, FixedClock.Default).QuoteAsync("alfa", "0813", null, Ct)).Quote!;
        Assert.Equal(104_000, quote.After.Terms.AnnualAmount); // 2027 has its own fee sheet now
        Assert.True(quote.IsEstimate); // but the association has not decided its 2027 key yet
    }

    [Fact]
    public async Task BadValuesAreRefusedByFieldInDanishAndChangeNothing()
    {
        var w = await EconomyWorld.CreateAsync(_db);

        var result = await _feeSheets.SaveFeeSheetAsync("sekretariat", new FeeSheetInput
        {
            ProductId = w.Alfa, BudgetYear = 1999, AnnualAmount = -5, JoiningFee = null, Key = (DistributionKey)42, Reason = "  ",
        }, Ct);

        Assert.Equal(OperationOutcome.Invalid, result.Outcome);
        Assert.Equal(["AnnualAmount", "BudgetYear", "JoiningFee", "Key", "Reason"], result.FieldErrors!.Keys.Order());
        Assert.Equal("Skriv hvorfor takstbladet ændres (fx styregruppens beslutning og dato), højst 1000 tegn.", result.FieldErrors["Reason"]);
        await using var db = _db.CreateDbContext();
        Assert.Equal(1, await db.FeeSheets.CountAsync(Ct));
        Assert.False(await db.FeeSheetChanges.AnyAsync(Ct));
    }

    [Fact]
    public async Task ASaveOverSomeoneElsesChangeIsRefused()
    {
        var w = await EconomyWorld.CreateAsync(_db);
        var input = new FeeSheetInput { ProductId = w.Alfa, BudgetYear = 2026, AnnualAmount = 90_000, JoiningFee = 25_000, Reason = "Første", Version = 1 };
        Assert.True((await _feeSheets.SaveFeeSheetAsync("sekretariat", input, Ct)).Succeeded);

        var second = await _feeSheets.SaveFeeSheetAsync("pk-alfa", new FeeSheetInput { ProductId = w.Alfa, BudgetYear = 2026, AnnualAmount = 80_000, JoiningFee = 25_000, Reason = "Anden", Version = 1 }, Ct);
        // Creating a year someone else has just created is the same conflict.
        var duplicate = await _feeSheets.SaveFeeSheetAsync("pk-alfa", new FeeSheetInput { ProductId = w.Alfa, BudgetYear = 2026, AnnualAmount = 80_000, JoiningFee = 25_000, Reason = "Ny" }, Ct);

        Assert.Equal(OperationOutcome.Conflict, second.Outcome);
        Assert.Equal(OperationOutcome.Conflict, duplicate.Outcome);
        Assert.Equal(90_000, (await _feeSheets.FeeSheetAsync(w.Alfa, 2026, Ct))!.AnnualAmount);
    }

    [Fact]
    public async Task TheAssociationsKeyIsValidatedAndItsChangesLogged()
    {
        await EconomyWorld.CreateAsync(_db);

        var bad = await _keys.SaveKeyAsync("sekretariat", new KeyInput { BudgetYear = 2027, Small = 0, Medium = 1.5m, Large = 2, VeryLarge = null, SecretariatPercent = 101 }, Ct);
        var good = await _keys.SaveKeyAsync("sekretariat", new KeyInput { BudgetYear = 2027, Small = 1, Medium = 1.25m, Large = 2, VeryLarge = 4, SecretariatPercent = 5.5m, Source = "Generalforsamlingen 2026" }, Ct);
        var changed = await _keys.SaveKeyAsync("sekretariat", new KeyInput { BudgetYear = 2027, Small = 1, Medium = 1.5m, Large = 2, VeryLarge = 4, SecretariatPercent = 5.5m, Version = 1 }, Ct);

        Assert.Equal(["SecretariatPercent", "Small", "VeryLarge"], bad.FieldErrors!.Keys.Order());
        Assert.True(good.Succeeded && changed.Succeeded);
        await using var db = _db.CreateDbContext();
        var log = await db.ChangeLog.Where(c => c.EntityType == nameof(EconomyYear) && c.EntityId == 2027).OrderBy(c => c.Id).ToListAsync(Ct);
        Assert.Equal(6, log.Count); // five values recorded, then the one that changed
        Assert.Equal(("WeightMedium", "1.25", "1.5"), (log[^1].Field, log[^1].OldValue, log[^1].NewValue));
    }

    [Fact]
    public async Task PlacingARegionInASizeClassBringsItIntoTheSplit()
    {
        var w = await EconomyWorld.CreateAsync(_db);
        var economy = new EconomyService(_db, FixedClock.Default);
        Assert.Equal(QuoteProblem.NoSizeClass, (await economy.QuoteAsync("alfa", "1083", null, Ct)).Problem);
        var version = (await _assessments.AssessmentsAsync("sekretariat", Ct))!.Single(a => a.Slug == "region-syd").Version;

        var result = await _assessments.SaveAssessmentAsync("sekretariat", w.Orgs["Region Syd"], version, 2027, SizeClass.Large, 1_200_000, Ct);

        Assert.True(result.Succeeded, result.Message);
        Assert.Equal(SizeClass.Large, (await economy.QuoteAsync("alfa", "1083", null, Ct)).Quote!.Own.Member.SizeClass);
        var municipality = await _assessments.SaveAssessmentAsync("sekretariat", w.Orgs["Ny"], 0, 2027, SizeClass.Large, null, Ct);
        Assert.Equal(OperationOutcome.Invalid, municipality.Outcome);
        Assert.Equal(OperationOutcome.Conflict, (await _assessments.SaveAssessmentAsync("sekretariat", w.Orgs["Region Syd"], version, 2027, SizeClass.Small, null, Ct)).Outcome);
        var bad = await _assessments.SaveAssessmentAsync("sekretariat", w.Orgs["Region Syd"], version + 1, 1999, (SizeClass)9, -3, Ct);
        Assert.Equal(["FromBudgetYear", "Population", "SizeClass"], bad.FieldErrors!.Keys.Order());
    }

    [Fact]
    public async Task AReassessmentTakesEffectFromItsBudgetYearAndLeavesEarlierYearsAlone()
    {
        var w = await EconomyWorld.CreateAsync(_db);
        var economy = new EconomyService(_db, FixedClock.Default);
        var version = (await _assessments.AssessmentsAsync("sekretariat", Ct))!.Single(a => a.Slug == "region-nord").Version;

        var result = await _assessments.SaveAssessmentAsync("sekretariat", w.Orgs["Region Nord"], version, 2027, SizeClass.Small, 20_000, Ct);

        Assert.True(result.Succeeded, result.Message);
        SizeClass? ClassIn(FeeSheetView view) => view.Shares.Single(s => s.Member.Name == "Region Nord").Member.SizeClass;
        Assert.Equal(SizeClass.VeryLarge, ClassIn((await economy.ProductAsync("alfa", 2026, Ct))!.View!));
        Assert.Equal(SizeClass.Small, ClassIn((await economy.ProductAsync("alfa", 2027, Ct))!.View!));
        var row = (await _assessments.AssessmentsAsync("sekretariat", Ct))!.Single(a => a.Slug == "region-nord");
        Assert.Equal([(2024, SizeClass.VeryLarge), (2027, SizeClass.Small)], row.Assessments.Select(a => (a.FromBudgetYear, a.SizeClass)));
    }

    [Fact]
    public async Task APlacementIsOfferedFromThisYearTheFirstTimeAndFromNextYearAfterThat()
    {
        await EconomyWorld.CreateAsync(_db);

        var rows = await _assessments.AssessmentsAsync("sekretariat", Ct);

        // The clock says 2026: Region Syd was never placed, Region Nord has been since 2024 (2026 is already shared).
        Assert.Equal(2026, rows!.Single(a => a.Slug == "region-syd").NextFromBudgetYear);
        Assert.Equal(2027, rows!.Single(a => a.Slug == "region-nord").NextFromBudgetYear);
        Assert.Equal(2030, SizeAssessmentService.NextFromBudgetYear([new AssessmentInfo(2030, SizeClass.Large, null, false)], 2026));
    }
}
