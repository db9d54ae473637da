using Microsoft.EntityFrameworkCore;
using OS2Hub.Web.Data;
using OS2Hub.Web.Data.Entities;
using OS2Hub.Web.Features.Localization;

namespace OS2Hub.Web.Features.Import;

/// <summary>
/// Seats in the products' styregrupper, koordinationsgrupper and faggrupper. A seat is known by group, authority,
/// person and start; a group the product lacks is created. A group has one chair at a time: a chair whose period
/// overlaps another chair's, in the hub or in the file, is an error in the preview.
/// </summary>
public sealed class WorkingGroupFile : IImportKind
{
    public ImportKind Kind => ImportKind.WorkingGroups;
    public string Word => "arbejdsgrupper";
    public string SheetName => "Arbejdsgrupper";

    public IReadOnlyList<ImportColumn> Columns { get; } =
    [
        new("produkt", true, "Produktets navn som i kataloget eller dets adresse-id."),
        new("gruppe", true, "styregruppe, koordinationsgruppe eller faggruppens navn. En gruppe, produktet ikke har, oprettes."),
        new("myndighed", true, "Kommunekode, CVR-nummer eller navn på den myndighed, der har sædet."),
        new("kontaktperson", false, "E-mail på den person, der sidder for myndigheden. Personen skal findes i hubben (importér kontaktpersoner først). Tom = ingen navngiven person."),
        new("formand", false, "ja eller nej. Tom = nej. En gruppe har én formand ad gangen."),
        new("fra", false, "Første dag i gruppen: dd.mm.åååå, åååå-mm-dd eller en datocelle. Tom = ukendt start."),
        new("til", false, "Første dag, myndigheden ikke længere sidder i gruppen. Tom = sidder der stadig."),
    ];

    public IReadOnlyList<string> Example { get; } = ["OS2rollekatalog", "styregruppe", "813", "anne.jensen@frederikshavn.dk", "ja", "01.01.2024", ""];

    private sealed record Seat(int Line, string Group, int OrganisationId, int? PersonId, bool Chair, DateOnly? Start, DateOnly? End);

    public async Task PlanAsync(ImportPlan plan, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var groups = await plan.Db.WorkingGroups.Include(g => g.Members).ThenInclude(m => m.Organisation).ToListAsync(ct);
        var people = await plan.Db.ContactPersons.AsNoTracking().Where(c => c.Email != null).Select(c => new { c.Id, c.OrganisationId, c.Email }).ToListAsync(ct);
        var inFile = new List<Seat>();
        foreach (var line in plan.Sheet.Rows)
        {
            var errors = new List<string>();
            var product = plan.Names.Product(line["produkt"], errors);
            var (kind, name) = Group(line["gruppe"], errors);
            var authority = plan.Names.Authority(line["myndighed"], errors);
            var email = InputRules.Clean(line["kontaktperson"]);
            var chair = Chair(line["formand"], errors);
            var (start, end) = plan.Period(line, "fra", "til", errors);
            var groupName = kind is null ? line["gruppe"] : name ?? Texts.Get($"WorkingGroup_{kind}");
            var subject = $"{product?.Name ?? line["produkt"]}: {groupName} – {authority?.Name ?? line["myndighed"]}";
            int? personId = null;
            if (email is not null && authority is not null)
            {
                personId = people.FirstOrDefault(c => c.OrganisationId == authority.Id && string.Equals(c.Email, email, StringComparison.OrdinalIgnoreCase))?.Id;
                if (personId is null)
                {
                    errors.Add(Texts.Format("Bulk_Error_UnknownContact", email, authority.Name));
                }
            }

            if (errors.Count > 0 || product is null || kind is null || authority is null || chair is null)
            {
                plan.Error(line, subject, errors);
                continue;
            }

            var group = groups.FirstOrDefault(g => g.ProductId == product.Id && g.Kind == kind && (kind != WorkingGroupKind.ProfessionalGroup || string.Equals(g.Name, name, StringComparison.OrdinalIgnoreCase)));
            var groupKey = group is null ? $"{product.Id}:{kind}:{name?.ToLowerInvariant()}" : $"id:{group.Id}";
            var same = group?.Members.FirstOrDefault(m => m.OrganisationId == authority.Id && m.ContactPersonId == personId && m.StartDate == start);
            if (inFile.FirstOrDefault(s => s.Group == groupKey && s.OrganisationId == authority.Id && s.PersonId == personId && s.Start == start) is { } twice)
            {
                errors.Add(Texts.Format("Bulk_Error_Twice", twice.Line));
            }

            if (chair.Value)
            {
                // One chair at a time: the hub's chairs (but this seat itself) and the file's, over the same period.
                var chairs = (group?.Members.Where(m => m != same && m.IsChair).Select(m => (m.Organisation!.Name, m.StartDate, m.EndDate)) ?? [])
                    .Concat(inFile.Where(s => s.Group == groupKey && s.Chair && !(s.OrganisationId == authority.Id && s.PersonId == personId && s.Start == start))
                        .Select(s => (Texts.Format("Bulk_Row", s.Line), s.Start, s.End)));
                errors.AddRange(chairs.Where(c => ImportPlan.Overlaps(c.Item2, c.Item3, start, end))
                    .Select(c => Texts.Format("Bulk_Error_SecondChair", c.Item1, ImportPlan.Describe(c.Item2, c.Item3))));
            }

            inFile.Add(new Seat(line.Number, groupKey, authority.Id, personId, chair.Value, start, end));
            if (errors.Count > 0)
            {
                plan.Error(line, subject, errors);
                continue;
            }

            var from = plan.From(line.Number);
            if (same is null)
            {
                var note = (group is null ? Texts.Format("Bulk_NewGroup", groupName) + " " : "") + Texts.Format(chair.Value ? "Bulk_NewChair" : "Bulk_NewSeat", ImportPlan.Describe(start, end));
                plan.New(line, subject, note, w =>
                {
                    var seat = new WorkingGroupMember { OrganisationId = authority.Id, ContactPersonId = personId, IsChair = chair.Value, StartDate = start, EndDate = end, ImportedFrom = from };
                    if (group is null)
                    {
                        w.Shared($"group:{groupKey}", () => w.Add(new WorkingGroup { ProductId = product.Id, Kind = kind.Value, Name = name }, line.Number)).Members.Add(seat);
                    }
                    else
                    {
                        seat.WorkingGroupId = group.Id;
                    }

                    w.Add(seat, line.Number);
                });
                continue;
            }

            var changes = new List<string>();
            ImportPlan.Compare(changes, "formand", same.IsChair ? "ja" : "nej", chair.Value ? "ja" : "nej");
            ImportPlan.Compare(changes, "til", ImportValues.Date(same.EndDate), ImportValues.Date(end));
            if (changes.Count == 0)
            {
                plan.Unchanged(line, subject);
                continue;
            }

            plan.Changed(line, subject, changes, w =>
            {
                w.Changing(same, line.Number);
                (same.IsChair, same.EndDate, same.ImportedFrom) = (chair.Value, end, from);
                same.Version++;
            });
        }
    }

