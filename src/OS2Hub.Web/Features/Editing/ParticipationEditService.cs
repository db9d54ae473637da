using Microsoft.EntityFrameworkCore;
using OS2Hub.Web.Data;
using OS2Hub.Web.Data.Entities;
using OS2Hub.Web.Features.Access;
using OS2Hub.Web.Features.Products;
using OS2Hub.Web.Features.Localization;

namespace OS2Hub.Web.Features.Editing;

public sealed record EngagementRow(int Id, int Version, int OrganisationId, string Supplier, SupplierRole Role, string? RoleText, DateOnly? StartDate, DateOnly? EndDate, bool IsInferred,
    string? Source = null, string? ImportedFrom = null);

public sealed record MemberRow(int Id, int Version, int OrganisationId, string Organisation, DateOnly? StartDate, DateOnly? EndDate, string? Source,
    string? AgreementReference = null, string? ImportedFrom = null);

/// <summary>
/// Who takes part in a product, from when to when. Supplier roles: the secretariat and the product's produktkoordinator.
/// Co-ownership normally comes through the join workflow; the secretariat records memberships that predate the hub and
/// corrects their periods here. Ending sets an end date; rows are never deleted, so the history stays.
/// </summary>
public sealed class ParticipationEditService(IDbContextFactory<OS2HubDbContext> dbFactory, TimeProvider clock)
{
    public async Task<IReadOnlyList<EngagementRow>?> ListAsync(string userId, int productId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await AccessService.DecidesAsync(db, userId, productId, ct))
        {
            return null;
        }

