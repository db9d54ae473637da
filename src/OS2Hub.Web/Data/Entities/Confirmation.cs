namespace OS2Hub.Web.Data.Entities;

/// <summary>
/// The yearly round in which the members confirm their co-ownerships and contact persons, and the produktkoordinatorer
/// their products' supplier roles and working-group seats. One round per year; a closed round takes no more answers.
/// </summary>
public class ConfirmationRound
{
    public int Id { get; set; }
    public int Year { get; set; }
    public DateTime OpenedAt { get; set; }
    public required string OpenedByUserId { get; set; }

    /// <summary>Days after opening when those who have not answered get one reminder by e-mail.</summary>
    public int ReminderDays { get; set; }
    public DateTime? ClosedAt { get; set; }
    public string? ClosedByUserId { get; set; }
}

public enum ConfirmationSubject
{
    Membership,
    SupplierRole,
    Seat,
}

public enum ConfirmationOutcome
{
    Confirmed,

    /// <summary>The IT-koordinator chose "Meld udtræden": the membership was ended through the leave step.</summary>
    Leaving,
}

/// <summary>One answer in a round: a membership, a supplier role or a seat confirmed (or left), by whom and when.</summary>
public class Confirmation
{
    public int Id { get; set; }
    public int RoundId { get; set; }
    public ConfirmationRound? Round { get; set; }
    public ConfirmationSubject Subject { get; set; }

    /// <summary>The membership or supplier role; null for a seat.</summary>
    public int? ParticipationId { get; set; }
    public int? WorkingGroupMemberId { get; set; }
    public int ProductId { get; set; }
    public int OrganisationId { get; set; }
    public ConfirmationOutcome Outcome { get; set; }

    /// <summary>For a membership: the IT-koordinator also confirmed that the contact person is still right.</summary>
    public bool ContactConfirmed { get; set; }
    public required string UserId { get; set; }
    public DateTime At { get; set; }

    /// <summary>Where the secretariat had the fact from when it confirmed for an authority without an IT-koordinator.</summary>
    public string? Source { get; set; }
}

/// <summary>The one reminder a person gets in a round; unique per round and person so two instances never send it twice.</summary>
public class ConfirmationReminder
{
    public int Id { get; set; }
    public int RoundId { get; set; }
    public required string UserId { get; set; }
    public DateTime SentAt { get; set; }
}
