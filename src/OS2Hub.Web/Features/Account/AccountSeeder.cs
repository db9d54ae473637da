using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OS2Hub.Web.Data;
using OS2Hub.Web.Data.Entities;

namespace OS2Hub.Web.Features.Account;

/// <summary>Creates the demo accounts (demo data only) and the first secretariat account (from settings).</summary>
public sealed class AccountSeeder(UserManager<AppUser> users, IDbContextFactory<OS2HubDbContext> dbFactory, ILogger<AccountSeeder> logger)
{
    public const string DemoDomain = "@demo.os2hub.dk";

    /// <summary>One account per role, for local use only; the README lists them. Removed when demo data is switched off.</summary>
    public static readonly IReadOnlyList<DemoAccount> DemoAccounts =
    [
        new("sekretariat" + DemoDomain, "Demo-Sekretariat-1", "Sekretariatet (demo)", GrantRole.Secretariat, null, null),
        new("produktkoordinator" + DemoDomain, "Demo-Produktkoordinator-1", "Produktkoordinator for OS2rollekatalog (demo)", GrantRole.ProductCoordinator, "os2rollekatalog", null),
        new("it-frederikshavn" + DemoDomain, "Demo-Frederikshavn-1", "IT-koordinator, Frederikshavn (demo)", GrantRole.ItCoordinator, null, "kommune:0813"),
        new("leverandoer" + DemoDomain, "Demo-Leverandoer-1", "Leverandørkontakt, Digital Identity (demo)", GrantRole.SupplierContact, null, "leverandoer:Digital Identity ApS"),
        new("medarbejder-aarhus" + DemoDomain, "Demo-Medarbejder-1", "Medarbejder, Aarhus (demo)", GrantRole.Staff, null, "kommune:0751"),
    ];

    /// <summary>
    /// The demo secretariat's authenticator key (the README prints it): its grant works only with a second factor, and
    /// a newcomer or a browser test must still get in. Gone with the demo accounts.
    /// </summary>
    public const string DemoAuthenticatorKey = "OSTOHUBDEMOSEKRETARIATNOEGLEABCD";

    public async Task EnsureDemoAccountsAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        foreach (var account in DemoAccounts)
        {
            if (await users.FindByEmailAsync(account.Email) is { } existing)
            {
                await EnsureDemoSecondFactorAsync(existing, account);
                continue;
            }

            var user = new AppUser { UserName = account.Email, Email = account.Email, EmailConfirmed = true, DisplayName = account.DisplayName };
            var created = await users.CreateAsync(user, account.Password);
            if (!created.Succeeded)
            {
                throw new InvalidOperationException($"Demo account {account.Email}: {string.Join(", ", created.Errors.Select(e => e.Description))}");
            }

            db.Grants.Add(new Grant
            {
                UserId = user.Id,
                Role = account.Role,
                ProductId = account.ProductSlug is null ? null : await db.Products.Where(p => p.Slug == account.ProductSlug).Select(p => (int?)p.Id).SingleAsync(ct),
                OrganisationId = account.OrganisationKey is null ? null : await db.Organisations.Where(o => o.ReferenceKey == account.OrganisationKey).Select(o => (int?)o.Id).SingleAsync(ct),
                CreatedAt = DateTime.UtcNow,
            });
            await EnsureDemoSecondFactorAsync(user, account);
        }

        await db.SaveChangesAsync(ct);
    }

    private async Task EnsureDemoSecondFactorAsync(AppUser user, DemoAccount account)
    {
        if (account.Role != GrantRole.Secretariat || user.TwoFactorEnabled)
        {
            return;
        }

        await users.SetAuthenticationTokenAsync(user, TwoFactor.KeyStore, TwoFactor.KeyName, DemoAuthenticatorKey);
        await users.SetTwoFactorEnabledAsync(user, true);
    }

    public async Task RemoveDemoAccountsAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var removed = await db.Users.Where(u => u.Email != null && u.Email.EndsWith(DemoDomain)).ExecuteDeleteAsync(ct);
        if (removed > 0)
        {
            logger.LogInformation("Removed {Count} demo accounts", removed);
        }
    }

    /// <param name="localSignIn">
    /// Off: the account is created without a password, invited, and linked at its first sign-in through a provider
    /// that vouches for this e-mail address.
    /// </param>
    public async Task EnsureFirstSecretariatAsync(string? email, string? password, bool localSignIn, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(email) || await users.FindByEmailAsync(email) is not null)
        {
            return;
        }

        if (string.IsNullOrEmpty(password) && localSignIn)
        {
            throw new InvalidOperationException("OS2Hub:FirstSecretariatEmail is set, but OS2Hub:FirstSecretariatPassword is missing.");
        }

        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Sekretariatet" };
        var created = localSignIn ? await users.CreateAsync(user, password!) : await users.CreateAsync(user);
        if (!created.Succeeded)
        {
            throw new InvalidOperationException($"The first secretariat account could not be created: {string.Join(" ", created.Errors.Select(e => e.Description))}");
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.Grants.Add(new Grant { UserId = user.Id, Role = GrantRole.Secretariat, CreatedAt = DateTime.UtcNow });
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Created the first secretariat account");
    }
}

public sealed record DemoAccount(string Email, string Password, string DisplayName, GrantRole Role, string? ProductSlug, string? OrganisationKey);
