using Microsoft.EntityFrameworkCore;
using OS2Hub.Web.Data.Entities;
using OS2Hub.Web.Features.Products;
using OS2Hub.Web.Tests.Infrastructure;

namespace OS2Hub.Web.Tests.Features.Products;

/// <summary>
/// The catalogue runs in memory over a snapshot: it must never show a catalogue older than the database's, whoever
/// changed it (another instance, a bulk update) and whatever day it is.
/// </summary>
public sealed class CatalogSnapshotTests : IDisposable
{
    private readonly TestDatabase _db = TestDatabase.Create();

    public void Dispose() => _db.Dispose();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Task SeedAsync() => new CatalogBuilder(_db)
        .Region("1082", "Region Midtjylland").Municipality("0751", "Aarhus", "1082").Supplier("Magenta ApS")
        .Product("Alfa", "IdM", MaturityLevel.Level2, "MPL-2.0").Product("Beta", "IdM", MaturityLevel.Level1, null)
        .Member("Alfa", "0751", end: new DateOnly(2026, 11, 28)).Supplies("Alfa", "Magenta ApS")
        .SaveAsync();

    [Fact]
    public async Task AChangeMadeElsewhereIsSeenByTheNextQuery()
    {
        await SeedAsync();
        using var service = new ProductCatalogService(_db, FixedClock.Default);
        var before = await service.SearchAsync(new CatalogQuery(), Ct);

        // As another instance, or a bulk update that loads no entity, would change it.
        await using (var db = _db.CreateDbContext())
        {
            await db.Products.Where(p => p.Name == "Beta").ExecuteUpdateAsync(s => s.SetProperty(p => p.Name, "Beta 2").SetProperty(p => p.Licence, "EUPL-1.2"), Ct);
        }

        var after = await service.SearchAsync(new CatalogQuery { Licences = ["EUPL-1.2"] }, Ct);

        Assert.Equal(["Alfa", "Beta"], before.Items.Select(i => i.Name));
        Assert.Equal(["Beta 2"], after.Items.Select(i => i.Name));
    }

    [Fact]
    public async Task TheSameSnapshotServesQueriesUntilSomethingChanges()
    {
        await SeedAsync();
        using var service = new ProductCatalogService(_db, FixedClock.Default);

        var first = await service.SnapshotAsync(Ct);
        var second = await service.SnapshotAsync(Ct);
        await using (var db = _db.CreateDbContext())
        {
            db.Categories.Add(new Category { Name = "Ny kategori", Slug = "ny-kategori" });
            await db.SaveChangesAsync(Ct);
        }

        var third = await service.SnapshotAsync(Ct);

        Assert.Same(first, second);
        Assert.NotSame(second, third);
        Assert.True(third.Stamp > second.Stamp);
    }

    [Fact]
    public async Task ANewDayRebuildsWhatIsCurrent()
    {
        await SeedAsync();
        var today = new MovableClock(FixedClock.Default.GetUtcNow());
        using var service = new ProductCatalogService(_db, today);

        var before = await service.SearchAsync(new CatalogQuery { Municipalities = ["0751"] }, Ct);
        today.Now = today.Now.AddDays(1); // Aarhus's membership of Alfa ends on 28.11.2026
        var after = await service.SearchAsync(new CatalogQuery { Municipalities = ["0751"] }, Ct);

        Assert.Equal((1, 1), (before.Total, before.Items.Single().MemberCount));
        Assert.Equal(0, after.Total);
    }

    [Fact]
    public async Task ARecentlyCheckedSnapshotAnswersAtOnceAndAnOlderOneDoesNot()
    {
        await SeedAsync();
        var clock = new MovableClock(FixedClock.Default.GetUtcNow());
        using var service = new ProductCatalogService(_db, clock);
        var query = new CatalogQuery { Text = "alfa" };

        var none = service.TryRecent(query, TimeSpan.FromSeconds(30));
        var checkedNow = await service.SearchAsync(query, Ct);
        var recent = service.TryRecent(query, TimeSpan.FromSeconds(30));
        clock.Now = clock.Now.AddSeconds(31);
        var old = service.TryRecent(query, TimeSpan.FromSeconds(30));

        Assert.Null(none);
        Assert.Equal(checkedNow.Items.Select(i => i.Id), recent!.Items.Select(i => i.Id));
        Assert.Null(old);
    }

