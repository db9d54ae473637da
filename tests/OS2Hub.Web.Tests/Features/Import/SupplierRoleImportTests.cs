using Microsoft.EntityFrameworkCore;
using OS2Hub.Web.Data.Entities;
using OS2Hub.Web.Features;
using OS2Hub.Web.Features.Import;
using OS2Hub.Web.Tests.Features.Memberships;

namespace OS2Hub.Web.Tests.Features.Import;

/// <summary>Supplier roles from a spreadsheet: produkt;leverandoer;cvr;rolle;fra;til;kilde.</summary>
public sealed class SupplierRoleImportTests() : ImportTestBase(ImportKind.SupplierRoles)
{
    [Fact]
    public async Task RolesAreNewChangedOrUnchangedAndAnUnknownSupplierIsCreatedFromANameWithAValidCvr()
    {
        var w = await WorkflowWorld.CreateAsync(Db);
        string[] rows =
        [
            "Alfa;Leverandør ApS;;udvikling;;;",                        // as in the hub
            "Alfa;leverandor aps;;Udvikling;;01.01.2027;Kontrakt ophører", // no: same start (none) → a change of the same row
            "Beta;Ny Drift A/S;12345674;drift/hosting;01.02.2025;;Kontrakt 2025-1",
            "Gamma;12345674;;support;01.02.2025;;",                       // the same new supplier by its CVR only
            "Gamma;Leverandør ApS;;Brugerrejser;01.01.2026;;Referat",     // the source's own word for a role
        ];

        var preview = await PreviewAsync(Csv(rows[0], rows[2], rows[3], rows[4]));
        var applied = await ApplyAsync(Csv(rows[0], rows[2], rows[3], rows[4]));
        var changed = await PreviewAsync(Csv(rows[1]));

        Assert.Equal([ImportRowStatus.Unchanged, ImportRowStatus.New, ImportRowStatus.New, ImportRowStatus.New], preview.Rows.Select(r => r.Status));
        Assert.Equal("Ny leverandør oprettes: Ny Drift A/S (CVR 12345674). Drift/hosting: fra 01.02.2025, uden slutdato", Assert.Single(preview.Rows[1].Notes));
        Assert.True(applied.Succeeded, applied.Message);
        Assert.Equal(ImportRowStatus.Changed, Assert.Single(changed.Rows).Status);
        Assert.Contains("til: – → 01.01.2027", changed.Rows[0].Notes);
        await using var db = Db.CreateDbContext();
        var created = await db.Organisations.SingleAsync(o => o.Cvr == "12345674", Ct);
        Assert.Equal(("Ny Drift A/S", "ny-drift-a-s", OrganisationKind.Company, "fil.csv, række 3"), (created.Name, created.Slug, created.Kind, created.Source));
        Assert.Equal(2, await db.Participations.CountAsync(p => p.OrganisationId == created.Id, Ct));
        var own = await db.Participations.SingleAsync(p => p.ProductId == w.Products["Gamma"] && p.OrganisationId == w.Organisations["Leverandør"], Ct);
        Assert.Equal((SupplierRole.Unknown, "Brugerrejser", "Referat", "fil.csv, række 5"), (own.Role, own.RoleText, own.Source, own.ImportedFrom));
    }

