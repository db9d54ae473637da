using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OS2Hub.Web.Data;
using OS2Hub.Web.Data.Entities;
using OS2Hub.Web.Features.Localization;

namespace OS2Hub.Web.Features.Account;

public sealed record LinkedProvider(string Name, string DisplayName);

public sealed record SignInRecord(DateTime At, SignInMethod Method, string? Provider, SignInOutcome Outcome);

public sealed record AccountOverview(
    string DisplayName,
    string Email,
    bool HasPassword,
    bool TwoFactorEnabled,
    int RecoveryCodesLeft,
    bool SecretariatPaused,
    IReadOnlyList<LinkedProvider> Linked,
    IReadOnlyList<SignInRecord> RecentSignIns,
    bool WishEmailsOff);

/// <summary>
/// A person's own account at <c>/konto</c>: the ways they sign in, the second factor and the data the hub holds about
/// them. Every method acts on the signed-in user only, named by the caller from the cookie, never from the form.
/// </summary>
public sealed class AccountService(
    UserManager<AppUser> users,
    IDbContextFactory<OS2HubDbContext> dbFactory,
    IOptions<SingleSignOnOptions> sso,
    IOptions<OS2HubOptions> hub)
{
    public async Task<AccountOverview?> OverviewAsync(string userId, CancellationToken ct = default)
    {
        if (await users.FindByIdAsync(userId) is not { } user)
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var recent = await db.SignInEvents.AsNoTracking().Where(e => e.UserId == userId).OrderByDescending(e => e.At).ThenByDescending(e => e.Id).Take(10)
            .Select(e => new SignInRecord(e.At, e.Method, e.Provider, e.Outcome)).ToListAsync(ct);
        var paused = await Access.AccessService.SecretariatPausedAsync(db, userId, ct);
        return new AccountOverview(user.DisplayName, user.Email ?? "", user.PasswordHash is not null, user.TwoFactorEnabled,
            user.TwoFactorEnabled ? await users.CountRecoveryCodesAsync(user) : 0, paused, await LinkedAsync(user), recent, user.WishEmailsOff);
    }

    /// <summary>Turns e-mails about development wishes on or off (the one-click link in those e-mails turns them off).</summary>
    public async Task<OperationResult> SetWishEmailsAsync(string userId, bool on)
    {
        // Through the user manager, so the account this request has already read shows the change too.
        if (await users.FindByIdAsync(userId) is not { } user)
        {
            return OperationResult.NotFound;
        }

        user.WishEmailsOff = !on;
        var saved = await users.UpdateAsync(user);
        return saved.Succeeded ? OperationResult.Ok() : OperationResult.Invalid(string.Join(" ", saved.Errors.Select(e => e.Description)));
    }

    /// <summary>Removes a provider link, unless it is the last way the person can sign in.</summary>
    public async Task<OperationResult> UnlinkAsync(string userId, string provider)
    {
        if (await users.FindByIdAsync(userId) is not { } user)
        {
            return OperationResult.NotFound;
        }

        var logins = await users.GetLoginsAsync(user);
        var login = logins.FirstOrDefault(l => l.LoginProvider == provider);
        if (login is null)
        {
            return OperationResult.NotFound;
        }

        if (logins.Count == 1 && !CanUsePassword(user))
        {
            return OperationResult.Invalid(Texts.Get("Account_Error_LastWayIn"));
        }

        var removed = await users.RemoveLoginAsync(user, login.LoginProvider, login.ProviderKey);
        return removed.Succeeded ? OperationResult.Ok() : OperationResult.Invalid(string.Join(" ", removed.Errors.Select(e => e.Description)));
    }

    /// <summary>
    /// Drops the password of someone who signs in through a provider: the account can then not be entered with a
    /// password at all, which is also how a secretariat holder on single sign-on does without the authenticator.
    /// </summary>
    public async Task<OperationResult> RemovePasswordAsync(string userId)
    {
        if (await users.FindByIdAsync(userId) is not { } user || user.PasswordHash is null)
        {
            return OperationResult.NotFound;
        }

        if ((await users.GetLoginsAsync(user)).Count == 0)
        {
            return OperationResult.Invalid(Texts.Get("Account_Error_LastWayIn"));
        }

        var removed = await users.RemovePasswordAsync(user);
        return removed.Succeeded ? OperationResult.Ok() : OperationResult.Invalid(string.Join(" ", removed.Errors.Select(e => e.Description)));
    }

    /// <summary>The key to show at set-up: the one already made, so a reload shows the same QR code.</summary>
    public async Task<string?> PendingKeyAsync(string userId)
    {
        if (await users.FindByIdAsync(userId) is not { } user)
        {
            return null;
        }

        if (string.IsNullOrEmpty(await users.GetAuthenticatorKeyAsync(user)))
        {
            await users.ResetAuthenticatorKeyAsync(user);
        }

        return await users.GetAuthenticatorKeyAsync(user);
    }

    /// <summary>Turns the second factor on once the person has shown a code from the app; returns the recovery codes, shown once.</summary>
    public async Task<(OperationResult Result, IReadOnlyList<string> RecoveryCodes)> EnableTwoFactorAsync(string userId, string? code)
    {
        if (await users.FindByIdAsync(userId) is not { } user)
        {
            return (OperationResult.NotFound, []);
        }

        if (user.TwoFactorEnabled)
        {
            return (OperationResult.Conflict(Texts.Get("TwoFactor_Error_AlreadyOn")), []);
        }

        if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, TwoFactor.Normalise(code)))
        {
            return (OperationResult.Invalid(Texts.Get("TwoFactor_Error_WrongCode"), new Dictionary<string, string> { ["Code"] = Texts.Get("TwoFactor_Error_WrongCode") }), []);
        }

        await users.SetTwoFactorEnabledAsync(user, true);
        return (OperationResult.Ok(), (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, TwoFactor.RecoveryCodeCount))?.ToList() ?? []);
    }

    /// <summary>A new phone: the old key stops working at once, and set-up starts again with a new one.</summary>
    public async Task<OperationResult> ResetTwoFactorAsync(string userId)
    {
        if (await users.FindByIdAsync(userId) is not { } user)
        {
            return OperationResult.NotFound;
        }

        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 0);
        return OperationResult.Ok();
    }

    public async Task<IReadOnlyList<string>> NewRecoveryCodesAsync(string userId)
    {
        if (await users.FindByIdAsync(userId) is not { TwoFactorEnabled: true } user)
        {
            return [];
        }

        return (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, TwoFactor.RecoveryCodeCount))?.ToList() ?? [];
    }

    /// <summary>
    /// Everything the hub holds about the person as a user (the data subject's copy under GDPR article 15): the
    /// account, grants, links, sign-ins, requests made or decided, notifications, edits and views of contact persons.
    /// Never the password hash, the authenticator key or the recovery codes.
    /// </summary>
    public async Task<byte[]?> PersonalDataAsync(string userId, CancellationToken ct = default)
    {
        if (await users.FindByIdAsync(userId) is not { } user)
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var data = new
        {
            konto = new
            {
                navn = user.DisplayName, email = user.Email, sprog = user.PreferredLanguage, adgangskode = user.PasswordHash is not null,
                totrinsbekraeftelse = user.TwoFactorEnabled, spaerretIndtil = user.LockoutEnd,
            },
            roller = await db.Grants.AsNoTracking().Where(g => g.UserId == userId)
                .Select(g => new { rolle = g.Role.ToString(), produkt = g.Product!.Name, organisation = g.Organisation!.Name, oprettet = g.CreatedAt }).ToListAsync(ct),
            identitetsudbydere = (await users.GetLoginsAsync(user)).Select(l => new { udbyder = l.ProviderDisplayName ?? l.LoginProvider, subjekt = l.ProviderKey }),
            logind = await db.SignInEvents.AsNoTracking().Where(e => e.UserId == userId).OrderBy(e => e.At)
                .Select(e => new { tidspunkt = e.At, metode = e.Method.ToString(), udbyder = e.Provider, udfald = e.Outcome.ToString() }).ToListAsync(ct),
            anmodninger = await db.JoinRequests.AsNoTracking().Where(r => r.RequestedByUserId == userId || r.DecidedByUserId == userId).OrderBy(r => r.CreatedAt)
                .Select(r => new
                {
                    produkt = r.Product!.Name, organisation = r.Organisation!.Name, oprettet = r.CreatedAt, status = r.Status.ToString(),
                    oprettetAfDig = r.RequestedByUserId == userId, besluttetAfDig = r.DecidedByUserId == userId, r.ContactName, r.Comment, r.DecisionReason,
                }).ToListAsync(ct),
            notifikationer = await db.Notifications.AsNoTracking().Where(n => n.UserId == userId).OrderBy(n => n.CreatedAt)
                .Select(n => new { n.CreatedAt, n.ReadAt, n.Text, n.TextKey, n.Link }).ToListAsync(ct),
            aendringer = await db.ChangeLog.AsNoTracking().Where(c => c.UserId == userId).OrderBy(c => c.At)
                .Select(c => new { c.At, c.EntityType, c.EntityId, c.Field, c.OldValue, c.NewValue }).ToListAsync(ct),
            medlemskabshaendelser = await db.MembershipEvents.AsNoTracking().Where(e => e.UserId == userId).OrderBy(e => e.At)
                .Select(e => new { e.At, handling = e.Action.ToString(), e.ProductId, e.OrganisationId, e.EffectiveDate, e.Reason }).ToListAsync(ct),
            udviklingsoensker = await db.Wishes.AsNoTracking().Where(w => w.CreatedByUserId == userId).OrderBy(w => w.CreatedAt)
                .Select(w => new { w.Id, produkt = w.Product!.Name, w.Title, w.CreatedAt }).ToListAsync(ct),
            stoetteTilOensker = await db.WishSupports.AsNoTracking().Where(x => x.UserId == userId).OrderBy(x => x.CreatedAt)
                .Select(x => new { x.WishId, organisation = x.Organisation!.Name, x.Reason, x.CreatedAt }).ToListAsync(ct),
            tilsagnOmMedfinansiering = await db.WishPledges.AsNoTracking().Where(x => x.UserId == userId).OrderBy(x => x.CreatedAt)
                .Select(x => new { x.WishId, organisation = x.Organisation!.Name, x.CreatedAt }).ToListAsync(ct),
            kommentarerTilOensker = await db.WishComments.AsNoTracking().Where(x => x.UserId == userId).OrderBy(x => x.CreatedAt)
                .Select(x => new { x.WishId, x.Text, x.SupplierEstimate, x.CreatedAt }).ToListAsync(ct),
            emailsOmOensker = !user.WishEmailsOff,
            spoergsmaal = await db.Questions.AsNoTracking().Where(q => q.AskedByUserId == userId).OrderBy(q => q.CreatedAt)
                .Select(q => new { q.Id, produkt = q.Product!.Name, q.Title, q.Text, offentlig = q.IsPublic, q.CreatedAt }).ToListAsync(ct),
            svar = await db.QuestionAnswers.AsNoTracking().Where(a => a.UserId == userId).OrderBy(a => a.CreatedAt)
                .Select(a => new { a.QuestionId, a.Text, a.CreatedAt }).ToListAsync(ct),
            foelger = (await db.ProductFollows.AsNoTracking().Where(f => f.UserId == userId).OrderBy(f => f.CreatedAt)
                    .Select(f => new { produkt = f.Product!.Name, f.Topics, f.Delivery, f.CreatedAt }).ToListAsync(ct))
                .Select(f => new { f.produkt, emner = f.Topics.ToString(), levering = f.Delivery.ToString(), f.CreatedAt }),
            bekraeftelser = (await db.Confirmations.AsNoTracking().Where(c => c.UserId == userId).OrderBy(c => c.At)
                    .Select(c => new { aar = c.Round!.Year, c.Subject, c.Outcome, c.ProductId, c.OrganisationId, c.Source, c.At }).ToListAsync(ct))
                .Select(c => new { c.aar, emne = c.Subject.ToString(), svar = c.Outcome.ToString(), c.ProductId, c.OrganisationId, kilde = c.Source, c.At }),
            paamindelserOmBekraeftelse = !user.ConfirmationRemindersOff,
            visningerAfKontaktpersoner = await db.PersonalDataAccessLog.AsNoTracking().Where(e => e.UserId == userId).OrderBy(e => e.At)
                .Select(e => new { e.At, e.ProductId, adgang = e.Access.ToString() }).ToListAsync(ct),
        };
        return JsonSerializer.SerializeToUtf8Bytes(data, Indented);
    }

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private bool CanUsePassword(AppUser user) => user.PasswordHash is not null && hub.Value.LocalSignIn;

    private async Task<IReadOnlyList<LinkedProvider>> LinkedAsync(AppUser user) =>
        (await users.GetLoginsAsync(user)).Select(l => new LinkedProvider(l.LoginProvider, sso.Value.Find(l.LoginProvider)?.DisplayName ?? l.ProviderDisplayName ?? l.LoginProvider)).ToList();
}
