using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OS2Hub.Web.Data;
using OS2Hub.Web.Data.Entities;
using OS2Hub.Web.Features.Setup;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;
using OS2Hub.Web.Features.Localization;

namespace OS2Hub.Web.Features.PublicCode;

/// <summary>The exported file, or what the product lacks before one can be written.</summary>
public sealed record PublicCodeExportResult(string? Yaml, IReadOnlyList<string> Missing);

/// <summary>
/// Writes a product's publiccode.yml (version "0", i.e. 0.7) from the hub's verified data: current suppliers become
/// contractors, approved co-owners <c>usedBy</c> and <c>fundedBy</c>, OS2 the publishing organisation. A product that lacks
/// something the standard requires gets the list of what is missing instead of an invalid file.
/// </summary>
public sealed class PublicCodeExport(IDbContextFactory<OS2HubDbContext> dbFactory, IOptions<OS2HubOptions> options, TimeProvider clock)
{
    /// <summary>
    /// The development status proposed where none was recorded or imported: udtrådt is obsolete; otherwise by OS2's
    /// maturity level (idé concept, sandkasse development, niveau 1 beta, niveau 2 and 3 stable); unknown proposes nothing.
    /// </summary>
    public static string? ProposedStatus(MaturityLevel maturity, LifecycleState lifecycle) => lifecycle == LifecycleState.Retired ? "obsolete" : maturity switch
    {
        MaturityLevel.Idea => "concept",
        MaturityLevel.Sandbox => "development",
        MaturityLevel.Level1 => "beta",
        MaturityLevel.Level2 or MaturityLevel.Level3 => "stable",
        _ => null,
    };

