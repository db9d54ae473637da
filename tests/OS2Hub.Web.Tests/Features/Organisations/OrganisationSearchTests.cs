using OS2Hub.Web.Data.Entities;
using OS2Hub.Web.Features.Organisations;
using OS2Hub.Web.Tests.Infrastructure;

namespace OS2Hub.Web.Tests.Features.Organisations;

/// <summary>The organisation list's search over the real 98 municipalities, spelt as users without a Danish keyboard do.</summary>
public sealed class OrganisationSearchTests : IDisposable
{
    private readonly TestDatabase _db = TestDatabase.Create();
    private readonly OrganisationService _service;

    public OrganisationSearchTests() => _service = new OrganisationService(_db, FixedClock.Default);

    public void Dispose() => _db.Dispose();

    [Theory]
    [InlineData("kobenhavn", "koebenhavn")]
    [InlineData("koebenhavn", "koebenhavn")]
    [InlineData("KØBENHAVN", "koebenhavn")]
    [InlineData("arhus", "aarhus")]
    [InlineData("århus", "aarhus")]
    [InlineData("hojetaastrup", "hoeje-taastrup")]
    [InlineData("hoje-tastrup", "hoeje-taastrup")]
    [InlineData("høje taastrup", "hoeje-taastrup")]
    [InlineData("koge", "koege")]
    [InlineData("koege", "koege")]
    public async Task EverySpellingFindsTheMunicipalityAndItsSlugIsUnchanged(string query, string slug)
    {
        // Arrange
        await _db.LoadReferenceDataAsync();

        // Act
        var found = await _service.ListAsync(OrganisationKind.Municipality, query, TestContext.Current.CancellationToken);

        // Assert: the municipality is first among few, under the slug its URL has always had.
        Assert.Equal(slug, Assert.Single(found, o => o.Slug == slug).Slug);
        Assert.True(found.Count <= 2, string.Join(", ", found.Select(o => o.Name)));
    }
}
