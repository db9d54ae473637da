using OS2Hub.Web.Data.Entities;
using OS2Hub.Web.Features.Economy;
using OS2Hub.Web.Features.Insights;
using OS2Hub.Web.Tests.Infrastructure;

namespace OS2Hub.Web.Tests.Features.Insights;

/// <summary>
/// The concentration figures on a small hand-made set with known answers: three products with sourced roles, one with
/// none, and an inferred, a demo and an unknown role that must be left out.
/// </summary>
public sealed class SupplierConcentrationTests : IDisposable
{
    private static readonly string[] ProductNames = ["P1", "P2", "P3", "P4"];
    private static readonly string[] SupplierNames = ["A", "B", "C"];
    private readonly TestDatabase _db = TestDatabase.Create();

    public void Dispose() => _db.Dispose();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<Concentration> SeedAsync()
    {
        await using var db = _db.CreateDbContext();
        var p = ProductNames.Select(n => new Product { Name = n, Slug = n.ToLowerInvariant(), Lifecycle = LifecycleState.Active }).ToArray();
        var s = SupplierNames.Select(n => new Organisation { Name = $"Leverandør {n}", Slug = n.ToLowerInvariant(), Kind = OrganisationKind.Company }).ToArray();
        db.Products.AddRange(p);
        db.Organisations.AddRange(s);
        Participation Role(Product product, Organisation supplier, SupplierRole role, DateOnly? start = null, DateOnly? end = null) =>
            new() { Product = product, Organisation = supplier, Kind = ParticipationKind.Supplier, Role = role, StartDate = start, EndDate = end, Source = "https://os2.eu" };
        db.Participations.AddRange(
            Role(p[0], s[0], SupplierRole.Development, new DateOnly(2020, 1, 1)),
            Role(p[0], s[0], SupplierRole.Hosting, new DateOnly(2020, 1, 1)),
            Role(p[0], s[1], SupplierRole.Support, new DateOnly(2021, 1, 1)),
            Role(p[1], s[0], SupplierRole.Development, new DateOnly(2019, 1, 1), new DateOnly(2022, 1, 1)),
            Role(p[1], s[2], SupplierRole.Development, new DateOnly(2022, 1, 1)),
            Role(p[1], s[1], SupplierRole.Hosting),
            Role(p[2], s[1], SupplierRole.Development, new DateOnly(2023, 1, 1)),
            Role(p[2], s[2], SupplierRole.Development, new DateOnly(2023, 1, 1)),
            // A real engagement whose end the demo generator invented: it counts as open.
            new Participation { Product = p[2], Organisation = s[0], Kind = ParticipationKind.Supplier, Role = SupplierRole.Hosting, EndDate = new DateOnly(2024, 1, 1), EndDateIsDemo = true },
            // Left out: inferred, demo, and a role outside OS2's five.
            new Participation { Product = p[1], Organisation = s[2], Kind = ParticipationKind.Supplier, Role = SupplierRole.Maintenance, IsInferred = true },
            new Participation { Product = p[1], Organisation = s[1], Kind = ParticipationKind.Supplier, Role = SupplierRole.Consulting, IsDemo = true },
            new Participation { Product = p[2], Organisation = s[1], Kind = ParticipationKind.Supplier, Role = SupplierRole.Unknown, RoleText = "Projektledelse" },
            new Participation { Product = p[3], Organisation = s[0], Kind = ParticipationKind.Member });
        await db.SaveChangesAsync(Ct);
        return await new InsightService(_db, FixedClock.Default, new EconomyService(_db, FixedClock.Default)).ConcentrationAsync(Ct);
    }

    private static string Cell(ProductRoles p, SupplierRole role) => p.ByRole.TryGetValue(role, out var s) ? string.Join("+", s.Select(x => x.Slug)) : "";

