using Microsoft.EntityFrameworkCore;
using OS2Hub.Web.Data;
using OS2Hub.Web.Data.Entities;

namespace OS2Hub.Web.Features.Access;

/// <summary>
/// The one place that answers "may this user do X to Y". Every service asks here, inside its own short-lived context,
/// before it reads or changes anything; pages ask <see cref="RolesAsync"/> only to choose which links to show.
/// Grants are read from the database on every action, so a revoked grant stops working at once.
/// </summary>
public sealed class AccessService(IDbContextFactory<OS2HubDbContext> dbFactory)
{
    /// <summary>The roles the user holds now, for choosing which links to show (every action checks again).</summary>
    public async Task<IReadOnlySet<GrantRole>> RolesAsync(string userId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return (await ForAsync(db, userId, ct)).Roles;
    }

    /// <summary>Whether the user is the secretariat, for choosing what a page shows (every action checks again).</summary>
    public async Task<bool> IsSecretariatAsync(string userId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await IsSecretariatAsync(db, userId, ct);
    }

    /// <summary>Whether the user decides for the product (the secretariat or its produktkoordinator), for what a page shows.</summary>
    public async Task<bool> DecidesAsync(string userId, int productId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await DecidesAsync(db, userId, productId, ct);
    }

    /// <summary>Whether the user acts for the authority (the secretariat or its IT-koordinator), for what a page shows.</summary>
    public async Task<bool> ActsForAsync(string userId, int organisationId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await ActsForAsync(db, userId, organisationId, ct);
    }

    /// <summary>Whether the user holds the secretariat grant but cannot use it until the account has a second factor.</summary>
    public async Task<bool> SecretariatPausedAsync(string userId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await SecretariatPausedAsync(db, userId, ct);
    }

    /// <summary>
    /// The secretariat can change every fact and every grant, so its grant counts only on an account that a password
    /// alone cannot open: one with the authenticator as second factor, or one without a password (single sign-on,
    /// where the organisation's provider does the strong part). No setting turns this off.
    /// </summary>
    private static readonly System.Linq.Expressions.Expression<Func<AppUser, bool>> HasSecondFactorOrNoPassword =
        u => u.TwoFactorEnabled || u.PasswordHash == null;

    /// <summary>All the user's grants, for an operation that asks more than one question of them.</summary>
    public static async Task<UserAccess> ForAsync(OS2HubDbContext db, string? userId, CancellationToken ct)
    {
        if (userId is null)
        {
            return UserAccess.None;
        }

        var grants = await db.Grants.AsNoTracking().Where(g => g.UserId == userId).ToListAsync(ct);
        if (grants.Exists(g => g.Role == GrantRole.Secretariat) && !await db.Users.Where(u => u.Id == userId).AnyAsync(HasSecondFactorOrNoPassword, ct))
        {
            grants.RemoveAll(g => g.Role == GrantRole.Secretariat);
        }

        return new UserAccess(grants);
    }

    public static async Task<bool> IsSecretariatAsync(OS2HubDbContext db, string userId, CancellationToken ct) =>
        await db.Grants.AnyAsync(g => g.UserId == userId && g.Role == GrantRole.Secretariat, ct)
        && await db.Users.Where(u => u.Id == userId).AnyAsync(HasSecondFactorOrNoPassword, ct);

    public static async Task<bool> SecretariatPausedAsync(OS2HubDbContext db, string userId, CancellationToken ct) =>
        await db.Grants.AnyAsync(g => g.UserId == userId && g.Role == GrantRole.Secretariat, ct)
        && !await db.Users.Where(u => u.Id == userId).AnyAsync(HasSecondFactorOrNoPassword, ct);

    /// <summary>The secretariat, or a produktkoordinator of exactly this product.</summary>
    public static async Task<bool> DecidesAsync(OS2HubDbContext db, string userId, int productId, CancellationToken ct) =>
        (await ForAsync(db, userId, ct)).Decides(productId);

    /// <summary>The secretariat, or an IT-koordinator of exactly this authority.</summary>
    public static async Task<bool> ActsForAsync(OS2HubDbContext db, string userId, int organisationId, CancellationToken ct) =>
        (await ForAsync(db, userId, ct)).ActsFor(organisationId);
}

/// <summary>A user's grants at the start of one operation, and the rules that read them.</summary>
public sealed class UserAccess(IReadOnlyList<Grant> grants)
{
    public static UserAccess None { get; } = new([]);

    public IReadOnlySet<GrantRole> Roles { get; } = grants.Select(g => g.Role).ToHashSet();

    public bool IsSecretariat => Roles.Contains(GrantRole.Secretariat);

    /// <summary>The secretariat, or an IT-koordinator of exactly this authority.</summary>
    public bool ActsFor(int organisationId) =>
        IsSecretariat || grants.Any(g => g.Role == GrantRole.ItCoordinator && g.OrganisationId == organisationId);

    /// <summary>The secretariat, or a produktkoordinator of exactly this product.</summary>
    public bool Decides(int productId) =>
        IsSecretariat || grants.Any(g => g.Role == GrantRole.ProductCoordinator && g.ProductId == productId);

    /// <summary>The products this user coordinates (not all products for the secretariat).</summary>
    public IReadOnlyList<int> CoordinatedProducts => Scoped(GrantRole.ProductCoordinator, g => g.ProductId);

    /// <summary>The authorities this user is IT-koordinator for.</summary>
    public IReadOnlyList<int> Authorities => Scoped(GrantRole.ItCoordinator, g => g.OrganisationId);

    /// <summary>The authorities this user works for, as IT-koordinator or Medarbejder: whose co-ownerships open closed items and threads.</summary>
    public IReadOnlyList<int> Employers => grants.Where(g => g.Role is GrantRole.ItCoordinator or GrantRole.Staff).Select(g => g.OrganisationId).OfType<int>().Distinct().ToList();

    /// <summary>The suppliers this user is a contact of.</summary>
    public IReadOnlyList<int> Suppliers => Scoped(GrantRole.SupplierContact, g => g.OrganisationId);

    private List<int> Scoped(GrantRole role, Func<Grant, int?> scope) =>
        grants.Where(g => g.Role == role).Select(scope).OfType<int>().Distinct().ToList();
}
