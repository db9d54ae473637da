using Microsoft.EntityFrameworkCore;
using OS2Hub.Web.Data.Entities;
using OS2Hub.Web.Features;
using OS2Hub.Web.Features.Import;
using OS2Hub.Web.Tests.Features.Memberships;

namespace OS2Hub.Web.Tests.Features.Import;

/// <summary>Fee sheets from a spreadsheet: produkt;budgetaar;vederlag;tilslutningsafgift;fordeling;begrundelse. Today is 27.11.2026.</summary>
public sealed class FeeSheetImportTests() : ImportTestBase(ImportKind.FeeSheets)
{
    private async Task<WorkflowWorld> WorldWithFeeSheetAsync()
    {
        var w = await WorkflowWorld.CreateAsync(Db);
        await using var db = Db.CreateDbContext();
        db.FeeSheets.Add(new FeeSheet { ProductId = w.Products["Alfa"], BudgetYear = 2026, AnnualAmount = 500_000, JoiningFee = 10_000, Key = DistributionKey.AssociationKey, Version = 1 });
        await db.SaveChangesAsync(Ct);
        return w;
    }

    [Fact]
    public async Task SheetsAreNewChangedOrUnchangedAndEveryChangeIsRecordedWithItsReason()
    {
        var w = await WorldWithFeeSheetAsync();
        string[] rows =
        [
            "Alfa;2026;500.000;10.000;foreningens nøgle;",                // as in the hub
            "Alfa;2027;550000;10 000;ligelig;",                           // a coming year: no reason needed
            "Beta;2026;kr. 200.000,00;0;befolkning;Vedtaget 01.03.2026",  // a begun year: a correction, with its reason
        ];

        var preview = await PreviewAsync(Csv(rows));
        var applied = await ApplyAsync(Csv(rows), "Takstblade.csv");
        var changed = await PreviewAsync(Csv("Alfa;2027;600.000;10.000;ligelig;"));

        Assert.Equal([ImportRowStatus.Unchanged, ImportRowStatus.New, ImportRowStatus.New], preview.Rows.Select(r => r.Status));
        Assert.Equal("Rettelse i et budgetår, der er begyndt. Vederlag 200.000 kr., tilslutningsafgift 0 kr., befolkning", Assert.Single(preview.Rows[2].Notes));
        Assert.True(applied.Succeeded, applied.Message);
        Assert.Equal(["vederlag: 550.000 kr. → 600.000 kr."], Assert.Single(changed.Rows).Notes);
        await using var db = Db.CreateDbContext();
        var beta = await db.FeeSheets.SingleAsync(f => f.ProductId == w.Products["Beta"], Ct);
        Assert.Equal((200_000L, 0L, DistributionKey.Population), (beta.AnnualAmount, beta.JoiningFee, beta.Key));
        var changes = await db.FeeSheetChanges.OrderBy(c => c.BudgetYear).ThenBy(c => c.ProductId).ToListAsync(Ct);
        Assert.Equal(2, changes.Count);
        Assert.Equal(("Vedtaget 01.03.2026", true, "Takstblade.csv, række 4"), (changes[0].Reason, changes[0].IsCorrection, changes[0].ImportedFrom));
        Assert.Equal(("Takstblade.csv, række 3", false), (changes[1].Reason, changes[1].IsCorrection));
    }

    [Fact]
    public async Task ACorrectionWithoutAReasonIsAnErrorUntilTheBatchGivesOne()
    {
        await WorldWithFeeSheetAsync();
        var file = () => Csv("Alfa;2026;520.000;10.000;foreningens nøgle;");

        var preview = await PreviewAsync(file());
        var refused = await ApplyAsync(file());
        var withReason = await PreviewAsync(file(), reason: "Styregruppens rettelse 20.11.2026");
        var applied = await ApplyAsync(file(), reason: "Styregruppens rettelse 20.11.2026");

        Assert.Contains("Budgetåret 2026 er begyndt, så ændringen er en rettelse og skal have en begrundelse: i kolonnen begrundelse eller som én begrundelse for hele filen.", Error(preview).Notes);
        Assert.False(refused.Succeeded);
        Assert.Equal(ImportRowStatus.Changed, Assert.Single(withReason.Rows).Status);
        Assert.True(applied.Succeeded, applied.Message);
        await using var db = Db.CreateDbContext();
        var change = await db.FeeSheetChanges.SingleAsync(Ct);
        Assert.Equal(("Styregruppens rettelse 20.11.2026", true, 500_000L, 520_000L), (change.Reason, change.IsCorrection, change.OldAnnualAmount, change.NewAnnualAmount));
    }

    [Theory]
    [InlineData("Beta;27;1;1;ligelig;", "budgetaar: »27« er ikke et år mellem 2000 og 2100.")]
    [InlineData("Beta;2027;1,5 mio;1;ligelig;", "vederlag: »1,5 mio« er ikke et beløb i hele kroner.")]
    [InlineData("Beta;2027;1000;;ligelig;", "Kolonnen tilslutningsafgift skal udfyldes.")]
    [InlineData("Beta;2027;1000;0;efter forbrug;", "fordeling: »efter forbrug« kendes ikke. Skriv foreningens nøgle, ligelig eller befolkning.")]
    [InlineData("Gamma;2027;1000;0;ligelig;", "Samme produkt, myndighed og startdato står også i række 2.")]
    public async Task ARowThatCannotBeImportedSaysWhyAndNothingIsWritten(string row, string message)
    {
        await WorldWithFeeSheetAsync();

        var preview = await PreviewAsync(Csv("Gamma;2027;1000;0;ligelig;", row));
        var applied = await ApplyAsync(Csv("Gamma;2027;1000;0;ligelig;", row));

        Assert.Contains(message, Error(preview).Notes);
        Assert.False(applied.Succeeded);
        await using var db = Db.CreateDbContext();
        Assert.Equal(1, await db.FeeSheets.CountAsync(Ct));
    }

    [Fact]
    public async Task AnExportReadsBackUnchangedAndAnAnsiCommaFileIsReadAsWell()
    {
        await WorldWithFeeSheetAsync();
        Assert.True((await ApplyAsync(AnsiCommaCsv("Gamma;2027;1250000;25000;foreningens nøgle;\"Beslutning, styregruppen\""))).Succeeded);

        var rows = await AssertRoundTripChangesNothingAsync();

        Assert.Contains(rows, r => r.SequenceEqual(["gamma", "2027", "1250000", "25000", "foreningens nøgle", ""]));
        Assert.Contains("Produktet »OS2rollekatalog« findes ikke i kataloget.", (await TemplateRowAsync()).Notes);
    }

    [Fact]
    public async Task UndoPutsTheFiguresBackAndRemovesTheRecordedChanges()
    {
        var w = await WorldWithFeeSheetAsync();
        Assert.True((await ApplyAsync(Csv("Alfa;2026;520.000;10.000;ligelig;Rettelse", "Beta;2027;1000;0;ligelig;"))).Succeeded);
        await using (var db = Db.CreateDbContext())
        {
            Assert.True((await Batches.UndoAsync("sekretariat", await db.ImportBatches.Select(b => b.Id).SingleAsync(Ct), Ct)).Succeeded);
        }

        await using var after = Db.CreateDbContext();
        var alfa = await after.FeeSheets.SingleAsync(Ct);
        Assert.Equal((w.Products["Alfa"], 500_000L, DistributionKey.AssociationKey), (alfa.ProductId, alfa.AnnualAmount, alfa.Key));
        Assert.Equal(0, await after.FeeSheetChanges.CountAsync(Ct));
    }
}
