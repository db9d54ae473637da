using Microsoft.EntityFrameworkCore;
using OS2Hub.Web.Data;
using OS2Hub.Web.Data.Entities;
using OS2Hub.Web.Features.Access;

namespace OS2Hub.Web.Features.Memberships;

public enum JoinState
{
    CanJoin,
    Member,
    Upcoming,
    Requested,
}

public sealed record JoinOption(int OrganisationId, string OrganisationName, JoinState State, DateOnly? Date, int? RequestId);

public sealed record JoinOptions(int ProductId, string ProductName, string? AgreementUrl, IReadOnlyList<JoinOption> Authorities);

public sealed record RequestRow(
    int Id,
    string ProductSlug,
    string ProductName,
    int OrganisationId,
    string OrganisationSlug,
    string OrganisationName,
    SizeClass? SizeClass,
    string? ContactName,
    bool WantsCoordinationGroup,
    bool WantsProfessionalGroup,
    bool SteeringGroupCandidate,
    DateOnly IntendedStart,
    string? Comment,
    bool AgreementPresented,
    JoinRequestStatus Status,
    DateTime CreatedAt,
    DateTime? DecidedAt,
    string? DecisionReason,
    DateOnly? StartDate);

public sealed record LogRow(DateTime At, string User, MembershipAction Action, string ProductSlug, string ProductName, string OrganisationName, DateOnly? EffectiveDate, string? Reason);

public sealed record MembershipRow(int ProductId, string ProductSlug, string ProductName, int OrganisationId, string OrganisationName, DateOnly? StartDate);

/// <summary>What the join pages show. Every list is scoped by the user's grants, read from the database on each call.</summary>
public sealed class MembershipQueries(IDbContextFactory<OS2HubDbContext> dbFactory, TimeProvider clock)
{
    public async Task<JoinOptions?> JoinOptionsAsync(string userId, int productId, CancellationToken ct = default)
    {
        var today = Today();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var product = await db.Products.AsNoTracking().Where(p => p.Id == productId).Select(p => new { p.Id, p.Name, p.JoinAgreementUrl }).FirstOrDefaultAsync(ct);
        if (product is null)
        {
            return null;
        }

        var ids = await AuthorityIdsAsync(db, userId, ct);
        var authorities = await db.Organisations.AsNoTracking().Where(o => ids.Contains(o.Id)).Select(o => new { o.Id, o.Name }).ToListAsync(ct);
        var memberships = await db.Participations.AsNoTracking().Where(Dated.NotEndedOn<Participation>(today))
            .Where(x => x.ProductId == productId && x.Kind == ParticipationKind.Member && ids.Contains(x.OrganisationId))
            .Select(x => new { x.OrganisationId, x.StartDate }).ToListAsync(ct);
        var open = await db.JoinRequests.AsNoTracking()
            .Where(r => r.ProductId == productId && ids.Contains(r.OrganisationId) && r.Status == JoinRequestStatus.Pending)
            .Select(r => new { r.OrganisationId, r.Id, r.IntendedStart }).ToListAsync(ct);

        var options = authorities.OrderBy(a => a.Name, StringComparer.Ordinal).Select(a =>
        {
            var membership = memberships.FirstOrDefault(m => m.OrganisationId == a.Id);
            var request = open.FirstOrDefault(r => r.OrganisationId == a.Id);
            return membership is not null
                ? new JoinOption(a.Id, a.Name, membership.StartDate > today ? JoinState.Upcoming : JoinState.Member, membership.StartDate, null)
                : request is not null
                    ? new JoinOption(a.Id, a.Name, JoinState.Requested, request.IntendedStart, request.Id)
                    : new JoinOption(a.Id, a.Name, JoinState.CanJoin, null, null);
        }).ToList();
        return new JoinOptions(product.Id, product.Name, product.JoinAgreementUrl, options);
    }

    /// <summary>Open requests the user may decide: all for the secretariat, its products' for a produktkoordinator.</summary>
    public async Task<IReadOnlyList<RequestRow>> ToDecideAsync(string userId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var access = await AccessService.ForAsync(db, userId, ct);
        var all = access.IsSecretariat;
        var products = access.CoordinatedProducts;
        if (!all && products.Count == 0)
        {
            return [];
        }

        var query = db.JoinRequests.AsNoTracking().Where(r => r.Status == JoinRequestStatus.Pending);
        if (!all)
        {
            query = query.Where(r => products.Contains(r.ProductId));
        }

        return await RowsAsync(db, query.OrderBy(r => r.CreatedAt), ct);
    }

