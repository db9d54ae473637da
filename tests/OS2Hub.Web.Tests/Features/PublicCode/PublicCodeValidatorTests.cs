using OS2Hub.Web.Features.PublicCode;

namespace OS2Hub.Web.Tests.Features.PublicCode;

/// <summary>
/// The validator on the standard's own examples, an older version, and files that each break one rule: the exact
/// problem (key, line, severity) is expected, and nothing else may be an error.
/// </summary>
public sealed class PublicCodeValidatorTests
{
    private static string File(string name) => System.IO.File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Features", "PublicCode", "Files", name));

    private static readonly string s_minimal = File("standard-minimal.yml");

    [Theory]
    [InlineData("standard-minimal.yml")]
    [InlineData("standard-example.yml")]
    public void TheStandardsOwnExamplesAreValid(string file)
    {
        var result = PublicCodeValidator.Validate(File(file));

        Assert.True(result.Valid, string.Join("\n", result.Problems.Select(p => $"{p.Severity} {p.Key} {p.Line}: {p.Message}")));
        Assert.Equal("0", result.Version);
    }

    [Theory]
    [InlineData("0.2")]
    [InlineData("0.4")]
    [InlineData("0.5")]
    public void OlderVersionsAreReadWithAWarning(string version)
    {
        var result = PublicCodeValidator.Validate(s_minimal.Replace("publiccodeYmlVersion: \"0\"", $"publiccodeYmlVersion: \"{version}\"", StringComparison.Ordinal));

        Assert.True(result.Valid);
        var warning = Assert.Single(result.Problems);
        Assert.Equal((PublicCodeSeverity.Warning, "publiccodeYmlVersion", 1), (warning.Severity, warning.Key, warning.Line));
    }

