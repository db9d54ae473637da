using Microsoft.EntityFrameworkCore;
using OS2Hub.Web.Data;
using OS2Hub.Web.Data.Entities;
using OS2Hub.Web.Features.Localization;

namespace OS2Hub.Web.Features.Import;

/// <summary>
/// The member list: one row per membership period. A row is known by its product, authority and start; the end, the
/// agreement reference and the source may change. The database refuses overlapping periods, so the preview finds them
/// first, against the hub and the file's other rows, and names an open join request the row would bypass.
/// </summary>
public sealed class MembershipFile : IImportKind
{
    public ImportKind Kind => ImportKind.Memberships;
    public string Word => "medlemskaber";
    public string SheetName => "Medlemskaber";

    public IReadOnlyList<ImportColumn> Columns { get; } =
    [
        new("produkt", true, "Produktets navn som i kataloget (fx »OS2rollekatalog«) eller dets adresse-id (fx »os2rollekatalog«)."),
        new("myndighed", true, "Kommunekode (fx 813), CVR-nummer (8 cifre) eller navn (»Frederikshavn Kommune« eller blot »Frederikshavn«)."),
        new("medejer_fra", false, "Første dag som medejer: dd.mm.åååå, åååå-mm-dd eller en datocelle. Tom = ukendt start. Sammen med produkt og myndighed kendes rækken på denne dato."),
        new("medejer_til", false, "Første dag, myndigheden ikke længere er medejer. Tom = stadig medejer."),
        new("aftalereference", false, "Tilslutningsaftalens journalnummer eller anden reference (højst 200 tegn)."),
        new("kilde", false, "Hvor oplysningen kommer fra, fx »Styregruppereferat 12.03.2024«. Filens navn og række gemmes ved siden af."),
    ];

    public IReadOnlyList<string> Example { get; } = ["OS2rollekatalog", "813", "01.01.2020", "", "J.nr. 2019-1234", "Medlemsliste 2026"];

    public async Task PlanAsync(ImportPlan plan, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var members = await plan.Db.Participations.Where(p => p.Kind == ParticipationKind.Member).ToListAsync(ct);
        var pending = await plan.Db.JoinRequests.AsNoTracking().Where(r => r.Status == JoinRequestStatus.Pending)
            .Select(r => new { r.Id, r.ProductId, r.OrganisationId, r.CreatedAt }).ToListAsync(ct);
        var inFile = new List<(int Line, int ProductId, int OrganisationId, DateOnly? Start, DateOnly? End)>();
        foreach (var line in plan.Sheet.Rows)
        {
            var errors = new List<string>();
            var product = plan.Names.Product(line["produkt"], errors);
            var authority = plan.Names.Authority(line["myndighed"], errors);
            var (start, end) = plan.Period(line, "medejer_fra", "medejer_til", errors);
            var agreement = ImportPlan.Text(line, "aftalereference", 200, errors);
            var source = ImportPlan.Text(line, "kilde", 2000, errors);
            var subject = $"{product?.Name ?? line["produkt"]} – {authority?.Name ?? line["myndighed"]}";
            if (errors.Count > 0 || product is null || authority is null)
            {
                plan.Error(line, subject, errors);
                continue;
            }

            var same = members.FirstOrDefault(m => m.ProductId == product.Id && m.OrganisationId == authority.Id && m.StartDate == start);
            var twice = inFile.FirstOrDefault(f => f.ProductId == product.Id && f.OrganisationId == authority.Id && f.Start == start);
            if (twice.Line > 0)
            {
                errors.Add(Texts.Format("Bulk_Error_Twice", twice.Line));
            }

            // The hub's other periods, and the file's other rows: the database would refuse an overlap, so the preview says so first.
            var others = members.Where(m => m != same && m.ProductId == product.Id && m.OrganisationId == authority.Id).Select(m => (m.StartDate, m.EndDate))
                .Concat(inFile.Where(f => f.ProductId == product.Id && f.OrganisationId == authority.Id && f.Start != start).Select(f => (f.Start, f.End)));
            errors.AddRange(others.Where(o => ImportPlan.Overlaps(o.Item1, o.Item2, start, end))
                .Select(o => Texts.Format("Bulk_Error_Overlap", ImportPlan.Describe(o.Item1, o.Item2))));
            if (same is null && pending.FirstOrDefault(r => r.ProductId == product.Id && r.OrganisationId == authority.Id) is { } request)
            {
                errors.Add(Texts.Format("Bulk_Error_OpenRequest", request.Id, ImportValues.Date(DateOnly.FromDateTime(request.CreatedAt))));
            }

            inFile.Add((line.Number, product.Id, authority.Id, start, end));
            if (errors.Count > 0)
            {
                plan.Error(line, subject, errors);
                continue;
            }

            var from = plan.From(line.Number);
            if (same is null)
            {
                plan.New(line, subject, end is null ? Texts.Format("Bulk_NewMembershipOpen", Since(start)) : Texts.Format("Bulk_NewMembership", Since(start), ImportValues.Date(end)),
                    w => w.Add(new Participation
                    {
                        ProductId = product.Id, OrganisationId = authority.Id, Kind = ParticipationKind.Member, StartDate = start, EndDate = end,
                        AgreementReference = agreement, Source = source, ImportedFrom = from, CreatedAt = w.Now,
                    }, line.Number));
                continue;
            }

            var changes = new List<string>();
            ImportPlan.Compare(changes, "medejer_til", ImportValues.Date(same.EndDate), ImportValues.Date(end));
            ImportPlan.Compare(changes, "aftalereference", same.AgreementReference, agreement);
            ImportPlan.Compare(changes, "kilde", same.Source, source);
            if (changes.Count == 0)
            {
                plan.Unchanged(line, subject);
                continue;
            }

            plan.Changed(line, subject, changes, w =>
            {
                w.Changing(same, line.Number);
                (same.EndDate, same.AgreementReference, same.Source, same.ImportedFrom) = (end, agreement, source, from);
                same.Version++;
            });
        }
    }

    public async Task<IReadOnlyList<string[]>> ExportAsync(OS2HubDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rows = await db.Participations.AsNoTracking().Where(p => p.Kind == ParticipationKind.Member && !p.IsDemo)
            .OrderBy(p => p.Product!.Name).ThenBy(p => p.Organisation!.Name).ThenBy(p => p.StartDate)
            .Select(p => new { Product = p.Product!.Slug, p.Organisation!.Code, p.Organisation.Cvr, p.Organisation.Name, p.StartDate, p.EndDate, p.AgreementReference, p.Source })
            .ToListAsync(ct);
        return [.. rows.Select(r => new[] { r.Product, r.Code ?? r.Cvr ?? r.Name, ImportValues.Date(r.StartDate), ImportValues.Date(r.EndDate), r.AgreementReference ?? "", r.Source ?? "" })];
    }

    private static string Since(DateOnly? start) => start is null ? Texts.Get("Bulk_UnknownStart") : ImportValues.Date(start);
}
