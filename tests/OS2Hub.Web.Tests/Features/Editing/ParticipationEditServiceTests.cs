using Microsoft.EntityFrameworkCore;
using OS2Hub.Web.Features;
using OS2Hub.Web.Data.Entities;
using OS2Hub.Web.Features.Editing;
using OS2Hub.Web.Features.Memberships;
using OS2Hub.Web.Features.Products;
using OS2Hub.Web.Tests.Features.Memberships;
using OS2Hub.Web.Tests.Infrastructure;

namespace OS2Hub.Web.Tests.Features.Editing;

public sealed class ParticipationEditServiceTests : IDisposable
{
    private readonly TestDatabase _db = TestDatabase.Create();
    private readonly ParticipationEditService _service;

    public ParticipationEditServiceTests() => _service = new ParticipationEditService(_db, FixedClock.Default);

    public void Dispose() => _db.Dispose();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TheProductCoordinatorAddsARoleAndEndsAPeriodAndTheCatalogueFollows()
    {
        var w = await WorkflowWorld.CreateAsync(_db);
        var existing = (await _service.ListAsync("pk-alfa", w.Products["Alfa"], Ct))!.Single();

        var added = await _service.AddAsync("pk-alfa", w.Products["Alfa"], w.Organisations["København"], SupplierRole.Hosting, new DateOnly(2024, 1, 1), null, Ct);
        var ended = await _service.SetPeriodAsync("pk-alfa", existing.Id, existing.Version, new DateOnly(2020, 1, 1), new DateOnly(2025, 1, 1), Ct);

        Assert.True(added.Succeeded, added.Message);
        Assert.True(ended.Succeeded, ended.Message);
        var card = (await new ProductCatalogService(_db, FixedClock.Default).SearchAsync(new CatalogQuery(), Ct)).Items.Single(i => i.Name == "Alfa");
        Assert.Equal(["Københavns Kommune"], card.Suppliers);
        await using var db = _db.CreateDbContext();
        Assert.Equal(2, await db.Participations.CountAsync(x => x.ProductId == w.Products["Alfa"] && x.Kind == ParticipationKind.Supplier, Ct));
        Assert.Equal(2, await db.ChangeLog.CountAsync(c => c.EntityId == w.Products["Alfa"] && c.Field.StartsWith("Leverandør"), Ct));
    }

    [Fact]
    public async Task AnEndBeforeTheStartAndAnUnknownRoleAreRefused()
    {
        var w = await WorkflowWorld.CreateAsync(_db);

        var result = await _service.AddAsync("sekretariat", w.Products["Alfa"], null, SupplierRole.Unknown, new DateOnly(2025, 1, 1), new DateOnly(2024, 1, 1), Ct);

        Assert.Equal(["EndDate", "Role", "Supplier"], result.FieldErrors!.Keys.Order());
        Assert.Equal("Slutdatoen skal ligge efter startdatoen.", result.FieldErrors["EndDate"]);
    }

    [Theory]
    [InlineData("pk-alfa", "Beta")]
    [InlineData("it-frederikshavn", "Alfa")]
    [InlineData("leverandoer", "Alfa")]
    [InlineData("uden-rolle", "Alfa")]
    public async Task OthersCannotChangeSupplierEngagements(string user, string product)
    {
        var w = await WorkflowWorld.CreateAsync(_db);
        // A supplier role on the product in question, made by the secretariat.
        var existing = await _service.AddAsync("sekretariat", w.Products[product], w.Organisations["Helsingør"], SupplierRole.Consulting, null, null, Ct);
        await using var db = _db.CreateDbContext();
        var before = await db.Participations.CountAsync(x => x.Kind == ParticipationKind.Supplier, Ct);

        var add = await _service.AddAsync(user, w.Products[product], w.Organisations["København"], SupplierRole.Support, null, null, Ct);
        var period = await _service.SetPeriodAsync(user, existing.Id!.Value, 0, new DateOnly(2020, 1, 1), null, Ct);

        Assert.Equal(OperationOutcome.Denied, add.Outcome);
        Assert.Equal(OperationOutcome.Denied, period.Outcome);
        Assert.Equal(before, await db.Participations.CountAsync(x => x.Kind == ParticipationKind.Supplier, Ct));
        Assert.Null((await db.Participations.AsNoTracking().SingleAsync(x => x.Id == existing.Id, Ct)).StartDate);
    }

    [Fact]
    public async Task TheSecondOfTwoPeriodEditsFromTheSameVersionIsRefusedAndToldTheSavedPeriod()
    {
        var w = await WorkflowWorld.CreateAsync(_db);
        var row = (await _service.ListAsync("pk-alfa", w.Products["Alfa"], Ct))!.Single();

        var first = await _service.SetPeriodAsync("pk-alfa", row.Id, row.Version, new DateOnly(2020, 1, 1), null, Ct);
        var second = await _service.SetPeriodAsync("sekretariat", row.Id, row.Version, new DateOnly(2018, 1, 1), new DateOnly(2026, 12, 31), Ct);

        Assert.True(first.Succeeded, first.Message);
        Assert.Equal(OperationOutcome.Conflict, second.Outcome);
        Assert.Contains("Den gemte periode er 2020-01-01–", second.Message, StringComparison.Ordinal);
        var stored = (await _service.ListAsync("sekretariat", w.Products["Alfa"], Ct))!.Single();
        Assert.Equal((new DateOnly(2020, 1, 1), (DateOnly?)null), (stored.StartDate!.Value, stored.EndDate));
    }

    [Fact]
    public async Task TheSecretariatRecordsAMembershipFromBeforeTheHubAndOverlapsAreRefused()
    {
        var w = await WorkflowWorld.CreateAsync(_db);

        var recorded = await _service.AddMemberAsync("sekretariat", w.Products["Beta"], w.Organisations["København"], new DateOnly(2016, 1, 1), null, "Tilslutningsaftale 2016", Ct);
        var overlapping = await _service.AddMemberAsync("sekretariat", w.Products["Beta"], w.Organisations["København"], new DateOnly(2018, 1, 1), new DateOnly(2019, 1, 1), "Referat", Ct);
        var company = await _service.AddMemberAsync("sekretariat", w.Products["Beta"], w.Organisations["Leverandør"], new DateOnly(2018, 1, 1), null, "Referat", Ct);
        var unsourced = await _service.AddMemberAsync("sekretariat", w.Products["Beta"], w.Organisations["Helsingør"], null, null, " ", Ct);

        Assert.True(recorded.Succeeded, recorded.Message);
        Assert.Equal("Perioden overlapper et andet medejerskab for samme myndighed.", overlapping.FieldErrors!["MemberStart"]);
        Assert.Equal("Kun offentlige myndigheder kan være medejere.", company.FieldErrors!["Member"]);
        Assert.Equal(["MemberSource", "MemberStart"], unsourced.FieldErrors!.Keys.Order());
        var details = await new ProductDetailsService(_db, FixedClock.Default).GetAsync("beta", Ct);
        Assert.Equal(["Københavns Kommune"], details!.Members.Select(m => m.Name));
        var member = (await _service.MembersAsync("sekretariat", w.Products["Beta"], Ct))!.Single();
        var corrected = await _service.SetPeriodAsync("sekretariat", member.Id, member.Version, new DateOnly(2015, 6, 1), null, Ct);
        Assert.True(corrected.Succeeded, corrected.Message);
        Assert.Null(await _service.MembersAsync("pk-alfa", w.Products["Alfa"], Ct));
    }
}
