using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OS2Hub.Web.Data;
using OS2Hub.Web.Data.Entities;
using OS2Hub.Web.Features.Access;
using OS2Hub.Web.Features.Email;
using OS2Hub.Web.Features.Localization;
using OS2Hub.Web.Features.Memberships;

namespace OS2Hub.Web.Features.Confirmations;

public sealed record RoundInfo(int Id, int Year, DateTime OpenedAt, int ReminderDays, DateTime? ClosedAt)
{
    public bool IsOpen => ClosedAt is null;
}

/// <summary>One membership to confirm: the product, the authority, its contact person, and this round's answer if any.</summary>
public sealed record MembershipTask(
    int ParticipationId, int ProductId, string ProductSlug, string ProductName, int OrganisationId, string OrganisationSlug, string OrganisationName,
    DateOnly? Start, DateOnly? End, string? Contact, DateTime? LastConfirmed, ConfirmationOutcome? Answer, DateTime? AnsweredAt);

/// <summary>A supplier role or a seat a produktkoordinator confirms, and whether it is confirmed in this round.</summary>
public sealed record ItemLine(string Text, bool Confirmed);

public sealed record ProductTask(int ProductId, string Slug, string Name, IReadOnlyList<ItemLine> SupplierRoles, IReadOnlyList<ItemLine> Seats, IReadOnlyList<string> NotConfirmed)
{
    public bool Done => SupplierRoles.All(r => r.Confirmed) && Seats.All(s => s.Confirmed);
}

public sealed record RoundProgress(int Memberships, int Answered, int ProductItems, int ProductItemsConfirmed);

/// <summary>What one person sees on /bekraeftelse: the round, its own tasks, and for the secretariat the whole picture.</summary>
public sealed record ConfirmationOverview(
    RoundInfo? Round, bool IsSecretariat, IReadOnlyList<MembershipTask> Memberships, IReadOnlyList<ProductTask> Products,
    IReadOnlyList<MembershipTask> WithoutCoordinator, RoundProgress? Progress);

