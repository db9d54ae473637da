using OS2Hub.Web.Data.Entities;

namespace OS2Hub.Web.Features.Products;

public sealed record SourceInfo(ProductFact Fact, string Reference, DateOnly? AsOf, bool IsInferred, string? Note);

/// <summary>A co-owner on a product page; <see cref="ConfirmedAt"/> is when the yearly round last confirmed the membership.</summary>
public sealed record MemberInfo(string Slug, string Name, OrganisationKind Kind, string? RegionName, DateOnly? StartDate, DateOnly? EndDate, bool IsDemo, DateTime? ConfirmedAt = null);

/// <summary>How fresh a product's facts are: of its current memberships and supplier roles, how many were confirmed or changed by a person within twelve months.</summary>
public sealed record Freshness(int Fresh, int Total)
{
    public int Percent => Total == 0 ? 0 : (int)Math.Round(100m * Fresh / Total);
}

public sealed record MentionInfo(string? OrganisationSlug, string? Subject, string Statement, string? AsOf, string? Source, string Language);

public sealed record SupplierRoleInfo(SupplierRole Role, string? RoleText, DateOnly? StartDate, DateOnly? EndDate, bool IsInferred, bool IsDemo, string? Source);

public sealed record SupplierInfo(string Slug, string Name, IReadOnlyList<SupplierRoleInfo> Roles);

public sealed record GroupMemberInfo(string Slug, string Name, string? PersonName, bool IsChair);

public sealed record WorkingGroupInfo(WorkingGroupKind Kind, string? Name, bool IsDemo, IReadOnlyList<GroupMemberInfo> Members);

public sealed record CoordinatorInfo(string PersonName, bool IsDemo);

public enum DependencyReason
{
    SingleSupplier,
    CodeNotPublic,
    IssueTrackerNotPublic,
}

public sealed record ProductDetails(
    int Id,
    string Slug,
    string Name,
    string? Summary,
    string? Description,
    string? DescriptionLanguage,
    SourceText? DescriptionOriginal,
    string? Category,
    string? CategorySlug,
    MaturityLevel Maturity,
    DateOnly? MaturityAssessedOn,
    LifecycleState Lifecycle,
    string? StatusNote,
    string StatusNoteLanguage,
    SourceText? StatusNoteOriginal,
    string? Licence,
    string? LicenceNote,
    string? RepositoryUrl,
    string? DocumentationUrl,
    string? WebsiteUrl,
    string? IssueTrackerUrl,
    string? JoinAgreementUrl,
    bool? CodeIsPublic,
    bool? IssueTrackerIsPublic,
    DateTime UpdatedAt,
    IReadOnlyList<SourceInfo> Sources,
    IReadOnlyList<MemberInfo> Members,
    IReadOnlyList<MemberInfo> FormerMembers,
    IReadOnlyList<MemberInfo> UpcomingMembers,
    IReadOnlyList<MentionInfo> Mentions,
    IReadOnlyList<SupplierInfo> Suppliers,
    IReadOnlyList<WorkingGroupInfo> WorkingGroups,
    IReadOnlyList<CoordinatorInfo> Coordinators,
    Freshness? Freshness = null)
{
    /// <summary>
    /// Why the product may lock its members in. One supplier holding every recorded role, or code or issue tracker
    /// known not to be public. Unknown openness is not a reason: the page says "ukendt" instead.
    /// </summary>
    public IReadOnlyList<DependencyReason> DependencyReasons
    {
        get
        {
            var reasons = new List<DependencyReason>();
            if (Suppliers.Count == 1)
            {
                reasons.Add(DependencyReason.SingleSupplier);
            }

            if (CodeIsPublic == false)
            {
                reasons.Add(DependencyReason.CodeNotPublic);
            }

            if (IssueTrackerIsPublic == false)
            {
                reasons.Add(DependencyReason.IssueTrackerNotPublic);
            }

            return reasons;
        }
    }

    /// <summary>The newest source of a fact: a correction added later speaks for the fact now.</summary>
    public SourceInfo? SourceOf(ProductFact fact) => Sources.Where(s => s.Fact == fact).OrderByDescending(s => s.AsOf).FirstOrDefault();
}

/// <summary>A source's own text in its own language, shown beside the hub's translation of it.</summary>
public sealed record SourceText(string Text, string Language)
{
    public static SourceText? From(string? text, string? language) => text is null ? null : new SourceText(text, language ?? "en");
}
