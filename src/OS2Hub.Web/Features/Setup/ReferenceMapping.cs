using OS2Hub.Web.Data;
using System.Globalization;
using System.Text.RegularExpressions;
using OS2Hub.Web.Data.Entities;

namespace OS2Hub.Web.Features.Setup;

/// <summary>
/// The rules that turn the uneven public sources into typed facts. Each rule maps only what is unambiguous
/// and leaves the rest unknown; the source's own wording is kept beside the unknown value.
/// </summary>
public static partial class ReferenceMapping
{
    /// <summary>A valid SPDX expression becomes the licence (see <see cref="SpdxExpression"/>); anything else, prose included, stays a note.</summary>
    public static (string? Spdx, string? Note) MapLicence(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return (null, null);
        }

        var trimmed = value.Trim();
        return SpdxExpression.IsValid(trimmed) ? (trimmed, null) : (null, trimmed);
    }

    public static (SupplierRole Role, string? Text) MapRole(string text)
    {
        var role = text.Trim().ToLowerInvariant() switch
        {
            "udvikling" or "development" => SupplierRole.Development,
            "vedligeholdelse" or "vedligehold" or "maintenance" => SupplierRole.Maintenance,
            "drift" or "hosting" or "drift/hosting" or "hosting/drift" => SupplierRole.Hosting,
            "support" => SupplierRole.Support,
            "rådgivning" or "advice" => SupplierRole.Consulting,
            _ => SupplierRole.Unknown,
        };
        return (role, role == SupplierRole.Unknown ? text.Trim() : null);
    }

    /// <summary>Organisation names are proper nouns; an entry that starts in lower case ("five suppliers offer …") describes, it does not name.</summary>
    public static bool IsOrganisationName(string name) => name.Length > 0 && char.IsUpper(name[0]);

    /// <summary>"ITK, Aarhus Kommune" is Aarhus Kommune acting as a supplier through a department: returns "Aarhus".</summary>
    public static string? MunicipalityBehindSupplierName(string name)
    {
        var last = name.Split(',').Last().Trim();
        return last.EndsWith(" Kommune", StringComparison.Ordinal) ? last[..^" Kommune".Length] : null;
    }

    public static (MaturityLevel Level, DateOnly? AssessedOn) MapMaturity(string? status)
    {
        if (string.IsNullOrWhiteSpace(status))
        {
            return (MaturityLevel.Unknown, null);
        }

        // Only a level the source states as current counts; "recommends niveau 2" is a recommendation, not a level.
        var level = CurrentLevelRegex().Match(status) is { Success: true } m
            ? m.Groups[1].Value switch { "1" => MaturityLevel.Level1, "2" => MaturityLevel.Level2, "3" => MaturityLevel.Level3, _ => MaturityLevel.Unknown }
            : status.StartsWith("sandkasse", StringComparison.OrdinalIgnoreCase) ? MaturityLevel.Sandbox : MaturityLevel.Unknown;

        DateOnly? date = null;
        if (level is not MaturityLevel.Unknown && DanishDateRegex().Match(status) is { Success: true } d)
        {
            date = DateOnly.ParseExact(d.Value, "dd-MM-yyyy", CultureInfo.InvariantCulture);
        }

        return (level, date);
    }

    public static LifecycleState MapLifecycle(string? status)
    {
        if (string.IsNullOrWhiteSpace(status))
        {
            return LifecycleState.Unknown;
        }

        if (status.StartsWith("udtrådt", StringComparison.OrdinalIgnoreCase))
        {
            return LifecycleState.Retired;
        }

        if (status.Contains("frozen", StringComparison.OrdinalIgnoreCase) || status.Contains("frosset", StringComparison.OrdinalIgnoreCase))
        {
            return LifecycleState.Frozen;
        }

        return status.StartsWith("OS2-produkt", StringComparison.Ordinal) || status.StartsWith("sandkasse", StringComparison.OrdinalIgnoreCase)
            ? LifecycleState.Active
            : LifecycleState.Unknown;
    }

    /// <summary>The first sentence of a description, at most about 200 characters, cut at a word.</summary>
    public static string? Summarise(string? description)
    {
        if (string.IsNullOrWhiteSpace(description))
        {
            return null;
        }

        var text = description.Trim();
        var end = text.IndexOfAny(['.', ';']);
        var sentence = end > 20 ? text[..end] : text;
        if (sentence.Length <= 200)
        {
            return sentence.TrimEnd('.', ';', ' ') + ".";
        }

        var cut = sentence.LastIndexOf(' ', 200);
        return sentence[..(cut > 0 ? cut : 200)].TrimEnd(',', ' ') + " …";
    }

    /// <summary>Product name without the source's parenthetical remark: "OS2sofd (SOFD Core)" → "OS2sofd".</summary>
    public static string CleanProductName(string name)
    {
        var paren = name.IndexOf(" (", StringComparison.Ordinal);
        return paren > 0 ? name[..paren] : name;
    }

    [GeneratedRegex(@"OS2-produkt, niveau ([123])\b", RegexOptions.IgnoreCase)]
    private static partial Regex CurrentLevelRegex();

    [GeneratedRegex(@"\b\d{2}-\d{2}-\d{4}\b")]
    private static partial Regex DanishDateRegex();
}