    [Fact]
    public async Task TodaysRolesPerProductLeaveInferredDemoAndUnknownRolesOut()
    {
        var c = await SeedAsync();

        Assert.Equal((4, 3, 3), (c.Products, c.ProductsWithKnownRoles, c.LeftOut));
        Assert.Equal(
            [("p1", "a", "", "a", "b", ""), ("p2", "c", "", "b", "", ""), ("p3", "b+c", "", "a", "", "")],
            c.Now.Select(p => (p.Product.Slug, Cell(p, SupplierRole.Development), Cell(p, SupplierRole.Maintenance), Cell(p, SupplierRole.Hosting), Cell(p, SupplierRole.Support), Cell(p, SupplierRole.Consulting))).ToList());
        Assert.Equal(("p1", "a"), (Assert.Single(c.DevelopmentAndOperationsByOne).Product.Slug, Assert.Single(c.DevelopmentAndOperationsByOne[0].DevelopmentAndOperations).Slug));
        Assert.Equal(["a: Development p1; Hosting p1+p3", "b: Development p3; Hosting p2; Support p1", "c: Development p2+p3"],
            c.Suppliers.Select(s => $"{s.Supplier.Slug}: {string.Join("; ", s.ByRole.Select(r => $"{r.Key} {string.Join("+", r.Value.Select(x => x.Slug))}"))}").ToList());
    }

    [Fact]
    public async Task SingleSupplierRolesPerYearFollowTheSupplierPeriods()
    {
        var c = await SeedAsync();

        // 2019: P2 development (A), P2 hosting (B, start unknown), P3 hosting (A, start unknown) – each alone.
        // 2020: P1 development and hosting by A. 2021: P1 support by B. 2022: C took P2's development over, still alone.
        // 2023: B and C share P3's development, so it is no longer single.
        Assert.Equal([(2019, 3, 3), (2020, 5, 5), (2021, 6, 6), (2022, 6, 6), (2023, 6, 7), (2024, 6, 7), (2025, 6, 7), (2026, 6, 7)],
            c.Years.Select(y => (y.Year, y.Total, y.ProductRoles)).ToList());
        Assert.Equal(2, c.Years[^1].SingleByRole[SupplierRole.Development]); // P1 and P2
        Assert.Equal(Trend.Rising, c.Trend);
    }

    [Fact]
    public async Task AProductWithASingleSupplierInARoleSeesWhoHoldsThatRoleElsewhere()
    {
        var c = await SeedAsync();

        string Show(IReadOnlyList<SameRoleElsewhere> list) => string.Join(" | ", list.Select(x =>
            $"{x.Role} {x.Holder.Slug}: {string.Join("; ", x.Others.Select(o => $"{o.Supplier.Slug} {string.Join("+", o.Products.Select(p => p.Slug))}"))}"));
        Assert.Equal("Development c: a p1; b p3 | Hosting b: a p1+p3", Show(SupplierConcentration.SameRoleElsewhere(c, "p2")));
        Assert.Equal("Development a: b p3; c p2+p3 | Hosting a: b p2 | Support b: ", Show(SupplierConcentration.SameRoleElsewhere(c, "p1")));
        Assert.Empty(SupplierConcentration.SameRoleElsewhere(c, "p4")); // no known roles
    }

    [Fact]
    public void TheTrendComparesTheFirstYearWithThisYear()
    {
        SingleSupplierYear Year(int year, int single) => new(year, SupplierConcentration.Roles.ToDictionary(r => r, r => r == SupplierRole.Development ? single : 0), 10);
        Concentration With(params SingleSupplierYear[] years) => new(1, 1, 0, [], [], years);

        Assert.Equal(Trend.Falling, With(Year(2020, 5), Year(2021, 7), Year(2022, 4)).Trend);
        Assert.Equal(Trend.Unchanged, With(Year(2020, 5), Year(2021, 5)).Trend);
        Assert.Equal(Trend.NotEnoughHistory, With(Year(2026, 5)).Trend);
    }
}