    [Theory]
    [InlineData("Beta;Ny Drift A/S;12345678;drift;;;", "CVR-nummeret »12345678« er ikke gyldigt: det skal have 8 cifre og bestå modulus 11-kontrollen.")]
    [InlineData("Beta;Ukendt IT ApS;;drift;;;", "Leverandøren »Ukendt IT ApS« findes ikke i hubben. Skriv dens CVR-nummer i kolonnen cvr, så oprettes den.")]
    [InlineData("Beta;12345682;;drift;;;", "Hubben kender ingen leverandør med CVR-nummer 12345682. Skriv leverandørens navn i kolonnen leverandoer, så oprettes den.")]
    [InlineData("Beta;Leverandør ApS;12345682;drift;;;", "Leverandøren »Leverandør ApS« findes allerede i hubben (uden CVR-nummer), så den oprettes ikke igen. Ret CVR-nummeret i filen eller på leverandørens side.")]
    [InlineData("Delta;Leverandør ApS;;drift;;;", "Produktet »Delta« findes ikke i kataloget.")]
    [InlineData("Beta;Leverandør ApS;;drift;1.1.25;;", "fra: »1.1.25« er ikke en dato. Skriv dd.mm.åååå eller åååå-mm-dd.")]
    [InlineData("Alfa;Leverandør ApS;;udvikling;01.01.2024;;", "Perioden overlapper en anden periode med samme rolle på produktet (fra ukendt start, uden slutdato).")]
    [InlineData("Beta;Leverandør ApS;;;;;", "Kolonnen rolle skal udfyldes.")]
    public async Task ARowThatCannotBeImportedSaysWhyAndNothingIsWritten(string row, string message)
    {
        await WorkflowWorld.CreateAsync(Db);
        await using (var before = Db.CreateDbContext())
        {
            Assert.Equal(5, await before.Organisations.CountAsync(Ct));
        }

        var preview = await PreviewAsync(Csv("Gamma;Leverandør ApS;;support;;;", row));
        var applied = await ApplyAsync(Csv("Gamma;Leverandør ApS;;support;;;", row));

        Assert.Contains(message, Error(preview).Notes);
        Assert.False(applied.Succeeded);
        await using var db = Db.CreateDbContext();
        Assert.Equal(5, await db.Organisations.CountAsync(Ct));
        Assert.Equal(1, await db.Participations.CountAsync(p => p.Kind == ParticipationKind.Supplier, Ct));
    }

    [Fact]
    public async Task AnExportReadsBackUnchangedAndAnAnsiCommaFileIsReadAsWell()
    {
        await WorkflowWorld.CreateAsync(Db);
        Assert.True((await ApplyAsync(AnsiCommaCsv("Beta;Ny Drift A/S;12345674;rådgivning;01.02.2025;31.12.2025;\"Kontrakt, bilag 2\"", "Alfa;Leverandør ApS;;Support;;;"))).Succeeded);

        var rows = await AssertRoundTripChangesNothingAsync();

        Assert.Contains(rows, r => r.SequenceEqual(["beta", "Ny Drift A/S", "12345674", "rådgivning", "01.02.2025", "31.12.2025", "Kontrakt, bilag 2"]));
        Assert.Equal("Produktet »OS2rollekatalog« findes ikke i kataloget.", Assert.Single((await TemplateRowAsync()).Notes));
    }

    [Fact]
    public async Task UndoRemovesTheCreatedSupplierButNotOnceSomethingElseUsesIt()
    {
        var w = await WorkflowWorld.CreateAsync(Db);
        Assert.True((await ApplyAsync(Csv("Beta;Ny Drift A/S;12345674;drift;01.02.2025;;"), "a.csv")).Succeeded);
        Assert.True((await ApplyAsync(Csv("Gamma;Ny Drift A/S;12345674;drift;01.02.2025;;"), "b.csv")).Succeeded);
        int first, second;
        await using (var db = Db.CreateDbContext())
        {
            (first, second) = (await db.ImportBatches.Where(b => b.FileName == "a.csv").Select(b => b.Id).SingleAsync(Ct), await db.ImportBatches.Where(b => b.FileName == "b.csv").Select(b => b.Id).SingleAsync(Ct));
        }

        var blocked = await Batches.UndoAsync("sekretariat", first, Ct);
        var undoneSecond = await Batches.UndoAsync("sekretariat", second, Ct);
        var undoneFirst = await Batches.UndoAsync("sekretariat", first, Ct);

        Assert.Equal(OperationOutcome.Conflict, blocked.Outcome);
        Assert.Contains("Række 2 (Ny Drift A/S) oprettede noget, som andet i hubben nu bygger på.", blocked.Message, StringComparison.Ordinal);
        Assert.True(undoneSecond.Succeeded, undoneSecond.Message);
        Assert.True(undoneFirst.Succeeded, undoneFirst.Message);
        await using var after = Db.CreateDbContext();
        Assert.False(await after.Organisations.AnyAsync(o => o.Cvr == "12345674", Ct));
        Assert.Equal(1, await after.Participations.CountAsync(p => p.Kind == ParticipationKind.Supplier, Ct));
        _ = w;
    }
}
