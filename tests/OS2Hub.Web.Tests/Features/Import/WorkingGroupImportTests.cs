using Microsoft.EntityFrameworkCore;
using OS2Hub.Web.Data.Entities;
using OS2Hub.Web.Features;
using OS2Hub.Web.Features.Import;
using OS2Hub.Web.Tests.Features.Memberships;
using OS2Hub.Web.Tests.Infrastructure;

namespace OS2Hub.Web.Tests.Features.Import;

/// <summary>Working-group seats from a spreadsheet: produkt;gruppe;myndighed;kontaktperson;formand;fra;til.</summary>
public sealed class WorkingGroupImportTests() : ImportTestBase(ImportKind.WorkingGroups)
{
    private const string Mette = "mette.kontaktsen@frederikshavn.example.dk";

    [Fact]
    public async Task SeatsAreNewChangedOrUnchangedAndAMissingGroupIsCreated()
    {
        var w = await WorkflowWorld.CreateAsync(Db);
        string[] rows =
        [
            $"Alfa;styregruppe;0813;{Mette};ja;01.01.2020;",                  // as in the hub
            "Alfa;Styregruppen;Helsingør;hans@helsingoer.example.dk;nej;01.01.2021;01.01.2027", // Hans leaves
            "Alfa;Faggruppe for jobcentre;København;;ja;01.03.2026;",          // a new faggruppe with its chair
            "Beta;koordinationsgruppe;0813;;;01.01.2026;",                     // a new koordinationsgruppe
        ];

        var preview = await PreviewAsync(Csv(rows));
        var applied = await ApplyAsync(Csv(rows));

        Assert.Equal([ImportRowStatus.Unchanged, ImportRowStatus.Changed, ImportRowStatus.New, ImportRowStatus.New], preview.Rows.Select(r => r.Status));
        Assert.Equal(["til: – → 01.01.2027"], preview.Rows[1].Notes);
        Assert.Equal("Gruppen »Faggruppe for jobcentre« oprettes. Formand fra 01.03.2026, uden slutdato", Assert.Single(preview.Rows[2].Notes));
        Assert.True(applied.Succeeded, applied.Message);
        await using var db = Db.CreateDbContext();
        var faggruppe = await db.WorkingGroups.Include(g => g.Members).SingleAsync(g => g.Name == "Faggruppe for jobcentre", Ct);
        var seat = Assert.Single(faggruppe.Members);
        Assert.Equal((WorkingGroupKind.ProfessionalGroup, w.Products["Alfa"], w.Organisations["København"], true, "fil.csv, række 4"), (faggruppe.Kind, faggruppe.ProductId, seat.OrganisationId, seat.IsChair, seat.ImportedFrom));
        Assert.True(await db.WorkingGroups.AnyAsync(g => g.ProductId == w.Products["Beta"] && g.Kind == WorkingGroupKind.CoordinationGroup, Ct));
        var shown = await new OS2Hub.Web.Features.Editing.WorkingGroupService(Db, FixedClock.Default).ListAsync("sekretariat", w.Products["Alfa"], Ct);
        Assert.Equal("fil.csv, række 4", shown!.Single(g => g.Name == "Faggruppe for jobcentre").Seats.Single().ImportedFrom); // shown in the group editor
        Assert.Equal(new DateOnly(2027, 1, 1), (await db.WorkingGroupMembers.SingleAsync(m => m.ContactPersonId == w.Contacts["Hans"], Ct)).EndDate);
    }