    /// <summary>Features are one per line, since a feature may contain a comma.</summary>
    public static IReadOnlyList<string> SplitLines(string? text) =>
        (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();

    public static IReadOnlyList<string> SplitList(string? text) =>
        (text ?? "").Split([',', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();

    /// <summary>The file for the product with this slug; null when there is no such product.</summary>
    public async Task<PublicCodeExportResult?> ExportAsync(string slug, Uri hubBase, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(hubBase);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var p = await db.Products.AsNoTracking().Include(x => x.Participations).ThenInclude(x => x.Organisation).FirstOrDefaultAsync(x => x.Slug == slug, ct);
        if (p is null)
        {
            return null;
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var missing = new List<string>();
        var licence = ReferenceMapping.MapLicence(p.Licence).Spdx;
        var status = p.DevelopmentStatus ?? ProposedStatus(p.Maturity, p.Lifecycle);
        var language = p.DescriptionLanguage ?? "da";
        var platforms = SplitList(p.Platforms);
        var features = SplitLines(p.Features);
        var languages = SplitList(p.AvailableLanguages);
        Require(p.RepositoryUrl is not null, "PublicCodeExport_Missing_Url");
        Require(licence is not null, "PublicCodeExport_Missing_Licence");
        Require(platforms.Count > 0, "PublicCodeExport_Missing_Platforms");
        Require(p.SoftwareType is not null, "PublicCodeExport_Missing_SoftwareType");
        Require(status is not null, "PublicCodeExport_Missing_Status");
        Require(p.Summary is { Length: > 0 and <= 150 }, "PublicCodeExport_Missing_Summary");
        Require(p.Description is { Length: >= 150 and <= 10_000 }, "PublicCodeExport_Missing_Description");
        Require(features.Count > 0, "PublicCodeExport_Missing_Features");
        Require(p.LocalisationReady is not null, "PublicCodeExport_Missing_LocalisationReady");
        Require(languages.Count > 0, "PublicCodeExport_Missing_Languages");
        // Grouped by id: an untracked query gives each row its own Organisation instance.
        var suppliers = p.Participations.Where(x => x.Kind == ParticipationKind.Supplier && x.IsCurrentOn(today))
            .GroupBy(x => x.OrganisationId).Select(g => (Organisation: g.First().Organisation!, Roles: g.ToList())).ToList();
        foreach (var (organisation, _) in suppliers.Where(s => s.Roles.Any(x => x.EndDate is null)))
        {
            missing.Add(Texts.Format("PublicCodeExport_Missing_Until", organisation.Name));
        }

        if (missing.Count > 0)
        {
            return new PublicCodeExportResult(null, missing);
        }

        var root = new YamlMappingNode
        {
            { "publiccodeYmlVersion", Quoted(PublicCodeValidator.LatestVersion) },
            { "name", p.Name },
            { "url", p.RepositoryUrl! },
        };
        if (p.WebsiteUrl is not null)
        {
            root.Add("landingURL", p.WebsiteUrl);
        }

        root.Add("platforms", new YamlSequenceNode(platforms.Select(x => new YamlScalarNode(x))));
        var owners = p.Participations.Where(x => x.Kind == ParticipationKind.Member && x.IsCurrentOn(today)).Select(x => x.Organisation!)
            .DistinctBy(o => o.Id).OrderBy(o => o.Name, StringComparer.Ordinal).ToList();
        if (owners.Count > 0)
        {
            root.Add("usedBy", new YamlSequenceNode(owners.Select(o => new YamlScalarNode(o.Name))));
            root.Add("fundedBy", new YamlSequenceNode(owners.Select(o => new YamlMappingNode
            {
                { "name", o.Name }, { "uri", o.Website ?? new Uri(hubBase, $"organisationer/{o.Slug}").ToString() },
            })));
        }

        root.Add("developmentStatus", status!);
        root.Add("softwareType", Quoted(p.SoftwareType!));
        root.Add("organisation", new YamlMappingNode { { "uri", "https://os2.eu" }, { "name", "OS2 – Offentligt Digitaliseringsfællesskab" } });
        var text = new YamlMappingNode
        {
            { "shortDescription", p.Summary! },
            { "longDescription", new YamlScalarNode(p.Description!) { Style = ScalarStyle.Literal } },
        };
        if (p.DocumentationUrl is not null)
        {
            text.Add("documentation", p.DocumentationUrl);
        }

        text.Add("features", new YamlSequenceNode(features.Select(f => new YamlScalarNode(f))));
        root.Add("description", new YamlMappingNode { { language, text } });
        root.Add("legal", new YamlMappingNode { { "license", licence! } });
        var maintenance = new YamlMappingNode { { "type", suppliers.Count > 0 ? "contract" : "none" } };
        if (suppliers.Count > 0)
        {
            maintenance.Add("contractors", new YamlSequenceNode(suppliers.OrderBy(s => s.Organisation.Name, StringComparer.Ordinal).Select(s =>
            {
                var contractor = new YamlMappingNode
                {
                    { "name", s.Organisation.Name }, { "until", s.Roles.Max(x => x.EndDate)!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) },
                };
                if (s.Organisation.Website is not null)
                {
                    contractor.Add("website", s.Organisation.Website);
                }

                return contractor;
            })));
        }

        root.Add("maintenance", maintenance);
        root.Add("localisation", new YamlMappingNode
        {
            { "localisationReady", p.LocalisationReady!.Value ? "true" : "false" },
            { "availableLanguages", new YamlSequenceNode(languages.Select(l => new YamlScalarNode(l))) },
        });

        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        writer.WriteLine($"# publiccode.yml for {p.Name}, written by OS2Hub {today:yyyy-MM-dd} from its verified data.");
        if (options.Value.DemoData)
        {
            writer.WriteLine("# DEMODATA: this installation mixes invented demo data (co-owners, suppliers' periods and more) into its facts.");
        }

        new YamlStream(new YamlDocument(root)).Save(writer, assignAnchors: false);
        // YamlDotNet ends a saved stream with a document-end marker; a publiccode.yml is a single plain document.
        var yaml = writer.ToString().TrimEnd();
        yaml = yaml.EndsWith("...", StringComparison.Ordinal) ? yaml[..^3].TrimEnd() : yaml;
        return new PublicCodeExportResult(yaml + "\n", []);

        void Require(bool ok, string textKey)
        {
            if (!ok)
            {
                missing.Add(Texts.Get(textKey));
            }
        }
    }

    private static YamlScalarNode Quoted(string value) => new(value) { Style = ScalarStyle.DoubleQuoted };
}
