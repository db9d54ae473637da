using System.Text;
using Microsoft.EntityFrameworkCore;
using OS2Hub.Web.Features;
using OS2Hub.Web.Features.Economy;
using OS2Hub.Web.Tests.Infrastructure;

namespace OS2Hub.Web.Tests.Features.Economy;

/// <summary>Danmarks Statistik's FOLK1A table as Statistikbanken exports it, read into dated population figures.</summary>
public sealed class PopulationImportTests : IDisposable
{
    // As Statistikbanken writes it: a title line, the header, then area, quarter and figure.
    private const string Folk1a = """
        Befolkningen den 1. i kvartalet efter område og tid
        "OMRÅDE";"TID";"INDHOLD"
        "000 Hele landet";"2026K1";6001008
        "084 Region Hovedstaden";"2026K1";1937264
        "101 Lille";"2026K1";20500
        "147 Mellem";"2026K1";40100
        "411 Christiansø";"2026K1";90
        "813 Ny";"2026K1";57100
        "813 Ny";"2025K1";57000
        """;

    private readonly TestDatabase _db = TestDatabase.Create();
    private readonly PopulationImport _import;

    public PopulationImportTests()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        _import = new PopulationImport(_db, FixedClock.Default);
    }

    public void Dispose() => _db.Dispose();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static MemoryStream File(string text, Encoding? encoding = null) => new((encoding ?? new UTF8Encoding(false)).GetBytes(text));

    [Fact]
    public async Task AStatistikbankenFileShowsWhatChangesAndSkipsWhatIsNotAMunicipality()
    {
        await EconomyWorld.CreateAsync(_db);

        var preview = (await _import.PreviewAsync("sekretariat", File(Folk1a), Ct)).Value!;

        Assert.Null(preview.FileProblem);
        Assert.Empty(preview.Errors);
        Assert.Equal("UTF-8", preview.Encoding);
        Assert.Equal(["hele landet, ikke en kommune", "en region, ikke en kommune", "Christiansø hører ikke under en kommune"], preview.Skipped.Select(s => s.Reason));
        Assert.Equal(
            [("0101", "2026-01-01", 20_500, (int?)null, PopulationChangeKind.New), ("0147", "2026-01-01", 40_100, null, PopulationChangeKind.New),
             ("0813", "2025-01-01", 57_000, 57_000, PopulationChangeKind.Unchanged), ("0813", "2026-01-01", 57_100, null, PopulationChangeKind.New)],
            preview.Changes.Select(c => (c.Code, c.AsOf.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), c.Population, c.Previous, c.Kind)));
        Assert.True(preview.CanApply);
    }

    [Fact]
    public async Task ATableWithTheQuartersAcrossIsReadAsWell()
    {
        await EconomyWorld.CreateAsync(_db);
        const string across = """
            "OMRÅDE";"2025K1";"2026K1"
            "000 Hele landet";5990000;6001008
            "101 Lille";20100;20500
            "813 Ny";57000;57100
            """;

        var preview = (await _import.PreviewAsync("sekretariat", File(across), Ct)).Value!;

        Assert.Empty(preview.Errors);
        Assert.Equal(2, preview.Skipped.Count);
        Assert.Equal([("0101", 2025, 20_100), ("0101", 2026, 20_500), ("0813", 2025, 57_000), ("0813", 2026, 57_100)],
            preview.Changes.Select(c => (c.Code, c.AsOf.Year, c.Population)));
        Assert.Equal([PopulationChangeKind.Changed, PopulationChangeKind.New, PopulationChangeKind.Unchanged, PopulationChangeKind.New], preview.Changes.Select(c => c.Kind));
    }

    [Fact]
    public async Task ApplyingAddsTheFiguresWithTheirDateAndKeepsTheEarlierOnes()
    {
        var w = await EconomyWorld.CreateAsync(_db);

        var result = await _import.ApplyAsync("sekretariat", File(Folk1a), Ct);

        Assert.True(result.Succeeded, result.Message);
        Assert.Equal(3, result.Id);
        await using var db = _db.CreateDbContext();
        var ny = await db.PopulationFigures.Where(f => f.OrganisationId == w.Orgs["Ny"]).OrderBy(f => f.AsOf).Select(f => f.Population).ToListAsync(Ct);
        Assert.Equal([57_000, 57_100], ny);
        Assert.Equal(3, await db.ChangeLog.CountAsync(c => c.Field.StartsWith("Population"), Ct));
    }

    [Fact]
    public async Task AnUnknownMunicipalityCodeIsAnErrorAndNothingIsImported()
    {
        await EconomyWorld.CreateAsync(_db);
        var file = Folk1a + "\n\"998 Fantasiby\";\"2026K1\";1234";

        var preview = (await _import.PreviewAsync("sekretariat", File(file), Ct)).Value!;
        var result = await _import.ApplyAsync("sekretariat", File(file), Ct);

        var error = Assert.Single(preview.Errors);
        Assert.Equal((10, "Kommunekoden 998 findes ikke blandt de 98 kommuner."), (error.Line, error.Reason));
        Assert.False(preview.CanApply);
        Assert.Equal(OperationOutcome.Invalid, result.Outcome);
        Assert.Equal("Filen har 1 linje(r), der ikke kan læses. Intet er importeret.", result.Message);
        await using var db = _db.CreateDbContext();
        Assert.Equal(6, await db.PopulationFigures.CountAsync(Ct)); // the world's own figures only
    }

    [Theory]
    [InlineData("\"101 Lille\";\"2026K1\";20.500", "Antallet \"20.500\" er ikke et helt, positivt tal.")]
    [InlineData("\"101 Lille\";\"2026K5\";20500", "Perioden mangler eller står ikke som fx \"2026K1\".")]
    [InlineData("\"Lille\";\"2026K1\";20500", "Området mangler eller står ikke som kode og navn (fx \"813 Frederikshavn\").")]
    [InlineData("\"101 Lille\";\"2026K1\";..", "Antallet \"..\" er ikke et helt, positivt tal.")]
    public async Task ABrokenLineIsReportedWithItsNumber(string line, string reason)
    {
        await EconomyWorld.CreateAsync(_db);

        var preview = (await _import.PreviewAsync("sekretariat", File("\"OMRÅDE\";\"TID\";\"INDHOLD\"\n\"147 Mellem\";\"2026K1\";40100\n" + line), Ct)).Value!;

        var error = Assert.Single(preview.Errors);
        Assert.Equal((3, reason), (error.Line, error.Reason));
        Assert.False(preview.CanApply);
    }

    [Fact]
    public async Task AWindows1252FileIsReadWithItsDanishLetters()
    {
        var w = await EconomyWorld.CreateAsync(_db);
        await using (var db = _db.CreateDbContext())
        {
            var ny = await db.Organisations.SingleAsync(o => o.Id == w.Orgs["Ny"], Ct);
            ny.Name = "Ærø Kommune";
            await db.SaveChangesAsync(Ct);
        }

        var bytes = Encoding.GetEncoding(1252).GetBytes("\"OMRÅDE\";\"TID\";\"INDHOLD\"\n\"813 Ærø\";\"2026K1\";6100\n\"411 Christiansø\";\"2026K1\";90\n");
        var preview = (await _import.PreviewAsync("sekretariat", new MemoryStream(bytes), Ct)).Value!;

        Assert.Equal("Windows-1252", preview.Encoding);
        Assert.Equal("411 Christiansø;2026K1;90", Assert.Single(preview.Skipped).Text);
        Assert.Equal(("Ærø Kommune", 6_100), (Assert.Single(preview.Changes).Name, preview.Changes[0].Population));
    }

    [Theory]
    [InlineData("navn;adresse;postnummer\nJens;Vej 1;8000\nHanne;Gade 2;9000\n")]
    [InlineData("publiccodeYmlVersion: \"0.4\"\nname: OS2mo\n")]
    [InlineData("")]
    public async Task AFileThatIsNotAPopulationTableIsRefusedWithAReason(string text)
    {
        await EconomyWorld.CreateAsync(_db);

        var preview = (await _import.PreviewAsync("sekretariat", File(text), Ct)).Value!;
        var result = await _import.ApplyAsync("sekretariat", File(text), Ct);

        Assert.StartsWith("Filen ligner ikke Danmarks Statistiks befolkningstabel (FOLK1A)", preview.FileProblem, StringComparison.Ordinal);
        Assert.False(preview.CanApply);
        Assert.Equal(OperationOutcome.Invalid, result.Outcome);
    }

    [Fact]
    public async Task OnlyTheSecretariatImports()
    {
        await EconomyWorld.CreateAsync(_db);

        Assert.Equal(OperationOutcome.Denied, (await _import.PreviewAsync("pk-alfa", File(Folk1a), Ct)).Outcome);
        Assert.Equal(OperationOutcome.Denied, (await _import.ApplyAsync("it-ny", File(Folk1a), Ct)).Outcome);
    }
}
