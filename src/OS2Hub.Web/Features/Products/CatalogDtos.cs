using OS2Hub.Web.Data.Entities;

namespace OS2Hub.Web.Features.Products;

public enum CatalogSort
{
    Relevance,
    Name,
    Members,
    LastChanged,
}

/// <summary>Everything that defines a catalogue view; it round-trips through the URL (<see cref="CatalogUrl"/>).</summary>
public sealed record CatalogQuery
{
    public const int MaxPageSize = 100;
    public static readonly int[] PageSizes = [10, 20, 50, 100];

    /// <summary>The value a filter uses for "not known" (no category, no licence).</summary>
    public const string Unknown = "ukendt";

    public string? Text { get; init; }
    public IReadOnlyList<string> Categories { get; init; } = [];
    public IReadOnlyList<MaturityLevel> Maturities { get; init; } = [];
    public IReadOnlyList<LifecycleState> Lifecycles { get; init; } = [];
    public IReadOnlyList<string> Suppliers { get; init; } = [];
    public IReadOnlyList<string> Municipalities { get; init; } = [];
    public IReadOnlyList<string> Regions { get; init; } = [];
    public IReadOnlyList<string> Licences { get; init; } = [];
    public CatalogSort? Sort { get; init; }
    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = 20;

    public CatalogSort EffectiveSort => Sort ?? (string.IsNullOrWhiteSpace(Text) ? CatalogSort.Name : CatalogSort.Relevance);

    public bool HasFilters => Categories.Count + Maturities.Count + Lifecycles.Count + Suppliers.Count
        + Municipalities.Count + Regions.Count + Licences.Count > 0 || !string.IsNullOrWhiteSpace(Text);
}

public sealed record ProductCard(
    int Id,
    string Slug,
    string Name,
    string? Summary,
    string? SummaryLanguage,
    string? Category,
    MaturityLevel Maturity,
    LifecycleState Lifecycle,
    string? Licence,
    int MemberCount,
    IReadOnlyList<string> Suppliers,
    DateTime UpdatedAt);

public sealed record FacetOption(string Value, string Label, int Count);

public sealed record CatalogFacets(
    IReadOnlyList<FacetOption> Categories,
    IReadOnlyList<FacetOption> Maturities,
    IReadOnlyList<FacetOption> Lifecycles,
    IReadOnlyList<FacetOption> Suppliers,
    IReadOnlyList<FacetOption> Municipalities,
    IReadOnlyList<FacetOption> Regions,
    IReadOnlyList<FacetOption> Licences)
{
    public static readonly CatalogFacets Empty = new([], [], [], [], [], [], []);
}

public sealed record CatalogResult(IReadOnlyList<ProductCard> Items, int Total, int Page, int PageSize, CatalogFacets Facets)
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
}
