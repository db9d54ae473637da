using OS2Hub.Web.Data.Entities;

namespace OS2Hub.Web.Features.Api;

// The open data API's shapes. Public facts only: no person's name, e-mail or phone number is in any of them.
// Dates are ISO 8601, licences SPDX expressions (null when unknown), municipality and region codes 4-digit strings.

/// <summary>A page of results; <c>DemoData</c> says that invented demo rows are mixed in.</summary>
public sealed record ApiPage<T>(bool DemoData, int Page, int PageSize, int Total, IReadOnlyList<T> Items);

/// <summary>One resource; <c>DemoData</c> says that invented demo rows are mixed in.</summary>
public sealed record ApiItem<T>(bool DemoData, T Item);

public sealed record ApiRef(string Slug, string Name);

public sealed record ApiProductSummary(int Id, string Slug, string Name, string? Summary, string? Category, MaturityLevel Maturity, LifecycleState Lifecycle,
    string? Licence, int MemberCount, IReadOnlyList<string> Suppliers, DateTime UpdatedAt);

public sealed record ApiLinks(string? Repository, string? Documentation, string? Website, string? IssueTracker, string? JoinAgreement);

public sealed record ApiMember(string Slug, string Name, OrganisationKind Kind, string? Code, DateOnly? Since, DateOnly? Until, bool IsDemo);

public sealed record ApiSupplierRole(SupplierRole Role, string? RoleText, DateOnly? Since, DateOnly? Until, bool IsInferred, bool IsDemo);

public sealed record ApiSupplier(string Slug, string Name, IReadOnlyList<ApiSupplierRole> Roles);

public sealed record ApiMention(ApiRef? Organisation, string? Subject, string Statement, string? AsOf, string? Source, string Language);

public sealed record ApiSource(ProductFact Fact, string Reference, DateOnly? AsOf, bool IsInferred);

public sealed record ApiWorkingGroup(WorkingGroupKind Kind, string? Name, IReadOnlyList<ApiRef> Organisations, ApiRef? Chair);

public sealed record ApiProduct(int Id, string Slug, string Name, string? Summary, string? Description, string? DescriptionLanguage, ApiRef? Category,
    MaturityLevel Maturity, DateOnly? MaturityAssessedOn, LifecycleState Lifecycle, string? Licence, string? LicenceNote, bool? CodeIsPublic,
    bool? IssueTrackerIsPublic, ApiLinks Links, IReadOnlyList<ApiMember> Members, IReadOnlyList<ApiSupplier> Suppliers,
    IReadOnlyList<ApiWorkingGroup> WorkingGroups, IReadOnlyList<ApiMention> Mentions, IReadOnlyList<ApiSource> Sources, DateTime UpdatedAt);

public sealed record ApiPopulation(int Value, DateOnly AsOf, SizeClass SizeClass);

public sealed record ApiOrganisationSummary(int Id, string Slug, string Name, OrganisationKind Kind, string? Code, string? Cvr, ApiRef? Region,
    string? Website, ApiPopulation? Population, DateOnly? ArchivedOn);

public sealed record ApiParticipation(ApiRef Product, ParticipationKind Capacity, SupplierRole? Role, DateOnly? Since, DateOnly? Until, bool IsDemo);

public sealed record ApiOrganisation(ApiOrganisationSummary Organisation, IReadOnlyList<ApiParticipation> Participations);