    [Theory]
    [InlineData("Alfa;styregruppe;Helsingør;hans@helsingoer.example.dk;ja;01.01.2021;", "Gruppen har allerede en formand i perioden: Frederikshavn Kommune (fra 01.01.2020, uden slutdato).")]
    [InlineData("Beta;styregruppe;0101;;ja;01.01.2026;", "Gruppen har allerede en formand i perioden: række 2 (fra 01.01.2025, uden slutdato).")]
    [InlineData("Beta;styregruppe;0101;ukendt@kk.example.dk;;;", "Ingen kontaktperson hos Københavns Kommune har e-mailen ukendt@kk.example.dk. Importér kontaktpersonerne først.")]
    [InlineData("Beta;styregruppe;0101;;måske;;", "formand: »måske« skal være ja eller nej.")]
    [InlineData("Beta;;0101;;;;", "Kolonnen gruppe skal udfyldes.")]
    [InlineData("Beta;styregruppe;0813;;nej;01.01.2025;", "Samme produkt, myndighed og startdato står også i række 2.")]
    public async Task ARowThatCannotBeImportedSaysWhyAndNothingIsWritten(string row, string message)
    {
        await WorkflowWorld.CreateAsync(Db);

        var preview = await PreviewAsync(Csv("Beta;styregruppe;0813;;ja;01.01.2025;", row));
        var applied = await ApplyAsync(Csv("Beta;styregruppe;0813;;ja;01.01.2025;", row));

        Assert.Contains(message, Error(preview).Notes);
        Assert.False(applied.Succeeded);
        await using var db = Db.CreateDbContext();
        Assert.Equal(2, await db.WorkingGroupMembers.CountAsync(Ct));
    }

    [Fact]
    public async Task AnExportReadsBackUnchangedAndAnAnsiCommaFileIsReadAsWell()
    {
        await WorkflowWorld.CreateAsync(Db);
        Assert.True((await ApplyAsync(AnsiCommaCsv("Gamma;Faggruppe for økonomi;Helsingør;;nej;01.01.2025;"))).Succeeded);

        var rows = await AssertRoundTripChangesNothingAsync();

        Assert.Contains(rows, r => r.SequenceEqual(["gamma", "Faggruppe for økonomi", "0217", "", "nej", "01.01.2025", ""]));
        Assert.Contains(rows, r => r.SequenceEqual(["alfa", "styregruppe", "0813", Mette, "ja", "01.01.2020", ""]));
        Assert.Contains("Produktet »OS2rollekatalog« findes ikke i kataloget.", (await TemplateRowAsync()).Notes);
    }

    [Fact]
    public async Task UndoRemovesTheNewGroupButNotAfterTheSeatWasEdited()
    {
        var w = await WorkflowWorld.CreateAsync(Db);
        Assert.True((await ApplyAsync(Csv("Gamma;Faggruppe for test;0813;;ja;01.01.2025;"))).Succeeded);
        int batch;
        await using (var db = Db.CreateDbContext())
        {
            batch = await db.ImportBatches.Select(b => b.Id).SingleAsync(Ct);
            var seat = await db.WorkingGroupMembers.SingleAsync(m => m.ImportedFrom != null, Ct);
            seat.EndDate = new DateOnly(2026, 1, 1);
            seat.Version++; // as the group editor saves it
            await db.SaveChangesAsync(Ct);
        }

        var blocked = await Batches.UndoAsync("sekretariat", batch, Ct);

        Assert.Equal(OperationOutcome.Conflict, blocked.Outcome);
        Assert.Contains("Række 2 (Frederikshavn Kommune) er ændret siden importen.", blocked.Message, StringComparison.Ordinal);
        await using var after = Db.CreateDbContext();
        Assert.True(await after.WorkingGroups.AnyAsync(g => g.ProductId == w.Products["Gamma"], Ct));
    }

    [Fact]
    public async Task UndoRemovesTheNewGroupAndItsSeats()
    {
        var w = await WorkflowWorld.CreateAsync(Db);
        Assert.True((await ApplyAsync(Csv("Gamma;Faggruppe for test;0813;;ja;01.01.2025;", "Gamma;Faggruppe for test;0217;;nej;01.01.2025;", "Alfa;styregruppe;0217;hans@helsingoer.example.dk;;01.01.2021;01.01.2026"))).Succeeded);
        await using (var db = Db.CreateDbContext())
        {
            Assert.True((await Batches.UndoAsync("sekretariat", await db.ImportBatches.Select(b => b.Id).SingleAsync(Ct), Ct)).Succeeded);
        }

        await using var after = Db.CreateDbContext();
        Assert.False(await after.WorkingGroups.AnyAsync(g => g.ProductId == w.Products["Gamma"], Ct));
        Assert.Null((await after.WorkingGroupMembers.SingleAsync(m => m.ContactPersonId == w.Contacts["Hans"], Ct)).EndDate);
    }
}