        return await db.Participations.AsNoTracking()
            .Where(x => x.ProductId == productId && x.Kind == ParticipationKind.Supplier)
            .OrderBy(x => x.Organisation!.Name).ThenBy(x => x.StartDate)
            .Select(x => new EngagementRow(x.Id, x.Version, x.OrganisationId, x.Organisation!.Name, x.Role ?? SupplierRole.Unknown, x.RoleText, x.StartDate, x.EndDate, x.IsInferred, x.Source, x.ImportedFrom))
            .ToListAsync(ct);
    }

    /// <summary>The product's memberships, current and ended, for the secretariat; null for anyone else.</summary>
    public async Task<IReadOnlyList<MemberRow>?> MembersAsync(string userId, int productId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await AccessService.IsSecretariatAsync(db, userId, ct))
        {
            return null;
        }

        return await db.Participations.AsNoTracking()
            .Where(x => x.ProductId == productId && x.Kind == ParticipationKind.Member)
            .OrderBy(x => x.Organisation!.Name).ThenBy(x => x.StartDate)
            .Select(x => new MemberRow(x.Id, x.Version, x.OrganisationId, x.Organisation!.Name, x.StartDate, x.EndDate, x.Source, x.AgreementReference, x.ImportedFrom))
            .ToListAsync(ct);
    }

    /// <summary>Records a co-ownership the hub did not see happen (e.g. since 2016), with its source; the secretariat only.</summary>
    public async Task<OperationResult> AddMemberAsync(string userId, int productId, int? organisationId, DateOnly? start, DateOnly? end, string? source, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await AccessService.IsSecretariatAsync(db, userId, ct))
        {
            return OperationResult.Denied;
        }

        var errors = new Dictionary<string, string>();
        var kind = organisationId is null ? null : await db.Organisations.Where(o => o.Id == organisationId).Select(o => (OrganisationKind?)o.Kind).FirstOrDefaultAsync(ct);
        if (kind is null)
        {
            errors["Member"] = Texts.Get("Member_Error_Authority");
        }
        else if (kind == OrganisationKind.Company)
        {
            errors["Member"] = Texts.Get("Member_Error_NotAuthority");
        }

        if (start is null)
        {
            errors["MemberStart"] = Texts.Get("Member_Error_Start");
        }
        else if (end is not null && end <= start)
        {
            errors["MemberEnd"] = Periods.EndBeforeStart;
        }

        var cleanSource = string.IsNullOrWhiteSpace(source) ? null : source.Trim();
        if (cleanSource is null || cleanSource.Length > 2000)
        {
            errors["MemberSource"] = Texts.Get("Member_Error_Source");
        }

        if (errors.Count > 0)
        {
            return OperationResult.Invalid(Texts.Get("Member_Error_NotSaved"), errors);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var membership = new Participation
        {
            ProductId = productId, OrganisationId = organisationId!.Value, Kind = ParticipationKind.Member, StartDate = start, EndDate = end,
            Source = cleanSource, SourceDate = DateOnly.FromDateTime(now), CreatedAt = now, ChangedAt = now,
        };
        db.Participations.Add(membership);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (DbErrors.IsOverlappingMembership(e) || DbErrors.IsUniqueViolation(e))
        {
            return Overlap();
        }

        await LogAndTouchAsync(db, userId, productId, membership, null, $"{start:yyyy-MM-dd}–{end:yyyy-MM-dd}", ct);
        return OperationResult.Ok(membership.Id);
    }

    /// <summary>Public authorities, which alone can co-own a product.</summary>
    public async Task<IReadOnlyList<(int Id, string Name)>> AuthoritiesAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return (await db.Organisations.AsNoTracking().Where(o => o.Kind != OrganisationKind.Company).OrderBy(o => o.Name)
            .Select(o => new { o.Id, o.Name }).ToListAsync(ct)).Select(o => (o.Id, o.Name)).ToList();
    }

    /// <summary>Organisations that can take a supplier role: companies, and authorities acting through an IT department.</summary>
    public async Task<IReadOnlyList<(int Id, string Name)>> CandidatesAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return (await db.Organisations.AsNoTracking().OrderBy(o => o.Kind != OrganisationKind.Company).ThenBy(o => o.Name)
            .Select(o => new { o.Id, o.Name }).ToListAsync(ct)).Select(o => (o.Id, o.Name)).ToList();
    }

    public async Task<OperationResult> AddAsync(string userId, int productId, int? organisationId, SupplierRole role, DateOnly? start, DateOnly? end, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await AccessService.DecidesAsync(db, userId, productId, ct))
        {
            return OperationResult.Denied;
        }

        var errors = new Dictionary<string, string>();
        if (organisationId is null || !await db.Organisations.AnyAsync(o => o.Id == organisationId, ct))
        {
            errors["Supplier"] = Texts.Get("Supplier_Error_Supplier");
        }

        if (role == SupplierRole.Unknown)
        {
            errors["Role"] = Texts.Get("Supplier_Error_Role");
        }

        if (Periods.Backwards(start, end))
        {
            errors["EndDate"] = Periods.EndBeforeStart;
        }

        if (errors.Count == 0 && await db.Participations.AnyAsync(x => x.ProductId == productId && x.OrganisationId == organisationId
                && x.Kind == ParticipationKind.Supplier && x.Role == role && x.EndDate == null, ct))
        {
            errors["Role"] = Texts.Get("Supplier_Error_RoleOpen");
        }

        if (errors.Count > 0)
        {
            return OperationResult.Invalid(Texts.Get("Supplier_Error_NotSaved"), errors);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var participation = new Participation
        {
            ProductId = productId, OrganisationId = organisationId!.Value, Kind = ParticipationKind.Supplier, Role = role,
            StartDate = start, EndDate = end, Source = "Registreret i OS2Hub", SourceDate = DateOnly.FromDateTime(now), CreatedAt = now, ChangedAt = now,
        };
        db.Participations.Add(participation);
        await db.SaveChangesAsync(ct);
        await LogAndTouchAsync(db, userId, productId, participation, null, $"{role} {start:yyyy-MM-dd}–{end:yyyy-MM-dd}", ct);
        return OperationResult.Ok(participation.Id);
    }

    /// <summary>Changes a role's period; <paramref name="version"/> is the row's version the editor saw, so a save over someone else's is refused.</summary>
    public async Task<OperationResult> SetPeriodAsync(string userId, int participationId, int version, DateOnly? start, DateOnly? end, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var participation = await db.Participations.FirstOrDefaultAsync(x => x.Id == participationId, ct);
        if (participation is null)
        {
            return OperationResult.NotFound;
        }

        // A membership's period is the secretariat's to correct; a supplier role's also the product's produktkoordinator's.
        var access = await AccessService.ForAsync(db, userId, ct);
        var allowed = participation.Kind == ParticipationKind.Member
            ? access.IsSecretariat
            : access.Decides(participation.ProductId);
        if (!allowed)
        {
            return OperationResult.Denied;
        }

        if (Periods.Backwards(start, end))
        {
            return OperationResult.Invalid(Periods.EndBeforeStart, new Dictionary<string, string> { ["EndDate"] = Periods.EndBeforeStart });
        }

        var before = $"{participation.StartDate:yyyy-MM-dd}–{participation.EndDate:yyyy-MM-dd}";
        if (participation.Version != version)
        {
            return PeriodChanged(before);
        }

        (participation.StartDate, participation.EndDate) = (start, end);
        participation.EndDateIsDemo = false; // a period someone set is theirs, not the demo generator's
        participation.ChangedAt = clock.GetUtcNow().UtcDateTime;
        participation.Version++;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return PeriodChanged(null);
        }
        catch (DbUpdateException e) when (DbErrors.IsOverlappingMembership(e) || DbErrors.IsUniqueViolation(e))
        {
            return Overlap();
        }

        await LogAndTouchAsync(db, userId, participation.ProductId, participation, before, $"{start:yyyy-MM-dd}–{end:yyyy-MM-dd}", ct);
        return OperationResult.Ok(participationId);
    }

    private static OperationResult Overlap() => OperationResult.Invalid(Texts.Get("Member_Error_Overlap"),
        new Dictionary<string, string> { ["MemberStart"] = Texts.Get("Member_Error_OverlapField") });

    private static OperationResult PeriodChanged(string? saved) => OperationResult.Conflict(
        saved is null ? Texts.Get("Period_Error_Conflict") : Texts.Format("Period_Error_ConflictWith", saved));

    private async Task LogAndTouchAsync(OS2HubDbContext db, string userId, int productId, Participation p, string? before, string after, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var supplier = await db.Organisations.Where(o => o.Id == p.OrganisationId).Select(o => o.Name).SingleAsync(ct);
        var field = p.Kind == ParticipationKind.Member ? $"Medejer: {supplier}" : $"Leverandør: {supplier} ({p.Role})"; // a record, not a message
        new ChangeRecorder(userId, now, nameof(Product), productId).Add(field, before, after).WriteTo(db);
        await db.Products.Where(x => x.Id == productId).ExecuteUpdateAsync(u => u.SetProperty(x => x.UpdatedAt, now), ct);
        await db.SaveChangesAsync(ct);
        // Current supplier names are part of the searchable text.
        await CatalogSearch.RefreshAsync(db, [productId], ct);
    }
}
