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

    private InsightService Service() => new(_db, FixedClock.Default, new OS2Hub.Web.Features.Economy.EconomyService(_db, FixedClock.Default));

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

        var service = Service();
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

    [Fact]
    public async Task AMembershipEndingTodayIsNoLongerOnTheMap()
    {
        var w = await WorkflowWorld.CreateAsync(_db);
        await using (var db = _db.CreateDbContext())
        {
            // The end date is the first day a membership no longer holds.
            db.Participations.Add(new Participation { ProductId = w.Products["Beta"], OrganisationId = w.Organisations["København"], Kind = ParticipationKind.Member, StartDate = new DateOnly(2019, 1, 1), EndDate = WorkflowWorld.Today });
            await db.SaveChangesAsync(Ct);
        }

        var beta = (await Service().MapAsync("beta", Ct))!;
        Assert.Equal((MapState.Left, (int?)2026), (beta.Municipalities.Single(m => m.Slug == "koebenhavn").State, beta.Municipalities.Single(m => m.Slug == "koebenhavn").LeftIn));
    }

    [Fact]
    public async Task AProductsTimelineHasItsStepsAndItsPricePerMemberInTheYearsWithAFeeSheet()
    {
        var w = await WorkflowWorld.CreateAsync(_db); // Frederikshavn and Helsingør co-own Alfa since 1 January 2020
        await using (var db = _db.CreateDbContext())
        {
            db.Participations.AddRange(
                new Participation { ProductId = w.Products["Alfa"], OrganisationId = w.Organisations["København"], Kind = ParticipationKind.Member, StartDate = new DateOnly(2021, 1, 1), EndDate = new DateOnly(2024, 1, 1) },
                new Participation { ProductId = w.Products["Alfa"], OrganisationId = w.Organisations["Region Prøve"], Kind = ParticipationKind.Member });
            db.EconomyYears.Add(new EconomyYear { BudgetYear = 2022, WeightSmall = 1, WeightMedium = 1, WeightLarge = 1, WeightVeryLarge = 1, SecretariatPercent = 0 });
            db.FeeSheets.Add(new FeeSheet { ProductId = w.Products["Alfa"], BudgetYear = 2022, AnnualAmount = 300_000, Key = DistributionKey.Equal });
            await db.SaveChangesAsync(Ct);
        }

        var t = (await Service().ProductTimelineAsync("alfa", Ct))!;
        Assert.Equal(1, t.UnknownStart); // Region Prøve: counted from the start, never a join
        Assert.Equal(
            [(new DateOnly(2020, 1, 1), 3, 2, 0), (new DateOnly(2021, 1, 1), 4, 1, 0), (new DateOnly(2024, 1, 1), 3, 0, 1)],
            t.Steps.Select(s => (s.Date, s.Count, s.Joined.Count, s.Left.Count)).ToList());
        Assert.Equal(3, t.Now);
        var price = Assert.Single(t.Prices, p => p.Year == 2022);
        Assert.Equal((4, 75_000L), (price.Members, price.AveragePerMember)); // 300.000 kr. shared equally by the four members of 2022
        Assert.Null(await Service().ProductTimelineAsync("findes-ikke", Ct));
    }

    [Fact]
    public async Task AnAuthoritysYearsCountOnlyMembershipsWithAKnownStart()
    {
        var w = await WorkflowWorld.CreateAsync(_db);
        await using (var db = _db.CreateDbContext())
        {
            db.Participations.AddRange(
                new Participation { ProductId = w.Products["Beta"], OrganisationId = w.Organisations["Frederikshavn"], Kind = ParticipationKind.Member, StartDate = new DateOnly(2018, 6, 1), EndDate = new DateOnly(2021, 1, 1) },
                new Participation { ProductId = w.Products["Gamma"], OrganisationId = w.Organisations["Frederikshavn"], Kind = ParticipationKind.Member });
            await db.SaveChangesAsync(Ct);
        }

        var (years, unknown) = await Service().AuthorityTimelineAsync("frederikshavn", Ct);
        Assert.Equal([(2018, 1), (2019, 1), (2020, 2), (2021, 1), (2022, 1), (2023, 1), (2024, 1), (2025, 1), (2026, 1)], years.Select(y => (y.Year, y.Count)).ToList());
        Assert.Equal(["Alfa", "Beta"], years.Single(y => y.Year == 2020).Names); // Beta ended on 1 January 2021: not held in 2021
        Assert.Equal("Gamma", Assert.Single(unknown).Name);
    }
}
