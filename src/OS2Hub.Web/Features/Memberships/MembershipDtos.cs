namespace OS2Hub.Web.Features.Memberships;

public enum WorkflowOutcome
{
    Ok,
    Denied,
    NotFound,
    Invalid,
    Conflict,
}

/// <summary>What an action did. Messages are Danish and meant for the user; field errors are keyed by input property name.</summary>
public sealed record WorkflowResult(WorkflowOutcome Outcome, string? Message = null, IReadOnlyDictionary<string, string>? FieldErrors = null, int? Id = null)
{
    public static readonly WorkflowResult Denied = new(WorkflowOutcome.Denied, "Du har ikke adgang til at gøre dette.");
    public static readonly WorkflowResult NotFound = new(WorkflowOutcome.NotFound, "Findes ikke.");

    public bool Succeeded => Outcome == WorkflowOutcome.Ok;

    public static WorkflowResult Ok(int? id = null) => new(WorkflowOutcome.Ok, Id: id);

    public static WorkflowResult Invalid(string message, IReadOnlyDictionary<string, string>? fields = null) => new(WorkflowOutcome.Invalid, message, fields);

    public static WorkflowResult Conflict(string message) => new(WorkflowOutcome.Conflict, message);
}

public sealed record JoinRequestInput
{
    public int ProductId { get; init; }
    public int OrganisationId { get; init; }
    public string? ContactName { get; init; }
    public bool WantsKoordinationsgruppe { get; init; }
    public bool WantsFaggruppe { get; init; }
    public bool StyregruppeCandidate { get; init; }
    public DateOnly? IntendedStart { get; init; }
    public string? Comment { get; init; }
    public bool AcceptsAgreement { get; init; }
}
