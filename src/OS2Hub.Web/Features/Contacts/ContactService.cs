using System.Net.Mail;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using OS2Hub.Web.Data;
using OS2Hub.Web.Data.Entities;
using OS2Hub.Web.Features.Access;
using OS2Hub.Web.Features.Localization;

namespace OS2Hub.Web.Features.Contacts;

public sealed record ContactRoleRow(int Id, int ProductId, string ProductName, ContactRoleKind Kind, DateOnly? StartDate, DateOnly? EndDate);

public sealed record ContactRow(int Id, int Version, string Name, string? Title, string? Email, string? Phone, IReadOnlyList<ContactRoleRow> Roles, IReadOnlyList<string> Groups,
    string? ImportedFrom = null);

public sealed record OrganisationContacts(int OrganisationId, string Slug, string Name, IReadOnlyList<ContactRow> Contacts, IReadOnlyList<(int Id, string Name)> Products);

/// <summary>What the contact form edits; <see cref="Id"/> 0 is a new contact, <see cref="Version"/> the version the editor started from.</summary>
public sealed record ContactInput
{
    public int Id { get; init; }
    public int OrganisationId { get; init; }
    public int Version { get; init; }
    public string? Name { get; init; }
    public string? Title { get; init; }
    public string? Email { get; init; }
    public string? Phone { get; init; }
}

/// <summary>A contact no longer needed: no current role or working-group seat, the last one ended over a year ago.</summary>
public sealed record StaleContact(int Id, string Name, string OrganisationSlug, string OrganisationName, DateOnly? LastRoleEnded);

/// <summary>
/// Contact persons: the secretariat keeps all, an IT-koordinator its own authority's. They are personal data, so the
/// change log records which fields changed but never a value, a deleted contact is gone from every list (its join
/// requests keep "slettet kontaktperson"), and the secretariat is shown the contacts whose role ended over a year ago.
/// </summary>
public sealed partial class ContactService(IDbContextFactory<OS2HubDbContext> dbFactory, TimeProvider clock)
{
    public async Task<Read<OrganisationContacts>> ListAsync(string userId, string organisationSlug, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var org = await db.Organisations.AsNoTracking().Where(o => o.Slug == organisationSlug).Select(o => new { o.Id, o.Slug, o.Name }).FirstOrDefaultAsync(ct);
        if (org is null)
        {
            return Read.NotFound<OrganisationContacts>();
        }

        if (!await AccessService.ActsForAsync(db, userId, org.Id, ct))
        {
            return Read.Denied<OrganisationContacts>();
        }

        var contacts = await db.ContactPersons.AsNoTracking().Where(c => c.OrganisationId == org.Id).OrderBy(c => c.Name)
            .Select(c => new
            {
                c.Id, c.Version, c.Name, c.Title, c.Email, c.Phone, c.ImportedFrom,
                Roles = c.Roles.OrderBy(r => r.Product!.Name).ThenBy(r => r.StartDate)
                    .Select(r => new ContactRoleRow(r.Id, r.ProductId, r.Product!.Name, r.Kind, r.StartDate, r.EndDate)).ToList(),
            }).ToListAsync(ct);
        var ids = contacts.Select(c => c.Id).ToList();
        var seats = await db.WorkingGroupMembers.AsNoTracking().Where(m => m.ContactPersonId != null && ids.Contains(m.ContactPersonId.Value) && m.EndDate == null)
            .Join(db.WorkingGroups, m => m.WorkingGroupId, g => g.Id, (m, g) => new { Id = m.ContactPersonId!.Value, g.Kind, g.Name, Product = g.Product!.Name, m.IsChair })
            .ToListAsync(ct);
        var products = (await db.Products.AsNoTracking().OrderBy(p => p.Name).Select(p => new { p.Id, p.Name }).ToListAsync(ct)).Select(p => (p.Id, p.Name)).ToList();
        return Read.Ok(new OrganisationContacts(org.Id, org.Slug, org.Name,
            contacts.Select(c => new ContactRow(c.Id, c.Version, c.Name, c.Title, c.Email, c.Phone, c.Roles,
                seats.Where(s => s.Id == c.Id).Select(s => Seat(s.Product, s.Name ?? Texts.Get($"WorkingGroup_{s.Kind}"), s.IsChair)).Order().ToList(), c.ImportedFrom)).ToList(),
            products));
    }

    private static string Seat(string product, string group, bool chair) =>
        chair ? Texts.Format("Contacts_SeatChair", $"{product}: {group}") : $"{product}: {group}";

