using Microsoft.EntityFrameworkCore;
using OS2Hub.Web.Data;
using OS2Hub.Web.Data.Entities;
using OS2Hub.Web.Features.Contacts;
using OS2Hub.Web.Features.Localization;

namespace OS2Hub.Web.Features.Import;

/// <summary>
/// Contact persons at the authorities, one row per role on a product. A person is known by authority and e-mail
/// (or, without one, by name); a role by person, product, kind and start. The persons are personal data collected
/// from someone other than themselves, so each new person with an e-mail address is sent the hub's privacy notice
/// through the outbox, in the same transaction, and the access log records the import for every product it touches.
/// </summary>
public sealed class ContactFile : IImportKind
{
    private static readonly (string Word, ContactRoleKind Kind)[] Kinds =
    [
        ("kontaktperson", ContactRoleKind.General), ("teknisk", ContactRoleKind.Technical), ("faglig", ContactRoleKind.Professional), ("økonomi", ContactRoleKind.Finance),
    ];

    public ImportKind Kind => ImportKind.Contacts;
    public string Word => "kontaktpersoner";
    public string SheetName => "Kontaktpersoner";

    public IReadOnlyList<ImportColumn> Columns { get; } =
    [
        new("myndighed", true, "Kommunekode, CVR-nummer eller navn på den myndighed, personen arbejder for."),
        new("navn", true, "Personens fulde navn (højst 200 tegn)."),
        new("titel", false, "Stillingsbetegnelse (højst 200 tegn)."),
        new("email", false, "Arbejds-e-mail. Personen kendes på myndighed og e-mail (uden e-mail på navnet). En ny person med e-mail får hubbens oplysning om behandling af personoplysninger."),
        new("telefon", false, "Arbejdstelefon med mindst 8 cifre."),
        new("produkt", true, "Produktet, personen er kontakt for: navn som i kataloget eller adresse-id. En person med flere roller står på én række pr. rolle."),
        new("rolle", false, "kontaktperson, teknisk, faglig eller økonomi. Tom = kontaktperson."),
        new("fra", false, "Første dag i rollen: dd.mm.åååå, åååå-mm-dd eller en datocelle. Tom = ukendt start."),
        new("til", false, "Første dag, personen ikke længere har rollen. Tom = har den stadig."),
    ];

    public IReadOnlyList<string> Example { get; } = ["813", "Anne Jensen", "IT-koordinator", "anne.jensen@frederikshavn.dk", "+45 98 45 50 00", "OS2rollekatalog", "kontaktperson", "01.01.2024", ""];

    private sealed record Person(int Line, string Name, string? Title, string? Email, string? Phone);

