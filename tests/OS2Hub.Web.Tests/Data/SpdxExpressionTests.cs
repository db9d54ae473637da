using OS2Hub.Web.Data;

namespace OS2Hub.Web.Tests.Data;

public sealed class SpdxExpressionTests
{
    [Theory]
    [InlineData("MPL-2.0", true)]
    [InlineData("EUPL-1.2 OR AGPL-3.0-or-later", true)]
    [InlineData("(MIT AND BSD-3-Clause) OR Apache-2.0", true)]
    [InlineData("GPL-2.0-or-later WITH Classpath-exception-2.0", true)]
    [InlineData("GPL-2.0+", true)]
    [InlineData("LicenseRef-OS2-Aftale", true)]
    [InlineData("Mozilla 2", false)]
    [InlineData("MIT OR", false)]
    [InlineData("(MIT", false)]
    [InlineData("MIT)", false)]
    [InlineData("MIT WITH Kaffe-exception", false)]
    [InlineData("MIT BSD-3-Clause", false)]
    [InlineData("mit", false)]
    [InlineData("", false)]
    public void ExpressionsAreReadByTheSpdxGrammar(string expression, bool valid) => Assert.Equal(valid, SpdxExpression.IsValid(expression));
}
