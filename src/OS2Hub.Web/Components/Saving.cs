using OS2Hub.Web.Features;
using OS2Hub.Web.Features.Access;
using OS2Hub.Web.Features.Localization;

namespace OS2Hub.Web.Components;

/// <summary>A row's form that carries the version it was read at, so a save is judged against it.</summary>
public interface IVersionedForm
{
    int Version { get; set; }
}

/// <summary>
/// One editor's save loop, written once: the busy flag that stops a double submit, the outcome of the last action
/// (a message, or an error with its field errors keyed by input property name) and what follows it. A component
/// holds one per form and binds its markup to it.
/// </summary>
public sealed class Saving(CurrentUser user)
{
    public bool Busy { get; private set; }

    public string? Message { get; private set; }

    public string? Error { get; private set; }

    public IReadOnlyDictionary<string, string>? FieldErrors { get; private set; }

    public string? FieldError(string field) => FieldErrors?.GetValueOrDefault(field);

    public bool HasFieldError(string field) => FieldErrors?.ContainsKey(field) == true;

    /// <summary>The value of aria-invalid for the field's input: "true" when it has an error, otherwise no attribute.</summary>
    public string? AriaInvalid(string field) => HasFieldError(field) ? "true" : null;

    /// <summary>
    /// Reads something to show before saving it (a preview of an upload) as the signed-in user, under the same busy
    /// flag. No access becomes <paramref name="denied"/>, a missing record the common "not found"; the value or null.
    /// </summary>
    public async Task<T?> ReadAsync<T>(Func<string, Task<Read<T>>> read, string denied) where T : class
    {
        ArgumentNullException.ThrowIfNull(read);
        if (Busy || await user.IdAsync() is not { } userId)
        {
            return null;
        }

        Busy = true;
        try
        {
            var result = await read(userId);
            var error = result.Outcome switch
            {
                OperationOutcome.Denied => denied,
                OperationOutcome.NotFound => Texts.Get("Common_Error_NotFound"),
                _ => null,
            };
            (Message, Error, FieldErrors) = (null, error, null);
            return result.Value;
        }
        finally
        {
            Busy = false;
        }
    }

    /// <summary>
    /// After a conflict: every open row form takes the version now saved, so what was typed stays and the next save
    /// is judged against what is in the database.
    /// </summary>
    public static void TakeVersions<TForm>(IReadOnlyDictionary<int, TForm> forms, IEnumerable<(int Id, int Version)> saved) where TForm : IVersionedForm
    {
        ArgumentNullException.ThrowIfNull(forms);
        foreach (var (id, version) in saved ?? [])
        {
            if (forms.TryGetValue(id, out var form))
            {
                form.Version = version;
            }
        }
    }

    /// <summary>Forgets the last outcome, as when the user starts on another row.</summary>
    public void Clear() => (Message, Error, FieldErrors) = (null, null, null);

    /// <summary>Forgets the error of the last action but keeps its message, as when a saved form is emptied for the next entry.</summary>
    public void ClearErrors() => (Error, FieldErrors) = (null, null);

    /// <summary>Shows a field's error found before anything was sent, such as a year outside the range.</summary>
    public void FieldFailed(string field, string error) => (Message, Error, FieldErrors) = (null, null, new Dictionary<string, string> { [field] = error });

    /// <summary>Shows a message that depends on what the action returned, after it succeeded.</summary>
    public void Succeed(string message) => (Message, Error, FieldErrors) = (message, null, null);

    /// <summary>Shows an error found before anything was sent, such as a file that could not be read.</summary>
    public void Fail(string error) => (Message, Error, FieldErrors) = (null, error, null);

    /// <summary>
    /// Runs an action as the signed-in user (nothing happens while another runs, or when no one is signed in).
    /// After success it shows <paramref name="done"/> and runs <paramref name="saved"/> (clear the inputs, reload);
    /// after a conflict it runs <paramref name="conflicted"/> (take the versions now saved, so what was typed stays
    /// and the next save is judged against them).
    /// </summary>
    public async Task<OperationResult?> RunAsync(Func<string, Task<OperationResult>> action, string done,
        Func<Task>? saved = null, Func<string, Task>? conflicted = null)
    {
        if (Busy || await user.IdAsync() is not { } userId)
        {
            return null;
        }

        Busy = true;
        try
        {
            var result = await action(userId);
            (Message, Error, FieldErrors) = (result.Succeeded ? done : null, result.Succeeded ? null : result.Message, result.FieldErrors);
            if (result.Succeeded && saved is not null)
            {
                await saved();
            }
            else if (result.Outcome == OperationOutcome.Conflict && conflicted is not null)
            {
                await conflicted(userId);
            }

            return result;
        }
        finally
        {
            Busy = false;
        }
    }
}
