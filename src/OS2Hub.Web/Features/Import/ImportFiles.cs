using Microsoft.EntityFrameworkCore;
using OS2Hub.Web.Data;
using OS2Hub.Web.Data.Entities;
using OS2Hub.Web.Features.Access;

namespace OS2Hub.Web.Features.Import;

public sealed record ImportColumn(string Name, bool Required, string Explanation);

/// <summary>
/// The import files' columns, their templates and the export in the same form, so that export → import changes
/// nothing. Column names and the templates' explanations are Danish on purpose: they are the file format the
/// secretariat fills in.
/// </summary>
public sealed class ImportFiles(IDbContextFactory<OS2HubDbContext> dbFactory)
{
    public static readonly IReadOnlyList<ImportColumn> Memberships =
    [
        new("produkt", true, "Produktets navn som i kataloget (fx »OS2rollekatalog«) eller dets adresse-id (fx »os2rollekatalog«)."),
        new("myndighed", true, "Kommunekode (fx 813), CVR-nummer (8 cifre) eller navn (»Frederikshavn Kommune« eller blot »Frederikshavn«)."),
        new("medejer_fra", false, "Første dag som medejer: dd.mm.åååå, åååå-mm-dd eller en datocelle. Tom = ukendt start. Sammen med produkt og myndighed kendes rækken på denne dato."),
        new("medejer_til", false, "Første dag, myndigheden ikke længere er medejer. Tom = stadig medejer."),
        new("aftalereference", false, "Tilslutningsaftalens journalnummer eller anden reference (højst 200 tegn)."),
        new("kilde", false, "Hvor oplysningen kommer fra, fx »Styregruppereferat 12.03.2024«. Filens navn og række gemmes ved siden af."),
    ];

    public static byte[] MembershipTemplate() => Workbooks.Xlsx(
        ("Medlemskaber", [[.. Memberships.Select(c => c.Name)], ["OS2rollekatalog", "813", "01.01.2020", "", "J.nr. 2019-1234", "Medlemsliste 2026"]]),
        ("Forklaring", [["kolonne", "skal udfyldes", "forklaring"], .. Memberships.Select(c => new[] { c.Name, c.Required ? "ja" : "nej", c.Explanation })]));

    /// <summary>Every membership period in the hub, in the import's columns; null when the user is not the secretariat.</summary>
    public async Task<IReadOnlyList<string[]>?> MembershipRowsAsync(string userId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await AccessService.IsSecretariatAsync(db, userId, ct))
        {
            return null;
        }

        var rows = await db.Participations.AsNoTracking().Where(p => p.Kind == ParticipationKind.Member && !p.IsDemo)
            .OrderBy(p => p.Product!.Name).ThenBy(p => p.Organisation!.Name).ThenBy(p => p.StartDate)
            .Select(p => new { Product = p.Product!.Slug, p.Organisation!.Code, p.Organisation.Cvr, p.Organisation.Name, p.StartDate, p.EndDate, p.AgreementReference, p.Source })
            .ToListAsync(ct);
        return [[.. Memberships.Select(c => c.Name)], .. rows.Select(r => new[]
        {
            r.Product, r.Code ?? r.Cvr ?? r.Name, ImportValues.Date(r.StartDate), ImportValues.Date(r.EndDate), r.AgreementReference ?? "", r.Source ?? "",
        })];
    }
}
