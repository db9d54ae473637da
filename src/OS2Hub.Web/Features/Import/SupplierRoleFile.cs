using Microsoft.EntityFrameworkCore;
using OS2Hub.Web.Data;
using OS2Hub.Web.Data.Entities;
using OS2Hub.Web.Features.Editing;
using OS2Hub.Web.Features.Localization;
using OS2Hub.Web.Features.Setup;

namespace OS2Hub.Web.Features.Import;

/// <summary>
/// Which supplier has which role on which product, and when. A row is known by product, supplier, role and start. A
/// supplier the hub does not know is created from the file, but only from a name together with a CVR number that
/// passes the modulus-11 check: a name alone could be a misspelling of one the hub has.
/// </summary>
public sealed class SupplierRoleFile : IImportKind
{
    // The file's words for OS2's five roles; any other word is kept as the source's own.
    private static readonly (string Word, SupplierRole Role)[] Roles =
    [
        ("udvikling", SupplierRole.Development), ("vedligeholdelse", SupplierRole.Maintenance), ("vedligehold", SupplierRole.Maintenance),
        ("drift/hosting", SupplierRole.Hosting), ("drift", SupplierRole.Hosting), ("hosting", SupplierRole.Hosting),
        ("support", SupplierRole.Support), ("rådgivning", SupplierRole.Consulting),
    ];

    public ImportKind Kind => ImportKind.SupplierRoles;
    public string Word => "leverandoerroller";
    public string SheetName => "Leverandørroller";

    public IReadOnlyList<ImportColumn> Columns { get; } =
    [
        new("produkt", true, "Produktets navn som i kataloget eller dets adresse-id."),
        new("leverandoer", true, "Leverandørens navn (fx »Magenta ApS«) eller CVR-nummer."),
        new("cvr", false, "Leverandørens CVR-nummer (8 cifre). Kender hubben ikke leverandøren, oprettes den ud fra navn og et gyldigt CVR-nummer."),
        new("rolle", true, "udvikling, vedligeholdelse, drift/hosting, support eller rådgivning. Et andet ord gemmes som kildens egen betegnelse."),
        new("fra", false, "Første dag i rollen: dd.mm.åååå, åååå-mm-dd eller en datocelle. Tom = ukendt start."),
        new("til", false, "Første dag, leverandøren ikke længere har rollen. Tom = har den stadig."),
        new("kilde", false, "Hvor oplysningen kommer fra, fx »Kontrakt 2023-45«. Filens navn og række gemmes ved siden af."),
    ];

    public IReadOnlyList<string> Example { get; } = ["OS2rollekatalog", "Digital Identity ApS", "37053406", "udvikling", "01.01.2021", "", "Kontrakt 2021-07"];

