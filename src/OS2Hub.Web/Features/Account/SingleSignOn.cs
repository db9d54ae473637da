using System.Net;
using System.Security.Claims;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Identity;
using OS2Hub.Web.Features.Setup;

namespace OS2Hub.Web.Features.Account;

/// <summary>The identity providers staff sign in through, from <c>OS2Hub:Oidc:Providers:N:</c>. None by default.</summary>
public sealed class SingleSignOnOptions
{
    public const string Section = "OS2Hub:Oidc";

    public List<OidcProvider> Providers { get; set; } = [];

    public OidcProvider? Find(string? name) => Providers.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.Ordinal));
}

public sealed class OidcProvider
{
    /// <summary>The authentication scheme; the provider calls back to <c>/signin-&lt;Name&gt;</c>.</summary>
    public string Name { get; set; } = "";

    /// <summary>What the sign-in page says: "Log ind med &lt;DisplayName&gt;".</summary>
    public string DisplayName { get; set; } = "";

    public Uri? Authority { get; set; }
    public string ClientId { get; set; } = "";
    public string? ClientSecret { get; set; }

    /// <summary>Scopes besides <c>openid</c>, separated by spaces or commas.</summary>
    public string Scopes { get; set; } = "email profile";

    public string EmailClaim { get; set; } = "email";

    /// <summary>
    /// The provider vouches for every address it sends, without an <c>email_verified</c> claim (Microsoft Entra ID
    /// sends none). Only for a provider whose users cannot choose their own address.
    /// </summary>
    public bool TrustEmail { get; set; }

    /// <summary>Off only for a test provider on loopback: the discovery document and keys are fetched over HTTPS otherwise.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    public IEnumerable<string> ScopeList => Scopes.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

/// <summary>Claims the hub adds to its own cookie when it signs a person in, so sign-out knows what to end.</summary>
public static class SignInClaims
{
    /// <summary>The provider's scheme name when the session came from single sign-on; absent for a local sign-in.</summary>
    public const string Provider = "os2hub:provider";

    /// <summary>The provider's id token, kept in the cookie's properties for the provider's sign-out.</summary>
    public const string IdToken = "id_token";
}

public static partial class SingleSignOn
{
    /// <summary>
    /// One OpenID Connect handler per configured provider: authorization code flow with PKCE, state and nonce checked
    /// by ASP.NET Core's handler. The handler signs into Identity's external cookie only; the hub decides in
    /// <see cref="ExternalSignIn"/> whether the person gets in.
    /// </summary>
    public static AuthenticationBuilder AddSingleSignOn(this AuthenticationBuilder authentication, IConfiguration configuration)
    {
        var options = Read(configuration);
        authentication.Services.Configure<SingleSignOnOptions>(configuration.GetSection(SingleSignOnOptions.Section));
        foreach (var provider in options.Providers)
        {
            authentication.AddOpenIdConnect(provider.Name, provider.DisplayName, o =>
            {
                o.Authority = provider.Authority!.ToString();
                o.ClientId = provider.ClientId;
                o.ClientSecret = provider.ClientSecret;
                o.ResponseType = "code";
                o.UsePkce = true;
                o.RequireHttpsMetadata = provider.RequireHttpsMetadata;
                o.CallbackPath = "/signin-" + provider.Name;
                o.SignedOutCallbackPath = "/signout-callback-" + provider.Name;
                o.SignInScheme = IdentityConstants.ExternalScheme;
                o.SaveTokens = true;
                // The provider's own claim names (sub, email, email_verified), not WS-Federation URIs.
                o.MapInboundClaims = false;
                o.Scope.Clear();
                o.Scope.Add("openid");
                foreach (var scope in provider.ScopeList)
                {
                    o.Scope.Add(scope);
                }

                if (!provider.RequireHttpsMetadata)
                {
                    // A loopback test provider over plain HTTP: the handler's correlation and nonce cookies are Secure and
                    // SameSite=None by default, which a browser drops on http. Same site here, so Lax is enough.
                    foreach (var cookie in new[] { o.CorrelationCookie, o.NonceCookie })
                    {
                        (cookie.SecurePolicy, cookie.SameSite) = (CookieSecurePolicy.SameAsRequest, SameSiteMode.Lax);
                    }
                }

                o.Events.OnRemoteFailure = context =>
                {
                    // A refused or tampered answer (state, nonce, code): the sign-in page says so, and nothing is signed in.
                    context.Response.Redirect("/konto/log-ind?fejl=sso");
                    context.HandleResponse();
                    return Task.CompletedTask;
                };
                o.Events.OnRedirectToIdentityProviderForSignOut = context =>
                {
                    if (context.HttpContext.Items[SignInClaims.IdToken] is string idToken)
                    {
                        context.ProtocolMessage.IdTokenHint = idToken;
                    }

                    return Task.CompletedTask;
                };
            });
        }

        return authentication;
    }

