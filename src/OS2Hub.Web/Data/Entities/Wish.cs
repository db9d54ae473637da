namespace OS2Hub.Web.Data.Entities;

/// <summary>Where a development wish stands, in the order OS2's product communities move it.</summary>
public enum WishStatus
{
    New,
    UnderReview,
    Prioritised,
    InDevelopment,
    Delivered,
    Rejected,
    Merged,
}

/// <summary>The forum whose decision the produktkoordinator records: within the budget, or outside it.</summary>
public enum DecisionForum
{
    CoordinationGroup,
    SteeringGroup,
}

/// <summary>
/// A co-owner's development wish (udviklingsønske) for a product, or a supplier's proposal. Public by default;
/// the produktkoordinator or the secretariat may hide it or redact its text, which leaves a visible note.
/// </summary>
public class Wish
{
    public int Id { get; set; }
    public int ProductId { get; set; }
    public Product? Product { get; set; }

    public required string Title { get; set; }

    /// <summary>Markdown, rendered sanitised.</summary>
    public string? Description { get; set; }
    public string? Need { get; set; }

    /// <summary>The co-owning authority the wish is raised for; null for a supplier's proposal.</summary>
    public int? OrganisationId { get; set; }
    public Organisation? Organisation { get; set; }

    /// <summary>The supplier that proposed it ("foreslået af leverandør"); null for a co-owner's wish.</summary>
    public int? SupplierId { get; set; }
    public Organisation? Supplier { get; set; }

    public string? IssueUrl { get; set; }
    public string? SpecificationUrl { get; set; }

    public WishStatus Status { get; set; }

    /// <summary>1 is the top; set only while prioritised.</summary>
    public int? Rank { get; set; }
    public DecisionForum? DecidedBy { get; set; }
    public DateOnly? DecidedOn { get; set; }
    public string? RejectionReason { get; set; }
    public string? DeliveredIn { get; set; }
    public int? MergedIntoId { get; set; }

    /// <summary>The produktkoordinator's estimate in whole kroner: the figure pledges split.</summary>
    public long? EstimatedCost { get; set; }

    /// <summary>The budget year the wish is expected to be paid, whose key splits the estimate.</summary>
    public int? PaymentYear { get; set; }

    public DateTime? HiddenAt { get; set; }
    public GrantRole? HiddenByRole { get; set; }
    public DateTime? RedactedAt { get; set; }
    public GrantRole? RedactedByRole { get; set; }

    public required string CreatedByUserId { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public bool IsDemo { get; set; }

    public List<WishSupport> Supports { get; } = [];
    public List<WishPledge> Pledges { get; } = [];
    public List<WishComment> Comments { get; } = [];
    public List<WishEvent> Events { get; } = [];

    /// <summary>Support and pledges may be withdrawn only until the koordinationsgruppe or styregruppe has decided.</summary>
    public bool IsUndecided => Status is WishStatus.New or WishStatus.UnderReview;
}

/// <summary>An authority's support for a wish: one per authority (the database refuses a second), not one per person.</summary>
public class WishSupport
{
    public int Id { get; set; }
    public int WishId { get; set; }
    public Wish? Wish { get; set; }
    public int OrganisationId { get; set; }
    public Organisation? Organisation { get; set; }
    public required string UserId { get; set; }
    public string? Reason { get; set; }
    public DateTime CreatedAt { get; set; }
}

/// <summary>An authority's intention to co-fund a wish: not an invoice. One per authority.</summary>
public class WishPledge
{
    public int Id { get; set; }
    public int WishId { get; set; }
    public Wish? Wish { get; set; }
    public int OrganisationId { get; set; }
    public Organisation? Organisation { get; set; }
    public required string UserId { get; set; }
    public DateTime CreatedAt { get; set; }
}

/// <summary>A comment on a wish; a supplier's may carry its own estimate, which is advice, not the figure that is split.</summary>
public class WishComment
{
    public int Id { get; set; }
    public int WishId { get; set; }
    public Wish? Wish { get; set; }
    public required string UserId { get; set; }

    /// <summary>The authority or supplier the commenter speaks for; null for the secretariat.</summary>
    public int? OrganisationId { get; set; }
    public Organisation? Organisation { get; set; }
    public required string Text { get; set; }
    public long? SupplierEstimate { get; set; }
    public DateTime CreatedAt { get; set; }
}

public enum WishEventKind
{
    Raised,
    Proposed,
    Status,
    Moved,
    Estimate,
    Supported,
    SupportWithdrawn,
    Pledged,
    PledgeWithdrawn,
    PledgesLapsed,
    Merged,
    Hidden,
    Shown,
    Redacted,
}

/// <summary>Every change to a wish: who (a user), when, and from what to what. Shown on the wish.</summary>
public class WishEvent
{
    public int Id { get; set; }
    public int WishId { get; set; }
    public Wish? Wish { get; set; }
    public DateTime At { get; set; }
    public required string UserId { get; set; }
    public WishEventKind Kind { get; set; }
    public string? From { get; set; }
    public string? To { get; set; }

    /// <summary>The authority acted for (support, pledge), if any.</summary>
    public int? OrganisationId { get; set; }
}
