using System.Globalization;
using System.Xml.Linq;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using OS2Hub.Web.Features.Localization;

namespace OS2Hub.Web.Tests.Features;

public sealed class LocalizationTests
{
    private static IStringLocalizer<SharedResource> Localizer()
    {
        var services = new ServiceCollection().AddLogging().AddLocalization(o => o.ResourcesPath = "Resources").BuildServiceProvider();
        return services.GetRequiredService<IStringLocalizer<SharedResource>>();
    }

    [Fact]
    public void MudBlazorsOwnTextsAreDanish()
    {
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("da-DK");
        var mud = new ResxMudLocalizer(Localizer());

        Assert.Equal("Næste side", mud["MudPagination_NextPage"].Value);
        Assert.Equal("Rækker pr. side", mud["MudDataGridPager_RowsPerPage"].Value);
    }

    [Fact]
    public void EveryDanishTextHasAnEnglishTranslation()
    {
        static HashSet<string> Keys(string file) =>
            XDocument.Load(Path.Combine(FindRepoRoot(), "src", "OS2Hub.Web", "Resources", file)).Root!
                .Elements("data").Select(d => (string)d.Attribute("name")!).ToHashSet();

        var danish = Keys("SharedResource.resx");
        var english = Keys("SharedResource.en.resx");

        Assert.Empty(danish.Except(english));
        Assert.Empty(english.Except(danish));
    }

    [Fact]
    public void EnglishIsServedWhenChosen()
    {
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");

        Assert.Equal("Product catalogue", Localizer()["Catalog_Title"].Value);
    }

    private static string FindRepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "OS2Hub.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("OS2Hub.sln not found above the test output.");
    }
}