    /// <summary>Stops the start when nobody could sign in: password sign-in off and no provider configured.</summary>
    public static void Check(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var providers = Read(configuration).Providers;
        var hub = configuration.GetSection(Data.OS2HubOptions.Section).Get<Data.OS2HubOptions>() ?? new Data.OS2HubOptions();
        if (!hub.LocalSignIn && providers.Count == 0)
        {
            throw new SetupException("OS2Hub:LocalSignIn is false, but no identity provider is configured under OS2Hub:Oidc:Providers: nobody could sign in.");
        }
    }

    /// <summary>The providers from settings, checked: a mistake stops the start with a sentence saying which setting.</summary>
    public static SingleSignOnOptions Read(IConfiguration configuration)
    {
        var options = configuration.GetSection(SingleSignOnOptions.Section).Get<SingleSignOnOptions>() ?? new SingleSignOnOptions();
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < options.Providers.Count; i++)
        {
            var p = options.Providers[i];
            var prefix = $"{SingleSignOnOptions.Section}:Providers:{i}";
            if (!NameRule().IsMatch(p.Name) || !names.Add(p.Name))
            {
                throw new SetupException($"{prefix}:Name must be a unique name of lower-case letters, digits and hyphens (it becomes the callback path /signin-<Name>).");
            }

            if (string.IsNullOrWhiteSpace(p.DisplayName))
            {
                p.DisplayName = p.Name;
            }

            if (p.Authority is not { IsAbsoluteUri: true } authority || (authority.Scheme != Uri.UriSchemeHttps && authority.Scheme != Uri.UriSchemeHttp))
            {
                throw new SetupException($"{prefix}:Authority must be the provider's absolute address (its issuer).");
            }

            if (string.IsNullOrWhiteSpace(p.ClientId))
            {
                throw new SetupException($"{prefix}:ClientId is missing.");
            }

            if ((!p.RequireHttpsMetadata || authority.Scheme != Uri.UriSchemeHttps) && !IsLoopback(authority))
            {
                throw new SetupException($"{prefix}: a provider that is not on this machine must be reached over HTTPS with RequireHttpsMetadata on.");
            }

            if (string.IsNullOrWhiteSpace(p.EmailClaim))
            {
                p.EmailClaim = "email";
            }
        }

        return options;
    }

    private static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.Host, out var address) && IPAddress.IsLoopback(address));

    /// <summary>The external sign-in's subject, e-mail and whether the provider vouches for the e-mail.</summary>
    public static (string? Subject, string? Email, bool Verified) Read(ClaimsPrincipal principal, OidcProvider provider)
    {
        ArgumentNullException.ThrowIfNull(principal);
        ArgumentNullException.ThrowIfNull(provider);
        var subject = principal.FindFirstValue("sub") ?? principal.FindFirstValue(ClaimTypes.NameIdentifier);
        var email = principal.FindFirstValue(provider.EmailClaim)?.Trim();
        var verified = provider.TrustEmail || string.Equals(principal.FindFirstValue("email_verified"), "true", StringComparison.OrdinalIgnoreCase);
        return (string.IsNullOrEmpty(subject) ? null : subject, string.IsNullOrEmpty(email) ? null : email, verified);
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,39}$")]
    private static partial Regex NameRule();
}
