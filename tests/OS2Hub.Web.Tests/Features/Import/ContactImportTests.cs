using Microsoft.EntityFrameworkCore;
using OS2Hub.Web.Data.Entities;
using OS2Hub.Web.Features;
using OS2Hub.Web.Features.Import;
using OS2Hub.Web.Tests.Features.Memberships;
using OS2Hub.Web.Tests.Infrastructure;

namespace OS2Hub.Web.Tests.Features.Import;

/// <summary>Contact persons from a spreadsheet: myndighed;navn;titel;email;telefon;produkt;rolle;fra;til.</summary>
public sealed class ContactImportTests() : ImportTestBase(ImportKind.Contacts)
{
    [Fact]
    public async Task PersonsAndRolesAreNewChangedOrUnchangedAndEachNewPersonGetsThePrivacyNoticeOnce()
    {
        var w = await WorkflowWorld.CreateAsync(Db);
        string[] rows =
        [
            "0813;Mette Kontaktsen;IT-konsulent;mette.kontaktsen@frederikshavn.example.dk;+45 98 45 50 00;Alfa;kontaktperson;01.01.2020;", // as in the hub
            "Helsingør;Hans Helsingsen;Projektleder;HANS@helsingoer.example.dk;;Beta;teknisk;;",   // a new title and a new role
            "København;Ida Ny;Økonomichef;ida@kk.example.dk;;Alfa;økonomi;01.01.2026;",             // new, two roles
            "København;Ida Ny;Økonomichef;ida@kk.example.dk;;Beta;økonomi;01.01.2026;",
            "København;Ole Uden Mail;;;;Gamma;;;",                                                  // new, without e-mail
        ];

        var preview = await PreviewAsync(Csv(rows));
        var applied = await ApplyAsync(Csv(rows), "Kontakter 2026.csv");
        var again = await PreviewAsync(Csv(rows));
        var second = await ApplyAsync(Csv(rows));

        Assert.Equal([ImportRowStatus.Unchanged, ImportRowStatus.Changed, ImportRowStatus.New, ImportRowStatus.New, ImportRowStatus.New], preview.Rows.Select(r => r.Status));
        Assert.Equal(["titel: – → Projektleder", "Ny rolle. Teknisk kontakt for Beta: fra ukendt start, uden slutdato"], preview.Rows[1].Notes);
        Assert.True(applied.Succeeded, applied.Message);
        Assert.All(again.Rows, r => Assert.Equal(ImportRowStatus.Unchanged, r.Status));
        Assert.False(second.Succeeded);
        await using var db = Db.CreateDbContext();
        var ida = await db.ContactPersons.Include(c => c.Roles).SingleAsync(c => c.Name == "Ida Ny", Ct);
        Assert.Equal((w.Organisations["København"], "Kontakter 2026.csv, række 4", 2), (ida.OrganisationId, ida.ImportedFrom, ida.Roles.Count));
        var hans = await db.ContactPersons.SingleAsync(c => c.Id == w.Contacts["Hans"], Ct);
        Assert.Equal(("Projektleder", "hans@helsingoer.example.dk"), (hans.Title, hans.Email)); // matched without regard to case, e-mail kept
        var notice = Assert.Single(await db.OutgoingEmails.ToListAsync(Ct)); // Ida only: Hans is not new, Ole has no address
        Assert.Equal(("ida@kk.example.dk", "Oplysning om behandling af dine personoplysninger i OS2Hub"), (notice.Recipient, notice.Subject));
        Assert.Contains("Kære Ida Ny", notice.Body, StringComparison.Ordinal);
        Assert.Contains("kontaktperson for Københavns Kommune på: Alfa, Beta.", notice.Body, StringComparison.Ordinal);
        var shown = (await new OS2Hub.Web.Features.Contacts.ContactService(Db, FixedClock.Default).ListAsync("sekretariat", "koebenhavn", Ct)).Value!;
        Assert.Equal("Kontakter 2026.csv, række 4", shown.Contacts.Single(c => c.Name == "Ida Ny").ImportedFrom); // shown on the contacts page
        var logged = await db.PersonalDataAccessLog.Where(e => e.Access == PersonalDataAccess.Imported).Select(e => e.ProductId).OrderBy(p => p).ToListAsync(Ct);
        Assert.Equal(new[] { w.Products["Alfa"], w.Products["Beta"], w.Products["Gamma"] }.Order(), logged);
    }