    [Fact]
    public async Task ResultsWithoutFacetsAreTheSameResults()
    {
        await SeedAsync();
        using var service = new ProductCatalogService(_db, FixedClock.Default);
        var query = new CatalogQuery { Text = "a", Sort = CatalogSort.Members, PageSize = 1, Page = 2 };

        var full = await service.SearchAsync(query, Ct);
        var results = await service.ResultsAsync(query, Ct);

        Assert.Equal(full.Items, results.Items, (a, b) => a.Id == b.Id && a.MemberCount == b.MemberCount && a.Suppliers.SequenceEqual(b.Suppliers));
        Assert.Equal((full.Total, full.Page), (results.Total, results.Page));
        Assert.Same(CatalogFacets.Empty, results.Facets);
        Assert.NotEmpty(full.Facets.Municipalities);
    }

    [Theory]
    [InlineData("Products")]
    [InlineData("Participations")]
    [InlineData("Categories")]
    [InlineData("Organisations")]
    public async Task EveryWriteToWhatTheCatalogueShowsMovesTheStamp(string table)
    {
        await SeedAsync();
        await using var db = _db.CreateDbContext();
        var stamps = new List<long> { await CatalogStamp.ReadAsync(db, Ct) };
        switch (table)
        {
            case "Products":
                db.Products.Add(new Product { Name = "Gamma", Slug = "gamma" });
                await db.SaveChangesAsync(Ct);
                stamps.Add(await CatalogStamp.ReadAsync(db, Ct));
                await db.Products.Where(p => p.Slug == "gamma").ExecuteUpdateAsync(s => s.SetProperty(p => p.Summary, "Ny"), Ct);
                stamps.Add(await CatalogStamp.ReadAsync(db, Ct));
                await db.Products.Where(p => p.Slug == "gamma").ExecuteDeleteAsync(Ct);
                break;
            case "Participations":
                var alfa = await db.Products.Where(p => p.Name == "Alfa").Select(p => p.Id).SingleAsync(Ct);
                var aarhus = await db.Organisations.Where(o => o.Code == "0751").Select(o => o.Id).SingleAsync(Ct);
                db.Participations.Add(new Participation { ProductId = alfa, OrganisationId = aarhus, Kind = ParticipationKind.Member, StartDate = new DateOnly(2027, 1, 1) });
                await db.SaveChangesAsync(Ct);
                stamps.Add(await CatalogStamp.ReadAsync(db, Ct));
                await db.Participations.Where(p => p.StartDate == new DateOnly(2027, 1, 1)).ExecuteUpdateAsync(s => s.SetProperty(p => p.Source, "Referat"), Ct);
                stamps.Add(await CatalogStamp.ReadAsync(db, Ct));
                await db.Participations.Where(p => p.StartDate == new DateOnly(2027, 1, 1)).ExecuteDeleteAsync(Ct);
                break;
            case "Categories":
                db.Categories.Add(new Category { Name = "X", Slug = "x" });
                await db.SaveChangesAsync(Ct);
                stamps.Add(await CatalogStamp.ReadAsync(db, Ct));
                await db.Categories.Where(c => c.Slug == "x").ExecuteUpdateAsync(s => s.SetProperty(c => c.Name, "Y"), Ct);
                stamps.Add(await CatalogStamp.ReadAsync(db, Ct));
                await db.Categories.Where(c => c.Slug == "x").ExecuteDeleteAsync(Ct);
                break;
            default:
                db.Organisations.Add(new Organisation { Name = "Ny ApS", Slug = "ny-aps", Kind = OrganisationKind.Company });
                await db.SaveChangesAsync(Ct);
                stamps.Add(await CatalogStamp.ReadAsync(db, Ct));
                await db.Organisations.Where(o => o.Slug == "ny-aps").ExecuteUpdateAsync(s => s.SetProperty(o => o.Name, "Ny A/S"), Ct);
                stamps.Add(await CatalogStamp.ReadAsync(db, Ct));
                await db.Organisations.Where(o => o.Slug == "ny-aps").ExecuteDeleteAsync(Ct);
                break;
        }

        stamps.Add(await CatalogStamp.ReadAsync(db, Ct));
        Assert.True(stamps.Zip(stamps.Skip(1)).All(pair => pair.Second > pair.First), string.Join(" → ", stamps));
    }

    private sealed class MovableClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