    public async Task<OperationResult> SaveAsync(string userId, ContactInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var contact = input.Id == 0 ? null : await db.ContactPersons.FirstOrDefaultAsync(c => c.Id == input.Id, ct);
        if (input.Id != 0 && contact is null)
        {
            return OperationResult.NotFound;
        }

        var organisationId = contact?.OrganisationId ?? input.OrganisationId;
        if (!await AccessService.ActsForAsync(db, userId, organisationId, ct))
        {
            return OperationResult.Denied;
        }

        if (contact is null && !await db.Organisations.AnyAsync(o => o.Id == organisationId, ct))
        {
            return OperationResult.NotFound;
        }

        if (contact is not null && contact.Version != input.Version)
        {
            return Changed();
        }

        var errors = Validate(input);
        if (errors.Count > 0)
        {
            return OperationResult.Invalid(Texts.Get("Contact_Error_NotSaved"), errors);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var changed = new List<string>();
        contact ??= db.ContactPersons.Add(new ContactPerson { OrganisationId = organisationId, Name = "", CreatedAt = now }).Entity;
        void Set(string field, string? oldValue, string? newValue, Action<string?> apply)
        {
            if (oldValue != newValue)
            {
                changed.Add(field);
                apply(newValue);
            }
        }

        Set(nameof(ContactPerson.Name), contact.Name, input.Name!.Trim(), v => contact.Name = v!);
        Set(nameof(ContactPerson.Title), contact.Title, InputRules.Clean(input.Title), v => contact.Title = v);
        Set(nameof(ContactPerson.Email), contact.Email, InputRules.Clean(input.Email), v => contact.Email = v);
        Set(nameof(ContactPerson.Phone), contact.Phone, InputRules.Clean(input.Phone), v => contact.Phone = v);
        if (changed.Count == 0)
        {
            return OperationResult.Ok(contact.Id);
        }

        contact.Version++;
        contact.UpdatedAt = now;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Changed();
        }

        await LogAsync(db, userId, organisationId, contact.Id, input.Id == 0 ? ["Oprettet"] : changed, ct);
        return OperationResult.Ok(contact.Id);
    }

    public async Task<OperationResult> AddRoleAsync(string userId, int contactId, int? productId, ContactRoleKind kind, DateOnly? start, DateOnly? end, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var contact = await db.ContactPersons.AsNoTracking().FirstOrDefaultAsync(c => c.Id == contactId, ct);
        if (contact is null)
        {
            return OperationResult.NotFound;
        }

        if (!await AccessService.ActsForAsync(db, userId, contact.OrganisationId, ct))
        {
            return OperationResult.Denied;
        }

        var errors = new Dictionary<string, string>();
        if (productId is null || !await db.Products.AnyAsync(p => p.Id == productId, ct))
        {
            errors["Product"] = Texts.Get("Contact_Error_Product");
        }

        if (Periods.Backwards(start, end))
        {
            errors["EndDate"] = Periods.EndBeforeStart;
        }

        if (errors.Count > 0)
        {
            return OperationResult.Invalid(Texts.Get("Contact_Error_RoleNotSaved"), errors);
        }

        var role = new ContactRole { ContactPersonId = contactId, ProductId = productId!.Value, Kind = kind, StartDate = start, EndDate = end };
        db.ContactRoles.Add(role);
        await db.SaveChangesAsync(ct);
        await LogAsync(db, userId, contact.OrganisationId, contactId, ["Rolle tilføjet"], ct);
        return OperationResult.Ok(role.Id);
    }

    /// <summary>Changes a role's period; ending a role is setting its end date.</summary>
    public async Task<OperationResult> SetRolePeriodAsync(string userId, int roleId, DateOnly? start, DateOnly? end, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var role = await db.ContactRoles.FirstOrDefaultAsync(r => r.Id == roleId, ct);
        var organisationId = role is null ? null : await db.ContactPersons.Where(c => c.Id == role.ContactPersonId).Select(c => (int?)c.OrganisationId).FirstOrDefaultAsync(ct);
        if (role is null || organisationId is null)
        {
            return OperationResult.NotFound;
        }

        if (!await AccessService.ActsForAsync(db, userId, organisationId.Value, ct))
        {
            return OperationResult.Denied;
        }

        if (Periods.Backwards(start, end))
        {
            return OperationResult.Invalid(Periods.EndBeforeStart, new Dictionary<string, string> { ["EndDate"] = Periods.EndBeforeStart });
        }

        (role.StartDate, role.EndDate) = (start, end);
        await db.SaveChangesAsync(ct);
        await LogAsync(db, userId, organisationId.Value, role.ContactPersonId, ["Rollens periode"], ct);
        return OperationResult.Ok(roleId);
    }