    public async Task PlanAsync(ImportPlan plan, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var roles = await plan.Db.Participations.Where(p => p.Kind == ParticipationKind.Supplier).ToListAsync(ct);
        var slugs = plan.Names.Slugs.OfType<string>().Concat(await plan.Db.OrganisationSlugRedirects.Select(r => r.Slug).ToListAsync(ct)).ToHashSet();
        var created = new Dictionary<string, (string Name, int Line)>(); // CVR → the new supplier's name and first row
        var inFile = new List<(int Line, string Supplier, int ProductId, SupplierRole Role, string? Text, DateOnly? Start, DateOnly? End)>();
        foreach (var line in plan.Sheet.Rows)
        {
            var errors = new List<string>();
            var product = plan.Names.Product(line["produkt"], errors);
            var (name, cvr) = NameAndCvr(line, errors);
            var supplier = name is null && cvr is null ? null : plan.Names.Supplier(name, cvr, errors);
            if (supplier is null && name is null && cvr is not null && created.TryGetValue(cvr, out var madeEarlier))
            {
                name = madeEarlier.Name; // a new supplier an earlier row of the file creates, named here by its CVR number only
            }

            var (role, roleText) = Role(line["rolle"], errors);
            var (start, end) = plan.Period(line, "fra", "til", errors);
            var source = ImportPlan.Text(line, "kilde", 2000, errors);
            if (supplier is null && cvr is not null && errors.Count == 0)
            {
                if (name is null)
                {
                    errors.Add(Texts.Format("Bulk_Error_SupplierNeedsName", cvr));
                }
                else if (plan.Names.SupplierNamed(name) is { } known)
                {
                    errors.Add(Texts.Format("Bulk_Error_SupplierOtherCvr", known.Name, known.Cvr is null ? Texts.Get("Bulk_NoCvr") : Texts.Format("Bulk_Cvr", known.Cvr)));
                }
                else if (created.TryGetValue(cvr, out var first) && TextFolding.SearchKey(first.Name) != TextFolding.SearchKey(name))
                {
                    errors.Add(Texts.Format("Bulk_Error_SupplierTwoNames", cvr, first.Line));
                }
            }
            else if (supplier is null && cvr is null && name is not null && errors.Count == 0)
            {
                errors.Add(Texts.Format("Bulk_Error_UnknownSupplier", name));
            }

            var supplierName = supplier?.Name ?? name ?? cvr ?? "";
            var subject = $"{product?.Name ?? line["produkt"]} – {supplierName}";
            if (errors.Count > 0 || product is null || role is null)
            {
                plan.Error(line, subject, errors);
                continue;
            }

            var key = supplier is null ? $"cvr:{cvr}" : $"id:{supplier.Id}";
            bool SameRole(SupplierRole r, string? text) => r == role && (r != SupplierRole.Unknown || TextFolding.SearchKey(text ?? "") == TextFolding.SearchKey(roleText ?? ""));
            var same = supplier is null ? null : roles.FirstOrDefault(p => p.OrganisationId == supplier.Id && p.ProductId == product.Id && SameRole(p.Role ?? SupplierRole.Unknown, p.RoleText) && p.StartDate == start);
            if (inFile.FirstOrDefault(f => f.Supplier == key && f.ProductId == product.Id && SameRole(f.Role, f.Text) && f.Start == start) is { Line: > 0 } twice)
            {
                errors.Add(Texts.Format("Bulk_Error_Twice", twice.Line));
            }

            var others = (supplier is null ? [] : roles.Where(p => p != same && p.OrganisationId == supplier.Id && p.ProductId == product.Id && SameRole(p.Role ?? SupplierRole.Unknown, p.RoleText)).Select(p => (p.StartDate, p.EndDate)))
                .Concat(inFile.Where(f => f.Supplier == key && f.ProductId == product.Id && SameRole(f.Role, f.Text) && f.Start != start).Select(f => (f.Start, f.End)));
            errors.AddRange(others.Where(o => ImportPlan.Overlaps(o.Item1, o.Item2, start, end)).Select(o => Texts.Format("Bulk_Error_RoleOverlap", ImportPlan.Describe(o.Item1, o.Item2))));
            inFile.Add((line.Number, key, product.Id, role.Value, roleText, start, end));
            if (errors.Count > 0)
            {
                plan.Error(line, subject, errors);
                continue;
            }

            var from = plan.From(line.Number);
            var roleWord = role == SupplierRole.Unknown ? roleText! : Texts.Get($"SupplierRole_{role}");
            if (same is null)
            {
                var notes = supplier is null && !created.ContainsKey(cvr!) ? Texts.Format("Bulk_NewSupplier", name, cvr) + " " : "";
                if (supplier is null)
                {
                    created.TryAdd(cvr!, (name!, line.Number));
                }

                plan.New(line, subject, notes + Texts.Format("Bulk_NewRole", roleWord, ImportPlan.Describe(start, end)), w =>
                {
                    var organisation = supplier is null
                        ? w.Shared($"supplier:{cvr}", () => w.Add(new Organisation
                        {
                            Name = name!, Slug = ReferenceProducts.UniqueSlug(TextFolding.Slugify(name!), slugs), Kind = OrganisationKind.Company, Cvr = cvr,
                            Source = from, UpdatedAt = w.Now,
                        }, line.Number))
                        : null;
                    w.Add(new Participation
                    {
                        ProductId = product.Id, OrganisationId = supplier?.Id ?? 0, Organisation = organisation, Kind = ParticipationKind.Supplier,
                        Role = role, RoleText = role == SupplierRole.Unknown ? roleText : null, StartDate = start, EndDate = end, Source = source, ImportedFrom = from, CreatedAt = w.Now,
                    }, line.Number);
                });
                continue;
            }

            var changes = new List<string>();
            ImportPlan.Compare(changes, "til", ImportValues.Date(same.EndDate), ImportValues.Date(end));
            ImportPlan.Compare(changes, "kilde", same.Source, source);
            if (changes.Count == 0)
            {
                plan.Unchanged(line, subject);
                continue;
            }

            plan.Changed(line, subject, changes, w =>
            {
                w.Changing(same, line.Number);
                (same.EndDate, same.Source, same.ImportedFrom) = (end, source, from);
                same.Version++;
            });
        }
    }

