namespace OS2Hub.Web.Data.Entities;

public enum JoinRequestStatus
{
    Pending,
    Approved,
    Rejected,
    Withdrawn,
}

/// <summary>An authority's request to join a product. The database allows one open (Afventer) request per authority and product.</summary>
public class JoinRequest
{
    public int Id { get; set; }
    public int ProductId { get; set; }
    public Product? Product { get; set; }
    public int OrganisationId { get; set; }
    public Organisation? Organisation { get; set; }
    public required string RequestedByUserId { get; set; }

    /// <summary>The contact named in the request; null once that contact person has been deleted ("slettet kontaktperson").</summary>
    public string? ContactName { get; set; }
    public int? ContactPersonId { get; set; }
    public bool WantsCoordinationGroup { get; set; }
    public bool WantsProfessionalGroup { get; set; }
    public bool SteeringGroupCandidate { get; set; }
    public DateOnly IntendedStart { get; set; }
    public string? Comment { get; set; }

    /// <summary>Whether a tilslutningsaftale was presented and accepted; false records that the product had none.</summary>
    public bool AgreementPresented { get; set; }

    public JoinRequestStatus Status { get; set; }
    public DateTime CreatedAt { get; set; }
    public string? DecidedByUserId { get; set; }
    public DateTime? DecidedAt { get; set; }
    public string? DecisionReason { get; set; }
    public string? AgreementReference { get; set; }
    public DateOnly? StartDate { get; set; }
}

public enum MembershipAction
{
    Requested,
    Withdrawn,
    Approved,
    Rejected,
    Left,
}

/// <summary>The log of every transition: who did what, for which authority and product, when, and why.</summary>
public class MembershipEvent
{
    public int Id { get; set; }
    public DateTime At { get; set; }
    public required string UserId { get; set; }
    public MembershipAction Action { get; set; }
    public int ProductId { get; set; }
    public int OrganisationId { get; set; }
    public int? JoinRequestId { get; set; }
    public DateOnly? EffectiveDate { get; set; }
    public string? Reason { get; set; }
}

/// <summary>An in-app message to one user; the same text also goes by e-mail.</summary>
public class Notification
{
    public int Id { get; set; }
    public required string UserId { get; set; }

    /// <summary>Finished Danish text of notifications raised before they were stored by key; null for newer ones.</summary>
    public string? Text { get; set; }

    /// <summary>The resource key of the message, shown in the reader's language when it is read.</summary>
    public string? TextKey { get; set; }

    /// <summary>The message's arguments as a JSON array of strings (names, and dates as yyyy-MM-dd).</summary>
    public string? TextArguments { get; set; }

    public string? Link { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? ReadAt { get; set; }
}
