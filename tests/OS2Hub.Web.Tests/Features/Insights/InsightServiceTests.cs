using OS2Hub.Web.Data.Entities;
using OS2Hub.Web.Features.Insights;
using OS2Hub.Web.Tests.Features.Memberships;
using OS2Hub.Web.Tests.Infrastructure;

namespace OS2Hub.Web.Tests.Features.Insights;

/// <summary>The map's figures from a hand-made membership history with known answers.</summary>
public sealed class InsightServiceTests : IDisposable
{
    private readonly TestDatabase _db = TestDatabase.Create();

    public void Dispose() => _db.Dispose();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CoOwnersLeaversUpcomingJoinsAndPendingRequestsAreToldApart()
    {
        var w = await WorkflowWorld.CreateAsync(_db); // Frederikshavn and Helsingør co-own Alfa since 2020; requests pending for Beta and Alfa
        await using (var db = _db.CreateDbContext())
        {
            db.Participations.AddRange(
                new Participation { ProductId = w.Products["Beta"], OrganisationId = w.Organisations["København"], Kind = ParticipationKind.Member, StartDate = new DateOnly(2018, 1, 1), EndDate = new DateOnly(2023, 12, 31) },
                new Participation { ProductId = w.Products["Gamma"], OrganisationId = w.Organisations["København"], Kind = ParticipationKind.Member, StartDate = new DateOnly(2027, 1, 1) },
                new Participation { ProductId = w.Products["Gamma"], OrganisationId = w.Organisations["Helsingør"], Kind = ParticipationKind.Member },
                new Participation { ProductId = w.Products["Alfa"], OrganisationId = w.Organisations["Region Prøve"], Kind = ParticipationKind.Member, StartDate = new DateOnly(2021, 1, 1) });
            await db.SaveChangesAsync(Ct);
        }

        var service = new InsightService(_db, FixedClock.Default);
        var all = (await service.MapAsync(null, Ct))!;
        var beta = (await service.MapAsync("beta", Ct))!;
        var gamma = (await service.MapAsync("gamma", Ct))!;
        var alfa = (await service.MapAsync("alfa", Ct))!;

        MunicipalityFigure In(MapFigures f, string name) => f.Municipalities.Single(m => m.Name.StartsWith(name, StringComparison.Ordinal));
        Assert.Equal((1, 2, 0), (In(all, "Frederikshavn").Products, In(all, "Helsingør").Products, In(all, "København").Products)); // upcoming and ended do not count
        Assert.Equal((MapState.Left, (int?)2023), (In(beta, "København").State, In(beta, "København").LeftIn));
        Assert.Equal(MapState.None, In(beta, "Frederikshavn").State); // a pending request is not a membership
        Assert.Equal(MapState.None, In(gamma, "København").State);    // joins in 2027: not yet
        Assert.Equal((MapState.CoOwner, (int?)null), (In(gamma, "Helsingør").State, In(gamma, "Helsingør").Since)); // start unknown
        Assert.Equal((MapState.CoOwner, (int?)2020), (In(alfa, "Frederikshavn").State, In(alfa, "Frederikshavn").Since));
        Assert.Equal("Region Prøve", Assert.Single(alfa.Others).Name); // regions are listed under the map, not on it
        Assert.Null(await service.MapAsync("findes-ikke", Ct));
    }
}
