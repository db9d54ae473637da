using Microsoft.EntityFrameworkCore;
using OS2Hub.Web.Data.Entities;
using OS2Hub.Web.Tests.Infrastructure;

namespace OS2Hub.Web.Tests.Data;

public sealed class ReferenceDataTests : IDisposable
{
    private readonly TestDatabase _db = TestDatabase.Create();

    public void Dispose() => _db.Dispose();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task LoadsAllMunicipalitiesRegionsAndProducts()
    {
        await _db.LoadReferenceDataAsync();

        await using var db = _db.CreateDbContext();
        Assert.Equal(98, await db.Organisations.CountAsync(o => o.Kind == OrganisationKind.Municipality, Ct));
        Assert.Equal(5, await db.Organisations.CountAsync(o => o.Kind == OrganisationKind.Region, Ct));
        Assert.Equal(31, await db.Products.CountAsync(Ct));
        var frederikshavn = await db.Organisations.Include(o => o.Region).Include(o => o.PopulationFigures).SingleAsync(o => o.Code == "0813", Ct);
        Assert.Equal("Frederikshavn Kommune", frederikshavn.Name);
        Assert.Equal("Region Nordjylland", frederikshavn.Region!.Name);
        Assert.Equal(new DateOnly(2026, 1, 1), frederikshavn.PopulationFigures.Single().AsOf);
        Assert.Equal("Københavns Kommune", (await db.Organisations.SingleAsync(o => o.Code == "0101", Ct)).Name);
    }

    [Fact]
    public async Task ProductsDescribedOnlyInEnglishShowTheHubsDanishTranslationWithTheSourceTextBeside()
    {
        // Act
        await _db.LoadReferenceDataAsync();

        // Assert
        await using var db = _db.CreateDbContext();
        var translated = await db.Products.Where(p => p.DescriptionOriginal != null).OrderBy(p => p.Slug).ToListAsync(Ct);
        Assert.Equal(["os2agora", "os2borgerpc", "os2datascanner", "os2forms", "os2iot", "os2kitos", "os2loop"], translated.Select(p => p.Slug));
        Assert.All(translated, p => Assert.Equal(("da", "en"), (p.DescriptionLanguage, p.DescriptionOriginalLanguage)));
        var iot = translated.Single(p => p.Slug == "os2iot");
        Assert.StartsWith("Netværksuafhængig IoT-platform", iot.Description, StringComparison.Ordinal);
        Assert.StartsWith("Network-agnostic IoT platform", iot.DescriptionOriginal, StringComparison.Ordinal);
        // The source of the English text stays the description's source.
        Assert.Contains(await db.ProductSources.Where(s => s.ProductId == iot.Id && s.Fact == ProductFact.Description).Select(s => s.Reference).ToListAsync(Ct),
            r => r!.Contains("OS2iot-docs", StringComparison.Ordinal));
        // No English-only description and no English status note is left.
        Assert.Equal(0, await db.Products.CountAsync(p => p.DescriptionLanguage == "en" || (p.StatusNote != null && p.StatusNoteLanguage == "en"), Ct));
        var mo = await db.Products.SingleAsync(p => p.Slug == "os2mo", Ct);
        Assert.Equal(("OS2-produkt; har sit eget produktsekretariat (sammen med OS2kitos)", "OS2-produkt; has its own product secretariat (with OS2kitos)"),
            (mo.StatusNote, mo.StatusNoteOriginal));
    }

