using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using OS2Hub.Web.Data;
using OS2Hub.Web.Data.Entities;
using Microsoft.Extensions.Options;
using OS2Hub.Web.Features.Access;
using OS2Hub.Web.Features.Account;
using OS2Hub.Web.Features.Email;
using OS2Hub.Web.Features.Localization;

namespace OS2Hub.Web.Features.Users;

public sealed record GrantInfo(int Id, GrantRole Role, string? Scope);

public sealed record UserInfo(string Id, string DisplayName, string Email, bool HasPassword, IReadOnlyList<GrantInfo> Grants)
{
    public bool TwoFactor { get; init; }

    /// <summary>The identity providers the account is linked to, by display name.</summary>
    public IReadOnlyList<string> Providers { get; init; } = [];

    /// <summary>Holds the secretariat grant, but a password alone opens the account, so the grant does nothing yet.</summary>
    public bool SecretariatPaused => HasPassword && !TwoFactor && Grants.Any(g => g.Role == GrantRole.Secretariat);
}

public sealed record StaffMember(int GrantId, string Name, string Email, DateTime Since, bool Invited);

/// <summary>One authority's Medarbejdere, as its IT-koordinator sees them.</summary>
public sealed record StaffList(int OrganisationId, string Organisation, IReadOnlyList<StaffMember> Staff);

public sealed record InviteInput
{
    public string? Email { get; init; }
    public string? DisplayName { get; init; }
    public GrantRole Role { get; init; }
    public int? ProductId { get; init; }
    public int? OrganisationId { get; init; }
}

