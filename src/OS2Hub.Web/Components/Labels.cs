using Microsoft.Extensions.Localization;
using OS2Hub.Web.Data.Entities;

namespace OS2Hub.Web.Components;

/// <summary>Texts for values that several pages show the same way.</summary>
public static class Labels
{
    public static string Role(this IStringLocalizer l, SupplierRole role, string? sourceText)
    {
        ArgumentNullException.ThrowIfNull(l);
        return role == SupplierRole.Ukendt
            ? $"{l["Common_Unknown"]}{(sourceText is null ? "" : $" ({l["Product_SourceSays"]}: {sourceText})")}"
            : l[$"SupplierRole_{role}"];
    }
}