    [Fact]
    public void AFileWrittenFor02IsReadWithItsHistoricalKeysAsWarnings()
    {
        var result = PublicCodeValidator.Validate(File("version-0.2.yml"));

        Assert.True(result.Valid, string.Join("\n", result.Problems.Select(p => $"{p.Severity} {p.Key} {p.Line}: {p.Message}")));
        Assert.Equal("0.2", result.Version);
        Assert.Equal(["description.en-GB.genericName", "intendedAudience.countries.0", "it", "legal.authorsFile", "legal.repoOwner", "monochromeLogo", "publiccodeYmlVersion"],
            result.Problems.Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.All(result.Problems, p => Assert.Equal(PublicCodeSeverity.Warning, p.Severity));
    }

    /// <summary>Each row: text in the minimal example, what replaces it, the one problem expected.</summary>
    public static TheoryData<string, string, string, int, PublicCodeSeverity> BrokenRules => new()
    {
        { "publiccodeYmlVersion: \"0\"", "publiccodeYmlVersion: \"2\"", "publiccodeYmlVersion", 1, PublicCodeSeverity.Error },       // unknown version
        { "name: Medusa\n", "", "name", 1, PublicCodeSeverity.Error },                                                                 // required key
        { "url: \"https://example.com/italia/medusa.git\"", "url: \"medusa\"", "url", 4, PublicCodeSeverity.Error },                   // URL
        { "developmentStatus: development", "developmentStatus: alpha", "developmentStatus", 8, PublicCodeSeverity.Error },             // enumeration
        { "softwareType: \"standalone/desktop\"", "softwareType: app", "softwareType", 10, PublicCodeSeverity.Error },                  // enumeration
        { "platforms:\n  - web", "platforms:\n  web: true", "platforms", 6, PublicCodeSeverity.Error },                                // type
        { "  license: AGPL-3.0-or-later", "  license: Mozilla licence", "legal.license", 28, PublicCodeSeverity.Error },               // SPDX
        { "  en:\n", "  english:\n", "description.english", 13, PublicCodeSeverity.Error },                                             // BCP 47
        { "    - en", "    - en_GB", "localisation.availableLanguages.0", 39, PublicCodeSeverity.Error },                              // BCP 47
        { "  localisationReady: true", "  localisationReady: maybe", "localisation.localisationReady", 37, PublicCodeSeverity.Error }, // boolean
        { "  type: \"community\"", "  type: \"contract\"", "maintenance.contractors", 31, PublicCodeSeverity.Error },                  // contract needs contractors
        { "    - name: Francesco Rossi", "    - name: Francesco Rossi\n      email: francesco(at)example.com", "maintenance.contacts.0.email", 35, PublicCodeSeverity.Error }, // e-mail
        { "    shortDescription: >\n      A rather short description which\n      is probably useless", "    shortDescription: " + new string('x', 151), "description.en.shortDescription", 14, PublicCodeSeverity.Error }, // length
        { "platforms:", "releaseDate: 15/04/2017\nplatforms:", "releaseDate", 5, PublicCodeSeverity.Error },                            // date
        { "platforms:", "categories:\n  - spreadsheets\nplatforms:", "categories.0", 6, PublicCodeSeverity.Error },                    // category list
        { "platforms:", "intendedAudience:\n  scope:\n    - space-travel\nplatforms:", "intendedAudience.scope.0", 7, PublicCodeSeverity.Error }, // scope list
        { "platforms:", "intendedAudience:\n  countries:\n    - XX\nplatforms:", "intendedAudience.countries.0", 7, PublicCodeSeverity.Error },   // ISO 3166
        { "platforms:", "intendedAudience:\n  countries:\n    - dk\nplatforms:", "intendedAudience.countries.0", 7, PublicCodeSeverity.Warning }, // lowercase deprecated
        { "platforms:", "supports:\n  - id: alias:hipaa\nplatforms:", "supports.0.id", 6, PublicCodeSeverity.Error },                 // alias list
        { "platforms:", "monochromeLogo: img/logo-mono.svg\nplatforms:", "monochromeLogo", 5, PublicCodeSeverity.Warning },           // deprecated key
        { "  license: AGPL-3.0-or-later", "  license: AGPL-3.0-or-later\n  repoOwner: Comune di Medusa", "legal.repoOwner", 29, PublicCodeSeverity.Warning }, // deprecated key
        { "platforms:", "softwareColour: blue\nplatforms:", "softwareColour", 5, PublicCodeSeverity.Warning },                       // unknown key
        { "platforms:", "organisation:\n  name: Comune di Medusa\nplatforms:", "organisation.uri", 6, PublicCodeSeverity.Error },      // organisation needs its URI
        { "platforms:", "fundedBy:\n  - name: Comune di Medusa\nplatforms:", "fundedBy.0.uri", 6, PublicCodeSeverity.Error },         // so does a funder
        { "platforms:", "dependsOn:\n  open:\n    - version: \"8\"\nplatforms:", "dependsOn.open.0.name", 7, PublicCodeSeverity.Error }, // dependency name
        { "platforms:", "supports:\n  - id: not a uri\nplatforms:", "supports.0.id", 6, PublicCodeSeverity.Error },                  // URI or alias
        { "platforms:", "it:\n  countryExtensionVersion: \"1.0\"\nplatforms:", "it", 6, PublicCodeSeverity.Warning },              // country section deprecated
        { "  en:\n", "  en:\n    genericName: Editor\n", "description.en.genericName", 14, PublicCodeSeverity.Warning },              // deprecated key
        { "    features:", "    videos:\n      - not-a-url\n    features:", "description.en.videos.0", 25, PublicCodeSeverity.Error },  // URL
        { "    features:\n      - Just one feature\n", "", "description.en.features", 14, PublicCodeSeverity.Error },                // features in every language (the parser's rule)
        { "also split\n      on multiple rows. You should note what the software\n      is and why one should need it. We can potentially\n      have many pages of text here.", "too short.", "description.en.longDescription", 18, PublicCodeSeverity.Error },                  // length 150–10,000
        { "  type: \"community\"\n\n  contacts:\n    - name: Francesco Rossi", "  type: \"internal\"", "maintenance.contacts", 31, PublicCodeSeverity.Error }, // internal needs contacts
        { "  availableLanguages:\n    - en", "", "localisation.availableLanguages", 37, PublicCodeSeverity.Error },                 // required key
        { "legal:\n  license: AGPL-3.0-or-later\n", "", "legal", 1, PublicCodeSeverity.Error },                                      // required section
    };

    [Theory]
    [MemberData(nameof(BrokenRules))]
    public void AFileThatBreaksOneRuleGetsExactlyThatProblem(string find, string replace, string key, int line, PublicCodeSeverity severity)
    {
        Assert.Contains(find, s_minimal, StringComparison.Ordinal);
        var result = PublicCodeValidator.Validate(s_minimal.Replace(find, replace, StringComparison.Ordinal));

        var problem = Assert.Single(result.Problems);
        Assert.Equal((severity, key, line), (problem.Severity, problem.Key, problem.Line));
        Assert.Equal(severity == PublicCodeSeverity.Warning, result.Valid);
        Assert.False(string.IsNullOrWhiteSpace(problem.Message));
    }

    [Fact]
    public void ContractorsNeedAnEndDateAndBelongOnlyToContracts()
    {
        var contract = s_minimal.Replace("  type: \"community\"\n\n  contacts:\n    - name: Francesco Rossi",
            "  type: \"contract\"\n  contractors:\n    - name: Magenta ApS\n      website: https://magenta.dk", StringComparison.Ordinal);
        var community = s_minimal.Replace("  contacts:", "  contractors:\n    - name: Magenta ApS\n      until: \"2027-12-31\"\n  contacts:", StringComparison.Ordinal);

        Assert.Equal(["maintenance.contractors.0.until"], PublicCodeValidator.Validate(contract).Problems.Select(p => p.Key));
        Assert.Equal(["maintenance.contractors"], PublicCodeValidator.Validate(community).Problems.Select(p => p.Key));
    }

    [Theory]
    [InlineData("")]
    [InlineData("just words")]
    [InlineData("key: [unclosed")]
    [InlineData("- a\n- list")]
    [InlineData("\t\u0000\u0001")]
    public void TextThatIsNotAPubliccodeFileGivesOneProblemAndNoException(string text)
    {
        var result = PublicCodeValidator.Validate(text);

        Assert.False(result.Valid);
        Assert.Equal("", Assert.Single(result.Problems).Key);
    }
}
