using Microsoft.EntityFrameworkCore;
using OS2Hub.Web.Features;
using OS2Hub.Web.Data.Entities;
using OS2Hub.Web.Features.Editing;
using OS2Hub.Web.Features.Memberships;
using OS2Hub.Web.Tests.Features.Memberships;
using OS2Hub.Web.Tests.Infrastructure;

namespace OS2Hub.Web.Tests.Features.Editing;

public sealed class WorkingGroupServiceTests : IDisposable
{
    private readonly TestDatabase _db = TestDatabase.Create();
    private readonly WorkingGroupService _service;

    public WorkingGroupServiceTests() => _service = new WorkingGroupService(_db, FixedClock.Default);

    public void Dispose() => _db.Dispose();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task NamingANewChairMakesThePreviousOneAMemberAndTheLogNamesNoPerson()
    {
        var w = await WorkflowWorld.CreateAsync(_db);
        var group = w.Groups["Alfa/Styregruppe"];
        var hans = (await _service.ListAsync("pk-alfa", w.Products["Alfa"], Ct))!.Single().Seats.Single(s => s.Person == "Hans Helsingsen");

        var result = await _service.UpdateSeatAsync("pk-alfa", hans.Id, new SeatInput { ContactPersonId = hans.ContactPersonId, IsChair = true, StartDate = hans.StartDate, Version = hans.Version }, Ct);

        Assert.True(result.Succeeded, result.Message);
        var seats = (await _service.ListAsync("pk-alfa", w.Products["Alfa"], Ct))!.Single(g => g.Id == group).Seats;
        Assert.Equal(["Helsingør Kommune"], seats.Where(s => s.IsChair).Select(s => s.Organisation));
        await using var db = _db.CreateDbContext();
        var log = await db.ChangeLog.Where(c => c.EntityType == nameof(Product) && c.EntityId == w.Products["Alfa"]).ToListAsync(Ct);
        Assert.Equal(["Styregruppe: Frederikshavn Kommune", "Styregruppe: Helsingør Kommune"], log.Select(l => l.Field).Order());
        Assert.Contains(log, l => l.OldValue!.StartsWith("formand", StringComparison.Ordinal) && l.NewValue!.StartsWith("medlem", StringComparison.Ordinal));
        Assert.DoesNotContain(log, l => (l.OldValue + l.NewValue).Contains("Mette", StringComparison.Ordinal) || (l.OldValue + l.NewValue).Contains("Hans", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnEndedSeatStaysInTheHistoryAndLeavesThePublicList()
    {
        var w = await WorkflowWorld.CreateAsync(_db);
        var hans = (await _service.ListAsync("sekretariat", w.Products["Alfa"], Ct))!.Single().Seats.Single(s => s.Person == "Hans Helsingsen");

        var result = await _service.UpdateSeatAsync("sekretariat", hans.Id, new SeatInput { ContactPersonId = hans.ContactPersonId, StartDate = hans.StartDate, EndDate = new DateOnly(2026, 6, 30), Version = hans.Version }, Ct);

        Assert.True(result.Succeeded, result.Message);
        var seats = (await _service.ListAsync("sekretariat", w.Products["Alfa"], Ct))!.Single().Seats;
        Assert.Equal(new DateOnly(2026, 6, 30), seats.Single(s => s.Id == hans.Id).EndDate);
        var details = await new OS2Hub.Web.Features.Products.ProductDetailsService(_db, FixedClock.Default).GetAsync("alfa", Ct);
        Assert.Equal(["Frederikshavn Kommune"], details!.WorkingGroups.Single().Members.Select(m => m.Name));
    }

    [Fact]
    public async Task GroupsAndSeatsAreValidated()
    {
        var w = await WorkflowWorld.CreateAsync(_db);

        var second = await _service.AddGroupAsync("pk-alfa", w.Products["Alfa"], WorkingGroupKind.SteeringGroup, null, Ct);
        var unnamed = await _service.AddGroupAsync("pk-alfa", w.Products["Alfa"], WorkingGroupKind.ProfessionalGroup, " ", Ct);
        var named = await _service.AddGroupAsync("pk-alfa", w.Products["Alfa"], WorkingGroupKind.ProfessionalGroup, "Løn og personale", Ct);
        var twin = await _service.AddGroupAsync("pk-alfa", w.Products["Alfa"], WorkingGroupKind.ProfessionalGroup, "løn og personale", Ct);
        var wrongPerson = await _service.AddSeatAsync("pk-alfa", named.Id!.Value, new SeatInput { OrganisationId = w.Organisations["København"], ContactPersonId = w.Contacts["Mette"] }, Ct);
        var backwards = await _service.AddSeatAsync("pk-alfa", named.Id!.Value, new SeatInput
        {
            OrganisationId = w.Organisations["København"], StartDate = new DateOnly(2026, 5, 1), EndDate = new DateOnly(2026, 1, 1),
        }, Ct);
        var noOrganisation = await _service.AddSeatAsync("pk-alfa", named.Id!.Value, new SeatInput(), Ct);

        Assert.Equal("Produktet har allerede en styregruppe.", second.FieldErrors!["GroupName"]);
        Assert.Equal("Giv faggruppen et navn.", unnamed.FieldErrors!["GroupName"]);
        Assert.True(named.Succeeded, named.Message);
        Assert.Equal("Produktet har allerede en faggruppe med det navn.", twin.FieldErrors!["GroupName"]);
        Assert.Equal("Vælg en af organisationens kontaktpersoner.", wrongPerson.FieldErrors![nameof(SeatInput.ContactPersonId)]);
        Assert.Equal("Slutdatoen skal ligge efter startdatoen.", backwards.FieldErrors![nameof(SeatInput.EndDate)]);
        Assert.Equal("Vælg organisationen.", noOrganisation.FieldErrors![nameof(SeatInput.OrganisationId)]);
        await using var db = _db.CreateDbContext();
        Assert.Equal(0, await db.WorkingGroupMembers.CountAsync(m => m.WorkingGroupId == named.Id, Ct));
    }

    [Fact]
    public async Task ANewSeatWithAPersonIsShownOnTheProductPage()
    {
        var w = await WorkflowWorld.CreateAsync(_db);
        var group = await _service.AddGroupAsync("pk-alfa", w.Products["Alfa"], WorkingGroupKind.CoordinationGroup, null, Ct);

        var seat = await _service.AddSeatAsync("pk-alfa", group.Id!.Value, new SeatInput
        {
            OrganisationId = w.Organisations["Frederikshavn"], ContactPersonId = w.Contacts["Mette"], IsChair = true, StartDate = new DateOnly(2026, 1, 1),
        }, Ct);

        Assert.True(seat.Succeeded, seat.Message);
        var details = await new OS2Hub.Web.Features.Products.ProductDetailsService(_db, FixedClock.Default).GetAsync("alfa", Ct);
        var coordination = details!.WorkingGroups.Single(g => g.Kind == WorkingGroupKind.CoordinationGroup);
        Assert.Equal(("Frederikshavn Kommune", "Mette Kontaktsen", true), (coordination.Members[0].Name, coordination.Members[0].PersonName, coordination.Members[0].IsChair));
    }

    [Fact]
    public async Task TheSecondOfTwoSeatEditsFromTheSameVersionIsRefused()
    {
        var w = await WorkflowWorld.CreateAsync(_db);
        var hans = (await _service.ListAsync("pk-alfa", w.Products["Alfa"], Ct))!.Single().Seats.Single(s => s.Person == "Hans Helsingsen");
        var edit = new SeatInput { ContactPersonId = hans.ContactPersonId, StartDate = hans.StartDate, Version = hans.Version };

        var first = await _service.UpdateSeatAsync("pk-alfa", hans.Id, edit with { EndDate = new DateOnly(2026, 6, 30) }, Ct);
        var second = await _service.UpdateSeatAsync("sekretariat", hans.Id, edit with { IsChair = true }, Ct);

        Assert.True(first.Succeeded, first.Message);
        Assert.Equal(OperationOutcome.Conflict, second.Outcome);
        var stored = (await _service.ListAsync("sekretariat", w.Products["Alfa"], Ct))!.Single().Seats.Single(s => s.Id == hans.Id);
        Assert.Equal((new DateOnly(2026, 6, 30), false), (stored.EndDate!.Value, stored.IsChair));
    }
}