    public async Task<IReadOnlyList<string[]>> ExportAsync(OS2HubDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rows = await db.Participations.AsNoTracking().Where(p => p.Kind == ParticipationKind.Supplier && !p.IsDemo)
            .OrderBy(p => p.Product!.Name).ThenBy(p => p.Organisation!.Name).ThenBy(p => p.Role).ThenBy(p => p.StartDate)
            .Select(p => new { Product = p.Product!.Slug, p.Organisation!.Name, p.Organisation.Cvr, p.Role, p.RoleText, p.StartDate, p.EndDate, p.Source })
            .ToListAsync(ct);
        return [.. rows.Select(r => new[]
        {
            r.Product, r.Name, r.Cvr ?? "", r.Role is null or SupplierRole.Unknown ? r.RoleText ?? "ukendt" : Roles.First(x => x.Role == r.Role).Word,
            ImportValues.Date(r.StartDate), ImportValues.Date(r.EndDate), r.Source ?? "",
        })];
    }

    /// <summary>The supplier's name and CVR number from the two columns; a CVR number in the name column counts as one.</summary>
    private static (string? Name, string? Cvr) NameAndCvr(SheetRow line, List<string> errors)
    {
        var name = ImportPlan.Text(line, "leverandoer", 200, errors);
        var cvr = InputRules.Clean(line["cvr"])?.Replace(" ", "", StringComparison.Ordinal);
        if (name is not null && name.Replace(" ", "", StringComparison.Ordinal) is { Length: 8 } digits && digits.All(char.IsAsciiDigit))
        {
            (name, cvr) = (null, cvr ?? digits);
        }

        if (name is null && cvr is null)
        {
            errors.Add(Texts.Format("Bulk_Error_Required", "leverandoer"));
        }

        if (cvr is not null && !OrganisationEditService.IsValidCvr(cvr))
        {
            errors.Add(Texts.Format("Bulk_Error_Cvr", cvr));
            cvr = null;
        }

        return (name, cvr);
    }

    private static (SupplierRole? Role, string? Text) Role(string text, List<string> errors)
    {
        var value = InputRules.Clean(text);
        if (value is null)
        {
            errors.Add(Texts.Format("Bulk_Error_Required", "rolle"));
            return (null, null);
        }

        if (value.Length > 200)
        {
            errors.Add(Texts.Format("Bulk_Error_Length", "rolle", 200));
            return (null, null);
        }

        var key = TextFolding.SearchKey(value);
        return Roles.FirstOrDefault(r => TextFolding.SearchKey(r.Word) == key) is { Word: not null } known ? (known.Role, null) : (SupplierRole.Unknown, value);
    }
}
