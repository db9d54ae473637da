using OS2Hub.Web.Features.Localization;

namespace OS2Hub.Web.Features;

public enum OperationOutcome
{
    Ok,
    Denied,
    NotFound,
    Invalid,
    Conflict,
}

/// <summary>What an action did. Messages are in the user's language (<see cref="Texts"/>) and meant for the user; field errors are keyed by input property name.</summary>
public sealed record OperationResult(OperationOutcome Outcome, string? Message = null, IReadOnlyDictionary<string, string>? FieldErrors = null, int? Id = null)
{
    public static OperationResult Denied => new(OperationOutcome.Denied, Texts.Get("Common_Error_Denied"));
    public static OperationResult NotFound => new(OperationOutcome.NotFound, Texts.Get("Common_Error_NotFound"));

    public bool Succeeded => Outcome == OperationOutcome.Ok;

    public static OperationResult Ok(int? id = null) => new(OperationOutcome.Ok, Id: id);

    public static OperationResult Invalid(string message, IReadOnlyDictionary<string, string>? fields = null) => new(OperationOutcome.Invalid, message, fields);

    public static OperationResult Conflict(string message) => new(OperationOutcome.Conflict, message);
}