    /// <summary>
    /// Deletes the person outright: roles go with it, working-group seats stay without a name, and join requests that
    /// named it keep only that a contact was named ("slettet kontaktperson").
    /// </summary>
    public async Task<OperationResult> DeleteAsync(string userId, int contactId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var organisationId = await db.ContactPersons.Where(c => c.Id == contactId).Select(c => (int?)c.OrganisationId).FirstOrDefaultAsync(ct);
        if (organisationId is null)
        {
            return OperationResult.NotFound;
        }

        if (!await AccessService.ActsForAsync(db, userId, organisationId.Value, ct))
        {
            return OperationResult.Denied;
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.JoinRequests.Where(r => r.ContactPersonId == contactId)
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.ContactName, (string?)null).SetProperty(r => r.ContactPersonId, (int?)null), ct);
        await db.WorkingGroupMembers.Where(m => m.ContactPersonId == contactId).ExecuteUpdateAsync(u => u.SetProperty(m => m.ContactPersonId, (int?)null), ct);
        await db.ContactRoles.Where(r => r.ContactPersonId == contactId).ExecuteDeleteAsync(ct);
        await db.ContactPersons.Where(c => c.Id == contactId).ExecuteDeleteAsync(ct);
        await LogAsync(db, userId, organisationId.Value, contactId, ["Slettet"], ct);
        await tx.CommitAsync(ct);
        return OperationResult.Ok(contactId);
    }

    /// <summary>For the secretariat: contacts with no current role or seat whose last one ended more than a year ago.</summary>
    public async Task<IReadOnlyList<StaleContact>?> StaleAsync(string userId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await AccessService.IsSecretariatAsync(db, userId, ct))
        {
            return null;
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var cutoff = today.AddYears(-1);
        var rows = await db.ContactPersons.AsNoTracking()
            .Where(c => !c.Roles.AsQueryable().Any(Dated.NotEndedOn<ContactRole>(cutoff))
                && !db.WorkingGroupMembers.Where(Dated.NotEndedOn<WorkingGroupMember>(cutoff)).Any(m => m.ContactPersonId == c.Id)
                && !db.JoinRequests.Any(r => r.ContactPersonId == c.Id && r.Status == JoinRequestStatus.Pending))
            .Select(c => new
            {
                c.Id, c.Name, c.Organisation!.Slug, OrganisationName = c.Organisation.Name, c.CreatedAt,
                LastRole = c.Roles.Max(r => r.EndDate),
                LastSeat = db.WorkingGroupMembers.Where(m => m.ContactPersonId == c.Id).Max(m => m.EndDate),
            })
            .ToListAsync(ct);
        // A contact that never had a role counts from when it was created.
        return rows.Select(r => new StaleContact(r.Id, r.Name, r.Slug, r.OrganisationName, Max(r.LastRole, r.LastSeat)))
            .Where(r => r.LastRoleEnded is not null || rows.First(x => x.Id == r.Id).CreatedAt < cutoff.ToDateTime(TimeOnly.MinValue))
            .OrderBy(r => r.LastRoleEnded).ThenBy(r => r.OrganisationName, StringComparer.CurrentCulture).ThenBy(r => r.Name, StringComparer.CurrentCulture)
            .ToList();
    }

    /// <summary>
    /// The contact a join request names: the authority's contact of that name, or a new one. Called by the join
    /// workflow inside its transaction, so the request and the contact are saved together.
    /// </summary>
    internal static async Task<ContactPerson> FindOrCreateAsync(OS2HubDbContext db, int organisationId, string name, DateTime now, CancellationToken ct)
    {
        // Compared in .NET: SQLite's lower() folds only ASCII, and an authority has few contacts.
        var existing = (await db.ContactPersons.Where(c => c.OrganisationId == organisationId).ToListAsync(ct))
            .FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase));
        return existing ?? db.ContactPersons.Add(new ContactPerson { OrganisationId = organisationId, Name = name, CreatedAt = now, UpdatedAt = now }).Entity;
    }

    private static DateOnly? Max(DateOnly? a, DateOnly? b) => a is null ? b : b is null ? a : a > b ? a : b;

    private static OperationResult Changed() =>
        OperationResult.Conflict(Texts.Get("Contact_Error_Conflict"));

    /// <summary>Which fields changed, never their values: the organisation's history shows them under the contact's number.</summary>
    private async Task LogAsync(OS2HubDbContext db, string userId, int organisationId, int contactId, IEnumerable<string> fields, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var changes = new ChangeRecorder(userId, now, nameof(Organisation), organisationId);
        foreach (var field in fields)
        {
            changes.Add($"Kontaktperson {contactId}: {field}");
        }

        changes.WriteTo(db);
        await db.SaveChangesAsync(ct);
    }

    internal static Dictionary<string, string> Validate(ContactInput input)
    {
        var errors = new Dictionary<string, string>();
        if (string.IsNullOrWhiteSpace(input.Name) || input.Name.Trim().Length > 200)
        {
            errors[nameof(input.Name)] = Texts.Get("Contact_Error_Name");
        }

        if (input.Title?.Trim().Length > 200)
        {
            errors[nameof(input.Title)] = Texts.Get("Contact_Error_Title");
        }

        var email = input.Email?.Trim();
        if (!string.IsNullOrEmpty(email) && (email.Length > 254 || !MailAddress.TryCreate(email, out var parsed) || parsed.Address != email || !email.Contains('.', StringComparison.Ordinal)))
        {
            errors[nameof(input.Email)] = Texts.Get("Contact_Error_Email");
        }

        var phone = input.Phone?.Trim();
        if (!string.IsNullOrEmpty(phone) && (phone.Length > 40 || !PhoneRegex().IsMatch(phone) || phone.Count(char.IsAsciiDigit) < 8))
        {
            errors[nameof(input.Phone)] = Texts.Get("Contact_Error_Phone");
        }

        return errors;
    }

    [GeneratedRegex(@"^\+?[0-9 ()\-]+$")]
    private static partial Regex PhoneRegex();
}