/// <summary>
/// The secretariat invites users and changes their grants; an IT-koordinator invites and ends its own authority's
/// Medarbejdere. There is no self-registration: an invitation creates the
/// account without a password and e-mails a link to set one. Grants are read on every action, so a revoked grant
/// stops working at once, also for a user with a page already open.
/// </summary>
public sealed class UserAdminService(
    IDbContextFactory<OS2HubDbContext> dbFactory,
    UserManager<AppUser> users,
    IEmailSender email,
    TimeProvider clock,
    IOptions<OS2HubOptions> hub,
    IOptions<SingleSignOnOptions> sso)
{
    public async Task<IReadOnlyList<UserInfo>?> ListAsync(string actorId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await AccessService.IsSecretariatAsync(db, actorId, ct))
        {
            return null;
        }

        var rows = await db.Users.AsNoTracking().OrderBy(u => u.DisplayName)
            .Select(u => new
            {
                u.Id, u.DisplayName, u.Email, HasPassword = u.PasswordHash != null, u.TwoFactorEnabled,
                Grants = u.Grants.Select(g => new { g.Id, g.Role, Product = g.Product!.Name, Organisation = g.Organisation!.Name }).ToList(),
            })
            .AsSplitQuery().ToListAsync(ct);
        var logins = (await db.UserLogins.AsNoTracking().Select(l => new { l.UserId, l.LoginProvider }).ToListAsync(ct)).ToLookup(l => l.UserId, l => l.LoginProvider);
        return rows.Select(u => new UserInfo(u.Id, u.DisplayName, u.Email ?? "", u.HasPassword,
            u.Grants.Select(g => new GrantInfo(g.Id, g.Role, g.Product ?? g.Organisation)).ToList())
        {
            TwoFactor = u.TwoFactorEnabled,
            Providers = logins[u.Id].Select(p => sso.Value.Find(p)?.DisplayName ?? p).ToList(),
        }).ToList();
    }

    public async Task<OperationResult> InviteAsync(string actorId, InviteInput input, Uri siteBase, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(siteBase);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!MayInvite(await AccessService.ForAsync(db, actorId, ct), input))
        {
            return OperationResult.Denied;
        }

        var errors = new Dictionary<string, string>();
        var address = input.Email?.Trim();
        if (string.IsNullOrEmpty(address) || !System.Net.Mail.MailAddress.TryCreate(address, out _) || address.Length > 256)
        {
            errors[nameof(input.Email)] = Texts.Get("Users_Error_Email");
        }

        if (string.IsNullOrWhiteSpace(input.DisplayName) || input.DisplayName.Length > 200)
        {
            errors[nameof(input.DisplayName)] = Texts.Get("Users_Error_Name");
        }

        var scopeError = await ScopeErrorAsync(db, input.Role, input.ProductId, input.OrganisationId, ct);
        if (scopeError is not null)
        {
            errors["Scope"] = scopeError;
        }

        if (errors.Count > 0)
        {
            return OperationResult.Invalid(Texts.Get("Users_Error_NotSent"), errors);
        }

        var user = await users.FindByEmailAsync(address!);
        var isNew = user is null;
        if (user is null)
        {
            user = new AppUser { UserName = address, Email = address, EmailConfirmed = true, DisplayName = input.DisplayName!.Trim() };
            var created = await users.CreateAsync(user);
            if (!created.Succeeded)
            {
                return OperationResult.Invalid(string.Join(" ", created.Errors.Select(e => e.Description)));
            }
        }

        if (await db.Grants.AnyAsync(g => g.UserId == user.Id && g.Role == input.Role && g.ProductId == Scoped(input).ProductId
                && g.OrganisationId == Scoped(input).OrganisationId, ct))
        {
            return OperationResult.Conflict(Texts.Get("Users_Error_HasRole"));
        }

        db.Grants.Add(new Grant { UserId = user.Id, Role = input.Role, ProductId = Scoped(input).ProductId, OrganisationId = Scoped(input).OrganisationId, CreatedAt = clock.GetUtcNow().UtcDateTime });
        await db.SaveChangesAsync(ct);

        if (isNew && !hub.Value.LocalSignIn)
        {
            // No passwords here: the invitation names the providers, and the first verified sign-in links the account.
            var providers = string.Join(" / ", sso.Value.Providers.Select(p => p.DisplayName));
            string subject, body;
            using (Texts.In(user.PreferredLanguage))
            {
                (subject, body) = (Texts.Get("Email_InvitationSubject"), Texts.Format("Email_InvitationSsoBody", user.DisplayName, providers, new Uri(siteBase, "konto/log-ind")));
            }

            await email.SendAsync(address!, subject, body, ct);
        }
        else if (isNew)
        {
            var token = await users.GeneratePasswordResetTokenAsync(user);
            var code = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));
            var link = new Uri(siteBase, $"konto/nulstil-adgangskode?bruger={Uri.EscapeDataString(user.Id)}&kode={code}");
            // A new account has chosen no language yet: Danish, the service's language.
            string subject, body;
            using (Texts.In(user.PreferredLanguage))
            {
                (subject, body) = (Texts.Get("Email_InvitationSubject"), Texts.Format("Email_InvitationBody", user.DisplayName, link));
            }

            await email.SendAsync(address!, subject, body, ct);
        }

        return OperationResult.Ok();
    }

    public async Task<OperationResult> RevokeAsync(string actorId, int grantId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var access = await AccessService.ForAsync(db, actorId, ct);
        var grant = await db.Grants.FirstOrDefaultAsync(g => g.Id == grantId, ct);
        if (!access.IsSecretariat && !(grant is { Role: GrantRole.Staff, OrganisationId: { } of } && access.Authorities.Contains(of)))
        {
            return OperationResult.Denied;
        }

        if (grant is null)
        {
            return OperationResult.NotFound;
        }

        if (grant.Role == GrantRole.Secretariat && await db.Grants.CountAsync(g => g.Role == GrantRole.Secretariat, ct) == 1)
        {
            return OperationResult.Invalid(Texts.Get("Users_Error_LastSecretariat"));
        }

        db.Grants.Remove(grant);
        await db.SaveChangesAsync(ct);
        return OperationResult.Ok();
    }

    /// <summary>
    /// The authorities the user is IT-koordinator for, each with its Medarbejdere; null for anyone else. The secretariat
    /// manages every grant on the users page instead.
    /// </summary>
    public async Task<IReadOnlyList<StaffList>?> StaffAsync(string actorId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var authorities = (await AccessService.ForAsync(db, actorId, ct)).Authorities;
        if (authorities.Count == 0)
        {
            return null;
        }

        var names = await db.Organisations.AsNoTracking().Where(o => authorities.Contains(o.Id)).OrderBy(o => o.Name).Select(o => new { o.Id, o.Name }).ToListAsync(ct);
        var staff = await db.Grants.AsNoTracking().Where(g => g.Role == GrantRole.Staff && g.OrganisationId != null && authorities.Contains(g.OrganisationId.Value))
            .Join(db.Users, g => g.UserId, u => u.Id, (g, u) => new
            {
                g.Id, OrganisationId = g.OrganisationId!.Value, u.DisplayName, u.Email, g.CreatedAt,
                Invited = u.PasswordHash == null && !db.UserLogins.Any(l => l.UserId == u.Id),
            })
            .ToListAsync(ct);
        return names.Select(o => new StaffList(o.Id, o.Name, staff.Where(s => s.OrganisationId == o.Id).OrderBy(s => s.DisplayName, StringComparer.CurrentCulture)
            .Select(s => new StaffMember(s.Id, s.DisplayName, s.Email ?? "", s.CreatedAt, s.Invited)).ToList())).ToList();
    }

    /// <summary>The secretariat invites anyone to any grant; an IT-koordinator only Medarbejdere of its own authority.</summary>
    private static bool MayInvite(UserAccess access, InviteInput input) =>
        access.IsSecretariat || (input.Role == GrantRole.Staff && input.OrganisationId is { } of && access.Authorities.Contains(of));

    /// <summary>Products and authorities/suppliers to choose a scope from.</summary>
    public async Task<(IReadOnlyList<(int Id, string Name)> Products, IReadOnlyList<(int Id, string Name, OrganisationKind Kind)> Organisations)> ScopesAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var products = (await db.Products.OrderBy(p => p.Name).Select(p => new { p.Id, p.Name }).ToListAsync(ct)).Select(p => (p.Id, p.Name)).ToList();
        var orgs = (await db.Organisations.OrderBy(o => o.Name).Select(o => new { o.Id, o.Name, o.Kind }).ToListAsync(ct)).Select(o => (o.Id, o.Name, o.Kind)).ToList();
        return (products, orgs);
    }

    private static (int? ProductId, int? OrganisationId) Scoped(InviteInput input) => input.Role switch
    {
        GrantRole.ProductCoordinator => (input.ProductId, null),
        GrantRole.ItCoordinator or GrantRole.SupplierContact or GrantRole.Staff => (null, input.OrganisationId),
        _ => (null, null),
    };

    private static async Task<string?> ScopeErrorAsync(OS2HubDbContext db, GrantRole role, int? productId, int? organisationId, CancellationToken ct) => role switch
    {
        GrantRole.ProductCoordinator when productId is null || !await db.Products.AnyAsync(p => p.Id == productId, ct) => Texts.Get("Users_Error_Product"),
        GrantRole.ItCoordinator or GrantRole.Staff when organisationId is null || !await db.Organisations.AnyAsync(o => o.Id == organisationId && o.Kind != OrganisationKind.Company, ct)
            => Texts.Get("Users_Error_Authority"),
        GrantRole.SupplierContact when organisationId is null || !await db.Organisations.AnyAsync(o => o.Id == organisationId, ct) => Texts.Get("Users_Error_Supplier"),
        _ => null,
    };

}