    [Theory]
    [InlineData("0813;Ny Person;;ikke-en-mail;;Alfa;;;", "email: Skriv en gyldig e-mailadresse, fx »navn@kommune.dk«.")]
    [InlineData("0813;Ny Person;;;12;Alfa;;;", "telefon: Skriv telefonnummeret med mindst 8 cifre, fx »+45 12 34 56 78«.")]
    [InlineData("0813;;;;;Alfa;;;", "navn: Skriv kontaktpersonens navn (højst 200 tegn).")]
    [InlineData("0813;Ny Person;;;;Alfa;chef;;", "Rollen »chef« kendes ikke. Skriv kontaktperson, teknisk, faglig eller økonomi.")]
    [InlineData("9999;Ny Person;;;;Alfa;;;", "Myndigheden »9999« findes ikke i hubben (kommunekode, CVR-nummer eller navn).")]
    [InlineData("0813;Ny Person;;;;Alfa;;01.01.2026;01.01.2025", "til skal ligge efter fra.")]
    [InlineData("0813;Mette Kontaktsen;IT-konsulent;mette.kontaktsen@frederikshavn.example.dk;+45 98 45 50 00;Alfa;kontaktperson;01.06.2024;", "Perioden overlapper en anden periode med samme rolle på produktet (fra 01.01.2020, uden slutdato).")]
    [InlineData("0813;Ny Person;Chef;ny@fh.example.dk;;Beta;;;", "Samme person står i række 2 med andre oplysninger (navn, titel, e-mail eller telefon).")]
    public async Task ARowThatCannotBeImportedSaysWhyAndNothingIsWritten(string row, string message)
    {
        await WorkflowWorld.CreateAsync(Db);

        var preview = await PreviewAsync(Csv("0813;Ny Person;Konsulent;ny@fh.example.dk;;Alfa;;;", row));
        var applied = await ApplyAsync(Csv("0813;Ny Person;Konsulent;ny@fh.example.dk;;Alfa;;;", row));

        Assert.Contains(message, Error(preview).Notes);
        Assert.False(applied.Succeeded);
        await using var db = Db.CreateDbContext();
        Assert.Equal(2, await db.ContactPersons.CountAsync(Ct));
        Assert.Equal(0, await db.OutgoingEmails.CountAsync(Ct));
        Assert.Equal(0, await db.PersonalDataAccessLog.CountAsync(Ct));
    }

    [Fact]
    public async Task AnExportReadsBackUnchangedAndIsWrittenToTheAccessLog()
    {
        var w = await WorkflowWorld.CreateAsync(Db);
        Assert.True((await ApplyAsync(AnsiCommaCsv("Helsingør Kommune;Hans Helsingsen;;hans@helsingoer.example.dk;;Gamma;faglig;01.01.2025;01.01.2026"))).Succeeded);

        var rows = await AssertRoundTripChangesNothingAsync();

        Assert.Contains(rows, r => r.SequenceEqual(["0217", "Hans Helsingsen", "", "hans@helsingoer.example.dk", "", "gamma", "faglig", "01.01.2025", "01.01.2026"]));
        await using var db = Db.CreateDbContext();
        var exports = await db.PersonalDataAccessLog.Where(e => e.Access == PersonalDataAccess.ExcelExport).Select(e => e.ProductId).OrderBy(p => p).ToListAsync(Ct);
        Assert.Equal(new[] { w.Products["Alfa"], w.Products["Gamma"] }.Order(), exports);
    }

    [Fact]
    public async Task UndoRemovesTheNewPersonsButNotOnceAJoinRequestNamesOne()
    {
        var w = await WorkflowWorld.CreateAsync(Db);
        Assert.True((await ApplyAsync(Csv("København;Ida Ny;;ida@kk.example.dk;;Alfa;;;", "Helsingør;Hans Helsingsen;Chef;hans@helsingoer.example.dk;;Alfa;;;"))).Succeeded);
        int batch;
        await using (var db = Db.CreateDbContext())
        {
            batch = await db.ImportBatches.Select(b => b.Id).SingleAsync(Ct);
            var ida = await db.ContactPersons.SingleAsync(c => c.Name == "Ida Ny", Ct);
            var request = await db.JoinRequests.SingleAsync(r => r.Id == w.Requests["København→Alfa"], Ct);
            request.ContactPersonId = ida.Id;
            await db.SaveChangesAsync(Ct);
        }

        var blocked = await Batches.UndoAsync("sekretariat", batch, Ct);
        await using (var db = Db.CreateDbContext())
        {
            (await db.JoinRequests.SingleAsync(r => r.Id == w.Requests["København→Alfa"], Ct)).ContactPersonId = null;
            await db.SaveChangesAsync(Ct);
        }

        var undone = await Batches.UndoAsync("sekretariat", batch, Ct);

        Assert.Equal(OperationOutcome.Conflict, blocked.Outcome);
        Assert.Contains("Række 2 (Københavns Kommune) oprettede noget", blocked.Message, StringComparison.Ordinal);
        Assert.True(undone.Succeeded, undone.Message);
        await using var after = Db.CreateDbContext();
        Assert.False(await after.ContactPersons.AnyAsync(c => c.Name == "Ida Ny", Ct));
        Assert.Null((await after.ContactPersons.SingleAsync(c => c.Id == w.Contacts["Hans"], Ct)).Title);
        Assert.False(await after.ContactRoles.AnyAsync(r => r.ContactPersonId == w.Contacts["Hans"], Ct));
    }

    [Fact]
    public async Task TheTemplateIsReadColumnByColumn()
    {
        await WorkflowWorld.CreateAsync(Db);
        Assert.Contains("Produktet »OS2rollekatalog« findes ikke i kataloget.", (await TemplateRowAsync()).Notes);
    }
}
