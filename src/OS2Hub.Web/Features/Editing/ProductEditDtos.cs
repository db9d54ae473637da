using OS2Hub.Web.Data.Entities;

namespace OS2Hub.Web.Features.Editing;

/// <summary>What the product form edits. <see cref="Version"/> is the version the editor started from.</summary>
public sealed record ProductEdit
{
    public int Id { get; init; }
    public int Version { get; init; }
    public string? Name { get; init; }
    public string? Slug { get; init; }
    public string? Summary { get; init; }
    public string? Description { get; init; }
    public string? DescriptionLanguage { get; init; }
    public string? StatusNote { get; init; }
    public string StatusNoteLanguage { get; init; } = "da";
    public int? CategoryId { get; init; }
    public string? Licence { get; init; }
    public string? LicenceNote { get; init; }
    public string? RepositoryUrl { get; init; }
    public string? DocumentationUrl { get; init; }
    public string? WebsiteUrl { get; init; }
    public string? IssueTrackerUrl { get; init; }
    public bool? CodeIsPublic { get; init; }
    public bool? IssueTrackerIsPublic { get; init; }
    public MaturityLevel Maturity { get; init; }
    public DateOnly? MaturityAssessedOn { get; init; }
    public LifecycleState Lifecycle { get; init; }
    public string? Platforms { get; init; }
    public string? SoftwareType { get; init; }
    public string? DevelopmentStatus { get; init; }
    public string? Features { get; init; }
    public bool? LocalisationReady { get; init; }
    public string? AvailableLanguages { get; init; }
}

public sealed record ChangeInfo(DateTime At, string User, string Field, string? OldValue, string? NewValue);

public sealed record ProductEditContext(ProductEdit Product, bool IsSecretariat, IReadOnlyList<(int Id, string Name)> Categories, IReadOnlyList<SourceRow> Sources,
    IReadOnlyList<MentionRow> Mentions);

public sealed record MentionRow(int Id, int Version, int? OrganisationId, string? Subject, string Statement, string? AsOf, string? Source, string Language);

/// <summary>A dated, sourced statement about the product: about an organisation here, or a subject named in words.</summary>
public sealed record MentionInput
{
    public int? OrganisationId { get; init; }
    public string? Subject { get; init; }
    public string? Statement { get; init; }
    public string? AsOf { get; init; }
    public string? Source { get; init; }
    public string Language { get; init; } = "da";
    public int Version { get; init; }
}

public sealed record SourceRow(int Id, int Version, ProductFact Fact, string Reference, DateOnly? AsOf, string? Note, bool IsInferred);

/// <summary>Where one fact comes from: a web address or a document's name, and the date it speaks for.</summary>
public sealed record SourceInput
{
    public ProductFact Fact { get; init; }
    public string? Reference { get; init; }
    public DateOnly? AsOf { get; init; }
    public string? Note { get; init; }

    /// <summary>The source's version the editor started from (when correcting one).</summary>
    public int Version { get; init; }
}
