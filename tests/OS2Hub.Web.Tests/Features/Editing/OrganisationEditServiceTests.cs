using Microsoft.EntityFrameworkCore;
using OS2Hub.Web.Features;
using OS2Hub.Web.Data.Entities;
using OS2Hub.Web.Features.Editing;
using OS2Hub.Web.Features.Memberships;
using OS2Hub.Web.Tests.Features.Memberships;
using OS2Hub.Web.Tests.Infrastructure;

namespace OS2Hub.Web.Tests.Features.Editing;

public sealed class OrganisationEditServiceTests : IDisposable
{
    private readonly TestDatabase _db = TestDatabase.Create();
    private readonly OrganisationEditService _service;

    public OrganisationEditServiceTests() => _service = new OrganisationEditService(_db, FixedClock.Default);

    public void Dispose() => _db.Dispose();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<int> AddRegionAsync()
    {
        await using var db = _db.CreateDbContext();
        var region = new Organisation { Name = "Region Nordjylland", Slug = "region-nordjylland", Kind = OrganisationKind.Region, Code = "1081" };
        db.Organisations.Add(region);
        await db.SaveChangesAsync(Ct);
        return region.Id;
    }

    [Theory]
    [InlineData("55133018", true)]  // Aarhus Kommune
    [InlineData("55133019", false)]
    [InlineData("5513301", false)]
    [InlineData("5513301X", false)]
    public void CvrCheckDigitsAreValidated(string cvr, bool valid) => Assert.Equal(valid, OrganisationEditService.IsValidCvr(cvr));

    [Fact]
    public async Task TheSecretariatCreatesASupplierAndEditsAMunicipality()
    {
        await WorkflowWorld.CreateAsync(_db);
        var region = await AddRegionAsync();

        var created = await _service.SaveAsync("sekretariat", new OrganisationEdit
        {
            Name = "Ny Leverandør ApS", Slug = "ny-leverandoer-aps", Kind = OrganisationKind.Company, Cvr = "55133018", Website = "https://example.dk",
        }, Ct);
        var edit = (await _service.GetAsync("sekretariat", "frederikshavn", Ct)).Value!;
        var edited = await _service.SaveAsync("sekretariat", edit with { RegionId = region, Website = "https://frederikshavn.dk", Slug = "frederikshavn-kommune" }, Ct);

        Assert.True(created.Succeeded, created.Message);
        Assert.True(edited.Succeeded, edited.Message);
        Assert.Equal("frederikshavn-kommune", await _service.RedirectAsync("frederikshavn", Ct));
        await using var db = _db.CreateDbContext();
        Assert.Equal("55133018", (await db.Organisations.SingleAsync(o => o.Slug == "ny-leverandoer-aps", Ct)).Cvr);
        Assert.Equal(["RegionId", "Slug", "Website"], (await _service.HistoryAsync("sekretariat", edit.Id, Ct))!.Select(c => c.Field).Order());
        Assert.Null(await _service.HistoryAsync("it-frederikshavn", edit.Id, Ct));
    }

    [Fact]
    public async Task BadCvrAndMunicipalityCodesAreRefused()
    {
        await WorkflowWorld.CreateAsync(_db);
        var region = await AddRegionAsync();

        var result = await _service.SaveAsync("sekretariat", new OrganisationEdit
        {
            Name = "Ny Kommune", Slug = "ny-kommune", Kind = OrganisationKind.Municipality, Code = "9999", RegionId = region, Cvr = "12345678",
        }, Ct);
        var duplicate = await _service.SaveAsync("sekretariat", new OrganisationEdit
        {
            Name = "Kopi", Slug = "kopi", Kind = OrganisationKind.Municipality, Code = "0813", RegionId = region,
        }, Ct);
        var noRegion = await _service.SaveAsync("sekretariat", new OrganisationEdit { Name = "Uden", Slug = "uden", Kind = OrganisationKind.Municipality, Code = "0850" }, Ct);

        Assert.Equal("Skriv den officielle firecifrede kommunekode, fx 0813.", result.FieldErrors!["Code"]);
        Assert.Contains("CVR-nummeret er ikke gyldigt", result.FieldErrors["Cvr"], StringComparison.Ordinal);
        Assert.Equal("Koden bruges allerede af en anden organisation.", duplicate.FieldErrors!["Code"]);
        Assert.Equal("Vælg kommunens region.", noRegion.FieldErrors!["RegionId"]);
        await using var db = _db.CreateDbContext();
        Assert.False(await db.Organisations.AnyAsync(o => o.Slug == "ny-kommune" || o.Slug == "kopi" || o.Slug == "uden", Ct));
    }

