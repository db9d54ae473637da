using System.Globalization;
using Microsoft.EntityFrameworkCore;
using OS2Hub.Web.Data;
using OS2Hub.Web.Data.Entities;
using OS2Hub.Web.Features.Access;
using OS2Hub.Web.Features.Localization;

namespace OS2Hub.Web.Features.Editing;

public sealed record GroupSeat(int Id, int Version, int OrganisationId, string Organisation, int? ContactPersonId, string? Person, bool IsChair, DateOnly? StartDate, DateOnly? EndDate,
    string? ImportedFrom = null);

public sealed record GroupRow(int Id, WorkingGroupKind Kind, string? Name, IReadOnlyList<GroupSeat> Seats);

/// <summary>What a seat in a working group is set to; <see cref="OrganisationId"/> only when adding.</summary>
public sealed record SeatInput
{
    public int? OrganisationId { get; init; }
    public int? ContactPersonId { get; init; }
    public bool IsChair { get; init; }
    public DateOnly? StartDate { get; init; }
    public DateOnly? EndDate { get; init; }

    /// <summary>The seat's version the editor started from (when changing a seat).</summary>
    public int Version { get; init; }
}

/// <summary>
/// A product's styregruppe, koordinationsgruppe and faggrupper: which authorities and persons sit in them, and who
/// chairs (secretariat; produktkoordinator for its product). A seat is ended by its end date, never deleted; a group
/// has one chair at a time. Changes go to the product's change log by organisation, without the person's name.
/// </summary>
public sealed class WorkingGroupService(IDbContextFactory<OS2HubDbContext> dbFactory, TimeProvider clock)
{
    public async Task<IReadOnlyList<GroupRow>?> ListAsync(string userId, int productId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await AccessService.DecidesAsync(db, userId, productId, ct))
        {
            return null;
        }