    [Fact]
    public async Task ADatabaseLoadedBeforeTranslationsGetsThemOnlyWhereTheTextIsStillTheSources()
    {
        // Arrange: two products as an older hub loaded them, one of them since edited.
        await _db.LoadReferenceDataAsync();
        await using (var db = _db.CreateDbContext())
        {
            var iot = await db.Products.SingleAsync(p => p.Slug == "os2iot", Ct);
            (iot.Description, iot.DescriptionLanguage, iot.DescriptionOriginal, iot.DescriptionOriginalLanguage) = (iot.DescriptionOriginal, "en", null, null);
            (iot.StatusNote, iot.StatusNoteLanguage, iot.StatusNoteOriginal, iot.StatusNoteOriginalLanguage) = (iot.StatusNoteOriginal, "en", null, null);
            var loop = await db.Products.SingleAsync(p => p.Slug == "os2loop", Ct);
            (loop.Description, loop.DescriptionLanguage, loop.DescriptionOriginal, loop.DescriptionOriginalLanguage) = ("Vores egen tekst om OS2loop.", "en", null, null);
            await db.SaveChangesAsync(Ct);
        }

        // Act
        await _db.LoadReferenceDataAsync();

        // Assert
        await using var check = _db.CreateDbContext();
        var reloaded = await check.Products.Where(p => p.Slug == "os2iot" || p.Slug == "os2loop").ToDictionaryAsync(p => p.Slug, Ct);
        Assert.Equal("da", reloaded["os2iot"].DescriptionLanguage);
        Assert.StartsWith("Network-agnostic", reloaded["os2iot"].DescriptionOriginal, StringComparison.Ordinal);
        Assert.Equal("da", reloaded["os2iot"].StatusNoteLanguage);
        Assert.Contains("netvarksuafhangig", reloaded["os2iot"].SearchText, StringComparison.Ordinal);
        Assert.Equal(("Vores egen tekst om OS2loop.", null), (reloaded["os2loop"].Description, reloaded["os2loop"].DescriptionOriginal));
    }

    [Fact]
    public async Task ReloadingNeverDuplicatesNorOverwritesEdits()
    {
        await _db.LoadReferenceDataAsync();
        await using (var db = _db.CreateDbContext())
        {
            var product = await db.Products.SingleAsync(p => p.Slug == "os2mo", Ct);
            product.Summary = "Redigeret af sekretariatet";
            product.Licence = "EUPL-1.2";
            var aarhus = await db.Organisations.SingleAsync(o => o.Code == "0751", Ct);
            aarhus.Website = "https://aarhus.dk";
            await db.SaveChangesAsync(Ct);
        }

        // A restart runs the loader again.
        await _db.LoadReferenceDataAsync();

        await using var check = _db.CreateDbContext();
        var reloaded = await check.Products.SingleAsync(p => p.Slug == "os2mo", Ct);
        Assert.Equal("Redigeret af sekretariatet", reloaded.Summary);
        Assert.Equal("EUPL-1.2", reloaded.Licence);
        Assert.Equal("https://aarhus.dk", (await check.Organisations.SingleAsync(o => o.Code == "0751", Ct)).Website);
        Assert.Equal(31, await check.Products.CountAsync(Ct));
        Assert.Equal(98, await check.Organisations.CountAsync(o => o.Kind == OrganisationKind.Municipality, Ct));
        Assert.Equal(98, await check.PopulationFigures.CountAsync(Ct));
        Assert.Equal(1, await check.Organisations.CountAsync(o => o.Name == "Magenta ApS", Ct));
        Assert.Equal(await check.Participations.CountAsync(Ct), await CountAfterAnotherLoad());
    }

    private async Task<int> CountAfterAnotherLoad()
    {
        await _db.LoadReferenceDataAsync();
        await using var db = _db.CreateDbContext();
        return await db.Participations.CountAsync(Ct);
    }

