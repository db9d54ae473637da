using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using OS2Hub.Web.Data.Entities;
using OS2Hub.Web.Features.Products;
using OS2Hub.Web.Features.Setup;
using OS2Hub.Web.Tests.Infrastructure;

namespace OS2Hub.Web.Tests.Features.Setup;

/// <summary>OS2Hub:GeneratedProducts: a catalogue at scale, all demo data, made once and removed again.</summary>
public sealed class GeneratedCatalogueTests : IDisposable
{
    private readonly TestDatabase _db = TestDatabase.Create();

    public void Dispose() => _db.Dispose();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TheGeneratedCatalogueHasSuppliersAndCoOwnersInProportionAndIsSearchable()
    {
        await new CatalogBuilder(_db).Region("1082", "Region Midtjylland").Municipality("0751", "Aarhus", "1082").Municipality("0710", "Favrskov", "1082")
            .Product("OS2rollekatalog", "IdM", MaturityLevel.Level2, "MPL-2.0").SaveAsync();
        var generator = new GeneratedCatalogue(_db, NullLogger<GeneratedCatalogue>.Instance);

        await generator.EnsureAsync(200, Ct);
        int[] firstIds;
        await using (var db = _db.CreateDbContext())
        {
            firstIds = await db.Products.Where(p => p.IsDemo).OrderBy(p => p.Id).Select(p => p.Id).ToArrayAsync(Ct);
            Assert.Equal(200, firstIds.Length);
            Assert.Equal(40, await db.Organisations.CountAsync(o => o.IsDemo && o.Kind == OrganisationKind.Company, Ct));
            Assert.True(await db.Participations.CountAsync(p => p.Kind == ParticipationKind.Supplier, Ct) >= 200);
            Assert.True(await db.Participations.CountAsync(p => p.Kind == ParticipationKind.Member, Ct) > 0);
            Assert.All(await db.Participations.Where(p => p.Product!.IsDemo).ToListAsync(Ct), p => Assert.True(p.IsDemo));
        }

        await generator.EnsureAsync(200, Ct); // the same size again: nothing is made anew
        using var catalogue = new ProductCatalogService(_db, FixedClock.Default);
        var found = await catalogue.SearchAsync(new CatalogQuery { Text = "genereret" }, Ct);

        Assert.Equal(200, found.Total);
        await using (var db = _db.CreateDbContext())
        {
            Assert.Equal(firstIds, await db.Products.Where(p => p.IsDemo).OrderBy(p => p.Id).Select(p => p.Id).ToArrayAsync(Ct));
        }
    }

    [Fact]
    public async Task ZeroRemovesTheGeneratedCatalogueAndLeavesTheRealOneAlone()
    {
        await new CatalogBuilder(_db).Region("1082", "Region Midtjylland").Municipality("0751", "Aarhus", "1082").Product("OS2rollekatalog", "IdM", MaturityLevel.Level2, "MPL-2.0").Member("OS2rollekatalog", "0751").SaveAsync();
        var generator = new GeneratedCatalogue(_db, NullLogger<GeneratedCatalogue>.Instance);
        await generator.EnsureAsync(50, Ct);

        await generator.EnsureAsync(0, Ct);

        await using var db = _db.CreateDbContext();
        Assert.Equal(["OS2rollekatalog"], await db.Products.Select(p => p.Name).ToListAsync(Ct));
        Assert.Equal(1, await db.Participations.CountAsync(Ct));
        Assert.False(await db.Organisations.AnyAsync(o => o.IsDemo, Ct));
    }
}
