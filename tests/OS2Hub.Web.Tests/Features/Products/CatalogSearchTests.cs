using Microsoft.EntityFrameworkCore;
using OS2Hub.Web.Features.Products;
using OS2Hub.Web.Tests.Infrastructure;

namespace OS2Hub.Web.Tests.Features.Products;

/// <summary>Search over the real reference portfolio and over small known catalogues, the way a Danish user types.</summary>
public sealed class CatalogSearchTests : IDisposable
{
    private readonly TestDatabase _db = TestDatabase.Create();
    private readonly ProductCatalogService _service;

    public CatalogSearchTests() => _service = new ProductCatalogService(_db, FixedClock.Default);

    public void Dispose() => _db.Dispose();

    private async Task<List<string>> NamesFor(string text) =>
        (await _service.SearchAsync(new CatalogQuery { Text = text, PageSize = 100 }, TestContext.Current.CancellationToken)).Items.Select(i => i.Name).ToList();

    [Fact]
    public async Task PartOfAWordFindsTheWord()
    {
        await _db.LoadReferenceDataAsync();

        var names = await NamesFor("rolle");

        Assert.Contains("OS2rollekatalog", names);
    }

    [Fact]
    public async Task ShortQueryFindsOS2moAndRanksTheNameMatchFirst()
    {
        await _db.LoadReferenceDataAsync();

        var names = await NamesFor("mo");

        Assert.Equal("OS2mo", names[0]);
    }

    [Fact]
    public async Task SearchIsCaseInsensitive()
    {
        await _db.LoadReferenceDataAsync();

        Assert.Equal(await NamesFor("rollekatalog"), await NamesFor("ROLLEKATALOG"));
        Assert.Contains("OS2rollekatalog", await NamesFor("RolleKatalog"));
    }

    [Fact]
    public async Task SupplierNamesAreSearchable()
    {
        await _db.LoadReferenceDataAsync();

        var names = await NamesFor("magenta");

        Assert.Contains("OS2mo", names);
        Assert.Contains("OS2borgerPC", names);
        Assert.DoesNotContain("OS2rollekatalog", names);
    }

    [Fact]
    public async Task AarhusAndÅrhusFindTheSameProducts()
    {
        await new CatalogBuilder(_db)
            .Product("Kalender", description: "Udviklet i Århus sammen med ITK")
            .Product("Vagtplan", description: "Bruges af Aarhus Kommune")
            .Product("Andet", description: "Intet om byen")
            .SaveAsync();

        var aa = await NamesFor("aarhus");
        var å = await NamesFor("århus");
        var upper = await NamesFor("ÅRHUS");

        Assert.Equal(["Kalender", "Vagtplan"], aa.Order());
        Assert.Equal(aa.Order(), å.Order());
        Assert.Equal(aa.Order(), upper.Order());
    }

    [Fact]
    public async Task DanishLettersMatchRegardlessOfCase()
    {
        await new CatalogBuilder(_db)
            .Product("Sønderborg-portal", description: "Ældrepleje og Øresund")
            .Product("Andet")
            .SaveAsync();

        Assert.Equal(["Sønderborg-portal"], await NamesFor("SØNDER"));
        Assert.Equal(["Sønderborg-portal"], await NamesFor("ældre"));
        Assert.Equal(["Sønderborg-portal"], await NamesFor("ÆLDRE øresund"));
    }

    [Fact]
    public async Task EveryWordMustMatchSomewhere()
    {
        await new CatalogBuilder(_db)
            .Product("Rollekatalog", description: "Rettigheder til medarbejdere")
            .Product("Rollemodel", description: "Noget andet")
            .SaveAsync();

        Assert.Equal(["Rollekatalog"], await NamesFor("rettigheder rolle"));
        Assert.Equal(["Rollekatalog", "Rollemodel"], (await NamesFor("rolle")).Order());
        Assert.Empty(await NamesFor("rolle findesikke"));
    }

    [Fact]
    public async Task NameMatchesRankAboveDescriptionMatches()
    {
        await new CatalogBuilder(_db)
            .Product("Aaa portal", description: "Login med faktor to")
            .Product("OS2faktor", description: "Login")
            .Product("Bbb", description: "Bruger faktor")
            .SaveAsync();

        var names = await NamesFor("faktor");

        Assert.Equal("OS2faktor", names[0]);
        Assert.Equal(3, names.Count);
    }

    [Theory]
    [InlineData("skadesokonomi")]
    [InlineData("skadesoekonomi")]
    [InlineData("skadesøkonomi")]
    [InlineData("SKADES-ØKONOMI")]
    [InlineData("os2 skades okonomi")]
    public async Task EverySpellingOfØFindsOS2skadesøkonomiUnderItsUnchangedSlug(string query)
    {
        // Arrange
        await _db.LoadReferenceDataAsync();

        // Act
        var result = await _service.SearchAsync(new CatalogQuery { Text = query, PageSize = 100 }, TestContext.Current.CancellationToken);

        // Assert
        var item = Assert.Single(result.Items);
        Assert.Equal("OS2skadesøkonomi", item.Name);
        Assert.Equal("os2skadesoekonomi", item.Slug);
    }

    [Fact]
    public async Task AStartUpRecomputesSearchTextThatAFoldingMigrationEmptied()
    {
        // Arrange: a row as a migration that changes the folding leaves it.
        await _db.LoadReferenceDataAsync();
        await using (var db = _db.CreateDbContext())
        {
            await db.Products.ExecuteUpdateAsync(u => u.SetProperty(p => p.SearchText, "").SetProperty(p => p.SearchName, ""), TestContext.Current.CancellationToken);
            Assert.Empty(await NamesFor("skadesokonomi"));

            // Act
            await CatalogSearch.RefreshStaleAsync(db, TestContext.Current.CancellationToken);
        }

        // Assert
        Assert.Equal(["OS2skadesøkonomi"], await NamesFor("skadesokonomi"));
        Assert.Equal("OS2mo", (await NamesFor("mo"))[0]);
    }

    [Fact]
    public async Task EmptyResultIsEmptyNotAnError()
    {
        await _db.LoadReferenceDataAsync();

        var result = await _service.SearchAsync(new CatalogQuery { Text = "zzzqqq" }, TestContext.Current.CancellationToken);

        Assert.Equal(0, result.Total);
        Assert.Empty(result.Items);
        Assert.Equal(1, result.Page);
    }
}