    [Fact]
    public async Task UnevenSourcesAreMappedByClearRulesAndTheRestStaysUnknown()
    {
        await _db.LoadReferenceDataAsync();

        await using var db = _db.CreateDbContext();
        var products = await db.Products.Include(p => p.Participations).ThenInclude(x => x.Organisation)
            .Include(p => p.Mentions).Include(p => p.Sources).AsSplitQuery().ToDictionaryAsync(p => p.Slug, Ct);

        // Licence written as prose is not guessed at; the wording is kept.
        Assert.Null(products["os2iot"].Licence);
        Assert.Contains("MPL-2.0 (code)", products["os2iot"].LicenceNote, StringComparison.Ordinal);
        Assert.Equal("MPL-2.0", products["os2mo"].Licence);
        Assert.Null(products["os2agora"].Licence);

        // "five suppliers offer …" is a mention, not a supplier.
        Assert.DoesNotContain(products["os2iot"].Participations, x => x.Organisation!.Name.StartsWith("five", StringComparison.Ordinal));
        Assert.Contains(products["os2iot"].Mentions, m => m.Subject!.StartsWith("five suppliers", StringComparison.Ordinal));

        // ITK, Aarhus Kommune is Aarhus Kommune acting as a supplier: one organisation, two capacities.
        var display = products["os2display"].Participations.Where(x => x.Kind == ParticipationKind.Supplier).ToList();
        Assert.Contains(display, x => x.Organisation!.Code == "0751" && x.Role == SupplierRole.Development);
        Assert.False(await db.Organisations.AnyAsync(o => o.Name.Contains("ITK"), Ct));

        // A role outside OS2's five stays unknown with the source's words; hosting/drift maps to drift.
        var mo = products["os2mo"].Participations.Single(x => x.RoleText != null);
        Assert.Equal(SupplierRole.Unknown, mo.Role);
        Assert.Equal("hosting (recommended by docs)", mo.RoleText);
        Assert.Contains(products["os2display"].Participations, x => x.Role == SupplierRole.Hosting && x.Organisation!.Name == "Bellcom");
        Assert.All(products.Values.SelectMany(p => p.Participations), x => Assert.Null(x.StartDate));

        // Inferred suppliers are marked as such.
        Assert.All(products["os2faktor"].Participations, x => Assert.True(x.IsInferred));

        // Maturity only where a source states the current level, with its date; a recommendation is not a level.
        Assert.Equal(MaturityLevel.Level1, products["os2autoproces"].Maturity);
        Assert.Equal(new DateOnly(2025, 9, 5), products["os2autoproces"].MaturityAssessedOn);
        Assert.Equal(MaturityLevel.Unknown, products["os2rollekatalog"].Maturity);
        Assert.Equal(LifecycleState.Retired, products["os2datascanner"].Lifecycle);
        Assert.Equal(LifecycleState.Unknown, products["os2forms"].Lifecycle);

        // English-only sources get the hub's Danish translation with the English kept beside it; code without a public
        // source is flagged, unknown stays unknown.
        Assert.Equal(("da", "en"), (products["os2iot"].DescriptionLanguage, products["os2iot"].DescriptionOriginalLanguage));
        Assert.Equal("da", products["os2mo"].DescriptionLanguage);
        Assert.False(products["os2flytjord"].CodeIsPublic);
        Assert.True(products["os2mo"].CodeIsPublic);
        Assert.Null(products["os2vikar"].IssueTrackerIsPublic);

        // Dated member mentions are statements, not memberships.
        Assert.Equal(18, products["os2mo"].Mentions.Count(m => m.OrganisationId != null));
        Assert.DoesNotContain(products.Values.SelectMany(p => p.Participations), x => x.Kind == ParticipationKind.Member);

        // Facts carry their source.
        Assert.Contains(products["os2mo"].Sources, s => s.Fact == ProductFact.Description && s.Reference == "https://os2.eu/produkt/os2mo");
    }

    [Theory]
    [InlineData(0, SizeClass.Small)]
    [InlineData(24_999, SizeClass.Small)]
    [InlineData(25_000, SizeClass.Medium)]
    [InlineData(59_999, SizeClass.Medium)]
    [InlineData(60_000, SizeClass.Large)]
    [InlineData(119_999, SizeClass.Large)]
    [InlineData(120_000, SizeClass.VeryLarge)]
    [InlineData(671_714, SizeClass.VeryLarge)]
    public void SizeClassBoundariesFollowOS2(int population, SizeClass expected) =>
        Assert.Equal(expected, SizeClasses.FromPopulation(population));

