using Microsoft.EntityFrameworkCore;
using OS2Hub.Web.Data;
using OS2Hub.Web.Features;
using OS2Hub.Web.Data.Entities;
using OS2Hub.Web.Features.Memberships;
using OS2Hub.Web.Tests.Infrastructure;

namespace OS2Hub.Web.Tests.Features.Memberships;

/// <summary>Races settled by the database: parallel operations on a file database, each with its own connection.</summary>
public sealed class ConcurrencyTests : IDisposable
{
    private readonly TestDatabase _db = TestDatabase.Create(onDisk: true);

    public void Dispose() => _db.Dispose();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ManyParallelRequestsLeaveExactlyOneOpenRequest()
    {
        var w = await WorkflowWorld.CreateAsync(_db);

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ =>
            Task.Run(() => w.Service.RequestAsync("it-frederikshavn", w.Input("Frederikshavn", "Gamma"), Ct), Ct)));

        Assert.Single(results, r => r.Succeeded);
        Assert.All(results.Where(r => !r.Succeeded), r => Assert.Equal(OperationOutcome.Conflict, r.Outcome));
        await using var db = _db.CreateDbContext();
        Assert.Equal(1, await db.JoinRequests.CountAsync(r => r.ProductId == w.Products["Gamma"], Ct));
        Assert.Equal(1, await db.MembershipEvents.CountAsync(e => e.ProductId == w.Products["Gamma"], Ct));
    }

    [Fact]
    public async Task TwoDecidersAtOnceOneWinsTheOtherIsToldItWasDecided()
    {
        var w = await WorkflowWorld.CreateAsync(_db);
        var id = w.Requests["København→Alfa"];

        var results = await Task.WhenAll(
            Task.Run(() => w.Service.ApproveAsync("pk-alfa", id, null, new DateOnly(2027, 1, 1), Ct), Ct),
            Task.Run(() => w.Service.RejectAsync("sekretariat", id, "Nej tak", Ct), Ct),
            Task.Run(() => w.Service.ApproveAsync("sekretariat", id, null, new DateOnly(2027, 1, 1), Ct), Ct));

        Assert.Single(results, r => r.Succeeded);
        Assert.All(results.Where(r => !r.Succeeded), r => Assert.Equal("Anmodningen er allerede afgjort eller trukket tilbage. Genindlæs siden for at se dens status.", r.Message));
        await using var db = _db.CreateDbContext();
        Assert.True(await db.Participations.CountAsync(x => x.ProductId == w.Products["Alfa"] && x.OrganisationId == w.Organisations["København"], Ct) <= 1);
    }

    [Fact]
    public async Task TheDatabaseRefusesADuplicateOpenRequest()
    {
        var w = await WorkflowWorld.CreateAsync(_db);
        await using var db = _db.CreateDbContext();
        db.JoinRequests.Add(new JoinRequest
        {
            ProductId = w.Products["Beta"], OrganisationId = w.Organisations["Frederikshavn"], RequestedByUserId = "x", ContactName = "x",
            IntendedStart = new DateOnly(2027, 1, 1), Status = JoinRequestStatus.Pending,
        });

        var error = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync(Ct));

        Assert.True(DbErrors.IsUniqueViolation(error));
        Assert.False(DbErrors.IsOverlappingMembership(error));
    }

    [Theory]
    [InlineData(null, null)]                 // a second open-ended membership
    [InlineData("2019-01-01", "2021-01-01")] // overlaps the existing one from 2020
    [InlineData("2030-01-01", null)]         // starts while the existing one is still open
    public async Task TheDatabaseRefusesAnOverlappingMembership(string? start, string? end)
    {
        var w = await WorkflowWorld.CreateAsync(_db);
        await using var db = _db.CreateDbContext();
        db.Participations.Add(new Participation
        {
            ProductId = w.Products["Alfa"], OrganisationId = w.Organisations["Frederikshavn"], Kind = ParticipationKind.Member,
            StartDate = start is null ? null : DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture),
            EndDate = end is null ? null : DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture),
        });

        var error = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync(Ct));

        // An overlap is refused by SQLite's trigger or PostgreSQL's exclusion constraint. A second open-ended membership
        // may instead meet the unique index first (PostgreSQL checks it before the constraint, SQLite after its trigger).
        Assert.True(DbErrors.IsOverlappingMembership(error) || (end is null && DbErrors.IsUniqueViolation(error)));
    }

    [Fact]
    public async Task AnEarlierClosedPeriodIsNotAnOverlap()
    {
        var w = await WorkflowWorld.CreateAsync(_db);
        await using var db = _db.CreateDbContext();
        db.Participations.Add(new Participation
        {
            ProductId = w.Products["Alfa"], OrganisationId = w.Organisations["Frederikshavn"], Kind = ParticipationKind.Member,
            StartDate = new DateOnly(2015, 1, 1), EndDate = new DateOnly(2019, 1, 1),
        });

        await db.SaveChangesAsync(Ct);
    }
}
