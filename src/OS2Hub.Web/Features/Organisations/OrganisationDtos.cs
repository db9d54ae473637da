using OS2Hub.Web.Data.Entities;

namespace OS2Hub.Web.Features.Organisations;

public sealed record OrganisationListItem(
    string Slug,
    string Name,
    OrganisationKind Kind,
    string? Code,
    string? RegionName,
    int? Population,
    SizeClass? SizeClass,
    int CoOwnedProducts,
    int SuppliedProducts);

public sealed record PopulationInfo(DateOnly AsOf, int Population, string? Source);

/// <summary>A co-ownership on an authority's page; <see cref="ConfirmedAt"/> is when the yearly round last confirmed it.</summary>
public sealed record OrganisationProduct(string Slug, string Name, DateOnly? StartDate, DateOnly? EndDate, bool IsDemo, DateTime? ConfirmedAt = null);

public sealed record SuppliedProduct(string Slug, string Name, IReadOnlyList<OS2Hub.Web.Features.Products.SupplierRoleInfo> Roles, IReadOnlyList<OrganisationRef> Authorities, bool IsInferred, bool IsDemo);

public sealed record OrganisationRef(string Slug, string Name);

public sealed record OrganisationMention(string ProductSlug, string ProductName, string Statement, string? AsOf, string? Source);

public sealed record OrganisationDetails(
    int Id,
    string Slug,
    string Name,
    OrganisationKind Kind,
    string? Code,
    string? RegionName,
    string? RegionSlug,
    string? Cvr,
    string? Website,
    string? Source,
    bool IsDemo,
    DateOnly? ArchivedOn,
    DateTime UpdatedAt,
    IReadOnlyList<PopulationInfo> PopulationFigures,
    IReadOnlyList<OrganisationRef> Municipalities,
    IReadOnlyList<OrganisationProduct> CoOwned,
    IReadOnlyList<OrganisationProduct> FormerlyCoOwned,
    IReadOnlyList<OrganisationProduct> Joining,
    IReadOnlyList<SuppliedProduct> Supplied,
    IReadOnlyList<OrganisationMention> Mentions)
{
    public PopulationInfo? CurrentPopulation => PopulationFigures.Count > 0 ? PopulationFigures[0] : null;

    public SizeClass? SizeClass => CurrentPopulation is { } p ? SizeClasses.FromPopulation(p.Population) : null;
}
