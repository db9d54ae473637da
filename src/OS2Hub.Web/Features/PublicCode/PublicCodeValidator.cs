using OS2Hub.Web.Data;
using OS2Hub.Web.Features.Setup;
using System.Globalization;
using System.Net.Mail;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;
using OS2Hub.Web.Features.Localization;

namespace OS2Hub.Web.Features.PublicCode;

public enum PublicCodeSeverity
{
    Error,
    Warning,
}

/// <summary>One finding: its severity, the key as a dotted path (<c>description.en.features</c>), where it is, and why, in the reader's language.</summary>
public sealed record PublicCodeProblem(PublicCodeSeverity Severity, string Key, int? Line, int? Column, string Message);

/// <summary>Whether the file is valid (no errors; warnings allowed), the version it declares, and every problem found.</summary>
public sealed record PublicCodeValidation(bool Valid, string? Version, IReadOnlyList<PublicCodeProblem> Problems);

/// <summary>
/// Checks a publiccode.yml against the standard (0.7, declared as "0"; 0.2–0.6 are read with a warning): required keys,
/// types, the controlled vocabularies, dates, URLs, e-mail addresses, SPDX expressions, BCP 47 language tags,
/// ISO 3166-1 country codes, lengths, the rules that tie keys together, and deprecated keys. It looks at the file only:
/// whether URLs answer, or logos and screenshots exist beside it, needs the network or the repository and is not checked.
/// Where the standard and the reference parser (italia/publiccode-parser-go) differ, this does what the parser does,
/// and the rule says so.
/// </summary>
public static partial class PublicCodeValidator
{
    public const string LatestVersion = "0";
    private static readonly string[] s_olderVersions = ["0.2", "0.3", "0.4", "0.5", "0.6"];

    private static readonly HashSet<string> s_topLevel = new(StringComparer.Ordinal)
    {
        "publiccodeYmlVersion", "name", "applicationSuite", "url", "landingURL", "isBasedOn", "softwareVersion", "releaseDate", "logo",
        "monochromeLogo", "inputTypes", "outputTypes", "platforms", "categories", "usedBy", "fundedBy", "roadmap", "developmentStatus",
        "softwareType", "supports", "organisation", "intendedAudience", "description", "legal", "maintenance", "localisation", "dependsOn", "it", "IT",
    };

    public static PublicCodeValidation Validate(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var problems = new List<PublicCodeProblem>();
        YamlMappingNode root;
        try
        {
            // YAML forbids a key twice in one mapping, and the tree below cannot hold it: name each one first.
            foreach (var (path, mark) in DuplicateKeys(text))
            {
                problems.Add(new(PublicCodeSeverity.Error, path, (int)mark.Line, (int)mark.Column, Texts.Get("PublicCode_DuplicateKey")));
            }

            if (problems.Count > 0)
            {
                return new PublicCodeValidation(false, null, problems);
            }

            var stream = new YamlStream();
            stream.Load(new StringReader(text));
            if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode mapping)
            {
                problems.Add(new(PublicCodeSeverity.Error, "", 1, 1, Texts.Get("PublicCode_NotMapping")));
                return new PublicCodeValidation(false, null, problems);
            }

            root = mapping;
        }
        catch (YamlException e)
        {
            problems.Add(new(PublicCodeSeverity.Error, "", (int)e.Start.Line, (int)e.Start.Column, Texts.Format("PublicCode_NotYaml", e.Message)));
            return new PublicCodeValidation(false, null, problems);
        }