    public async Task<IReadOnlyList<string[]>> ExportAsync(OS2HubDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rows = await db.WorkingGroups.AsNoTracking().Where(g => !g.IsDemo)
            .SelectMany(g => g.Members, (g, m) => new
            {
                Product = g.Product!.Slug, ProductName = g.Product.Name, g.Kind, g.Name, m.Organisation!.Code, m.Organisation.Cvr, Organisation = m.Organisation.Name,
                Email = m.ContactPerson != null ? m.ContactPerson.Email : null, m.IsChair, m.StartDate, m.EndDate,
            })
            .ToListAsync(ct);
        return [.. rows.OrderBy(r => r.ProductName, StringComparer.CurrentCulture).ThenBy(r => r.Kind).ThenBy(r => r.Name).ThenBy(r => r.Organisation, StringComparer.CurrentCulture).ThenBy(r => r.StartDate)
            .Select(r => new[]
            {
                r.Product, r.Kind switch { WorkingGroupKind.SteeringGroup => "styregruppe", WorkingGroupKind.CoordinationGroup => "koordinationsgruppe", _ => r.Name ?? "" },
                r.Code ?? r.Cvr ?? r.Organisation, r.Email ?? "", r.IsChair ? "ja" : "nej", ImportValues.Date(r.StartDate), ImportValues.Date(r.EndDate),
            })];
    }

    private static (WorkingGroupKind? Kind, string? Name) Group(string text, List<string> errors)
    {
        var value = InputRules.Clean(text);
        if (value is null)
        {
            errors.Add(Texts.Format("Bulk_Error_Required", "gruppe"));
            return (null, null);
        }

        if (value.Length > 200)
        {
            errors.Add(Texts.Format("Bulk_Error_Length", "gruppe", 200));
            return (null, null);
        }

        return TextFolding.SearchKey(value) switch
        {
            "styregruppe" or "styregruppen" => (WorkingGroupKind.SteeringGroup, null),
            "koordinationsgruppe" or "koordinationsgruppen" => (WorkingGroupKind.CoordinationGroup, null),
            _ => (WorkingGroupKind.ProfessionalGroup, value),
        };
    }

    private static bool? Chair(string text, List<string> errors)
    {
        switch (TextFolding.SearchKey(text ?? ""))
        {
            case "" or "nej" or "n" or "0":
                return false;
            case "ja" or "j" or "x" or "1":
                return true;
            default:
                errors.Add(Texts.Format("Bulk_Error_YesNo", "formand", text));
                return null;
        }
    }
}
