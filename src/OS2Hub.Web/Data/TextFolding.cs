using System.Globalization;
using System.Text;

namespace OS2Hub.Web.Data;

/// <summary>
/// Folds Danish text the way users type it: case-insensitive, and æ/ø/å equal to their two-letter spellings
/// (so "aarhus" and "århus" are the same word). Done in .NET because SQLite's lower() folds only ASCII.
/// </summary>
public static class TextFolding
{
    public static string Fold(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }

        var lower = text.ToLowerInvariant()
            .Replace("å", "aa", StringComparison.Ordinal)
            .Replace("æ", "ae", StringComparison.Ordinal)
            .Replace("ø", "oe", StringComparison.Ordinal)
            .Replace("ä", "ae", StringComparison.Ordinal)
            .Replace("ö", "oe", StringComparison.Ordinal)
            .Replace("ü", "ue", StringComparison.Ordinal);

        var decomposed = lower.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        var lastWasSpace = false;
        foreach (var c in decomposed)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                if (!lastWasSpace && builder.Length > 0)
                {
                    builder.Append(' ');
                }

                lastWasSpace = true;
                continue;
            }

            builder.Append(c);
            lastWasSpace = false;
        }

        return builder.ToString().TrimEnd();
    }

    /// <summary>
    /// The key every search compares (the catalogue, the organisation list, the partner list and the API's <c>q</c>):
    /// <see cref="Fold"/>, then å/aa→a, ø/oe→o and æ/ae→a, with spaces and hyphens dropped. Users without a Danish
    /// keyboard write ø as "o" as often as "oe", and "Høje-Taastrup" as "hojetaastrup", so both sides reduce to one
    /// spelling. Each word is reduced on its own before the words are joined, so a digraph is never formed across a
    /// word boundary ("Kommune Aarhus" keeps "kommune"). Fields are joined with '|', which no term contains, so a
    /// term never matches across two fields. Slugs keep <see cref="Fold"/>: URLs and bookmarks stay as they are.
    /// </summary>
    public static string SearchKey(params IEnumerable<string?> fields) =>
        string.Join('|', fields.Where(f => !string.IsNullOrWhiteSpace(f)).Select(f => string.Concat(Words(f!).Select(Reduce))));

    /// <summary>Splits a query into search keys, one per word the user typed; each must match somewhere.</summary>
    public static IReadOnlyList<string> SearchTerms(string? query) =>
        Fold(query).Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => SearchKey(w)).Where(t => t.Length > 0)
            .Distinct().Take(10).ToArray();

    /// <summary>True when every term occurs in the key (no terms: everything matches).</summary>
    public static bool Matches(string key, IReadOnlyList<string> terms) =>
        terms.All(t => key.Contains(t, StringComparison.Ordinal));

    private static string[] Words(string text) =>
        Fold(text).Split([' ', '-', '|', '\u2010', '\u2011', '\u2012', '\u2013', '\u2014'], StringSplitOptions.RemoveEmptyEntries);

    private static string Reduce(string word) => word
        .Replace("aa", "a", StringComparison.Ordinal)
        .Replace("oe", "o", StringComparison.Ordinal)
        .Replace("ae", "a", StringComparison.Ordinal);

    /// <summary>URL-friendly slug: "Københavns Kommune" → "koebenhavns-kommune".</summary>
    public static string Slugify(string text)
    {
        var folded = Fold(text);
        var builder = new StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                builder.Append(c);
            }
            else if (builder.Length > 0 && builder[^1] != '-')
            {
                builder.Append('-');
            }
        }

        return builder.ToString().Trim('-');
    }
}
