namespace OS2Hub.Web.Features;

public enum OperationOutcome
{
    Ok,
    Denied,
    NotFound,
    Invalid,
    Conflict,
}

/// <summary>What an action did. Messages are Danish and meant for the user; field errors are keyed by input property name.</summary>
public sealed record OperationResult(OperationOutcome Outcome, string? Message = null, IReadOnlyDictionary<string, string>? FieldErrors = null, int? Id = null)
{
    public static readonly OperationResult Denied = new(OperationOutcome.Denied, "Du har ikke adgang til at gøre dette.");
    public static readonly OperationResult NotFound = new(OperationOutcome.NotFound, "Findes ikke.");

    public bool Succeeded => Outcome == OperationOutcome.Ok;

    public static OperationResult Ok(int? id = null) => new(OperationOutcome.Ok, Id: id);

    public static OperationResult Invalid(string message, IReadOnlyDictionary<string, string>? fields = null) => new(OperationOutcome.Invalid, message, fields);

    public static OperationResult Conflict(string message) => new(OperationOutcome.Conflict, message);
}
