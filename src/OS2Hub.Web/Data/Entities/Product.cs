using System.Text.Json.Serialization;

namespace OS2Hub.Web.Data.Entities;

public class Category
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public required string Slug { get; set; }
}

public class Product
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public required string Slug { get; set; }
    public string? Summary { get; set; }

    /// <summary>Markdown. Rendered with raw HTML disabled.</summary>
    public string? Description { get; set; }

    /// <summary>BCP 47 language of <see cref="Summary"/> and <see cref="Description"/> ("da" or "en"): some products are only described in English.</summary>
    public string? DescriptionLanguage { get; set; }

    /// <summary>
    /// The source's own text when <see cref="Description"/> is the hub's translation of it, kept and shown beside the
    /// translation; null when the description is not a translation (an editor's own text never is).
    /// </summary>
    public string? DescriptionOriginal { get; set; }

    /// <summary>BCP 47 language of <see cref="DescriptionOriginal"/>.</summary>
    public string? DescriptionOriginalLanguage { get; set; }

    public int? CategoryId { get; set; }
    public Category? Category { get; set; }

    public MaturityLevel Maturity { get; set; }
    public DateOnly? MaturityAssessedOn { get; set; }
    public LifecycleState Lifecycle { get; set; }

    /// <summary>The latest sourced statement about the product's standing, verbatim.</summary>
    public string? StatusNote { get; set; }

    /// <summary>BCP 47 language of <see cref="StatusNote"/>: the reference data quotes English sources, editors may write Danish.</summary>
    public string StatusNoteLanguage { get; set; } = "en";

    /// <summary>The source's own wording when <see cref="StatusNote"/> is the hub's translation of it; null otherwise.</summary>
    public string? StatusNoteOriginal { get; set; }

    /// <summary>BCP 47 language of <see cref="StatusNoteOriginal"/>.</summary>
    public string? StatusNoteOriginalLanguage { get; set; }

    /// <summary>SPDX licence expression; null means unknown.</summary>
    public string? Licence { get; set; }

    /// <summary>The source's own wording when it could not be mapped to SPDX without guessing.</summary>
    public string? LicenceNote { get; set; }

    public string? RepositoryUrl { get; set; }
    public string? DocumentationUrl { get; set; }
    public string? WebsiteUrl { get; set; }
    public string? IssueTrackerUrl { get; set; }

    /// <summary>The product's tilslutningsaftale, which a joining authority must accept; null while it has none.</summary>
    public string? JoinAgreementUrl { get; set; }

    /// <summary>publiccode.yml <c>platforms</c>: comma-separated (web, windows, mac, linux, ios, android or other words).</summary>
    public string? Platforms { get; set; }

    /// <summary>publiccode.yml <c>softwareType</c>, one of the standard's values.</summary>
    public string? SoftwareType { get; set; }

    /// <summary>publiccode.yml <c>developmentStatus</c>; null: proposed from maturity and lifecycle (<c>PublicCodeExport.ProposedStatus</c>).</summary>
    public string? DevelopmentStatus { get; set; }

    /// <summary>publiccode.yml <c>features</c> in the description's language, one per line.</summary>
    public string? Features { get; set; }

    public bool? LocalisationReady { get; set; }

    /// <summary>BCP 47 tags of the languages the software is available in, comma-separated.</summary>
    public string? AvailableLanguages { get; set; }

    /// <summary>The publiccode.yml file last imported for the product, kept as it came.</summary>
    public string? PublicCodeOriginal { get; set; }

    /// <summary>The publiccode fields above were invented by the demo generator.</summary>
    public bool PublicCodeIsDemo { get; set; }

    /// <summary>A product of the generated catalogue (<c>OS2Hub:GeneratedProducts</c>), for looking at and measuring the hub at scale.</summary>
    public bool IsDemo { get; set; }

    /// <summary>Null: unknown (shown as "ukendt", never flagged).</summary>
    public bool? CodeIsPublic { get; set; }
    public bool? IssueTrackerIsPublic { get; set; }

    /// <summary>Folded, lower-case text of name, summary, description, category and supplier names; maintained by <c>CatalogSearch</c>.</summary>
    public string SearchText { get; set; } = "";
    public string SearchName { get; set; } = "";

    public string? ReferenceKey { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    /// <summary>Optimistic concurrency: raised on every edit; a save based on an older version is refused.</summary>
    public int Version { get; set; }

    public List<Participation> Participations { get; set; } = [];
    public List<ProductSource> Sources { get; set; } = [];
    public List<ProductMention> Mentions { get; set; } = [];
    public List<WorkingGroup> WorkingGroups { get; set; } = [];
}

/// <summary>Provenance: where one fact about a product comes from and when it was taken.</summary>
public class ProductSource
{
    public int Id { get; set; }
    public int ProductId { get; set; }
    public ProductFact Fact { get; set; }
    public required string Reference { get; set; }
    public DateOnly? AsOf { get; set; }
    public bool IsInferred { get; set; }
    public string? Note { get; set; }

    /// <summary>Optimistic concurrency, as for the product itself.</summary>
    public int Version { get; set; }
}

public enum ProductFact
{
    [JsonStringEnumMemberName("description")]
    Description,
    [JsonStringEnumMemberName("category")]
    Category,
    [JsonStringEnumMemberName("status")]
    Status,
    [JsonStringEnumMemberName("maturity")]
    Maturity,
    [JsonStringEnumMemberName("licence")]
    Licence,
    [JsonStringEnumMemberName("repository")]
    Repository,
    [JsonStringEnumMemberName("links")]
    Links,
}

/// <summary>A dated, sourced statement ("pilot of OS2mo 2.0, 2018"). It is evidence, not co-ownership.</summary>
public class ProductMention
{
    public int Id { get; set; }
    public int ProductId { get; set; }
    public int? OrganisationId { get; set; }
    public Organisation? Organisation { get; set; }

    /// <summary>Name as the source wrote it, for mentions of something that is not (or not yet) an organisation here.</summary>
    public string? Subject { get; set; }
    public required string Statement { get; set; }

    /// <summary>ISO 8601 date or partial date ("2018-10"), as precise as the source is.</summary>
    public string? AsOf { get; set; }
    public string? Source { get; set; }

    /// <summary>BCP 47 language of <see cref="Statement"/>, so screen readers pronounce it right.</summary>
    public string Language { get; set; } = "en";

    /// <summary>Optimistic concurrency, as for the product itself.</summary>
    public int Version { get; set; }
}

/// <summary>An old slug that still leads to the product after a rename.</summary>
public class ProductSlugRedirect
{
    public int Id { get; set; }
    public required string Slug { get; set; }
    public int ProductId { get; set; }
}

/// <summary>One changed field: who, when, old and new value. For personal data only the field name is kept.</summary>
public class ChangeLogEntry
{
    public int Id { get; set; }
    public DateTime At { get; set; }
    public required string UserId { get; set; }
    public required string EntityType { get; set; }
    public int EntityId { get; set; }
    public required string Field { get; set; }
    public string? OldValue { get; set; }
    public string? NewValue { get; set; }
}