    [Fact]
    public async Task TheSecondOfTwoEditsIsRefused()
    {
        await WorkflowWorld.CreateAsync(_db);
        var first = (await _service.GetAsync("sekretariat", "leverandoer-aps", Ct)).Value!;

        var saved = await _service.SaveAsync("sekretariat", first with { Website = "https://a.dk" }, Ct);
        var refused = await _service.SaveAsync("sekretariat", first with { Website = "https://b.dk" }, Ct);

        Assert.True(saved.Succeeded);
        Assert.Equal(OperationOutcome.Conflict, refused.Outcome);
    }

    [Fact]
    public async Task PopulationFiguresAccumulateWithTheirDates()
    {
        var w = await WorkflowWorld.CreateAsync(_db);
        var id = w.Organisations["Frederikshavn"];

        var added = await _service.AddPopulationAsync("sekretariat", id, new DateOnly(2026, 1, 1), 57_523, "Danmarks Statistik", Ct);
        var again = await _service.AddPopulationAsync("sekretariat", id, new DateOnly(2026, 1, 1), 57_000, null, Ct);
        var future = await _service.AddPopulationAsync("sekretariat", id, new DateOnly(2030, 1, 1), 57_000, null, Ct);
        var negative = await _service.AddPopulationAsync("sekretariat", id, new DateOnly(2025, 1, 1), -1, null, Ct);

        Assert.True(added.Succeeded);
        Assert.Equal("Der findes allerede et folketal for den dato.", again.FieldErrors!["AsOf"]);
        Assert.Equal(OperationOutcome.Invalid, future.Outcome);
        Assert.Equal("Angiv folketallet som et positivt heltal.", negative.FieldErrors!["Population"]);
        await using var db = _db.CreateDbContext();
        Assert.Equal(57_523, (await db.PopulationFigures.SingleAsync(p => p.OrganisationId == id, Ct)).Population);
    }

    [Theory]
    [InlineData("pk-alfa")]
    [InlineData("it-frederikshavn")]
    [InlineData("leverandoer")]
    [InlineData("uden-rolle")]
    public async Task OnlyTheSecretariatEditsOrganisations(string user)
    {
        var w = await WorkflowWorld.CreateAsync(_db);
        var edit = (await _service.GetAsync("sekretariat", "frederikshavn", Ct)).Value!;

        var save = await _service.SaveAsync(user, edit with { Name = "Ændret" }, Ct);
        var population = await _service.AddPopulationAsync(user, w.Organisations["Frederikshavn"], new DateOnly(2026, 1, 1), 1000, null, Ct);

        Assert.Equal(OperationOutcome.Denied, save.Outcome);
        Assert.Equal(OperationOutcome.Denied, population.Outcome);
        Assert.Equal(OperationOutcome.Denied, (await _service.GetAsync(user, "frederikshavn", Ct)).Outcome);
        await using var db = _db.CreateDbContext();
        Assert.Equal("Frederikshavn Kommune", (await db.Organisations.SingleAsync(o => o.Id == edit.Id, Ct)).Name);
        Assert.False(await db.PopulationFigures.AnyAsync(Ct));
    }

    [Fact]
    public async Task AnOrganisationThatCeasedIsArchivedWithItsHistoryAndCannotJoin()
    {
        var w = await WorkflowWorld.CreateAsync(_db);
        var edit = (await _service.GetAsync("sekretariat", "helsingoer", Ct)).Value!;
        var helsingoer = edit with { RegionId = await RegionAsync() };

        var archived = await _service.SaveAsync("sekretariat", helsingoer with { ArchivedOn = new DateOnly(2026, 6, 30) }, Ct);

        Assert.True(archived.Succeeded, archived.Message);
        var details = await new OS2Hub.Web.Features.Organisations.OrganisationService(_db, FixedClock.Default).GetAsync("helsingoer", Ct);
        Assert.Equal(new DateOnly(2026, 6, 30), details!.ArchivedOn);
        Assert.Equal(["Alfa"], details.CoOwned.Select(p => p.Name)); // its history stays
        var request = await w.Service.RequestAsync("sekretariat", w.Input("Helsingør", "Gamma"), Ct);
        Assert.Equal("Helsingør Kommune er ophørt og kan ikke tilslutte sig produkter.", request.Message);
        Assert.Contains((await _service.HistoryAsync("sekretariat", edit.Id, Ct))!, h => h.Field == "ArchivedOn" && h.NewValue == "2026-06-30");
    }

    private async Task<int> RegionAsync()
    {
        await using var db = _db.CreateDbContext();
        var region = new Organisation { Name = "Region Hovedstaden", Slug = "region-hovedstaden", Kind = OrganisationKind.Region, Code = "1084" };
        db.Organisations.Add(region);
        await db.SaveChangesAsync(Ct);
        return region.Id;
    }
}
