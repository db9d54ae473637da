using OS2Hub.Web.Components.Shared;
using OS2Hub.Web.Tests.Infrastructure;

namespace OS2Hub.Web.Tests.Components;

/// <summary>The date field reads dates as Danes write them, whatever the browser's language.</summary>
public sealed class DateFieldTests : MudBunitContext
{
    [Theory]
    [InlineData("01.02.2027", 2027, 2, 1)]
    [InlineData("1.2.2027", 2027, 2, 1)]
    [InlineData(" 01-02-2027 ", 2027, 2, 1)]
    [InlineData("01/02/2027", 2027, 2, 1)]
    [InlineData("01022027", 2027, 2, 1)]
    [InlineData("2027-02-01", 2027, 2, 1)]
    public void ADanishDateIsReadDayFirst(string text, int year, int month, int day) =>
        Assert.Equal(new DateOnly(year, month, day), DateField.Parse(text));

    [Theory]
    [InlineData("31.02.2027")]
    [InlineData("02/31/2027")]
    [InlineData("i morgen")]
    [InlineData("")]
    public void TextThatIsNoDateGivesNoDate(string text) => Assert.Null(DateField.Parse(text));

    [Fact]
    public void TextThatIsNoDateStaysInTheFieldWithADanishMessageAndClearsTheValue()
    {
        // Arrange
        DateOnly? value = new DateOnly(2027, 1, 1);
        var cut = Render<DateField>(p => p.Add(c => c.Id, "start").Add(c => c.Label, "Startdato").Add(c => c.Value, value)
            .Add(c => c.ValueChanged, v => value = v));
        Assert.Equal("01.01.2027", cut.Find("#start").GetAttribute("value"));

        // Act
        cut.Find("#start").Change("31.02.2027");

        // Assert
        Assert.Null(value);
        Assert.Equal("31.02.2027", cut.Find("#start").GetAttribute("value"));
        Assert.Equal("Skriv datoen som dd.mm.åååå, fx 01.02.2027.", cut.Find("#start-error").TextContent);
        Assert.Equal("true", cut.Find("#start").GetAttribute("aria-invalid"));
    }
}
