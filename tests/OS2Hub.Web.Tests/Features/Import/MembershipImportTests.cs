using System.Diagnostics;
using System.Text;
using Microsoft.EntityFrameworkCore;
using OS2Hub.Web.Data.Entities;
using OS2Hub.Web.Features;
using OS2Hub.Web.Features.Import;
using OS2Hub.Web.Tests.Features.Memberships;
using OS2Hub.Web.Tests.Infrastructure;

namespace OS2Hub.Web.Tests.Features.Import;

/// <summary>The secretariat's member list loaded from a spreadsheet, over the real service and database.</summary>
public sealed class MembershipImportTests : IDisposable
{
    private const string Header = "produkt;myndighed;medejer_fra;medejer_til;aftalereference;kilde";
    private readonly TestDatabase _db = TestDatabase.Create();
    private readonly Members _import;
    private readonly ImportBatches _batches;

    public MembershipImportTests()
    {
        _import = new Members(new BulkImport(_db, FixedClock.Default));
        _batches = new ImportBatches(_db, FixedClock.Default);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static MemoryStream Csv(params string[] lines) => new(Encoding.UTF8.GetBytes(string.Join("\r\n", [Header, .. lines])));

    private Task<ImportPreview> PreviewAsync(string fileName, Stream file) =>
        _import.PreviewAsync("sekretariat", fileName, file, Ct).ContinueWith(t => t.Result.Value!, TaskScheduler.Default);

    [Fact]
    public async Task EachRowIsNewChangedOrUnchangedAndAMembershipTheFileDoesNotMentionIsLeftAlone()
    {
        var w = await WorkflowWorld.CreateAsync(_db);

        var preview = await PreviewAsync("Medlemsliste 2026.csv", Csv(
            "Alfa;Frederikshavn;01.01.2020;;;",              // as in the hub
            "alfa;0217;2020-01-01;01.01.2026;J.nr. 7;Referat", // Helsingør left: changed
            "Gamma;Københavns Kommune;01.03.2024;;;"));      // new

        Assert.Equal([ImportRowStatus.Unchanged, ImportRowStatus.Changed, ImportRowStatus.New], preview.Rows.Select(r => r.Status));
        Assert.Equal([2, 3, 4], preview.Rows.Select(r => r.Number));
        Assert.Contains("medejer_til: – → 01.01.2026", preview.Rows[1].Notes);
        Assert.Equal("Alfa – Helsingør Kommune", preview.Rows[1].Subject);

        var applied = await _import.ApplyAsync("sekretariat", "Medlemsliste 2026.csv", Csv(
            "Alfa;Frederikshavn;01.01.2020;;;", "alfa;0217;2020-01-01;01.01.2026;J.nr. 7;Referat", "Gamma;Københavns Kommune;01.03.2024;;;"), false, Ct);

        Assert.True(applied.Succeeded, applied.Message);
        await using var db = _db.CreateDbContext();
        var helsingoer = await db.Participations.SingleAsync(p => p.ProductId == w.Products["Alfa"] && p.OrganisationId == w.Organisations["Helsingør"], Ct);
        Assert.Equal((new DateOnly(2026, 1, 1), "J.nr. 7", "Referat", "Medlemsliste 2026.csv, række 3"), (helsingoer.EndDate, helsingoer.AgreementReference, helsingoer.Source, helsingoer.ImportedFrom));
        var gamma = await db.Participations.SingleAsync(p => p.ProductId == w.Products["Gamma"], Ct);
        Assert.Equal((w.Organisations["København"], new DateOnly(2024, 3, 1), "Medlemsliste 2026.csv, række 4"), (gamma.OrganisationId, gamma.StartDate, gamma.ImportedFrom));
        var batch = await db.ImportBatches.Include(b => b.Changes).SingleAsync(Ct);
        Assert.Equal(("sekretariat", 1, 1, 2), (batch.UserId, batch.Created, batch.Changed, batch.Changes.Count));
        Assert.Equal(2, await db.ChangeLog.CountAsync(c => c.Field == "Import", Ct));
    }

    [Fact]
    public async Task TheSameFileTwiceChangesNothingTheSecondTime()
    {
        await WorkflowWorld.CreateAsync(_db);
        string[] rows = ["Gamma;0813;01.01.2025;;Aftale 1;Liste"];
        Assert.True((await _import.ApplyAsync("sekretariat", "liste.csv", Csv(rows), false, Ct)).Succeeded);

        var again = await PreviewAsync("liste.csv", Csv(rows));
        var second = await _import.ApplyAsync("sekretariat", "liste.csv", Csv(rows), false, Ct);

        Assert.All(again.Rows, r => Assert.Equal(ImportRowStatus.Unchanged, r.Status));
        Assert.False(second.Succeeded);
        await using var db = _db.CreateDbContext();
        Assert.Equal(1, await db.ImportBatches.CountAsync(Ct));
    }

    [Theory]
    [InlineData("Delta;0813;01.01.2025;;;", "Produktet »Delta« findes ikke i kataloget.")]
    [InlineData("Gamma;Ingen Kommune;01.01.2025;;;", "Myndigheden »Ingen Kommune« findes ikke i hubben (kommunekode, CVR-nummer eller navn).")]
    [InlineData("Gamma;0813;31.02.2025;;;", "medejer_fra: »31.02.2025« er ikke en dato. Skriv dd.mm.åååå eller åååå-mm-dd.")]
    [InlineData("Gamma;0813;01.01.2025;01.01.2024;;", "medejer_til skal ligge efter medejer_fra.")]
    [InlineData("Alfa;Frederikshavn;01.06.2021;;;", "Perioden overlapper et andet medlemskab af samme produkt (fra 01.01.2020, uden slutdato).")]
    [InlineData(";0813;;;;", "Kolonnen produkt skal udfyldes.")]
    public async Task ARowThatCannotBeImportedSaysWhyInDanishAndNothingIsWritten(string row, string message)
    {
        await WorkflowWorld.CreateAsync(_db);

        var preview = await PreviewAsync("fejl.csv", Csv("Gamma;0217;01.01.2025;;;", row));
        var applied = await _import.ApplyAsync("sekretariat", "fejl.csv", Csv("Gamma;0217;01.01.2025;;;", row), false, Ct);

        var error = Assert.Single(preview.Rows, r => r.Status == ImportRowStatus.Error);
        Assert.Equal(3, error.Number);
        Assert.Contains(message, error.Notes);
        Assert.False(applied.Succeeded);
        await using var db = _db.CreateDbContext();
        Assert.False(await db.Participations.AnyAsync(p => p.Product!.Name == "Gamma", Ct));
    }

    [Fact]
    public async Task AnAmbiguousNameListsTheCandidatesAndAnOpenRequestIsNamed()
    {
        var w = await WorkflowWorld.CreateAsync(_db);
        await using (var db = _db.CreateDbContext())
        {
            // Two names that fold to the same key: which is meant cannot be told, so neither is taken.
            db.Organisations.Add(new Organisation { Name = "Ærø Forsyning", Slug = "aeroe-forsyning", Kind = OrganisationKind.OtherPublic });
            db.Organisations.Add(new Organisation { Name = "Aeroe Forsyning", Slug = "aeroe-forsyning-2", Kind = OrganisationKind.OtherPublic });
            await db.SaveChangesAsync(Ct);
        }

        var preview = await PreviewAsync("liste.csv", Csv("Gamma;Aero Forsyning;01.01.2025;;;", "Beta;0217;01.01.2025;;;"));

        Assert.Contains(preview.Rows[0].Notes, n => n.StartsWith("»Aero Forsyning« passer på flere: Aeroe Forsyning, Ærø Forsyning.", StringComparison.Ordinal));
        Assert.Contains(preview.Rows[1].Notes, n => n.StartsWith($"Myndigheden har en åben anmodning om at tilslutte sig produktet (nr. {w.Requests["Helsingør→Beta"]} fra", StringComparison.Ordinal));
    }

    [Fact]
    public async Task OnlyTheValidRowsAreImportedWhenTheSecretariatSaysSo()
    {
        await WorkflowWorld.CreateAsync(_db);

        var refused = await _import.ApplyAsync("sekretariat", "liste.csv", Csv("Gamma;0813;01.01.2025;;;", "Delta;0813;01.01.2025;;;"), false, Ct);
        var applied = await _import.ApplyAsync("sekretariat", "liste.csv", Csv("Gamma;0813;01.01.2025;;;", "Delta;0813;01.01.2025;;;"), true, Ct);

        Assert.Equal("Intet er gemt: 1 rækker har fejl. Ret dem, eller vælg at importere kun de gyldige rækker.", refused.Message);
        Assert.True(applied.Succeeded);
        await using var db = _db.CreateDbContext();
        Assert.Equal(1, await db.Participations.CountAsync(p => p.Product!.Name == "Gamma", Ct));
    }

    [Fact]
    public async Task WindowsAnsiWithCommasIsReadAsWellAsUtf8WithSemicolons()
    {
        var w = await WorkflowWorld.CreateAsync(_db);
        var ansi = Encoding.GetEncoding(1252).GetBytes("produkt,myndighed,medejer_fra,medejer_til,aftalereference,kilde\r\nGamma,Helsingør Kommune,2025-01-01,,,\"Referat, styregruppen\"\r\n");

        var preview = await PreviewAsync("liste.csv", new MemoryStream(ansi));

        var row = Assert.Single(preview.Rows);
        Assert.Equal((ImportRowStatus.New, "Gamma – Helsingør Kommune"), (row.Status, row.Subject));
        _ = w;
    }

    [Theory]
    [InlineData("liste.xlsm", "Filer med makroer (.xlsm) kan ikke importeres. Gem regnearket som .xlsx, og prøv igen.")]
    [InlineData("liste.pdf", "Filen skal være et Excel-regneark (.xlsx) eller en CSV-fil (.csv).")]
    public async Task AMacroWorkbookOrAnotherKindOfFileIsRefused(string name, string message)
    {
        await WorkflowWorld.CreateAsync(_db);
        Assert.Equal(message, (await PreviewAsync(name, Csv("Gamma;0813;;;;"))).FileProblem);
    }

    [Fact]
    public async Task AFileOverTenMegabytesOrTwentyThousandRowsIsRefused()
    {
        await WorkflowWorld.CreateAsync(_db);
        var big = new MemoryStream(new byte[SheetReader.MaxBytes + 1]);
        var many = Csv([.. Enumerable.Range(0, SheetReader.MaxRows + 1).Select(i => "Gamma;0813;;;;")]);

        Assert.Equal("Filen er større end 10 MB.", (await PreviewAsync("stor.csv", big)).FileProblem);
        Assert.Equal("Filen har mere end 20.000 rækker. Del den op, og importér delene hver for sig.", (await PreviewAsync("lang.csv", many)).FileProblem);
    }

    [Fact]
    public async Task TheTemplateAndAnExportReadBackAsAnImportThatChangesNothing()
    {
        await WorkflowWorld.CreateAsync(_db);
        var files = new ImportFiles(_db, FixedClock.Default);
        Assert.True((await _import.ApplyAsync("sekretariat", "liste.csv", Csv("Gamma;0813;01.01.2025;;J.nr. 1;Liste", "Beta;0101;;31.12.2025;;"), false, Ct)).Succeeded);

        var rows = (await files.RowsAsync("sekretariat", BulkImport.Of(ImportKind.Memberships), PersonalDataAccess.ExcelExport, Ct))!;
        var fromXlsx = await PreviewAsync("eksport.xlsx", new MemoryStream(Workbooks.Xlsx(("Medlemskaber", rows))));
        var fromCsv = await PreviewAsync("eksport.csv", new MemoryStream(Workbooks.Csv(rows)));
        var template = await PreviewAsync("skabelon.xlsx", new MemoryStream(ImportFiles.Template(BulkImport.Of(ImportKind.Memberships))));

        Assert.Equal(4, fromXlsx.Rows.Count); // Frederikshavn and Helsingør in Alfa, and the two imported
        Assert.All(fromXlsx.Rows.Concat(fromCsv.Rows), r => Assert.Equal(ImportRowStatus.Unchanged, r.Status));
        // The template's example row names a product this test's catalogue lacks: it is read, column by column.
        Assert.Equal("Produktet »OS2rollekatalog« findes ikke i kataloget.", Assert.Single(Assert.Single(template.Rows).Notes));
        Assert.Null(await files.RowsAsync("it-frederikshavn", BulkImport.Of(ImportKind.Memberships), PersonalDataAccess.ExcelExport, Ct));
    }

    [Fact]
    public async Task ABatchIsUndoneWholeButNotWhenALaterEditDependsOnIt()
    {
        var w = await WorkflowWorld.CreateAsync(_db);
        Assert.True((await _import.ApplyAsync("sekretariat", "a.csv", Csv("Gamma;0813;01.01.2025;;;", "Alfa;0217;01.01.2020;01.01.2026;;"), false, Ct)).Succeeded);
        Assert.True((await _import.ApplyAsync("sekretariat", "b.csv", Csv("Beta;0101;01.01.2025;;;"), false, Ct)).Succeeded);
        int first, second;
        await using (var db = _db.CreateDbContext())
        {
            (first, second) = (await db.ImportBatches.Where(b => b.FileName == "a.csv").Select(b => b.Id).SingleAsync(Ct), await db.ImportBatches.Where(b => b.FileName == "b.csv").Select(b => b.Id).SingleAsync(Ct));
            var beta = await db.Participations.SingleAsync(p => p.ProductId == w.Products["Beta"] && p.OrganisationId == w.Organisations["København"], Ct);
            beta.EndDate = new DateOnly(2026, 6, 1);
            beta.Version++; // a later edit, as the membership editor saves it
            await db.SaveChangesAsync(Ct);
        }

        var blocked = await _batches.UndoAsync("sekretariat", second, Ct);
        var undone = await _batches.UndoAsync("sekretariat", first, Ct);
        var denied = await _batches.UndoAsync("it-frederikshavn", second, Ct);

        Assert.Equal(OperationOutcome.Conflict, blocked.Outcome);
        Assert.Contains("Række 2 (Beta – Københavns Kommune) er ændret siden importen.", blocked.Message, StringComparison.Ordinal);
        Assert.True(undone.Succeeded, undone.Message);
        Assert.Equal(OperationOutcome.Denied, denied.Outcome);
        await using var after = _db.CreateDbContext();
        Assert.False(await after.Participations.AnyAsync(p => p.ProductId == w.Products["Gamma"], Ct));
        Assert.Null((await after.Participations.SingleAsync(p => p.ProductId == w.Products["Alfa"] && p.OrganisationId == w.Organisations["Helsingør"], Ct)).EndDate);
        Assert.NotNull((await after.ImportBatches.SingleAsync(b => b.Id == first, Ct)).UndoneAt);
    }

    [Fact]
    public async Task OnlyTheSecretariatPreviewsAndImports()
    {
        await WorkflowWorld.CreateAsync(_db);
        foreach (var user in new[] { "pk-alfa", "it-frederikshavn", "leverandoer", "uden-rolle" })
        {
            Assert.Equal(OperationOutcome.Denied, (await _import.PreviewAsync(user, "liste.csv", Csv("Gamma;0813;;;;"), Ct)).Outcome);
            Assert.Equal(OperationOutcome.Denied, (await _import.ApplyAsync(user, "liste.csv", Csv("Gamma;0813;;;;"), false, Ct)).Outcome);
            Assert.Equal(OperationOutcome.Denied, (await _batches.ListAsync(user, Ct)).Outcome);
        }
    }

    [Fact]
    public async Task AThousandMembershipRowsArePreviewedAndApplied()
    {
        await using (var db = _db.CreateDbContext())
        {
            await WorkflowWorld.CreateAsync(_db);
            for (var i = 0; i < 100; i++)
            {
                db.Products.Add(new Product { Name = $"Produkt {i:000}", Slug = $"produkt-{i:000}", Lifecycle = LifecycleState.Active });
            }

            for (var i = 0; i < 10; i++)
            {
                db.Organisations.Add(new Organisation { Name = $"Testkommune {i}", Slug = $"testkommune-{i}", Kind = OrganisationKind.Municipality, Code = $"9{i:000}" });
            }

            await db.SaveChangesAsync(Ct);
        }

        string[] rows = [.. Enumerable.Range(0, 1000).Select(i => $"produkt-{i % 100:000};9{i / 100:000};01.01.2025;;J.nr. {i};Liste")];
        var clock = Stopwatch.StartNew();
        var preview = await PreviewAsync("stor.csv", Csv(rows));
        var previewed = clock.Elapsed;
        var applied = await _import.ApplyAsync("sekretariat", "stor.csv", Csv(rows), false, Ct);
        var total = clock.Elapsed;

        Assert.Equal(1000, preview.Count(ImportRowStatus.New));
        Assert.True(applied.Succeeded, applied.Message);
        TestContext.Current.TestOutputHelper?.WriteLine($"1,000 membership rows: preview {previewed.TotalMilliseconds:N0} ms, preview + apply {total.TotalMilliseconds:N0} ms");
        await using var after = _db.CreateDbContext();
        Assert.Equal(1000, await after.Participations.CountAsync(p => p.ImportedFrom != null, Ct));
    }

    public void Dispose() => _db.Dispose();

    /// <summary>The import service, for member lists.</summary>
    private sealed class Members(BulkImport import)
    {
        public Task<Read<ImportPreview>> PreviewAsync(string userId, string fileName, Stream file, CancellationToken ct) =>
            import.PreviewAsync(userId, ImportKind.Memberships, fileName, file, null, ct);

        public Task<OperationResult> ApplyAsync(string userId, string fileName, Stream file, bool onlyValidRows, CancellationToken ct) =>
            import.ApplyAsync(userId, ImportKind.Memberships, fileName, file, onlyValidRows, null, ct);
    }
}