    /// <summary>Requests of the authorities the user is IT-koordinator for, newest first.</summary>
    public async Task<IReadOnlyList<RequestRow>> MineAsync(string userId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var ids = await AuthorityIdsAsync(db, userId, ct);
        return await RowsAsync(db, db.JoinRequests.AsNoTracking().Where(r => ids.Contains(r.OrganisationId)).OrderByDescending(r => r.CreatedAt), ct);
    }

    /// <summary>Current and upcoming memberships of the user's authorities, which it may leave.</summary>
    public async Task<IReadOnlyList<MembershipRow>> MyMembershipsAsync(string userId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var ids = await AuthorityIdsAsync(db, userId, ct);
        return await db.Participations.AsNoTracking()
            .Where(x => x.Kind == ParticipationKind.Member && x.EndDate == null && ids.Contains(x.OrganisationId))
            .OrderBy(x => x.Product!.Name)
            .Select(x => new MembershipRow(x.ProductId, x.Product!.Slug, x.Product.Name, x.OrganisationId, x.Organisation!.Name, x.StartDate))
            .ToListAsync(ct);
    }

    /// <summary>The authorities the user is IT-koordinator for, to link to their contact persons.</summary>
    public async Task<IReadOnlyList<(string Slug, string Name)>> MyAuthoritiesAsync(string userId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var ids = await AuthorityIdsAsync(db, userId, ct);
        return (await db.Organisations.AsNoTracking().Where(o => ids.Contains(o.Id)).OrderBy(o => o.Name).Select(o => new { o.Slug, o.Name }).ToListAsync(ct))
            .Select(o => (o.Slug, o.Name)).ToList();
    }

    /// <summary>The full log of the join workflow, newest first; null for anyone but the secretariat.</summary>
    public async Task<IReadOnlyList<LogRow>?> LogAsync(string userId, int take = 500, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await AccessService.IsSecretariatAsync(db, userId, ct))
        {
            return null;
        }

        return await db.MembershipEvents.AsNoTracking()
            .OrderByDescending(e => e.At).Take(take)
            .Select(e => new LogRow(
                e.At,
                db.Users.Where(u => u.Id == e.UserId).Select(u => u.DisplayName).FirstOrDefault() ?? e.UserId,
                e.Action,
                db.Products.Where(p => p.Id == e.ProductId).Select(p => p.Slug).First(),
                db.Products.Where(p => p.Id == e.ProductId).Select(p => p.Name).First(),
                db.Organisations.Where(o => o.Id == e.OrganisationId).Select(o => o.Name).First(),
                e.EffectiveDate,
                e.Reason))
            .ToListAsync(ct);
    }

    private static async Task<IReadOnlyList<int>> AuthorityIdsAsync(OS2HubDbContext db, string userId, CancellationToken ct) =>
        (await AccessService.ForAsync(db, userId, ct)).Authorities;

    private static async Task<IReadOnlyList<RequestRow>> RowsAsync(OS2HubDbContext db, IQueryable<JoinRequest> requests, CancellationToken ct)
    {
        var rows = await requests.Select(r => new
        {
            r.Id, ProductSlug = r.Product!.Slug, ProductName = r.Product.Name, r.OrganisationId, OrganisationSlug = r.Organisation!.Slug,
            OrganisationName = r.Organisation.Name,
            Population = r.Organisation.PopulationFigures.OrderByDescending(p => p.AsOf).Select(p => (int?)p.Population).FirstOrDefault(),
            r.ContactName, r.WantsCoordinationGroup, r.WantsProfessionalGroup, r.SteeringGroupCandidate, r.IntendedStart, r.Comment,
            r.AgreementPresented, r.Status, r.CreatedAt, r.DecidedAt, r.DecisionReason, r.StartDate,
        }).ToListAsync(ct);
        return rows.Select(r => new RequestRow(r.Id, r.ProductSlug, r.ProductName, r.OrganisationId, r.OrganisationSlug, r.OrganisationName,
            r.Population is { } p ? SizeClasses.FromPopulation(p) : null, r.ContactName, r.WantsCoordinationGroup, r.WantsProfessionalGroup,
            r.SteeringGroupCandidate, r.IntendedStart, r.Comment, r.AgreementPresented, r.Status, r.CreatedAt, r.DecidedAt, r.DecisionReason, r.StartDate)).ToList();
    }

    private DateOnly Today() => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
}