/// <summary>
/// The yearly confirmation round. The secretariat opens it for a year and closes it; each IT-koordinator confirms its
/// authority's memberships and contact persons or leaves through the join workflow's leave step; each produktkoordinator
/// confirms its product's supplier roles and seats; the secretariat confirms for authorities with no IT-koordinator and
/// records its source. One reminder per person and round, after the days the secretariat set, with a one-click stop.
/// </summary>
public sealed class ConfirmationService(
    IDbContextFactory<OS2HubDbContext> dbFactory, TimeProvider clock, JoinWorkflowService workflow, IEmailSender email, IOptions<OS2HubOptions> options,
    IDataProtectionProvider protection, ILogger<ConfirmationService> logger)
{
    public const string StopPath = "/afmeld/bekraeftelse/klik";
    private const string StopPurpose = "OS2Hub.Confirmation.Stop";

    private DateTime Now() => clock.GetUtcNow().UtcDateTime;

    private DateOnly Today() => DateOnly.FromDateTime(Now());

    public async Task<ConfirmationOverview> OverviewAsync(string userId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var access = await AccessService.ForAsync(db, userId, ct);
        var round = await CurrentRoundAsync(db, ct);
        var today = Today();
        var answers = round is null ? [] : await db.Confirmations.AsNoTracking().Where(c => c.RoundId == round.Id).ToListAsync(ct);
        var byParticipation = answers.Where(c => c.ParticipationId != null).ToDictionary(c => c.ParticipationId!.Value);

        // The secretariat sees every membership (progress, authorities without a coordinator); others only their own authorities' and products'.
        var memberships = access.IsSecretariat
            ? await CurrentMembershipsAsync(db, today, x => true, ct)
            : await CurrentMembershipsAsync(db, today, x => access.Authorities.Contains(x.OrganisationId) || access.CoordinatedProducts.Contains(x.ProductId), ct);
        var tasks = memberships.Select(m => m with
        {
            Answer = byParticipation.TryGetValue(m.ParticipationId, out var a) ? a.Outcome : null,
            AnsweredAt = byParticipation.TryGetValue(m.ParticipationId, out var b) ? b.At : null,
        }).ToList();

        var coordinated = await db.Grants.AsNoTracking().Where(g => g.Role == GrantRole.ItCoordinator && g.OrganisationId != null)
            .Select(g => g.OrganisationId!.Value).Distinct().ToListAsync(ct);
        var mine = tasks.Where(t => access.Authorities.Contains(t.OrganisationId)).ToList();
        var products = access.IsSecretariat ? [] : await ProductTasksAsync(db, access.CoordinatedProducts, today, answers, tasks, ct);
        var without = access.IsSecretariat ? tasks.Where(t => !coordinated.Contains(t.OrganisationId)).ToList() : [];
        RoundProgress? progress = null;
        if (access.IsSecretariat && round is not null)
        {
            var items = await ProductItemsAsync(db, null, today, ct);
            progress = new RoundProgress(tasks.Count, tasks.Count(t => t.Answer is not null), items.Roles.Count + items.Seats.Count,
                answers.Count(a => a.Subject != ConfirmationSubject.Membership));
        }

        return new ConfirmationOverview(round, access.IsSecretariat, mine, products, without, progress);
    }

    /// <summary>The secretariat opens the round for a year; only one round is open at a time and each year has one.</summary>
    public async Task<OperationResult> OpenAsync(string userId, int year, int reminderDays, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await AccessService.IsSecretariatAsync(db, userId, ct))
        {
            return OperationResult.Denied;
        }

        var thisYear = Today().Year;
        if (year < thisYear - 1 || year > thisYear + 1)
        {
            return Field("Year", Texts.Format("Confirm_Error_Year", thisYear - 1, thisYear + 1));
        }

        if (reminderDays is < 1 or > 90)
        {
            return Field("ReminderDays", Texts.Get("Confirm_Error_ReminderDays"));
        }

        if (await db.ConfirmationRounds.AnyAsync(r => r.ClosedAt == null, ct))
        {
            return OperationResult.Invalid(Texts.Get("Confirm_Error_AlreadyOpen"));
        }

        if (await db.ConfirmationRounds.AnyAsync(r => r.Year == year, ct))
        {
            return Field("Year", Texts.Format("Confirm_Error_YearTaken", year));
        }

        var round = new ConfirmationRound { Year = year, ReminderDays = reminderDays, OpenedAt = Now(), OpenedByUserId = userId };
        db.ConfirmationRounds.Add(round);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            return Field("Year", Texts.Format("Confirm_Error_YearTaken", year));
        }

        return OperationResult.Ok(round.Id);
    }

    public async Task<OperationResult> CloseAsync(string userId, int roundId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await AccessService.IsSecretariatAsync(db, userId, ct))
        {
            return OperationResult.Denied;
        }

        var closed = await db.ConfirmationRounds.Where(r => r.Id == roundId && r.ClosedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.ClosedAt, Now()).SetProperty(r => r.ClosedByUserId, userId), ct);
        return closed == 1 ? OperationResult.Ok(roundId) : OperationResult.Invalid(Texts.Get("Confirm_Error_Closed"));
    }

    /// <summary>
    /// An IT-koordinator confirms its authority's membership and that the contact person is still right. The secretariat
    /// confirms only for an authority with no IT-koordinator, and then says where it has the fact from.
    /// </summary>
    public async Task<OperationResult> ConfirmMembershipAsync(string userId, int participationId, bool contactIsRight, string? source, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var access = await AccessService.ForAsync(db, userId, ct);
        var membership = await db.Participations.FirstOrDefaultAsync(x => x.Id == participationId && x.Kind == ParticipationKind.Member, ct);
        if (membership is null)
        {
            return OperationResult.NotFound;
        }

        var onBehalf = !access.Authorities.Contains(membership.OrganisationId);
        if (onBehalf && (!access.IsSecretariat || await HasCoordinatorAsync(db, membership.OrganisationId, ct)))
        {
            return OperationResult.Denied;
        }

        var round = await OpenRoundAsync(db, ct);
        if (round is null)
        {
            return OperationResult.Invalid(Texts.Get("Confirm_Error_Closed"));
        }

        if (!membership.IsCurrentOn(Today()))
        {
            return OperationResult.Invalid(Texts.Get("Confirm_Error_NotCurrent"));
        }

        var cleanSource = string.IsNullOrWhiteSpace(source) ? null : source.Trim();
        if (onBehalf && cleanSource is null)
        {
            return Field("Source", Texts.Get("Confirm_Error_Source"));
        }

        if (cleanSource is { Length: > 500 })
        {
            return Field("Source", Texts.Get("Confirm_Error_SourceLength"));
        }

        var hasContact = await GeneralContacts(db, Today()).AnyAsync(c => c.ProductId == membership.ProductId && c.OrganisationId == membership.OrganisationId, ct);
        if (!onBehalf && hasContact && !contactIsRight)
        {
            return Field("Contact", Texts.Get("Confirm_Error_Contact"));
        }

        var now = Now();
        db.Confirmations.Add(new Confirmation
        {
            RoundId = round.Id, Subject = ConfirmationSubject.Membership, ParticipationId = membership.Id, ProductId = membership.ProductId,
            OrganisationId = membership.OrganisationId, Outcome = ConfirmationOutcome.Confirmed, ContactConfirmed = !onBehalf && hasContact,
            UserId = userId, At = now, Source = onBehalf ? cleanSource : null,
        });
        membership.ConfirmedAt = now;
        return await SaveAnswerAsync(db, membership.Id, ct);
    }

    /// <summary>"Meld udtræden": the join workflow's leave step with its end-date rule, then the answer in the round.</summary>
    public async Task<OperationResult> LeaveAsync(string userId, int participationId, DateOnly? endDate, string? correctionReason, CancellationToken ct = default)
    {
        int productId, organisationId, roundId;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var access = await AccessService.ForAsync(db, userId, ct);
            var membership = await db.Participations.AsNoTracking().FirstOrDefaultAsync(x => x.Id == participationId && x.Kind == ParticipationKind.Member, ct);
            if (membership is null)
            {
                return OperationResult.NotFound;
            }

            if (!access.Authorities.Contains(membership.OrganisationId) && (!access.IsSecretariat || await HasCoordinatorAsync(db, membership.OrganisationId, ct)))
            {
                return OperationResult.Denied;
            }

            if (await OpenRoundAsync(db, ct) is not { } round)
            {
                return OperationResult.Invalid(Texts.Get("Confirm_Error_Closed"));
            }

            if (await db.Confirmations.AnyAsync(c => c.RoundId == round.Id && c.ParticipationId == participationId, ct))
            {
                return OperationResult.Invalid(Texts.Get("Confirm_Error_Answered"));
            }

            (productId, organisationId, roundId) = (membership.ProductId, membership.OrganisationId, round.Id);
        }

        var left = await workflow.LeaveAsync(userId, productId, organisationId, endDate, correctionReason, ct);
        if (!left.Succeeded)
        {
            return left;
        }

        await using var after = await dbFactory.CreateDbContextAsync(ct);
        after.Confirmations.Add(new Confirmation
        {
            RoundId = roundId, Subject = ConfirmationSubject.Membership, ParticipationId = participationId, ProductId = productId, OrganisationId = organisationId,
            Outcome = ConfirmationOutcome.Leaving, UserId = userId, At = Now(),
        });
        return await SaveAnswerAsync(after, participationId, ct);
    }

    /// <summary>The produktkoordinator (or the secretariat) confirms every current supplier role and seat of the product at once.</summary>
    public async Task<OperationResult> ConfirmProductAsync(string userId, int productId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await AccessService.DecidesAsync(db, userId, productId, ct))
        {
            return OperationResult.Denied;
        }

        if (await OpenRoundAsync(db, ct) is not { } round)
        {
            return OperationResult.Invalid(Texts.Get("Confirm_Error_Closed"));
        }

        var today = Today();
        var done = await db.Confirmations.Where(c => c.RoundId == round.Id && c.ProductId == productId && c.Subject != ConfirmationSubject.Membership)
            .Select(c => new { c.ParticipationId, c.WorkingGroupMemberId }).ToListAsync(ct);
        var roles = (await db.Participations.Where(x => x.ProductId == productId && x.Kind == ParticipationKind.Supplier).ToListAsync(ct))
            .Where(x => x.IsCurrentOn(today) && !done.Exists(d => d.ParticipationId == x.Id)).ToList();
        var seats = (await db.WorkingGroupMembers.AsNoTracking().Where(m => db.WorkingGroups.Any(g => g.Id == m.WorkingGroupId && g.ProductId == productId)).ToListAsync(ct))
            .Where(m => m.IsCurrentOn(today) && !done.Exists(d => d.WorkingGroupMemberId == m.Id)).ToList();
        if (roles.Count == 0 && seats.Count == 0)
        {
            return OperationResult.Invalid(Texts.Get("Confirm_Error_NothingToConfirm"));
        }

        var now = Now();
        foreach (var role in roles)
        {
            role.ConfirmedAt = now;
            db.Confirmations.Add(new Confirmation
            {
                RoundId = round.Id, Subject = ConfirmationSubject.SupplierRole, ParticipationId = role.Id, ProductId = productId, OrganisationId = role.OrganisationId,
                UserId = userId, At = now,
            });
        }

        foreach (var seat in seats)
        {
            db.Confirmations.Add(new Confirmation
            {
                RoundId = round.Id, Subject = ConfirmationSubject.Seat, WorkingGroupMemberId = seat.Id, ProductId = productId, OrganisationId = seat.OrganisationId,
                UserId = userId, At = now,
            });
        }

        return await SaveAnswerAsync(db, productId, ct);
    }

    /// <summary>
    /// One run of the reminders: in an open round past its reminder day, everyone with an unanswered task who has not
    /// stopped reminders gets one e-mail. The reminder row is written first, under a unique index, so two instances
    /// running at once send it once. Returns how many were queued.
    /// </summary>
    public async Task<int> RemindAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = Now();
        var round = await db.ConfirmationRounds.AsNoTracking().FirstOrDefaultAsync(r => r.ClosedAt == null, ct);
        if (round is null || round.OpenedAt.AddDays(round.ReminderDays) > now)
        {
            return 0;
        }

        var today = Today();
        var answered = await db.Confirmations.Where(c => c.RoundId == round.Id).Select(c => new { c.ParticipationId, c.WorkingGroupMemberId }).ToListAsync(ct);
        var answeredParticipations = answered.Where(a => a.ParticipationId != null).Select(a => a.ParticipationId!.Value).ToHashSet();
        var answeredSeats = answered.Where(a => a.WorkingGroupMemberId != null).Select(a => a.WorkingGroupMemberId!.Value).ToHashSet();
        var openOrganisations = (await CurrentMembershipsAsync(db, today, x => true, ct)).Where(m => !answeredParticipations.Contains(m.ParticipationId)).Select(m => m.OrganisationId).ToHashSet();
        var items = await ProductItemsAsync(db, null, today, ct);
        var openProducts = items.Roles.Where(r => !answeredParticipations.Contains(r.Id)).Select(r => r.ProductId)
            .Concat(items.Seats.Where(s => !answeredSeats.Contains(s.Id)).Select(s => s.ProductId)).ToHashSet();

        var grants = await db.Grants.AsNoTracking().Where(g => g.Role == GrantRole.ItCoordinator || g.Role == GrantRole.ProductCoordinator)
            .Select(g => new { g.UserId, g.Role, g.OrganisationId, g.ProductId }).ToListAsync(ct);
        var due = grants.Where(g => g.Role == GrantRole.ItCoordinator ? openOrganisations.Contains(g.OrganisationId ?? 0) : openProducts.Contains(g.ProductId ?? 0))
            .Select(g => g.UserId).Distinct().ToList();
        var reminded = await db.ConfirmationReminders.Where(r => r.RoundId == round.Id).Select(r => r.UserId).ToListAsync(ct);
        var people = await db.Users.AsNoTracking().Where(u => due.Contains(u.Id) && !reminded.Contains(u.Id) && !u.ConfirmationRemindersOff && u.Email != null)
            .Select(u => new { u.Id, u.Email, u.PreferredLanguage }).ToListAsync(ct);

        var sent = 0;
        foreach (var person in people)
        {
            db.ConfirmationReminders.Add(new ConfirmationReminder { RoundId = round.Id, UserId = person.Id, SentAt = now });
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
            {
                db.ChangeTracker.Clear(); // another instance took this one
                continue;
            }

            try
            {
                await email.SendAsync(Reminder(person.Id, person.Email!, person.PreferredLanguage, round.Year), ct);
                sent++;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // By type only: the error may quote the address. The tasks still wait on the page.
                logger.LogWarning("A confirmation reminder could not be queued ({Error})", e.GetType().Name);
            }
        }

        return sent;
    }

    public string StopToken(string userId) => OneClickStop.Token(protection, StopPurpose, userId);

    /// <summary>Stops the person's confirmation reminders; false for a token that is not ours.</summary>
    public async Task<bool> StopRemindersAsync(string? token, CancellationToken ct = default)
    {
        if (OneClickStop.UserOf(protection, StopPurpose, token) is not { } userId)
        {
            return false;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(s => s.SetProperty(u => u.ConfirmationRemindersOff, true), ct) > 0;
    }

    private EmailMessage Reminder(string userId, string address, string? language, int year)
    {
        var token = Uri.EscapeDataString(StopToken(userId));
        using var _ = Texts.In(language);
        var body = new StringBuilder()
            .AppendLine(Texts.Format("Confirm_ReminderBody", year, options.Value.Link("/bekraeftelse")))
            .AppendLine()
            .AppendLine(Texts.Format("Confirm_ReminderFooter", options.Value.Link($"/afmeld/bekraeftelse?t={token}")));
        return new EmailMessage(address, Texts.Format("Confirm_ReminderSubject", year), body.ToString(), options.Value.Link($"{StopPath}?t={token}").ToString());
    }

    private static OperationResult Field(string field, string message) => OperationResult.Invalid(message, new Dictionary<string, string> { [field] = message });

    private static async Task<OperationResult> SaveAnswerAsync(OS2HubDbContext db, int id, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return OperationResult.Ok(id);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            return OperationResult.Invalid(Texts.Get("Confirm_Error_Answered"));
        }
    }

    /// <summary>The open round, or else the newest closed one (shown, not answerable).</summary>
    private static async Task<RoundInfo?> CurrentRoundAsync(OS2HubDbContext db, CancellationToken ct) =>
        await db.ConfirmationRounds.AsNoTracking().OrderBy(r => r.ClosedAt == null ? 0 : 1).ThenByDescending(r => r.Year)
            .Select(r => new RoundInfo(r.Id, r.Year, r.OpenedAt, r.ReminderDays, r.ClosedAt)).FirstOrDefaultAsync(ct);

    private static Task<ConfirmationRound?> OpenRoundAsync(OS2HubDbContext db, CancellationToken ct) =>
        db.ConfirmationRounds.FirstOrDefaultAsync(r => r.ClosedAt == null, ct);

    private static Task<bool> HasCoordinatorAsync(OS2HubDbContext db, int organisationId, CancellationToken ct) =>
        db.Grants.AnyAsync(g => g.Role == GrantRole.ItCoordinator && g.OrganisationId == organisationId, ct);

    private sealed class GeneralContact
    {
        public int ProductId { get; init; }
        public int OrganisationId { get; init; }
        public string Name { get; init; } = "";
    }

    /// <summary>Each authority's contact person for each product today, as the partner lists read them.</summary>
    private static IQueryable<GeneralContact> GeneralContacts(OS2HubDbContext db, DateOnly today) =>
        db.ContactRoles.Where(Dated.CurrentOn<ContactRole>(today)).Where(r => r.Kind == ContactRoleKind.General)
            .Join(db.ContactPersons, r => r.ContactPersonId, c => c.Id, (r, c) => new GeneralContact { ProductId = r.ProductId, OrganisationId = c.OrganisationId, Name = c.Name });

    /// <summary>The memberships current today within <paramref name="scope"/>, with the authority's contact person for the product.</summary>
    private static async Task<List<MembershipTask>> CurrentMembershipsAsync(OS2HubDbContext db, DateOnly today, System.Linq.Expressions.Expression<Func<Participation, bool>> scope, CancellationToken ct)
    {
        var memberships = await db.Participations.AsNoTracking().Where(Dated.CurrentOn(today, ParticipationKind.Member)).Where(scope)
            .OrderBy(x => x.Organisation!.Name).ThenBy(x => x.Product!.Name)
            .Select(x => new MembershipTask(x.Id, x.ProductId, x.Product!.Slug, x.Product.Name, x.OrganisationId, x.Organisation!.Slug, x.Organisation.Name, x.StartDate, x.EndDate,
                null, x.ConfirmedAt, null, null))
            .ToListAsync(ct);
        var products = memberships.Select(m => m.ProductId).Distinct().ToList();
        var contacts = (await GeneralContacts(db, today).Where(c => products.Contains(c.ProductId)).ToListAsync(ct))
            .GroupBy(c => (c.ProductId, c.OrganisationId)).ToDictionary(g => g.Key, g => g.Min(c => c.Name));
        return memberships.Select(m => m with { Contact = contacts.GetValueOrDefault((m.ProductId, m.OrganisationId)) }).ToList();
    }

    private sealed record RoleItem(int Id, int ProductId, string Text);

    private sealed record SeatItem(int Id, int ProductId, string Text);

    /// <summary>The current supplier roles and seats of the products (all products when null).</summary>
    private static async Task<(List<RoleItem> Roles, List<SeatItem> Seats)> ProductItemsAsync(OS2HubDbContext db, IReadOnlyList<int>? products, DateOnly today, CancellationToken ct)
    {
        var roles = await db.Participations.AsNoTracking().Where(Dated.CurrentOn(today, ParticipationKind.Supplier)).Where(x => products == null || products.Contains(x.ProductId))
            .OrderBy(x => x.Organisation!.Name).Select(x => new { x.Id, x.ProductId, x.Organisation!.Name, x.Role, x.RoleText }).ToListAsync(ct);
        var seats = await db.WorkingGroupMembers.AsNoTracking().Where(Dated.CurrentOn<WorkingGroupMember>(today))
            .Join(db.WorkingGroups, m => m.WorkingGroupId, g => g.Id, (m, g) => new { m.Id, g.ProductId, g.Kind, GroupName = g.Name, Organisation = m.Organisation!.Name })
            .Where(x => products == null || products.Contains(x.ProductId)).OrderBy(x => x.Kind).ThenBy(x => x.Organisation).ToListAsync(ct);
        return (roles.Select(r => new RoleItem(r.Id, r.ProductId, $"{r.Name}: {(r.Role is { } role and not SupplierRole.Unknown ? Texts.Get($"SupplierRole_{role}") : r.RoleText)}")).ToList(),
            seats.Select(s => new SeatItem(s.Id, s.ProductId, $"{s.GroupName ?? Texts.Get($"WorkingGroup_{s.Kind}")}: {s.Organisation}")).ToList());
    }

    private static async Task<List<ProductTask>> ProductTasksAsync(OS2HubDbContext db, IReadOnlyList<int> products, DateOnly today, List<Confirmation> answers,
        List<MembershipTask> memberships, CancellationToken ct)
    {
        if (products.Count == 0)
        {
            return [];
        }

        var items = await ProductItemsAsync(db, products, today, ct);
        var confirmedRoles = answers.Where(a => a.Subject == ConfirmationSubject.SupplierRole).Select(a => a.ParticipationId).ToHashSet();
        var confirmedSeats = answers.Where(a => a.Subject == ConfirmationSubject.Seat).Select(a => a.WorkingGroupMemberId).ToHashSet();
        var names = await db.Products.AsNoTracking().Where(p => products.Contains(p.Id)).OrderBy(p => p.Name).Select(p => new { p.Id, p.Slug, p.Name }).ToListAsync(ct);
        return names.Select(p => new ProductTask(p.Id, p.Slug, p.Name,
                items.Roles.Where(r => r.ProductId == p.Id).Select(r => new ItemLine(r.Text, confirmedRoles.Contains(r.Id))).ToList(),
                items.Seats.Where(s => s.ProductId == p.Id).Select(s => new ItemLine(s.Text, confirmedSeats.Contains(s.Id))).ToList(),
                memberships.Where(m => m.ProductId == p.Id && m.Answer is null).Select(m => m.OrganisationName).ToList()))
            .ToList();
    }
}
