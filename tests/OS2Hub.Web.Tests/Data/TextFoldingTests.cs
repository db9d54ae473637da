using OS2Hub.Web.Data;

namespace OS2Hub.Web.Tests.Data;

public sealed class TextFoldingTests
{
    [Theory]
    [InlineData("Århus", "aarhus")]
    [InlineData("AARHUS", "aarhus")]
    [InlineData("Sønderborg  Kommune", "soenderborg kommune")]
    [InlineData("Ærø", "aeroe")]
    [InlineData("Café", "cafe")]
    public void FoldsDanishTextTheWayUsersType(string text, string expected) => Assert.Equal(expected, TextFolding.Fold(text));

    [Theory]
    [InlineData("København", "kobenhavn")]
    [InlineData("Koebenhavn", "kobenhavn")]
    [InlineData("Kobenhavn", "kobenhavn")]
    [InlineData("Århus", "arhus")]
    [InlineData("Aarhus", "arhus")]
    [InlineData("Høje-Taastrup", "hojetastrup")]
    [InlineData("hoje taastrup", "hojetastrup")]
    [InlineData("Lyngby–Taarbæk", "lyngbytarbak")]
    [InlineData("OS2skadesøkonomi", "os2skadesokonomi")]
    [InlineData("os2skadesoekonomi", "os2skadesokonomi")]
    [InlineData("Ærø", "aro")]
    [InlineData("AERO", "aro")]
    [InlineData("Kommune Aarhus", "kommunearhus")]
    public void SearchKeysFoldEverySpellingOfTheDanishLettersToOne(string text, string expected) =>
        Assert.Equal(expected, TextFolding.SearchKey(text));

    [Fact]
    public void SearchKeysKeepFieldsApartSoATermCannotSpanTwo()
    {
        var key = TextFolding.SearchKey("Rolle", "Katalog");

        Assert.True(TextFolding.Matches(key, TextFolding.SearchTerms("rolle katalog")));
        Assert.False(TextFolding.Matches(key, TextFolding.SearchTerms("rollekatalog")));
        Assert.Empty(TextFolding.SearchTerms("  -  | "));
    }

    [Theory]
    [InlineData("Københavns Kommune", "koebenhavns-kommune")]
    [InlineData("OS2sofd (SOFD Core)", "os2sofd-sofd-core")]
    [InlineData("Lyngby-Taarbæk", "lyngby-taarbaek")]
    public void SlugsAreUrlFriendly(string text, string expected) => Assert.Equal(expected, TextFolding.Slugify(text));
}
