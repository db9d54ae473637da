using Microsoft.EntityFrameworkCore;
using OS2Hub.Web.Data;
using OS2Hub.Web.Data.Entities;
using OS2Hub.Web.Features.Access;
using OS2Hub.Web.Features.Localization;

namespace OS2Hub.Web.Features.Memberships;

/// <summary>
/// The join workflow: request, withdraw, approve, reject, leave. Every action reads the acting user's grants from
/// the database and checks them here, whatever the UI shows; a denied action changes nothing. Races are settled by
/// the database: a unique index allows one open request per authority and product, and decisions update a request
/// only while it is still open.
/// </summary>
public sealed class JoinWorkflowService(IDbContextFactory<OS2HubDbContext> dbFactory, TimeProvider clock, Notifier notifier)
{
    private const int MaxComment = 2000;

    public async Task<OperationResult> RequestAsync(string userId, JoinRequestInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var access = await AccessService.ForAsync(db, userId, ct);
        if (!access.ActsFor(input.OrganisationId))
        {
            return OperationResult.Denied;
        }

        var product = await db.Products.AsNoTracking().FirstOrDefaultAsync(p => p.Id == input.ProductId, ct);
        var authority = await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == input.OrganisationId, ct);
        if (product is null || authority is null)
        {
            return OperationResult.NotFound;
        }

        var today = Today();
        var errors = new Dictionary<string, string>();
        if (string.IsNullOrWhiteSpace(input.ContactName))
        {
            errors[nameof(input.ContactName)] = Texts.Get("Join_Error_ContactRequired");
        }
        else if (input.ContactName.Length > 200)
        {
            errors[nameof(input.ContactName)] = Texts.Get("Join_Error_ContactTooLong");
        }

        if (input.IntendedStart is null)
        {
            errors[nameof(input.IntendedStart)] = Texts.Get("Join_Error_StartRequired");
        }
        else if (input.IntendedStart < today)
        {
            errors[nameof(input.IntendedStart)] = Texts.Get("Join_Error_StartPast");
        }

        if (input.Comment?.Length > MaxComment)
        {
            errors[nameof(input.Comment)] = Texts.Format("Join_Error_CommentTooLong", MaxComment);
        }

        if (product.JoinAgreementUrl is not null && !input.AcceptsAgreement)
        {
            errors[nameof(input.AcceptsAgreement)] = Texts.Get("Join_Error_Agreement");
        }

        if (errors.Count > 0)
        {
            return OperationResult.Invalid(Texts.Get("Join_Error_NotSent"), errors);
        }

        if (authority.ArchivedOn is { } archived && archived <= today)
        {
            return OperationResult.Invalid(Texts.Format("Join_Error_Archived", authority.Name));
        }

        if (authority.Kind == OrganisationKind.Company)
        {
            return OperationResult.Invalid(Texts.Get("Join_Error_NotAuthority"));
        }

        if (product.Lifecycle == LifecycleState.Retired)
        {
            return OperationResult.Invalid(Texts.Format("Join_Error_Retired", product.Name));
        }

        if (await db.Participations.Where(Dated.NotEndedOn<Participation>(today))
                .AnyAsync(x => x.ProductId == product.Id && x.OrganisationId == authority.Id && x.Kind == ParticipationKind.Member, ct))
        {
            return OperationResult.Invalid(Texts.Format("Join_Error_AlreadyMember", authority.Name, product.Name));
        }

        var request = new JoinRequest
        {
            ProductId = product.Id,
            OrganisationId = authority.Id,
            RequestedByUserId = userId,
            ContactName = input.ContactName!.Trim(),
            WantsCoordinationGroup = input.WantsCoordinationGroup,
            WantsProfessionalGroup = input.WantsProfessionalGroup,
            SteeringGroupCandidate = input.SteeringGroupCandidate,
            IntendedStart = input.IntendedStart!.Value,
            Comment = string.IsNullOrWhiteSpace(input.Comment) ? null : input.Comment.Trim(),
            AgreementPresented = product.JoinAgreementUrl is not null,
            Status = JoinRequestStatus.Pending,
            CreatedAt = Now(),
        };
        // The request and its log entry are written together or not at all.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var contact = await Contacts.ContactService.FindOrCreateAsync(db, authority.Id, request.ContactName, request.CreatedAt, ct);
        if (contact.Id == 0)
        {
            // Saved inside the transaction: if the request is refused below, the new contact goes with it.
            await db.SaveChangesAsync(ct);
        }