    [Fact]
    public async Task The2026FiguresGiveTheDocumentedClassCounts()
    {
        await _db.LoadReferenceDataAsync();

        await using var db = _db.CreateDbContext();
        var classes = (await db.PopulationFigures.Select(p => p.Population).ToListAsync(Ct)).Select(SizeClasses.FromPopulation).ToList();

        // SOURCES.md: 14 / 58 / 21 / 5 on the 1 January 2026 figures.
        Assert.Equal(14, classes.Count(c => c == SizeClass.Small));
        Assert.Equal(58, classes.Count(c => c == SizeClass.Medium));
        Assert.Equal(21, classes.Count(c => c == SizeClass.Large));
        Assert.Equal(5, classes.Count(c => c == SizeClass.VeryLarge));
    }

    [Fact]
    public async Task DemoDataIsMarkedAndRemovedWhenSwitchedOff()
    {
        await _db.LoadReferenceDataAsync();
        await _db.LoadDemoDataAsync();
        await using (var db = _db.CreateDbContext())
        {
            Assert.True(await db.Participations.AnyAsync(p => p.Kind == ParticipationKind.Member, Ct));
            Assert.All(await db.Participations.Where(p => p.Kind == ParticipationKind.Member).ToListAsync(Ct), p => Assert.True(p.IsDemo));
            Assert.All(await db.FeeSheets.ToListAsync(Ct), f => Assert.True(f.IsDemo));
            Assert.True(await db.EconomyYears.AllAsync(y => y.IsDemo, Ct) && await db.EconomyYears.AnyAsync(Ct));
            Assert.Equal(5, await db.SizeAssessments.CountAsync(a => a.IsDemo && a.SizeClass == SizeClass.VeryLarge, Ct));
            var wishes = await db.Wishes.Where(w => w.Product!.Slug == "os2rollekatalog").ToListAsync(Ct);
            Assert.All(wishes, w => Assert.True(w.IsDemo));
            Assert.Equal(6, wishes.Count);
            Assert.True(await db.WishPledges.AnyAsync(Ct) && await db.WishSupports.AnyAsync(Ct));

            // A demo produktkoordinator is a grant held by an invented person with a demo address and no password.
            var coordinators = await db.Grants.Where(g => g.Role == GrantRole.ProductCoordinator).Select(g => g.UserId).ToListAsync(Ct);
            Assert.NotEmpty(coordinators);
            Assert.All(await db.Users.Where(u => coordinators.Contains(u.Id)).ToListAsync(Ct), u =>
            {
                Assert.EndsWith("@demo.os2hub.dk", u.Email, StringComparison.Ordinal);
                Assert.Null(u.PasswordHash);
            });
        }

        await new OS2Hub.Web.Features.Setup.DemoDataLoader(_db, Microsoft.Extensions.Logging.Abstractions.NullLogger<OS2Hub.Web.Features.Setup.DemoDataLoader>.Instance)
            .RemoveAsync(Ct);

        await using var after = _db.CreateDbContext();
        Assert.False(await after.Participations.AnyAsync(p => p.IsDemo, Ct));
        Assert.False(await after.WorkingGroups.AnyAsync(Ct));
        Assert.False(await after.Organisations.AnyAsync(o => o.IsDemo, Ct));
        Assert.False(await after.FeeSheets.AnyAsync(Ct));
        Assert.False(await after.EconomyYears.AnyAsync(Ct));
        Assert.False(await after.SizeAssessments.AnyAsync(Ct));
        Assert.False(await after.Wishes.AnyAsync(Ct) || await after.WishSupports.AnyAsync(Ct) || await after.WishEvents.AnyAsync(Ct));
        Assert.True(await after.Participations.AnyAsync(p => p.Kind == ParticipationKind.Supplier, Ct));
    }
}
