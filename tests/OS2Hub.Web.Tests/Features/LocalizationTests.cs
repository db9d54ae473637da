using System.Globalization;
using System.Xml.Linq;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using OS2Hub.Web.Data.Entities;
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

    private static HashSet<string> Keys(string file) =>
        XDocument.Load(Path.Combine(FindRepoRoot(), "src", "OS2Hub.Web", "Resources", file)).Root!
            .Elements("data").Select(d => (string)d.Attribute("name")!).ToHashSet();

    [Fact]
    public void EveryDanishTextHasAnEnglishTranslation()
    {
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

    /// <summary>Every value of every enum the UI shows has a text in both languages, under the key the pages build.</summary>
    [Theory]
    [InlineData(typeof(OrganisationKind), "OrgKind")]
    [InlineData(typeof(OrganisationKind), "OrgKindPlural")]
    [InlineData(typeof(SizeClass), "SizeClass")]
    [InlineData(typeof(MaturityLevel), "Maturity")]
    [InlineData(typeof(LifecycleState), "Lifecycle")]
    [InlineData(typeof(SupplierRole), "SupplierRole")]
    [InlineData(typeof(WorkingGroupKind), "WorkingGroup")]
    [InlineData(typeof(GrantRole), "GrantRole")]
    [InlineData(typeof(DistributionKey), "DistributionKey")]
    [InlineData(typeof(JoinRequestStatus), "RequestStatus")]
    [InlineData(typeof(MembershipAction), "LogAction")]
    [InlineData(typeof(ContactRoleKind), "ContactRole")]
    [InlineData(typeof(PersonalDataAccess), "Access")]
    [InlineData(typeof(ProductFact), "Fact")]
    [InlineData(typeof(SignInMethod), "SignInMethod")]
    [InlineData(typeof(SignInOutcome), "SignInOutcome")]
    [InlineData(typeof(OS2Hub.Web.Features.Products.DependencyReason), "Dependency")]
    [InlineData(typeof(OS2Hub.Web.Features.Economy.QuoteProblem), "QuoteProblem")]
    [InlineData(typeof(OS2Hub.Web.Features.Economy.PopulationChangeKind), "PopImport")]
    [InlineData(typeof(FollowDelivery), "FollowDelivery")]
    [InlineData(typeof(OS2Hub.Web.Features.Search.SearchKind), "SearchKind")]
    public void EveryEnumValueHasATextInDanishAndEnglish(Type enumType, string prefix)
    {
        ArgumentNullException.ThrowIfNull(enumType);
        var wanted = Enum.GetNames(enumType).Where(name => name != "None").Select(name => $"{prefix}_{name}").ToList(); // "no problem" is never shown

        Assert.Empty(wanted.Except(Keys("SharedResource.resx")));
        Assert.Empty(wanted.Except(Keys("SharedResource.en.resx")));
    }

    /// <summary>
    /// Messages the hub writes reach an English user in English: no Danish sentence is left as a literal in the C# of
    /// the features. What stays Danish on purpose is named here: downloaded files and the import files' columns and words, the OpenAPI document's prose, change-log
    /// field names and audit entries (records, not messages), demo accounts and OS2's own name.
    /// </summary>
    [Fact]
    public void NoFeatureWritesADanishSentenceAsALiteral()
    {
        string[] danishOnPurposeFiles = ["FeeSheetExport.cs", "PartnerExport.cs", "FileLabels.cs", "AccountSeeder.cs", "ReferenceDataLoader.cs", "ReferenceMapping.cs", "ReferenceProducts.cs", "DemoDataLoader.cs", "GeneratedCatalogue.cs", "UrlWords.cs", "MembershipFile.cs", "SupplierRoleFile.cs", "ContactFile.cs", "WorkingGroupFile.cs", "FeeSheetFile.cs", "DemoWishes.cs", "DemoQuestions.cs"];
        string[] danishOnPurposeLines = ["WithSummary(", "WithDescription(", "WithTags(", "document.Info.", "Field = ", "var field = ", "ChangeRecorder(", "LogAsync(", "Offentligt Digitaliseringsfællesskab"];
        var danish = new System.Text.RegularExpressions.Regex("\"[^\"\n]*[æøåÆØÅ][^\"\n]*\"");
        var found = Directory.EnumerateFiles(Path.Combine(FindRepoRoot(), "src", "OS2Hub.Web", "Features"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !danishOnPurposeFiles.Contains(Path.GetFileName(f)))
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: Path.GetFileName(f), Line: i + 1, Text: line.Trim())))
            .Where(l => !l.Text.StartsWith("//", StringComparison.Ordinal) && danish.IsMatch(l.Text))
            .Where(l => !danishOnPurposeLines.Any(p => l.Text.Contains(p, StringComparison.Ordinal)))
            .Select(l => $"{l.File}:{l.Line}: {l.Text}")
            .ToList();

        Assert.Empty(found);
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