        request.ContactPersonId = contact.Id;
        db.JoinRequests.Add(request);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            return OperationResult.Conflict(Texts.Format("Join_Error_OpenRequest", authority.Name, product.Name));
        }

        db.MembershipEvents.Add(Event(userId, MembershipAction.Requested, request, request.IntendedStart, null));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        await notifier.StepAsync(request.ProductId, request.OrganisationId, userId, userId,
            "Notification_Requested", [request.IntendedStart], ct);
        return OperationResult.Ok(request.Id);
    }

    public async Task<OperationResult> WithdrawAsync(string userId, int requestId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var request = await db.JoinRequests.AsNoTracking().FirstOrDefaultAsync(r => r.Id == requestId, ct);
        if (request is null)
        {
            return OperationResult.NotFound;
        }

        if (!await AccessService.ActsForAsync(db, userId, request.OrganisationId, ct))
        {
            return OperationResult.Denied;
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (!await CloseAsync(db, requestId, JoinRequestStatus.Withdrawn, userId, null, null, null, ct))
        {
            return AlreadyDecided();
        }

        db.MembershipEvents.Add(Event(userId, MembershipAction.Withdrawn, request, null, null));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        await notifier.StepAsync(request.ProductId, request.OrganisationId, request.RequestedByUserId, userId,
            "Notification_Withdrawn", [], ct);
        return OperationResult.Ok(requestId);
    }

    public async Task<OperationResult> ApproveAsync(string userId, int requestId, string? agreementReference, DateOnly? startDate, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var request = await db.JoinRequests.AsNoTracking().FirstOrDefaultAsync(r => r.Id == requestId, ct);
        if (request is null)
        {
            return OperationResult.NotFound;
        }

        if (!await AccessService.DecidesAsync(db, userId, request.ProductId, ct))
        {
            return OperationResult.Denied;
        }

        if (startDate is null)
        {
            return OperationResult.Invalid(Texts.Get("Join_Error_MembershipStart"), new Dictionary<string, string> { ["StartDate"] = Texts.Get("Join_Error_MembershipStart") });
        }

        if (agreementReference?.Length > 500)
        {
            return OperationResult.Invalid(Texts.Get("Join_Error_ReferenceTooLong"), new Dictionary<string, string> { ["AgreementReference"] = Texts.Get("Join_Error_ReferenceTooLong") });
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var reference = string.IsNullOrWhiteSpace(agreementReference) ? null : agreementReference.Trim();
        if (!await CloseAsync(db, requestId, JoinRequestStatus.Approved, userId, null, reference, startDate, ct))
        {
            return AlreadyDecided();
        }

        db.Participations.Add(new Participation
        {
            ProductId = request.ProductId,
            OrganisationId = request.OrganisationId,
            Kind = ParticipationKind.Member,
            StartDate = startDate,
            Source = reference is null ? "Tilslutning godkendt i OS2Hub" : $"Tilslutning godkendt i OS2Hub ({reference})",
            SourceDate = Today(),
            CreatedAt = Now(),
            ChangedAt = Now(),
        });
        db.MembershipEvents.Add(Event(userId, MembershipAction.Approved, request, startDate, reference));
        if (request.ContactPersonId is { } contactId)
        {
            // The contact named in the request becomes the authority's contact for the product from the start date.
            db.ContactRoles.Add(new ContactRole { ContactPersonId = contactId, ProductId = request.ProductId, Kind = ContactRoleKind.General, StartDate = startDate });
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e) || DbErrors.IsOverlappingMembership(e))
        {
            return OperationResult.Conflict(Texts.Get("Join_Error_Overlap"));
        }

        await tx.CommitAsync(ct);
        await notifier.StepAsync(request.ProductId, request.OrganisationId, request.RequestedByUserId, userId,
            "Notification_Approved", [startDate], ct);
        return OperationResult.Ok(requestId);
    }

    public async Task<OperationResult> RejectAsync(string userId, int requestId, string? reason, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var request = await db.JoinRequests.AsNoTracking().FirstOrDefaultAsync(r => r.Id == requestId, ct);
        if (request is null)
        {
            return OperationResult.NotFound;
        }

        if (!await AccessService.DecidesAsync(db, userId, request.ProductId, ct))
        {
            return OperationResult.Denied;
        }

        if (string.IsNullOrWhiteSpace(reason) || reason.Length > MaxComment)
        {
            var message = string.IsNullOrWhiteSpace(reason) ? Texts.Get("Join_Error_ReasonRequired") : Texts.Format("Join_Error_ReasonTooLong", MaxComment);
            return OperationResult.Invalid(message, new Dictionary<string, string> { ["Reason"] = message });
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (!await CloseAsync(db, requestId, JoinRequestStatus.Rejected, userId, reason.Trim(), null, null, ct))
        {
            return AlreadyDecided();
        }

        db.MembershipEvents.Add(Event(userId, MembershipAction.Rejected, request, null, reason.Trim()));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        await notifier.StepAsync(request.ProductId, request.OrganisationId, request.RequestedByUserId, userId,
            "Notification_Rejected", [reason.Trim()], ct);
        return OperationResult.Ok(requestId);
    }

    public Task<OperationResult> LeaveAsync(string userId, int productId, int organisationId, DateOnly? endDate, CancellationToken ct = default) =>
        LeaveAsync(userId, productId, organisationId, endDate, null, ct);

    /// <summary>
    /// Ends a membership. An IT-koordinator cannot end it before 1 January of the current budget year (that year's
    /// share is already owed); the secretariat can, as a correction with a reason, which the log keeps.
    /// </summary>
    public async Task<OperationResult> LeaveAsync(string userId, int productId, int organisationId, DateOnly? endDate, string? correctionReason, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var access = await AccessService.ForAsync(db, userId, ct);
        if (!access.ActsFor(organisationId))
        {
            return OperationResult.Denied;
        }

        if (endDate is null)
        {
            return OperationResult.Invalid(Texts.Get("Join_Error_MembershipEnd"), new Dictionary<string, string> { ["EndDate"] = Texts.Get("Join_Error_MembershipEnd") });
        }

        var budgetYearStart = new DateOnly(Today().Year, 1, 1);
        var reason = string.IsNullOrWhiteSpace(correctionReason) ? null : correctionReason.Trim();
        if (endDate < budgetYearStart && !access.IsSecretariat)
        {
            var message = Texts.Format("Join_Error_EndBeforeBudgetYear", budgetYearStart);
            return OperationResult.Invalid(message, new Dictionary<string, string> { ["EndDate"] = message });
        }

        if (endDate < budgetYearStart && reason is null)
        {
            var message = Texts.Get("Join_Error_CorrectionReason");
            return OperationResult.Invalid(message, new Dictionary<string, string> { ["Reason"] = message });
        }

        if (reason is { Length: > 500 })
        {
            return OperationResult.Invalid(Texts.Get("Join_Error_CorrectionReasonLength"), new Dictionary<string, string> { ["Reason"] = Texts.Get("Join_Error_CorrectionReasonLength") });
        }

        var membership = await db.Participations.FirstOrDefaultAsync(x => x.ProductId == productId && x.OrganisationId == organisationId
            && x.Kind == ParticipationKind.Member && x.EndDate == null, ct);
        if (membership is null)
        {
            return OperationResult.Invalid(Texts.Get("Join_Error_NotMember"));
        }

        if (membership.StartDate is { } start && endDate <= start)
        {
            return OperationResult.Invalid(Periods.EndBeforeStart, new Dictionary<string, string> { ["EndDate"] = Periods.EndBeforeStart });
        }

        // The membership is closed, never deleted: the history of who was a member when stays.
        membership.EndDate = endDate;
        membership.ChangedAt = Now();
        membership.Version++;
        db.MembershipEvents.Add(new MembershipEvent
        {
            At = Now(), UserId = userId, Action = MembershipAction.Left, ProductId = productId, OrganisationId = organisationId, EffectiveDate = endDate,
            Reason = endDate < budgetYearStart ? reason : null,
        });
        await db.SaveChangesAsync(ct);
        await notifier.StepAsync(productId, organisationId, null, userId, "Notification_Leaving", [endDate], ct);
        return OperationResult.Ok(membership.Id);
    }

    /// <summary>Sets or clears the product's tilslutningsaftale (a link). The secretariat or the product's produktkoordinator.</summary>
    public async Task<OperationResult> SetAgreementAsync(string userId, int productId, string? url, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await AccessService.DecidesAsync(db, userId, productId, ct))
        {
            return OperationResult.Denied;
        }

        var value = InputRules.Clean(url);
        if (!InputRules.IsWebAddressOrEmpty(value))
        {
            var message = Texts.Get("Common_Error_HttpsUrl");
            return OperationResult.Invalid(message, new Dictionary<string, string> { ["AgreementUrl"] = message });
        }

        var product = await db.Products.FirstOrDefaultAsync(p => p.Id == productId, ct);
        if (product is null)
        {
            return OperationResult.NotFound;
        }

        product.JoinAgreementUrl = value;
        product.UpdatedAt = Now();
        await db.SaveChangesAsync(ct);
        return OperationResult.Ok(productId);
    }

    /// <summary>Closes a request only if it is still open; false when someone else got there first.</summary>
    private async Task<bool> CloseAsync(OS2HubDbContext db, int requestId, JoinRequestStatus status, string userId, string? reason,
        string? agreementReference, DateOnly? startDate, CancellationToken ct)
    {
        var now = Now();
        var rows = await db.JoinRequests
            .Where(r => r.Id == requestId && r.Status == JoinRequestStatus.Pending)
            .ExecuteUpdateAsync(s => s
                .SetProperty(r => r.Status, status)
                .SetProperty(r => r.DecidedByUserId, userId)
                .SetProperty(r => r.DecidedAt, now)
                .SetProperty(r => r.DecisionReason, reason)
                .SetProperty(r => r.AgreementReference, agreementReference)
                .SetProperty(r => r.StartDate, startDate), ct);
        return rows == 1;
    }

    private static OperationResult AlreadyDecided() =>
        OperationResult.Conflict(Texts.Get("Join_Error_AlreadyDecided"));

    private MembershipEvent Event(string userId, MembershipAction action, JoinRequest request, DateOnly? effective, string? reason) => new()
    {
        At = Now(), UserId = userId, Action = action, ProductId = request.ProductId, OrganisationId = request.OrganisationId,
        JoinRequestId = request.Id, EffectiveDate = effective, Reason = reason,
    };

    private DateTime Now() => clock.GetUtcNow().UtcDateTime;

    private DateOnly Today() => DateOnly.FromDateTime(Now());
}