    public async Task PlanAsync(ImportPlan plan, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var people = await plan.Db.ContactPersons.Include(c => c.Roles).ToListAsync(ct);
        var inFile = new Dictionary<string, Person>();
        var productsOf = new Dictionary<string, SortedSet<string>>();
        var rolesInFile = new List<(int Line, string Person, int ProductId, ContactRoleKind Kind, DateOnly? Start, DateOnly? End)>();
        foreach (var line in plan.Sheet.Rows)
        {
            var errors = new List<string>();
            var authority = plan.Names.Authority(line["myndighed"], errors);
            var input = new ContactInput { Name = line["navn"], Title = line["titel"], Email = line["email"], Phone = line["telefon"] };
            errors.AddRange(ContactService.Validate(input).Select(e => $"{Column(e.Key)}: {e.Value}"));
            var product = plan.Names.Product(line["produkt"], errors);
            var kind = RoleKind(line["rolle"], errors);
            var (start, end) = plan.Period(line, "fra", "til", errors);
            var person = new Person(line.Number, InputRules.Clean(input.Name) ?? "", InputRules.Clean(input.Title), InputRules.Clean(input.Email), InputRules.Clean(input.Phone));
            var subject = $"{person.Name} – {authority?.Name ?? line["myndighed"]}";
            if (errors.Count > 0 || authority is null || product is null || kind is null)
            {
                plan.Error(line, subject, errors);
                continue;
            }

            var existing = Find(people, authority.Id, person, errors);
            if (existing is not null && string.Equals(existing.Email, person.Email, StringComparison.OrdinalIgnoreCase))
            {
                person = person with { Email = existing.Email }; // an address in other letter case is the same address
            }

            var key = existing is null ? $"{authority.Id}:{person.Email?.ToLowerInvariant() ?? TextFolding.SearchKey(person.Name)}" : $"id:{existing.Id}";
            if (inFile.TryGetValue(key, out var earlier) && earlier with { Line = 0 } != person with { Line = 0 })
            {
                errors.Add(Texts.Format("Bulk_Error_PersonDiffers", earlier.Line));
            }

            var same = existing?.Roles.FirstOrDefault(r => r.ProductId == product.Id && r.Kind == kind && r.StartDate == start);
            if (rolesInFile.FirstOrDefault(r => r.Person == key && r.ProductId == product.Id && r.Kind == kind && r.Start == start) is { Line: > 0 } twice)
            {
                errors.Add(Texts.Format("Bulk_Error_Twice", twice.Line));
            }

            var others = (existing?.Roles.Where(r => r != same && r.ProductId == product.Id && r.Kind == kind).Select(r => (r.StartDate, r.EndDate)) ?? [])
                .Concat(rolesInFile.Where(r => r.Person == key && r.ProductId == product.Id && r.Kind == kind && r.Start != start).Select(r => (r.Start, r.End)));
            errors.AddRange(others.Where(o => ImportPlan.Overlaps(o.Item1, o.Item2, start, end)).Select(o => Texts.Format("Bulk_Error_RoleOverlap", ImportPlan.Describe(o.Item1, o.Item2))));
            rolesInFile.Add((line.Number, key, product.Id, kind.Value, start, end));
            if (errors.Count > 0)
            {
                plan.Error(line, subject, errors);
                continue;
            }

            var firstRow = inFile.TryAdd(key, person);
            var changes = new List<string>();
            if (existing is not null && firstRow)
            {
                ImportPlan.Compare(changes, "navn", existing.Name, person.Name);
                ImportPlan.Compare(changes, "titel", existing.Title, person.Title);
                ImportPlan.Compare(changes, "email", existing.Email, person.Email);
                ImportPlan.Compare(changes, "telefon", existing.Phone, person.Phone);
            }

            var from = plan.From(line.Number);
            var roleWord = Texts.Get($"ContactRole_{kind}");
            if (same is not null)
            {
                ImportPlan.Compare(changes, "til", ImportValues.Date(same.EndDate), ImportValues.Date(end));
            }

            if (changes.Count == 0 && same is not null)
            {
                plan.Unchanged(line, subject);
                continue;
            }

            if (!productsOf.TryGetValue(key, out var products))
            {
                productsOf[key] = products = new SortedSet<string>(StringComparer.CurrentCulture);
            }

            products.Add(product.Name);
            Action<ImportWriter> write = w =>
            {
                var contact = existing ?? w.Shared($"person:{key}", () =>
                {
                    var created = w.Add(new ContactPerson
                    {
                        OrganisationId = authority.Id, Name = person.Name, Title = person.Title, Email = person.Email, Phone = person.Phone,
                        ImportedFrom = from, CreatedAt = w.Now, UpdatedAt = w.Now,
                    }, line.Number);
                    if (person.Email is { } email)
                    {
                        w.Db.OutgoingEmails.Add(new OutgoingEmail
                        {
                            Recipient = email, Subject = Texts.Get("Bulk_Privacy_Subject"),
                            Body = Texts.Format("Bulk_Privacy_Body", person.Name, authority.Name, string.Join(", ", productsOf[key])),
                            CreatedAt = w.Now, NextAttemptAt = w.Now,
                        });
                    }

                    return created;
                });
                if (existing is not null && firstRow && (existing.Name, existing.Title, existing.Email, existing.Phone) != (person.Name, person.Title, person.Email, person.Phone))
                {
                    w.Changing(existing, line.Number);
                    (existing.Name, existing.Title, existing.Email, existing.Phone, existing.ImportedFrom, existing.UpdatedAt) = (person.Name, person.Title, person.Email, person.Phone, from, w.Now);
                    existing.Version++;
                }

                if (same is null)
                {
                    var role = new ContactRole { ProductId = product.Id, Kind = kind.Value, StartDate = start, EndDate = end, ImportedFrom = from };
                    contact.Roles.Add(role);
                    w.Add(role, line.Number);
                }
                else if (same.EndDate != end)
                {
                    w.Changing(same, line.Number);
                    (same.EndDate, same.ImportedFrom) = (end, from);
                }

                w.Shared($"access:{product.Id}", () => w.Db.PersonalDataAccessLog.Add(new PersonalDataAccessEntry
                {
                    At = w.Now, UserId = w.UserId, ProductId = product.Id, Access = PersonalDataAccess.Imported,
                }).Entity);
            };

            if (same is null)
            {
                var note = existing is null && firstRow ? Texts.Format("Bulk_NewContact", roleWord, product.Name, ImportPlan.Describe(start, end)) : Texts.Format("Bulk_NewContactRole", roleWord, product.Name, ImportPlan.Describe(start, end));
                if (changes.Count > 0)
                {
                    plan.Changed(line, subject, [.. changes, note], write);
                }
                else
                {
                    plan.New(line, subject, note, write);
                }
            }
            else
            {
                plan.Changed(line, subject, changes, write);
            }
        }
    }

