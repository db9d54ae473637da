using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OS2Hub.Web.Data;
using OS2Hub.Web.Data.Entities;
using OS2Hub.Web.Features;
using OS2Hub.Web.Features.PublicCode;
using OS2Hub.Web.Tests.Features.Memberships;
using OS2Hub.Web.Tests.Infrastructure;

namespace OS2Hub.Web.Tests.Features.PublicCode;

public sealed class PublicCodeExportTests : IDisposable
{
    private static readonly Uri s_hub = new("https://os2hub.example.dk");
    private readonly TestDatabase _db = TestDatabase.Create();

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
            .SetProperty(p => p.Maturity, MaturityLevel.Level2)
            .SetProperty(p => p.Summary, "Alfa styrer brugere og roller på tværs af kommunens systemer.")
            .SetProperty(p => p.Description, string.Concat(Enumerable.Repeat("Alfa giver kommunen ét sted at tildele roller, med »æøå«. ", 5)).TrimEnd())
            .SetProperty(p => p.Features, "Tildeling af roller\nRapporter, også til revision")
            .SetProperty(p => p.LocalisationReady, false)
            .SetProperty(p => p.AvailableLanguages, "da"), Ct);
        await db.Participations.Where(x => x.ProductId == w.Products["Alfa"] && x.Kind == ParticipationKind.Supplier)
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
        await using (var db = _db.CreateDbContext())
        {
            db.Participations.Add(new Participation { ProductId = w.Products["Alfa"], OrganisationId = w.Organisations["Leverandør"], Kind = ParticipationKind.Supplier, Role = SupplierRole.Support });
            await db.SaveChangesAsync(Ct);
        }

        var blocked = await Export().ExportAsync("alfa", s_hub, Ct);

        // Two open roles of one supplier: one line.
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
    [InlineData(MaturityLevel.Idea, LifecycleState.Active, "concept")]
    [InlineData(MaturityLevel.Sandbox, LifecycleState.Active, "development")]
    [InlineData(MaturityLevel.Level1, LifecycleState.Active, "beta")]
    [InlineData(MaturityLevel.Level3, LifecycleState.Frozen, "stable")]
    [InlineData(MaturityLevel.Level2, LifecycleState.Retired, "obsolete")]
    [InlineData(MaturityLevel.Unknown, LifecycleState.Active, null)]
    public void TheDevelopmentStatusIsProposedByTheStatedTable(MaturityLevel maturity, LifecycleState lifecycle, string? expected) =>
        Assert.Equal(expected, PublicCodeExport.ProposedStatus(maturity, lifecycle));

    [Fact]
    public async Task AnExportedFileComesBackUnchangedAndCreatesNoMembershipOrEngagement()
    {
        var w = await WorkflowWorld.CreateAsync(_db);
        await FillAlfaAsync(w, supplierEnd: new DateOnly(2027, 12, 31));
        var yaml = (await Export().ExportAsync("alfa", s_hub, Ct))!.Yaml!;
        var import = new PublicCodeImport(_db, FixedClock.Default);
        await using (var db = _db.CreateDbContext())
        {
            // Someone has since blanked the fields; the file restores them.
            await db.Products.Where(p => p.Id == w.Products["Alfa"]).ExecuteUpdateAsync(u => u.SetProperty(p => p.Features, (string?)null).SetProperty(p => p.Platforms, (string?)null), Ct);
        }

        var before = await SnapshotAsync();
        var preview = (await import.PreviewAsync("pk-alfa", w.Products["Alfa"], yaml, Ct)).Value;
        var applied = await import.ApplyAsync("pk-alfa", w.Products["Alfa"], preview!.ProductVersion, yaml, Ct);

        Assert.Equal(["Platforms", "DevelopmentStatus", "DescriptionLanguage", "Features"], preview.Changes.Select(c => c.Field));
        Assert.Equal([("usedBy", "Frederikshavn Kommune"), ("usedBy", "Helsingør Kommune"), ("contractor", "Leverandør ApS")], preview.Claims.Select(c => (c.Kind, c.Name)));
        Assert.True(applied.Succeeded, applied.Message);
        Assert.Equal(yaml, (await Export().ExportAsync("alfa", s_hub, Ct))!.Yaml); // every mapped field compares equal
        Assert.Equal(before, await SnapshotAsync());
        await using var check = _db.CreateDbContext();
        Assert.Equal(yaml, (await check.Products.SingleAsync(p => p.Id == w.Products["Alfa"], Ct)).PublicCodeOriginal);
    }

    [Fact]
    public async Task AFileWithAnErrorChangesNothingAndOthersCannotImport()
    {
        var w = await WorkflowWorld.CreateAsync(_db);
        await FillAlfaAsync(w, supplierEnd: new DateOnly(2027, 12, 31));
        var yaml = (await Export().ExportAsync("alfa", s_hub, Ct))!.Yaml!.Replace("developmentStatus: stable", "developmentStatus: alpha", StringComparison.Ordinal);
        var import = new PublicCodeImport(_db, FixedClock.Default);

        var preview = (await import.PreviewAsync("sekretariat", w.Products["Alfa"], yaml, Ct)).Value;
        var applied = await import.ApplyAsync("sekretariat", w.Products["Alfa"], preview!.ProductVersion, yaml, Ct);

        Assert.False(preview.Validation.Valid);
        Assert.Empty(preview.Changes);
        Assert.Equal(OS2Hub.Web.Features.OperationOutcome.Invalid, applied.Outcome);
        Assert.StartsWith("Filen er ikke gyldig og er ikke importeret: developmentStatus", applied.Message, StringComparison.Ordinal);
        Assert.Equal(OperationOutcome.Denied, (await import.PreviewAsync("pk-alfa", w.Products["Beta"], yaml, Ct)).Outcome);
        Assert.Equal(OperationOutcome.Denied, (await import.PreviewAsync("pk-alfa", null, yaml, Ct)).Outcome);
        Assert.Equal(OperationOutcome.NotFound, (await import.PreviewAsync("sekretariat", 999_999, yaml, Ct)).Outcome);
    }

    /// <summary>Memberships and supplier engagements, which an import must never create.</summary>
    private async Task<string> SnapshotAsync()
    {
        await using var db = _db.CreateDbContext();
        return string.Join("|", await db.Participations.OrderBy(x => x.Id).Select(x => $"{x.Id}:{x.ProductId}:{x.OrganisationId}:{x.Kind}:{x.EndDate}").ToListAsync(Ct));
    }
}
