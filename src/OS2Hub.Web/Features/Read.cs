namespace OS2Hub.Web.Features;

/// <summary>
/// What a read that checks access found: the value, or why there is none. "Denied" and "not found" are told apart,
/// so a page can say which, and neither is a null that means both.
/// </summary>
public sealed record Read<T>(OperationOutcome Outcome, T? Value) where T : class
{
    public bool Found => Outcome == OperationOutcome.Ok && Value is not null;
}

public static class Read
{
    public static Read<T> Ok<T>(T value) where T : class => new(OperationOutcome.Ok, value);

    public static Read<T> Denied<T>() where T : class => new(OperationOutcome.Denied, null);

    public static Read<T> NotFound<T>() where T : class => new(OperationOutcome.NotFound, null);
}
