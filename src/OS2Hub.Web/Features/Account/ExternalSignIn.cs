using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using OS2Hub.Web.Data.Entities;

namespace OS2Hub.Web.Features.Account;

/// <summary>Why a person who came back from a provider was not let in; the no-access page explains each.</summary>
public enum ExternalRefusal
{
    /// <summary>No account has the address the provider vouched for.</summary>
    Unknown,

    /// <summary>The provider sent no address, or did not state it as verified.</summary>
    Unverified,

    /// <summary>The account is already linked to another identity at this provider.</summary>
    Conflict,

    LockedOut,
}

/// <summary>
/// The hub's side of single sign-on, after the OpenID Connect handler has checked the provider's answer. A person is
/// found by the provider's subject identifier once linked; before that, by an e-mail address the provider vouches for,
/// and only among accounts the secretariat has created. Signing in never creates an account or a grant.
/// </summary>
public sealed class ExternalSignIn(
    SignInManager<AppUser> signIn,
    UserManager<AppUser> users,
    SignInAudit audit,
    IOptions<SingleSignOnOptions> options)
{
    /// <returns>Null when the person is signed in; otherwise why not.</returns>
    public async Task<ExternalRefusal?> CompleteAsync(HttpContext http, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(http);
        var external = await http.AuthenticateAsync(IdentityConstants.ExternalScheme);
        // The external cookie has done its job either way; it must not linger.
        await http.SignOutAsync(IdentityConstants.ExternalScheme);
        var providerName = external.Properties?.Items.TryGetValue("LoginProvider", out var name) == true ? name : null;
        if (!external.Succeeded || options.Value.Find(providerName) is not { } provider)
        {
            return ExternalRefusal.Unverified;
        }

        var (subject, email, verified) = SingleSignOn.Read(external.Principal, provider);
        if (subject is null)
        {
            await audit.RecordAsync(null, SignInMethod.External, SignInOutcome.UnverifiedEmail, provider.Name, ct);
            return ExternalRefusal.Unverified;
        }

        var user = await users.FindByLoginAsync(provider.Name, subject);
        if (user is null)
        {
            if (email is null || !verified)
            {
                await audit.RecordAsync(null, SignInMethod.External, SignInOutcome.UnverifiedEmail, provider.Name, ct);
                return ExternalRefusal.Unverified;
            }

            user = await users.FindByEmailAsync(email);
            if (user is null)
            {
                await audit.RecordAsync(null, SignInMethod.External, SignInOutcome.UnknownAccount, provider.Name, ct);
                return ExternalRefusal.Unknown;
            }

            // One identity per provider and account: a second person at the provider with the same address (reused
            // after someone left) must not take over the account the first one linked.
            if ((await users.GetLoginsAsync(user)).Any(l => l.LoginProvider == provider.Name))
            {
                await audit.RecordAsync(user.Id, SignInMethod.External, SignInOutcome.LinkConflict, provider.Name, ct);
                return ExternalRefusal.Conflict;
            }

            if (await users.IsLockedOutAsync(user))
            {
                await audit.RecordAsync(user.Id, SignInMethod.External, SignInOutcome.LockedOut, provider.Name, ct);
                return ExternalRefusal.LockedOut;
            }

            var linked = await users.AddLoginAsync(user, new UserLoginInfo(provider.Name, subject, provider.DisplayName));
            if (!linked.Succeeded)
            {
                await audit.RecordAsync(user.Id, SignInMethod.External, SignInOutcome.LinkConflict, provider.Name, ct);
                return ExternalRefusal.Conflict;
            }

            await audit.RecordAsync(user.Id, SignInMethod.External, SignInOutcome.Linked, provider.Name, ct);
        }

        if (await users.IsLockedOutAsync(user))
        {
            await audit.RecordAsync(user.Id, SignInMethod.External, SignInOutcome.LockedOut, provider.Name, ct);
            return ExternalRefusal.LockedOut;
        }

        // The provider has done the strong part (its own second factor); the hub's authenticator is for passwords.
        var properties = new AuthenticationProperties { IsPersistent = false };
        if (external.Properties!.GetTokenValue(SignInClaims.IdToken) is { } idToken)
        {
            properties.StoreTokens([new AuthenticationToken { Name = SignInClaims.IdToken, Value = idToken }]);
        }

        await signIn.SignInWithClaimsAsync(user, properties, [new Claim(SignInClaims.Provider, provider.Name), new Claim("amr", "external")]);
        await audit.RecordAsync(user.Id, SignInMethod.External, SignInOutcome.Succeeded, provider.Name, ct);
        return null;
    }

    /// <summary>
    /// Issues the person's cookie again after a change to the account's security stamp (password, second factor,
    /// links), keeping how they signed in; otherwise the stamp check would sign them out within the half hour.
    /// </summary>
    public async Task RefreshAsync(HttpContext http, string userId)
    {
        ArgumentNullException.ThrowIfNull(http);
        var current = await http.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        if (!current.Succeeded || await users.FindByIdAsync(userId) is not { } user)
        {
            return;
        }

        var keep = current.Principal!.Claims.Where(c => c.Type is SignInClaims.Provider or "amr").Select(c => new Claim(c.Type, c.Value)).ToList();
        await signIn.SignInWithClaimsAsync(user, current.Properties, keep);
    }

    /// <summary>
    /// Ends the hub's session and, where the session came from a provider that offers it, the provider's session too.
    /// </summary>
    /// <returns>The scheme to sign out of at the provider, or null when there is none.</returns>
    public async Task<string?> SignOutAsync(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var current = await http.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        var providerName = current.Principal?.FindFirstValue(SignInClaims.Provider);
        var idToken = current.Properties?.GetTokenValue(SignInClaims.IdToken);
        await signIn.SignOutAsync();
        if (options.Value.Find(providerName) is not { } provider)
        {
            return null;
        }

        var handler = http.RequestServices.GetRequiredService<IOptionsMonitor<Microsoft.AspNetCore.Authentication.OpenIdConnect.OpenIdConnectOptions>>().Get(provider.Name);
        try
        {
            var configuration = await handler.ConfigurationManager!.GetConfigurationAsync(http.RequestAborted);
            if (string.IsNullOrEmpty(configuration.EndSessionEndpoint))
            {
                return null;
            }
        }
        catch (InvalidOperationException)
        {
            // The provider cannot be reached: the hub's own session is ended, which is what the person asked for.
            return null;
        }

        http.Items[SignInClaims.IdToken] = idToken;
        return provider.Name;
    }
}
