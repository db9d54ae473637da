namespace OS2Hub.Web.Data;

/// <summary>
/// SPDX licence expressions: licence ids (optionally with "+"), "WITH" an exception, joined by AND and OR, with
/// parentheses; "LicenseRef-…" for licences outside the list. The list holds the open-source licences public-sector
/// software uses (and the deprecated short GNU forms, which older files still carry), not all of SPDX's ~700.
/// </summary>
public static class SpdxExpression
{
    private static readonly HashSet<string> s_ids = new(StringComparer.Ordinal)
    {
        "0BSD", "AFL-3.0", "AGPL-1.0-only", "AGPL-1.0-or-later", "AGPL-3.0", "AGPL-3.0-only", "AGPL-3.0-or-later", "Apache-1.1", "Apache-2.0",
        "APSL-2.0", "Artistic-1.0", "Artistic-2.0", "BlueOak-1.0.0", "BSD-1-Clause", "BSD-2-Clause", "BSD-2-Clause-Patent", "BSD-3-Clause",
        "BSD-3-Clause-Clear", "BSD-4-Clause", "BSL-1.0", "CC-BY-3.0", "CC-BY-4.0", "CC-BY-SA-3.0", "CC-BY-SA-4.0", "CC0-1.0", "CDDL-1.0",
        "CDDL-1.1", "CECILL-2.1", "CECILL-B", "CECILL-C", "ECL-2.0", "EPL-1.0", "EPL-2.0", "EUPL-1.0", "EUPL-1.1", "EUPL-1.2", "GFDL-1.3-only",
        "GFDL-1.3-or-later", "GPL-1.0-only", "GPL-1.0-or-later", "GPL-2.0", "GPL-2.0-only", "GPL-2.0-or-later", "GPL-3.0", "GPL-3.0-only",
        "GPL-3.0-or-later", "ISC", "LGPL-2.0-only", "LGPL-2.0-or-later", "LGPL-2.1", "LGPL-2.1-only", "LGPL-2.1-or-later", "LGPL-3.0",
        "LGPL-3.0-only", "LGPL-3.0-or-later", "LPPL-1.3c", "MIT", "MIT-0", "MPL-1.1", "MPL-2.0", "MPL-2.0-no-copyleft-exception", "MS-PL", "MS-RL",
        "MulanPSL-2.0", "NCSA", "ODbL-1.0", "OFL-1.1", "OSL-3.0", "PostgreSQL", "Python-2.0", "Unlicense", "UPL-1.0", "W3C", "WTFPL", "Zlib", "ZPL-2.1",
    };

    private static readonly HashSet<string> s_exceptions = new(StringComparer.Ordinal)
    {
        "Classpath-exception-2.0", "GCC-exception-3.1", "LLVM-exception", "OpenJDK-assembly-exception-1.0", "Autoconf-exception-3.0",
        "Bison-exception-2.2", "Font-exception-2.0", "Qt-LGPL-exception-1.1", "WxWindows-exception-3.1",
    };

    public static bool IsValid(string? expression)
    {
        if (string.IsNullOrWhiteSpace(expression) || expression.Length > 500)
        {
            return false;
        }

        var tokens = expression.Replace("(", " ( ", StringComparison.Ordinal).Replace(")", " ) ", StringComparison.Ordinal)
            .Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var position = 0;
        return Expression(tokens, ref position) && position == tokens.Length;
    }

    // expression := term (OR term)* ; term := factor (AND factor)* ; factor := "(" expression ")" | licence [WITH exception]
    private static bool Expression(string[] t, ref int i)
    {
        if (!Term(t, ref i))
        {
            return false;
        }

        while (i < t.Length && t[i] == "OR")
        {
            i++;
            if (!Term(t, ref i))
            {
                return false;
            }
        }

        return true;
    }

    private static bool Term(string[] t, ref int i)
    {
        if (!Factor(t, ref i))
        {
            return false;
        }

        while (i < t.Length && t[i] == "AND")
        {
            i++;
            if (!Factor(t, ref i))
            {
                return false;
            }
        }

        return true;
    }

    private static bool Factor(string[] t, ref int i)
    {
        if (i >= t.Length)
        {
            return false;
        }

        if (t[i] == "(")
        {
            i++;
            if (!Expression(t, ref i) || i >= t.Length || t[i] != ")")
            {
                return false;
            }

            i++;
            return true;
        }

        var licence = t[i].EndsWith('+') ? t[i][..^1] : t[i];
        if (!s_ids.Contains(licence) && !(licence.StartsWith("LicenseRef-", StringComparison.Ordinal) && licence.Length > 11))
        {
            return false;
        }

        i++;
        if (i < t.Length && t[i] == "WITH")
        {
            if (i + 1 >= t.Length || !s_exceptions.Contains(t[i + 1]))
            {
                return false;
            }

            i += 2;
        }

        return true;
    }
}
