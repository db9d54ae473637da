using System.Globalization;
using Microsoft.Extensions.Localization;
using OS2Hub.Web.Data.Entities;

namespace OS2Hub.Web.Components;

/// <summary>Texts for values that several pages show the same way.</summary>
public static class Labels
{
    public static string Role(this IStringLocalizer l, SupplierRole role, string? sourceText)
    {
        ArgumentNullException.ThrowIfNull(l);
        return role == SupplierRole.Unknown
            ? $"{l["Common_Unknown"]}{(sourceText is null ? "" : $" ({l["Product_SourceSays"]}: {sourceText})")}"
            : l[$"SupplierRole_{role}"];
    }

    /// <summary>An amount in kroner the way the current language writes it: "125.000 kr." or "DKK 125,000".</summary>
    public static string Kroner(this IStringLocalizer l, decimal amount, bool exact = false)
    {
        ArgumentNullException.ThrowIfNull(l);
        return string.Format(CultureInfo.CurrentCulture, l["Money_Kroner"], amount.ToString(exact ? "N2" : "N0", CultureInfo.CurrentCulture));
    }

    /// <summary>A range of whole-kroner amounts, one amount where both ends agree.</summary>
    public static string KronerRange(this IStringLocalizer l, long min, long max) =>
        min == max ? l.Kroner(min) : $"{l.Kroner(min)} – {l.Kroner(max)}";
}
