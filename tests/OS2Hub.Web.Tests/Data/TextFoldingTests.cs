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
    [InlineData("Københavns Kommune", "koebenhavns-kommune")]
    [InlineData("OS2sofd (SOFD Core)", "os2sofd-sofd-core")]
    [InlineData("Lyngby-Taarbæk", "lyngby-taarbaek")]
    public void SlugsAreUrlFriendly(string text, string expected) => Assert.Equal(expected, TextFolding.Slugify(text));
}
