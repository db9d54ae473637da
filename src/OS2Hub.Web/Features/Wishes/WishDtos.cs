using OS2Hub.Web.Data.Entities;
using OS2Hub.Web.Features.Economy;

namespace OS2Hub.Web.Features.Wishes;

public enum WishSort
{
    Support,
    Priority,
    Newest,
}

/// <summary>What a wish list is asked for: from the address, so a filtered list can be shared.</summary>
public sealed record WishQuery(WishStatus? Status = null, string? Search = null, WishSort Sort = WishSort.Priority);

/// <summary>One wish in a list. Counts only: a list names no person.</summary>
public sealed record WishRow(
    int Id, string ProductSlug, string ProductName, string Title, WishStatus Status, int? Rank, string? RaisedFor, string? ProposedBy,
    int Supporters, int Interested, int Pledgers, DateTime CreatedAt, bool Hidden)
{
    /// <summary>Title, text and names folded as the catalogue folds them, for the list's search.</summary>
    public string SearchKey { get; init; } = "";
}

/// <summary>An authority the viewer may act for on a product's wishes, and whether it co-owns the product.</summary>
public sealed record ActingAuthority(int Id, string Name, bool CoOwner);

/// <summary>A product's wishes as the viewer may see them, and what the viewer may do there.</summary>
public sealed record WishList(int ProductId, string Slug, string Name, IReadOnlyList<WishRow> Rows, bool Decides, IReadOnlyList<ActingAuthority> RaiseFor, int? ProposeAs);

public sealed record WishSupporter(int OrganisationId, string Name, bool CoOwner, string? Reason, string? Person, DateTime At);

public sealed record WishCommentView(int Id, string? Organisation, bool FromSupplier, string? Person, string Text, long? SupplierEstimate, DateTime At);

public sealed record WishEventView(DateTime At, string? Person, WishEventKind Kind, string? From, string? To, string? Organisation);

/// <summary>
/// The estimate split over the pledging authorities by the product's key for the payment year, without the
/// secretariat's percentage; beside it what each share would be if every co-owner pledged, and, for the viewer's
/// authority not yet pledging, what it would pay.
/// </summary>
public sealed record WishFunding(
    int BudgetYear, DistributionKey Key, bool FromFeeSheet, bool IsEstimate, long Estimate,
    IReadOnlyList<MemberShare> Shares, IReadOnlyList<EconomyMember> Unplaced,
    IReadOnlyDictionary<int, long> IfAllCoOwners, int CoOwners, MemberShare? OwnIfPledged, bool NoKey)
{
    public long Pledged => Shares.Sum(s => s.Share);
}

public sealed record WishDetails(
    int Id, int ProductId, string ProductSlug, string ProductName, string Title, string? Description, string? Need,
    WishStatus Status, int? Rank, DecisionForum? DecidedBy, DateOnly? DecidedOn, string? RejectionReason, string? DeliveredIn,
    int? MergedIntoId, string? MergedIntoTitle, string? RaisedFor, string? ProposedBy, string? IssueUrl, string? SpecificationUrl,
    long? EstimatedCost, int? PaymentYear, DateTime CreatedAt, string? CreatedBy,
    DateTime? HiddenAt, GrantRole? HiddenByRole, DateTime? RedactedAt, GrantRole? RedactedByRole,
    IReadOnlyList<WishSupporter> Supporters, IReadOnlyList<WishCommentView> Comments, IReadOnlyList<WishEventView> Events,
    int Pledgers, WishFunding? Funding, WishViewer Viewer)
{
    public IEnumerable<WishSupporter> CoOwnerSupport => Supporters.Where(s => s.CoOwner);
    public IEnumerable<WishSupporter> Interest => Supporters.Where(s => !s.CoOwner);
    public bool IsUndecided => Status is WishStatus.New or WishStatus.UnderReview;
}

/// <summary>What the viewer may see and do on one wish; the service checks every action again.</summary>
public sealed record WishViewer(
    bool SignedIn, bool Decides, bool SeesNames, bool SeesAmounts, IReadOnlyList<ActingAuthority> ActsFor,
    IReadOnlyList<int> PledgesFor, int? CommentsAs, bool CommentsAsSupplier, bool Comments);

/// <summary>A new wish (or a supplier's proposal).</summary>
public sealed class WishInput
{
    public int ProductId { get; set; }

    /// <summary>The co-owning authority it is raised for, or the supplier proposing it.</summary>
    public int? OrganisationId { get; set; }
    public string? Title { get; set; }
    public string? Description { get; set; }
    public string? Need { get; set; }
    public string? IssueUrl { get; set; }
    public string? SpecificationUrl { get; set; }
}

/// <summary>A status change as the produktkoordinator records it: the forum and date go with prioritised and afvist.</summary>
public sealed class StatusInput
{
    public WishStatus Status { get; set; }
    public DecisionForum? Forum { get; set; }
    public DateOnly? DecidedOn { get; set; }
    public string? Reason { get; set; }
    public string? DeliveredIn { get; set; }
}

/// <summary>The top of a product page: the first prioritised wishes and the latest delivered.</summary>
public sealed record WishHighlights(IReadOnlyList<WishRow> Prioritised, IReadOnlyList<WishRow> Delivered, int Open);

public sealed record ApiWish(
    int Id, string Title, string Status, int? Rank, string? RaisedFor, bool ProposedBySupplier, string? DeliveredIn,
    IReadOnlyList<string> SupportingAuthorities, IReadOnlyList<string> InterestedAuthorities, int Pledgers, long? EstimatedCost, long TotalPledged,
    DateTime CreatedAt, string Url);

public sealed record ApiWishList(string Product, IReadOnlyList<ApiWish> Wishes);