    public async Task<IReadOnlyList<string[]>> ExportAsync(OS2HubDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rows = await db.ContactPersons.AsNoTracking().Where(c => !c.IsDemo)
            .SelectMany(c => c.Roles, (c, r) => new { c.Organisation!.Code, c.Organisation.Cvr, Organisation = c.Organisation.Name, c.Name, c.Title, c.Email, c.Phone, Product = r.Product!.Slug, r.Kind, r.StartDate, r.EndDate })
            .ToListAsync(ct);
        return [.. rows.OrderBy(r => r.Organisation, StringComparer.CurrentCulture).ThenBy(r => r.Name, StringComparer.CurrentCulture).ThenBy(r => r.Product).ThenBy(r => r.Kind).ThenBy(r => r.StartDate)
            .Select(r => new[]
            {
                r.Code ?? r.Cvr ?? r.Organisation, r.Name, r.Title ?? "", r.Email ?? "", r.Phone ?? "", r.Product, Kinds.First(k => k.Kind == r.Kind).Word,
                ImportValues.Date(r.StartDate), ImportValues.Date(r.EndDate),
            })];
    }

    /// <summary>The products whose contact persons an export contains, for the access log.</summary>
    public static async Task<IReadOnlyList<int>> ExportedProductsAsync(OS2HubDbContext db, CancellationToken ct) =>
        await db.ContactRoles.AsNoTracking().Where(r => db.ContactPersons.Any(c => c.Id == r.ContactPersonId && !c.IsDemo)).Select(r => r.ProductId).Distinct().ToListAsync(ct);

    /// <summary>
    /// The person the hub has: by e-mail at the authority, or by name where the file or the hub has no e-mail. Two
    /// persons of the same name at one authority cannot be told apart without an e-mail address.
    /// </summary>
    private static ContactPerson? Find(List<ContactPerson> people, int organisationId, Person person, List<string> errors)
    {
        var atAuthority = people.Where(c => c.OrganisationId == organisationId).ToList();
        if (person.Email is { } email && atAuthority.FirstOrDefault(c => string.Equals(c.Email, email, StringComparison.OrdinalIgnoreCase)) is { } byEmail)
        {
            return byEmail;
        }

        var key = TextFolding.SearchKey(person.Name);
        var byName = atAuthority.Where(c => TextFolding.SearchKey(c.Name) == key && (c.Email is null || person.Email is null)).ToList();
        if (byName.Count > 1)
        {
            errors.Add(Texts.Format("Bulk_Error_PersonAmbiguous", person.Name, byName.Count));
        }

        return byName.Count == 1 ? byName[0] : null;
    }

    private static ContactRoleKind? RoleKind(string text, List<string> errors)
    {
        var value = InputRules.Clean(text);
        if (value is null)
        {
            return ContactRoleKind.General;
        }

        var key = TextFolding.SearchKey(value);
        if (Kinds.FirstOrDefault(k => TextFolding.SearchKey(k.Word) == key) is { Word: not null } known)
        {
            return known.Kind;
        }

        errors.Add(Texts.Format("Bulk_Error_ContactRole", value));
        return null;
    }

    private static string Column(string field) => field switch
    {
        nameof(ContactInput.Name) => "navn",
        nameof(ContactInput.Title) => "titel",
        nameof(ContactInput.Email) => "email",
        _ => "telefon",
    };
}
