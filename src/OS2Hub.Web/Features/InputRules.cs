using System.Text.RegularExpressions;

namespace OS2Hub.Web.Features;

/// <summary>The checks every editor makes of what a user typed, written once so that every form agrees.</summary>
public static partial class InputRules
{
    public const int MaxSlug = 200;
    public const int MaxUrl = 500;

    /// <summary>Trimmed text, or null for nothing but white space.</summary>
    public static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>Trimmed text that must be there and not be too long; a Danish message under <paramref name="field"/> otherwise.</summary>
    public static string? Required(Dictionary<string, string> errors, string field, string? value, int max, string requiredKey)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var clean = Clean(value);
        if (clean is null)
        {
            errors[field] = Localization.Texts.Get(requiredKey);
        }
        else if (clean.Length > max)
        {
            errors[field] = Localization.Texts.Format("Wish_Error_TooLong", max);
        }

        return clean;
    }

    /// <summary>An address word as the hub writes them: lower-case letters and digits joined by single hyphens.</summary>
    public static bool IsSlug(string? slug) => !string.IsNullOrEmpty(slug) && slug.Length <= MaxSlug && SlugRegex().IsMatch(slug);

    /// <summary>An absolute http(s) address of at most <see cref="MaxUrl"/> characters; empty counts as none, not as wrong.</summary>
    public static bool IsWebAddressOrEmpty(string? value) =>
        string.IsNullOrWhiteSpace(value) || (value.Trim().Length <= MaxUrl && IsWebAddress(value.Trim()));

    public static bool IsWebAddress(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http";

    /// <summary>The languages a text in the hub may be written in.</summary>
    public static bool IsTextLanguage(string? tag) => tag is "da" or "en";

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex SlugRegex();
}