        var v = new Checker(problems, root);
        var version = v.Version();
        v.Root();
        return new PublicCodeValidation(problems.All(p => p.Severity != PublicCodeSeverity.Error), version, problems);
    }

    private sealed class Checker(List<PublicCodeProblem> problems, YamlMappingNode root)
    {
        public string? Version()
        {
            var node = Get(root, "publiccodeYmlVersion");
            if (node is null)
            {
                Error("publiccodeYmlVersion", root, Texts.Get("PublicCode_VersionMissing"));
                return null;
            }

            var version = Scalar("publiccodeYmlVersion", node);
            if (version is null)
            {
                return null;
            }

            if (version == LatestVersion || version.StartsWith("0.7", StringComparison.Ordinal))
            {
                return version;
            }

            if (s_olderVersions.Any(o => version == o || version.StartsWith(o + ".", StringComparison.Ordinal)))
            {
                Warning("publiccodeYmlVersion", node, Texts.Format("PublicCode_VersionOld", version));
                return version;
            }

            Error("publiccodeYmlVersion", node, Texts.Format("PublicCode_VersionUnknown", version));
            return version;
        }

        public void Root()
        {
            foreach (var (keyNode, _) in root.Children)
            {
                var key = (keyNode as YamlScalarNode)?.Value ?? "";
                if (!s_topLevel.Contains(key))
                {
                    Warning(key, keyNode, Texts.Format("PublicCode_UnknownKey", key));
                }
            }

            RequiredString(root, "name");
            OptionalString(root, "applicationSuite");
            Url(root, "url", required: true, repository: true);
            Url(root, "landingURL");
            Url(root, "roadmap");
            StringOrList(root, "isBasedOn", (k, n) => UrlValue(k, n, repository: true));
            OptionalString(root, "softwareVersion");
            Date(root, "releaseDate");
            OptionalString(root, "logo");
            foreach (var deprecated in new[] { "monochromeLogo", "inputTypes", "outputTypes" })
            {
                Deprecated(root, deprecated, deprecated);
            }

            List(root, "inputTypes", MimeType);
            List(root, "outputTypes", MimeType);

            if (Get(root, "platforms") is null)
            {
                Error("platforms", root, Texts.Get("PublicCode_PlatformsMissing"));
            }

            StringOrList(root, "platforms", (_, _) => { });
            List(root, "categories", (k, n) => Enumerated(k, n, PublicCodeVocabulary.Categories, "PublicCode_Category"));
            List(root, "usedBy", (k, n) => Scalar(k, n));
            List(root, "fundedBy", Organisation);
            Enum(root, "developmentStatus", PublicCodeVocabulary.DevelopmentStatuses, required: true);
            Enum(root, "softwareType", PublicCodeVocabulary.SoftwareTypes, required: true);
            List(root, "supports", Supports);
            if (Section(root, "organisation", required: false) is { } organisation)
            {
                Organisation("organisation", organisation);
            }

            if (Section(root, "intendedAudience", required: false) is { } audience)
            {
                List(audience, "countries", Country, "intendedAudience.");
                List(audience, "unsupportedCountries", Country, "intendedAudience.");
                List(audience, "scope", (k, n) => Enumerated(k, n, PublicCodeVocabulary.Scopes, "PublicCode_Scope"), "intendedAudience.");
            }

            Description();
            if (Section(root, "legal", required: true) is { } legal)
            {
                if (Get(legal, "license") is { } license)
                {
                    if (Scalar("legal.license", license) is { } value && ReferenceMapping.MapLicence(value).Spdx is null)
                    {
                        Error("legal.license", license, Texts.Format("PublicCode_Licence", value));
                    }
                }
                else
                {
                    Error("legal.license", legal, Texts.Get("PublicCode_LicenceMissing"));
                }

                OptionalString(legal, "mainCopyrightOwner", "legal.");
                Deprecated(legal, "repoOwner", "legal.repoOwner", "PublicCode_UseOrganisationName");
                Deprecated(legal, "authorsFile", "legal.authorsFile");
            }

            Maintenance();
            if (Section(root, "localisation", required: true) is { } localisation)
            {
                if (Get(localisation, "localisationReady") is { } ready)
                {
                    Bool("localisation.localisationReady", ready);
                }
                else
                {
                    Error("localisation.localisationReady", localisation, Texts.Get("PublicCode_ReadyMissing"));
                }

                if (Get(localisation, "availableLanguages") is null)
                {
                    Error("localisation.availableLanguages", localisation, Texts.Get("PublicCode_LanguagesMissing"));
                }

                List(localisation, "availableLanguages", Language, "localisation.");
            }

            if (Section(root, "dependsOn", required: false) is { } depends)
            {
                foreach (var kind in new[] { "open", "proprietary", "hardware" })
                {
                    List(depends, kind, Dependency, "dependsOn.");
                }
            }

            foreach (var section in new[] { "IT", "it" })
            {
                if (Get(root, section) is { } italian)
                {
                    Warning(section, italian, Texts.Get("PublicCode_ItalianDeprecated"));
                }
            }

            if (Get(root, "it") is { } lower && Get(root, "IT") is not null)
            {
                Error("it", lower, Texts.Get("PublicCode_ItalianTwice"));
            }
        }

        private void Description()
        {
            if (Section(root, "description", required: true) is not { } description)
            {
                return;
            }

            if (description.Children.Count == 0)
            {
                Error("description", description, Texts.Get("PublicCode_NoLanguage"));
                return;
            }

            // Language tags are case-insensitive (BCP 47): "it" and "IT" describe the same language twice.
            var languages = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var (langNode, value) in description.Children)
            {
                var lang = (langNode as YamlScalarNode)?.Value ?? "";
                var path = $"description.{lang}";
                if (!IsLanguage(lang))
                {
                    Error(path, langNode, Texts.Format("PublicCode_Language", lang));
                }
                else if (!languages.TryAdd(lang, lang))
                {
                    Error(path, langNode, Texts.Format("PublicCode_LanguageTwice", languages[lang]));
                }

                if (value is not YamlMappingNode text)
                {
                    Error(path, value, Texts.Get("PublicCode_DescriptionSection"));
                    continue;
                }

                OptionalString(text, "localisedName", path + ".");
                if (Get(text, "genericName") is { } generic)
                {
                    Warning(path + ".genericName", generic, Texts.Get("PublicCode_Deprecated"));
                    Length(path + ".genericName", generic, 0, 35);
                }

                if (Get(text, "shortDescription") is { } shortDescription)
                {
                    Length(path + ".shortDescription", shortDescription, 1, 150);
                }
                else
                {
                    Error(path + ".shortDescription", text, Texts.Get("PublicCode_ShortMissing"));
                }

                // The standard asks for longDescription and features in at least one language; the reference
                // parser asks for both in every language, and for at least one feature (the standard sets no minimum).
                if (Get(text, "longDescription") is { } longDescription)
                {
                    Length(path + ".longDescription", longDescription, 150, 10_000);
                }
                else
                {
                    Error(path + ".longDescription", text, Texts.Get("PublicCode_LongMissing"));
                }

                Url(text, "documentation", prefix: path + ".");
                Url(text, "apiDocumentation", prefix: path + ".");
                if (Get(text, "features") is not { } features)
                {
                    Error(path + ".features", text, Texts.Get("PublicCode_FeaturesMissing"));
                }
                else if (features is YamlSequenceNode { Children.Count: 0 })
                {
                    Error(path + ".features", features, Texts.Get("PublicCode_FeaturesEmpty"));
                }

                List(text, "features", (k, n) => Length(k, n, 1, 100), path + ".");
                List(text, "screenshots", (k, n) => Scalar(k, n), path + ".");
                List(text, "videos", (k, n) => UrlValue(k, n), path + ".");
                List(text, "awards", (k, n) => Scalar(k, n), path + ".");
            }

        }

        private void Maintenance()
        {
            if (Section(root, "maintenance", required: true) is not { } maintenance)
            {
                return;
            }

            var type = Enum(maintenance, "type", PublicCodeVocabulary.MaintenanceTypes, required: true, prefix: "maintenance.");
            var contractors = Get(maintenance, "contractors");
            if (type == "contract" && contractors is null)
            {
                Error("maintenance.contractors", maintenance, Texts.Get("PublicCode_ContractorsMissing"));
            }
            else if (type is not null && type != "contract" && contractors is not null)
            {
                Error("maintenance.contractors", contractors, Texts.Format("PublicCode_ContractorsNotAllowed", type));
            }

            if (type is "internal" or "community" && Get(maintenance, "contacts") is null)
            {
                Error("maintenance.contacts", maintenance, Texts.Format("PublicCode_ContactsMissing", type));
            }

            List(maintenance, "contractors", (k, n) =>
            {
                if (Mapping(k, n) is not { } c)
                {
                    return;
                }

                RequiredString(c, "name", k + ".");
                if (Get(c, "until") is null)
                {
                    Error(k + ".until", c, Texts.Get("PublicCode_UntilMissing"));
                }

                Date(c, "until", k + ".");
                Email(c, "email", k + ".");
                Url(c, "website", prefix: k + ".");
            }, "maintenance.");
            List(maintenance, "contacts", (k, n) =>
            {
                if (Mapping(k, n) is not { } c)
                {
                    return;
                }

                RequiredString(c, "name", k + ".");
                Email(c, "email", k + ".");
                OptionalString(c, "phone", k + ".");
                OptionalString(c, "affiliation", k + ".");
            }, "maintenance.");
        }

        private void Organisation(string key, YamlNode node)
        {
            if (Mapping(key, node) is not { } o)
            {
                return;
            }

            if (Get(o, "uri") is { } uri)
            {
                if (Scalar(key + ".uri", uri) is { } value && !Uri.TryCreate(value, UriKind.Absolute, out _))
                {
                    Error(key + ".uri", uri, Texts.Format("PublicCode_Uri", value));
                }
            }
            else
            {
                Error(key + ".uri", o, Texts.Get("PublicCode_UriMissing"));
            }

            OptionalString(o, "name", key + ".");
        }

        private void Supports(string key, YamlNode node)
        {
            if (Mapping(key, node) is not { } s)
            {
                return;
            }

            if (Get(s, "id") is not { } id)
            {
                Error(key + ".id", s, Texts.Get("PublicCode_KeyMissing"));
                return;
            }

            if (Scalar(key + ".id", id) is not { } value)
            {
                return;
            }

            if (value.StartsWith("alias:", StringComparison.Ordinal))
            {
                if (!PublicCodeVocabulary.Aliases.Contains(value["alias:".Length..]))
                {
                    Error(key + ".id", id, Texts.Format("PublicCode_Alias", value, string.Join(", ", PublicCodeVocabulary.Aliases.Select(a => "alias:" + a))));
                }
            }
            else if (!Uri.TryCreate(value, UriKind.Absolute, out _))
            {
                Error(key + ".id", id, Texts.Format("PublicCode_AliasOrUri", value));
            }
        }

        private void Dependency(string key, YamlNode node)
        {
            if (Mapping(key, node) is not { } d)
            {
                return;
            }

            RequiredString(d, "name", key + ".");
            OptionalString(d, "versionMin", key + ".");
            OptionalString(d, "versionMax", key + ".");
            OptionalString(d, "version", key + ".");
            if (Get(d, "optional") is { } optional)
            {
                Bool(key + ".optional", optional);
            }
        }

        private void MimeType(string key, YamlNode node)
        {
            if (Scalar(key, node) is { } value && !MimeTypeRegex().IsMatch(value))
            {
                Error(key, node, Texts.Format("PublicCode_Mime", value));
            }
        }

        private void Bool(string key, YamlNode node)
        {
            // A quoted "true" is text, and yes/no/on/off are YAML 1.1 words the parser reads as text too.
            if (node is not YamlScalarNode { Style: ScalarStyle.Plain or ScalarStyle.Any, Value: "true" or "false" or "True" or "False" or "TRUE" or "FALSE" })
            {
                Error(key, node, Texts.Get("PublicCode_Bool"));
            }
        }

        private void Country(string key, YamlNode node)
        {
            if (Scalar(key, node) is not { } code)
            {
                return;
            }

            // Upper case is the standard; all lower case is deprecated but read; mixed case is neither.
            if (!PublicCodeVocabulary.Countries.Contains(code.ToUpperInvariant()) || (!code.All(char.IsAsciiLetterUpper) && !code.All(char.IsAsciiLetterLower)))
            {
                Error(key, node, Texts.Format("PublicCode_Country", code));
            }
            else if (!code.All(char.IsAsciiLetterUpper))
            {
                Warning(key, node, Texts.Format("PublicCode_CountryLower", code.ToUpperInvariant()));
            }
        }

        private void Language(string key, YamlNode node)
        {
            if (Scalar(key, node) is { } lang && !IsLanguage(lang))
            {
                Error(key, node, Texts.Format("PublicCode_Language", lang));
            }
        }

        private YamlMappingNode? Section(YamlMappingNode parent, string key, bool required)
        {
            var node = Get(parent, key);
            if (node is null)
            {
                if (required)
                {
                    Error(key, parent, Texts.Format("PublicCode_SectionMissing", key));
                }

                return null;
            }

            return Mapping(key, node);
        }

        private string? Enum(YamlMappingNode parent, string key, string[] allowed, bool required, string prefix = "")
        {
            var node = Get(parent, key);
            if (node is null)
            {
                if (required)
                {
                    Error(prefix + key, parent, Texts.Format("PublicCode_EnumMissing", string.Join(", ", allowed)));
                }

                return null;
            }

            var value = Scalar(prefix + key, node);
            if (value is not null && !allowed.Contains(value))
            {
                Error(prefix + key, node, Texts.Format("PublicCode_EnumValue", value, string.Join(", ", allowed)));
                return null;
            }

            return value;
        }

        private void Enumerated(string key, YamlNode node, HashSet<string> allowed, string what)
        {
            if (Scalar(key, node) is { } value && !allowed.Contains(value))
            {
                Error(key, node, Texts.Format("PublicCode_NotInList", value, Texts.Get(what)));
            }
        }

        private void RequiredString(YamlMappingNode parent, string key, string prefix = "")
        {
            if (Get(parent, key) is { } node)
            {
                if (Scalar(prefix + key, node) is { Length: 0 })
                {
                    Error(prefix + key, node, Texts.Get("PublicCode_Empty"));
                }
            }
            else
            {
                Error(prefix + key, parent, Texts.Get("PublicCode_KeyMissing"));
            }
        }

        private void OptionalString(YamlMappingNode parent, string key, string prefix = "")
        {
            if (Get(parent, key) is { } node)
            {
                Scalar(prefix + key, node);
            }
        }

        private void Url(YamlMappingNode parent, string key, bool required = false, bool repository = false, string prefix = "")
        {
            if (Get(parent, key) is { } node)
            {
                UrlValue(prefix + key, node, repository);
            }
            else if (required)
            {
                Error(prefix + key, parent, Texts.Get("PublicCode_UrlMissing"));
            }
        }

        private void UrlValue(string key, YamlNode node, bool repository = false)
        {
            if (Scalar(key, node) is not { } value)
            {
                return;
            }

            string[] schemes = repository ? ["https", "http", "git", "ssh", "svn"] : ["https", "http"];
            if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || !schemes.Contains(uri.Scheme) || string.IsNullOrEmpty(uri.Host))
            {
                Error(key, node, Texts.Format(repository ? "PublicCode_RepositoryUrl" : "PublicCode_Url", value));
            }
        }

        private void Email(YamlMappingNode parent, string key, string prefix)
        {
            if (Get(parent, key) is { } node && Scalar(prefix + key, node) is { } value
                && (!MailAddress.TryCreate(value, out var address) || address.Address != value))
            {
                Error(prefix + key, node, Texts.Format("PublicCode_Email", value));
            }
        }

        private void Date(YamlMappingNode parent, string key, string prefix = "")
        {
            if (Get(parent, key) is { } node && Scalar(prefix + key, node) is { } value
                && !DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            {
                Error(prefix + key, node, Texts.Format("Api_BadDate", value));
            }
        }

        private void Length(string key, YamlNode node, int min, int max)
        {
            // Counted as the reader sees characters (grapheme clusters), as the reference parser does: an emoji or
            // a letter with a combining accent is one, not two or more UTF-16 units.
            if (Scalar(key, node) is { } value && new StringInfo(value).LengthInTextElements is var length && (length < min || length > max))
            {
                Error(key, node, min <= 1 ? Texts.Format("PublicCode_LengthMax", max, length) : Texts.Format("PublicCode_LengthRange", min, max, length));
            }
        }

        private void Deprecated(YamlMappingNode parent, string key, string path, string? instead = null)
        {
            if (Get(parent, key) is { } node)
            {
                Warning(path, node, instead is null ? Texts.Get("PublicCode_Deprecated") : Texts.Format("PublicCode_DeprecatedInstead", Texts.Get(instead)));
            }
        }

        private void List(YamlMappingNode parent, string key, Action<string, YamlNode> item, string prefix = "")
        {
            if (Get(parent, key) is not { } node)
            {
                return;
            }

            if (node is not YamlSequenceNode sequence)
            {
                Error(prefix + key, node, Texts.Get("PublicCode_List"));
                return;
            }

            for (var i = 0; i < sequence.Children.Count; i++)
            {
                item($"{prefix}{key}.{i}", sequence.Children[i]);
            }
        }

        private void StringOrList(YamlMappingNode parent, string key, Action<string, YamlNode> item)
        {
            if (Get(parent, key) is not { } node)
            {
                return;
            }

            if (node is YamlScalarNode)
            {
                if (Scalar(key, node) is not null)
                {
                    item(key, node);
                }
            }
            else
            {
                List(parent, key, item);
            }
        }

        private string? Scalar(string key, YamlNode node)
        {
            if (node is YamlScalarNode { Value: { } value })
            {
                return value;
            }

            Error(key, node, Texts.Get("PublicCode_Text"));
            return null;
        }

        private YamlMappingNode? Mapping(string key, YamlNode node)
        {
            if (node is YamlMappingNode mapping)
            {
                return mapping;
            }

            Error(key, node, Texts.Get("PublicCode_Section"));
            return null;
        }

        private static YamlNode? Get(YamlMappingNode parent, string key) =>
            parent.Children.FirstOrDefault(c => c.Key is YamlScalarNode { Value: { } k } && k == key).Value;

        private void Error(string key, YamlNode node, string message) =>
            problems.Add(new(PublicCodeSeverity.Error, key, (int)node.Start.Line, (int)node.Start.Column, message));

        private void Warning(string key, YamlNode node, string message) =>
            problems.Add(new(PublicCodeSeverity.Warning, key, (int)node.Start.Line, (int)node.Start.Column, message));
    }

    /// <summary>
    /// BCP 47 in the form the standard uses: a primary language subtag, then optional script, region and variants;
    /// the language must be in the IANA registry and a two-letter region in ISO 3166-1, as the reference parser asks.
    /// </summary>
    public static bool IsLanguage(string tag)
    {
        var match = LanguageRegex().Match(tag);
        if (!match.Success)
        {
            return false;
        }

        var language = match.Groups["language"].Value;
        var region = match.Groups["region"].Value;
        return (PublicCodeVocabulary.Languages.Contains(language) || PrivateUseLanguageRegex().IsMatch(language))
            && (region.Length != 2 || PublicCodeVocabulary.Countries.Contains(region.ToUpperInvariant()));
    }

    /// <summary>Every key path that stands twice in one mapping, with where the second one is.</summary>
    private static List<(string Path, Mark Mark)> DuplicateKeys(string text)
    {
        var duplicates = new List<(string, Mark)>();
        var parser = new Parser(new StringReader(text));
        // Per open collection: its path, and for a mapping the keys seen and the key whose value comes next.
        var open = new Stack<(string Path, HashSet<string>? Keys, string? PendingKey, int Index)>();
        while (parser.MoveNext())
        {
            var current = parser.Current!;
            if (current is MappingEnd or SequenceEnd)
            {
                open.Pop();
                continue;
            }

            // Where this event stands: a key of a mapping, a value of a mapping, an item of a sequence, or the document.
            string? path = null;
            if (open.Count > 0)
            {
                var (parentPath, keys, pendingKey, index) = open.Pop();
                var prefix = parentPath.Length == 0 ? "" : parentPath + ".";
                if (keys is null)
                {
                    path = $"{prefix}{index}";
                    open.Push((parentPath, keys, pendingKey, index + 1));
                }
                else if (pendingKey is null)
                {
                    var key = (current as Scalar)?.Value ?? "";
                    if (!keys.Add(key))
                    {
                        duplicates.Add((prefix + key, current.Start));
                    }

                    open.Push((parentPath, keys, key, index));
                    if (current is not Scalar)
                    {
                        SkipCollection(parser);
                    }

                    continue;
                }
                else
                {
                    path = prefix + pendingKey;
                    open.Push((parentPath, keys, null, index));
                }
            }

            if (current is MappingStart)
            {
                open.Push((path ?? "", new HashSet<string>(StringComparer.Ordinal), null, 0));
            }
            else if (current is SequenceStart)
            {
                open.Push((path ?? "", null, null, 0));
            }
        }

        return duplicates;

        static void SkipCollection(Parser parser)
        {
            var depth = 1;
            while (depth > 0 && parser.MoveNext())
            {
                depth += parser.Current is MappingStart or SequenceStart ? 1 : parser.Current is MappingEnd or SequenceEnd ? -1 : 0;
            }
        }
    }

    [GeneratedRegex("^(?<language>[a-zA-Z]{2,3})(-[a-zA-Z]{4})?(-(?<region>[a-zA-Z]{2}|[0-9]{3}))?(-([a-zA-Z0-9]{5,8}|[0-9][a-zA-Z0-9]{3}))*$")]
    private static partial Regex LanguageRegex();

    [GeneratedRegex("^q[a-t][a-z]$", RegexOptions.IgnoreCase)]
    private static partial Regex PrivateUseLanguageRegex();

    // The media-type grammar the reference parser uses (from jshttp/media-typer): type/subtype, no parameters.
    [GeneratedRegex(@"^ *([A-Za-z0-9][A-Za-z0-9!#$&^_-]{0,126})/([A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}) *$")]
    private static partial Regex MimeTypeRegex();
}