        var groups = await db.WorkingGroups.AsNoTracking().Where(g => g.ProductId == productId)
            .Select(g => new
            {
                g.Id, g.Kind, g.Name,
                Seats = g.Members.OrderBy(m => m.EndDate != null).ThenByDescending(m => m.IsChair).ThenBy(m => m.Organisation!.Name)
                    .Select(m => new GroupSeat(m.Id, m.Version, m.OrganisationId, m.Organisation!.Name, m.ContactPersonId, m.ContactPerson != null ? m.ContactPerson.Name : null,
                        m.IsChair, m.StartDate, m.EndDate, m.ImportedFrom)).ToList(),
            }).ToListAsync(ct);
        // Ordered here: the kinds are stored as text, and the styregruppe comes first by governance, not by alphabet.
        return groups.OrderBy(g => g.Kind).ThenBy(g => g.Name, StringComparer.CurrentCulture).Select(g => new GroupRow(g.Id, g.Kind, g.Name, g.Seats)).ToList();
    }

    /// <summary>Who can take a seat: the product's current co-owners and suppliers first, then every other organisation.</summary>
    public async Task<IReadOnlyList<(int Id, string Name)>> CandidatesAsync(int productId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var rows = await db.Organisations.AsNoTracking()
            .Select(o => new { o.Id, o.Name, Involved = o.Participations.AsQueryable().Where(Dated.NotEndedOn<Participation>(today)).Any(x => x.ProductId == productId) })
            .ToListAsync(ct);
        return rows.OrderByDescending(o => o.Involved).ThenBy(o => o.Name, StringComparer.CurrentCulture).Select(o => (o.Id, o.Name)).ToList();
    }

    /// <summary>The contact persons of one organisation, by name, to choose who sits for it.</summary>
    public async Task<IReadOnlyList<(int Id, string Name)>?> PeopleAsync(string userId, int productId, int organisationId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await AccessService.DecidesAsync(db, userId, productId, ct))
        {
            return null;
        }

        return (await db.ContactPersons.AsNoTracking().Where(c => c.OrganisationId == organisationId).OrderBy(c => c.Name)
            .Select(c => new { c.Id, c.Name }).ToListAsync(ct)).Select(c => (c.Id, c.Name)).ToList();
    }

    public async Task<OperationResult> AddGroupAsync(string userId, int productId, WorkingGroupKind kind, string? name, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await AccessService.DecidesAsync(db, userId, productId, ct))
        {
            return OperationResult.Denied;
        }

        if (!await db.Products.AnyAsync(p => p.Id == productId, ct))
        {
            return OperationResult.NotFound;
        }

        name = string.IsNullOrWhiteSpace(name) ? null : name.Trim();
        string? error = null;
        if (kind == WorkingGroupKind.ProfessionalGroup && name is null)
        {
            error = Texts.Get("Group_Error_Name");
        }
        else if (name?.Length > 200)
        {
            error = Texts.Get("Group_Error_NameTooLong");
        }
        else if (kind != WorkingGroupKind.ProfessionalGroup && await db.WorkingGroups.AnyAsync(g => g.ProductId == productId && g.Kind == kind, ct))
        {
            error = Texts.Format("Group_Error_Exists", Texts.Get($"WorkingGroup_{kind}").ToLower(CultureInfo.CurrentCulture));
        }
        else if (kind == WorkingGroupKind.ProfessionalGroup && (await db.WorkingGroups.Where(g => g.ProductId == productId && g.Kind == kind).Select(g => g.Name).ToListAsync(ct))
                     .Any(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase)))
        {
            error = Texts.Get("Group_Error_NameTaken");
        }

        if (error is not null)
        {
            return OperationResult.Invalid(error, new Dictionary<string, string> { ["GroupName"] = error });
        }

        var group = new WorkingGroup { ProductId = productId, Kind = kind, Name = kind == WorkingGroupKind.ProfessionalGroup ? name : null };
        db.WorkingGroups.Add(group);
        await db.SaveChangesAsync(ct);
        await LogAsync(db, userId, productId, GroupName(kind, group.Name), null, "oprettet", ct);
        return OperationResult.Ok(group.Id);
    }

    public async Task<OperationResult> AddSeatAsync(string userId, int groupId, SeatInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var group = await db.WorkingGroups.AsNoTracking().FirstOrDefaultAsync(g => g.Id == groupId, ct);
        if (group is null)
        {
            return OperationResult.NotFound;
        }

        if (!await AccessService.DecidesAsync(db, userId, group.ProductId, ct))
        {
            return OperationResult.Denied;
        }

        var errors = await ValidateAsync(db, input.OrganisationId, input, ct);
        if (errors.Count == 0 && await db.WorkingGroupMembers.AnyAsync(m => m.WorkingGroupId == groupId && m.OrganisationId == input.OrganisationId
                && m.ContactPersonId == input.ContactPersonId && m.EndDate == null, ct))
        {
            errors[nameof(input.OrganisationId)] = Texts.Get("Seat_Error_Duplicate");
        }

        if (errors.Count > 0)
        {
            return OperationResult.Invalid(Texts.Get("Seat_Error_NotSaved"), errors);
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var seat = new WorkingGroupMember
        {
            WorkingGroupId = groupId, OrganisationId = input.OrganisationId!.Value, ContactPersonId = input.ContactPersonId,
            IsChair = input.IsChair && input.EndDate is null, StartDate = input.StartDate, EndDate = input.EndDate,
        };
        db.WorkingGroupMembers.Add(seat);
        await db.SaveChangesAsync(ct);
        await ClearOtherChairsAsync(db, userId, group, seat, ct);
        await LogAsync(db, userId, group.ProductId, await SeatFieldAsync(db, group, seat, ct), null, Describe(seat), ct);
        await tx.CommitAsync(ct);
        return OperationResult.Ok(seat.Id);
    }

    /// <summary>Changes who sits, whether they chair, and the period; setting an end date ends the seat.</summary>
    public async Task<OperationResult> UpdateSeatAsync(string userId, int seatId, SeatInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var seat = await db.WorkingGroupMembers.FirstOrDefaultAsync(m => m.Id == seatId, ct);
        var group = seat is null ? null : await db.WorkingGroups.AsNoTracking().FirstOrDefaultAsync(g => g.Id == seat.WorkingGroupId, ct);
        if (seat is null || group is null)
        {
            return OperationResult.NotFound;
        }

        if (!await AccessService.DecidesAsync(db, userId, group.ProductId, ct))
        {
            return OperationResult.Denied;
        }

        var errors = await ValidateAsync(db, seat.OrganisationId, input, ct);
        if (errors.Count > 0)
        {
            return OperationResult.Invalid(Texts.Get("Seat_Error_NotSaved"), errors);
        }

        var before = Describe(seat);
        if (seat.Version != input.Version)
        {
            return SeatChanged(before);
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        seat.Version++;
        seat.ContactPersonId = input.ContactPersonId;
        seat.IsChair = input.IsChair && Dated.EndsAfter(input.EndDate, Today());
        (seat.StartDate, seat.EndDate) = (input.StartDate, input.EndDate);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return SeatChanged(null);
        }

        await ClearOtherChairsAsync(db, userId, group, seat, ct);
        if (before != Describe(seat))
        {
            await LogAsync(db, userId, group.ProductId, await SeatFieldAsync(db, group, seat, ct), before, Describe(seat), ct);
        }

        await tx.CommitAsync(ct);
        return OperationResult.Ok(seat.Id);
    }

    private static OperationResult SeatChanged(string? saved) => OperationResult.Conflict(
        saved is null ? Texts.Get("Seat_Error_Conflict") : Texts.Format("Seat_Error_ConflictWith", saved));

    private async Task<Dictionary<string, string>> ValidateAsync(OS2HubDbContext db, int? organisationId, SeatInput input, CancellationToken ct)
    {
        var errors = new Dictionary<string, string>();
        if (organisationId is null || !await db.Organisations.AnyAsync(o => o.Id == organisationId, ct))
        {
            errors[nameof(input.OrganisationId)] = Texts.Get("Seat_Error_Organisation");
        }
        else if (input.ContactPersonId is { } person && !await db.ContactPersons.AnyAsync(c => c.Id == person && c.OrganisationId == organisationId, ct))
        {
            errors[nameof(input.ContactPersonId)] = Texts.Get("Seat_Error_Person");
        }

        if (Periods.Backwards(input.StartDate, input.EndDate))
        {
            errors[nameof(input.EndDate)] = Periods.EndBeforeStart;
        }

        if (input.IsChair && input.EndDate is not null && input.EndDate <= Today())
        {
            errors[nameof(input.IsChair)] = Texts.Get("Seat_Error_EndedChair");
        }

        return errors;
    }

    /// <summary>One chair per group: naming a new chair makes the previous one an ordinary member, and says so in the log.</summary>
    private async Task ClearOtherChairsAsync(OS2HubDbContext db, string userId, WorkingGroup group, WorkingGroupMember chair, CancellationToken ct)
    {
        if (!chair.IsChair)
        {
            return;
        }

        foreach (var other in await db.WorkingGroupMembers.Where(m => m.WorkingGroupId == group.Id && m.Id != chair.Id && m.IsChair).ToListAsync(ct))
        {
            var before = Describe(other);
            other.IsChair = false;
            other.Version++;
            await db.SaveChangesAsync(ct);
            await LogAsync(db, userId, group.ProductId, await SeatFieldAsync(db, group, other, ct), before, Describe(other), ct);
        }
    }

    private async Task LogAsync(OS2HubDbContext db, string userId, int productId, string field, string? before, string after, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        new ChangeRecorder(userId, now, nameof(Product), productId).Add(field, before, after).WriteTo(db);
        await db.Products.Where(p => p.Id == productId).ExecuteUpdateAsync(u => u.SetProperty(p => p.UpdatedAt, now), ct);
        await db.SaveChangesAsync(ct);
    }

    private static async Task<string> SeatFieldAsync(OS2HubDbContext db, WorkingGroup group, WorkingGroupMember seat, CancellationToken ct) =>
        $"{GroupName(group.Kind, group.Name)}: {await db.Organisations.Where(o => o.Id == seat.OrganisationId).Select(o => o.Name).SingleAsync(ct)}";

    /// <summary>The seat without the person's name: the log keeps personal data out, only that a person is named.</summary>
    private static string Describe(WorkingGroupMember seat) => string.Create(CultureInfo.InvariantCulture,
        $"{(seat.IsChair ? "formand" : "medlem")}{(seat.ContactPersonId is null ? "" : $", kontaktperson {seat.ContactPersonId}")}, {seat.StartDate:yyyy-MM-dd}–{seat.EndDate:yyyy-MM-dd}");

    private static string GroupName(WorkingGroupKind kind, string? name) => kind switch
    {
        WorkingGroupKind.SteeringGroup => "Styregruppe",
        WorkingGroupKind.CoordinationGroup => "Koordinationsgruppe",
        _ => $"Faggruppe {name}",
    };

    private DateOnly Today() => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
}
