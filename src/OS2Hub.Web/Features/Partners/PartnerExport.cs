using System.Globalization;
using OS2Hub.Web.Data.Entities;

namespace OS2Hub.Web.Features.Partners;

/// <summary>
/// The partner list as files: one row per authority and contact person, with a product column (the .xlsx adds the
/// other suppliers and the working groups on sheets of their own). CSV as Danish Excel
/// opens it (UTF-8 with a byte-order mark, semicolons) with text that looks like a formula neutralised by a leading
/// apostrophe; .xlsx with every value a typed text or number cell, never a formula.
/// </summary>
public static class PartnerExport
{
    private static readonly string[] s_header =
        ["Produkt", "Myndighed", "Type", "Region", "Størrelse", "Medejer siden", "Kontaktperson", "Titel", "E-mail", "Telefon"];

    public static string FileName(PartnerFilter filter, DateOnly today, string extension)
    {
        ArgumentNullException.ThrowIfNull(filter);
        // The product part comes from the address: only a well-formed slug goes into the file name.
        var product = filter.Product is { Length: > 0 and <= 100 } slug && slug.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-') ? slug : "alle-produkter";
        return $"partnerliste-{product}-{today:yyyy-MM-dd}.{extension}";
    }

    public static byte[] ToCsv(PartnerList list)
    {
        ArgumentNullException.ThrowIfNull(list);
        return Workbooks.Csv([s_header, .. Rows(list)]);
    }

    /// <summary>The workbook: the co-owners and contacts as in the CSV, and sheets for the other suppliers and the working groups.</summary>
    public static byte[] ToXlsx(PartnerList list)
    {
        ArgumentNullException.ThrowIfNull(list);
        string[] supplierHeader = ["Produkt", "Leverandør", "Roller"];
        string[] groupHeader = ["Produkt", "Gruppe", "Organisation", "Person", "Formand"];
        var suppliers = list.Sections.SelectMany(s => s.OtherSuppliers.Select(o => new[] { s.Name, o.Name, string.Join(", ", o.Roles.Select(FileLabels.Role)) }));
        var groups = list.Sections.SelectMany(s => s.Groups.SelectMany(g => g.Seats.Select(seat => new[]
        {
            s.Name, g.Name is null ? FileLabels.Group(g.Kind) : $"{FileLabels.Group(g.Kind)}: {g.Name}", seat.Organisation, seat.Person ?? "", seat.IsChair ? "ja" : "",
        })));

        return Workbooks.Xlsx(("Partnerliste", [s_header, .. Rows(list)]), ("Leverandører", [supplierHeader, .. suppliers]), ("Arbejdsgrupper", [groupHeader, .. groups]));
    }

    private static IEnumerable<string[]> Rows(PartnerList list)
    {
        foreach (var section in list.Sections)
        {
            foreach (var a in section.Authorities)
            {
                IReadOnlyList<PartnerContact?> contacts = a.Contacts.Count > 0 ? [.. a.Contacts] : [null];
                foreach (var c in contacts)
                {
                    yield return
                    [
                        section.Name, a.Name, FileLabels.Kind(a.Kind), a.Region ?? "", FileLabels.Size(a.SizeClass),
                        a.MemberSince?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
                        c?.Name ?? "", c?.Title ?? "", c?.Email ?? "", c?.Phone ?? "",
                    ];
                }
            }
        }
    }
}
