using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OS2Hub.Web.Data;
using OS2Hub.Web.Data.Entities;
using OS2Hub.Web.Features.PublicCode;
using OS2Hub.Web.Tests.Features.Memberships;
using OS2Hub.Web.Tests.Infrastructure;

namespace OS2Hub.Web.Tests.Features.PublicCode;

public sealed class PublicCodeExportTests : IDisposable
{
    private static readonly Uri s_hub = new("https://os2hub.example.dk");
    private readonly SqliteTestDatabase _db = new();

    public void Dispose() => _db.Dispose();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private PublicCodeExport Export(bool demo = false) => new(_db, Options.Create(new OS2HubOptions { DemoData = demo }), FixedClock.Default);

    private async Task FillAlfaAsync(WorkflowWorld w, DateOnly? supplierEnd)
    {
        await using var db = _db.CreateDbContext();
        await db.Products.Where(p => p.Id == w.Products["Alfa"]).ExecuteUpdateAsync(u => u
            .SetProperty(p => p.RepositoryUrl, "https://github.com/OS2/alfa")
            .SetProperty(p => p.Licence, "MPL-2.0")
            .SetProperty(p => p.Platforms, "web, linux")
            .SetProperty(p => p.SoftwareType, "standalone/web")
            .SetProperty(p => p.Maturity, MaturityLevel.Niveau2)
            .SetProperty(p => p.Summary, "Alfa styrer brugere og roller på tværs af kommunens systemer.")
            .SetProperty(p => p.Description, string.Concat(Enumerable.Repeat("Alfa giver kommunen ét sted at tildele roller, med »æøå«: ", 5)))
            .SetProperty(p => p.Features, "Tildeling af roller\nRapporter, også til revision")
            .SetProperty(p => p.LocalisationReady, false)
            .SetProperty(p => p.AvailableLanguages, "da"), Ct);
        await db.Participations.Where(x => x.ProductId == w.Products["Alfa"] && x.Kind == ParticipationKind.Leverandoer)
            .ExecuteUpdateAsync(u => u.SetProperty(x => x.EndDate, supplierEnd), Ct);
    }

    [Fact]
    public async Task AProductWithoutTheRequiredFactsGetsTheListOfWhatIsMissing()
    {
        var w = await WorkflowWorld.CreateAsync(_db);

        var result = await Export().ExportAsync("alfa", s_hub, Ct);

        Assert.Null(result!.Yaml);
        Assert.Equal(11, result.Missing.Count);
        Assert.Contains("slutdatoen for Leverandør ApSs aftale (maintenance.contractors.until)", result.Missing);
        Assert.Null(await Export().ExportAsync("findes-ikke", s_hub, Ct));
        Assert.NotEmpty(w.Products);
    }

    [Fact]
    public async Task AContractorWithoutAnEndDateBlocksTheExportUntilOneIsRecorded()
    {
        var w = await WorkflowWorld.CreateAsync(_db);
        await FillAlfaAsync(w, supplierEnd: null);

        var blocked = await Export().ExportAsync("alfa", s_hub, Ct);

        Assert.Equal(["slutdatoen for Leverandør ApSs aftale (maintenance.contractors.until)"], blocked!.Missing);
    }

    [Fact]
    public async Task TheExportedFilePassesTheValidatorAndCarriesTheVerifiedFacts()
    {
        var w = await WorkflowWorld.CreateAsync(_db);
        await FillAlfaAsync(w, supplierEnd: new DateOnly(2027, 12, 31));

        var yaml = (await Export(demo: true).ExportAsync("alfa", s_hub, Ct))!.Yaml!;
        var validation = PublicCodeValidator.Validate(yaml);

        Assert.True(validation.Valid, string.Join("\n", validation.Problems.Select(p => $"{p.Key}: {p.Message}")) + "\n" + yaml);
        Assert.Empty(validation.Problems);
        Assert.Equal("0", validation.Version);
        Assert.Contains("# DEMODATA", yaml, StringComparison.Ordinal);
        Assert.Contains("developmentStatus: stable", yaml, StringComparison.Ordinal); // proposed from niveau 2
        Assert.Contains("- Frederikshavn Kommune", yaml, StringComparison.Ordinal);
        Assert.Contains("name: Leverandør ApS", yaml, StringComparison.Ordinal);
        Assert.Contains("until: 2027-12-31", yaml, StringComparison.Ordinal);
        Assert.Contains("- Rapporter, også til revision", yaml, StringComparison.Ordinal);
        Assert.DoesNotContain("# DEMODATA", (await Export().ExportAsync("alfa", s_hub, Ct))!.Yaml!, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(MaturityLevel.Ide, LifecycleState.Aktiv, "concept")]
    [InlineData(MaturityLevel.Sandkasse, LifecycleState.Aktiv, "development")]
    [InlineData(MaturityLevel.Niveau1, LifecycleState.Aktiv, "beta")]
    [InlineData(MaturityLevel.Niveau3, LifecycleState.Frosset, "stable")]
    [InlineData(MaturityLevel.Niveau2, LifecycleState.Udtraadt, "obsolete")]
    [InlineData(MaturityLevel.Ukendt, LifecycleState.Aktiv, null)]
    public void TheDevelopmentStatusIsProposedByTheStatedTable(MaturityLevel maturity, LifecycleState lifecycle, string? expected) =>
        Assert.Equal(expected, PublicCodeExport.ProposedStatus(maturity, lifecycle));
}
