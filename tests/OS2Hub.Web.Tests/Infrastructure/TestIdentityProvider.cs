using System.Security.Claims;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace OS2Hub.Tests;

/// <summary>Who the test provider says signs in next: its subject identifier, e-mail and whether it vouches for the e-mail.</summary>
public sealed record ProviderPerson(string Subject, string? Email, bool EmailVerified = true);

/// <summary>
/// A real OpenID Connect provider on a loopback port: OpenIddict's server with generated keys, discovery, the
/// authorization endpoint (code flow, PKCE required), the token endpoint and end-session. It signs in whoever
/// <see cref="Next"/> names without asking, as a provider where the person already has a session would.
/// </summary>
public sealed class TestIdentityProvider : IAsyncDisposable
{
    public const string ClientSecret = "test-provider-secret-0123456789";

    private readonly SqliteConnection _store = new("Data Source=:memory:");
    private WebApplication? _app;

    public ProviderPerson Next { get; set; } = new("subject-1", "someone@example.dk");

    public Uri Authority { get; private set; } = null!;

    /// <summary>How many times the end-session endpoint was asked to end a session.</summary>
    public int EndedSessions { get; private set; }

    /// <summary>The id_token_hint of the last end-session request, to check that the hub named the session it ended.</summary>
    public string? LastIdTokenHint { get; private set; }

    public static async Task<TestIdentityProvider> StartAsync()
    {
        var provider = new TestIdentityProvider();
        await provider.StartCoreAsync();
        return provider;
    }

    private async Task StartCoreAsync()
    {
        await _store.OpenAsync();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddDbContext<ProviderStore>(o => o.UseSqlite(_store).UseOpenIddict());
        builder.Services.AddOpenIddict()
            .AddCore(o => o.UseEntityFrameworkCore().UseDbContext<ProviderStore>())
            .AddServer(o =>
            {
                o.SetAuthorizationEndpointUris("connect/authorize").SetTokenEndpointUris("connect/token").SetEndSessionEndpointUris("connect/endsession");
                o.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange();
                o.RegisterScopes(Scopes.OpenId, Scopes.Email, Scopes.Profile);
                o.AddEphemeralEncryptionKey().AddEphemeralSigningKey().DisableAccessTokenEncryption();
                o.UseAspNetCore().EnableAuthorizationEndpointPassthrough().EnableTokenEndpointPassthrough().EnableEndSessionEndpointPassthrough()
                    .DisableTransportSecurityRequirement();
            });
        _app = builder.Build();
        _app.MapMethods("/connect/authorize", ["GET", "POST"], (HttpContext http) =>
        {
            var request = http.GetOpenIddictServerRequest()!;
            var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, Claims.Role);
            identity.SetClaim(Claims.Subject, Next.Subject).SetClaim(Claims.Name, "Test Person");
            if (Next.Email is not null)
            {
                identity.SetClaim(Claims.Email, Next.Email);
                identity.AddClaim(new Claim(Claims.EmailVerified, Next.EmailVerified ? "true" : "false", ClaimValueTypes.Boolean));
            }

            identity.SetScopes(request.GetScopes());
            identity.SetDestinations(_ => [Destinations.IdentityToken, Destinations.AccessToken]);
            return Results.SignIn(new ClaimsPrincipal(identity), null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        });
        _app.MapPost("/connect/token", async (HttpContext http) =>
        {
            var result = await http.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
            return Results.SignIn(result.Principal!, null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        });
        _app.MapMethods("/connect/endsession", ["GET", "POST"], (HttpContext http) =>
        {
            EndedSessions++;
            LastIdTokenHint = http.GetOpenIddictServerRequest()?.IdTokenHint;
            return Results.SignOut(new AuthenticationProperties { RedirectUri = "/" }, [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
        });

        await using (var scope = _app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ProviderStore>().Database.EnsureCreatedAsync();
        }

        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Authority = new Uri(address.TrimEnd('/') + "/");
    }

    /// <summary>Registers the hub as a client that may come back to <paramref name="hubBase"/>.</summary>
    public async Task RegisterClientAsync(string clientId, Uri hubBase, string scheme)
    {
        await using var scope = _app!.Services.CreateAsyncScope();
        var manager = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = clientId,
            ClientSecret = ClientSecret,
            ClientType = ClientTypes.Confidential,
            RedirectUris = { new Uri(hubBase, "signin-" + scheme) },
            PostLogoutRedirectUris = { new Uri(hubBase, "signout-callback-" + scheme) },
            Permissions =
            {
                Permissions.Endpoints.Authorization, Permissions.Endpoints.Token, Permissions.Endpoints.EndSession,
                Permissions.GrantTypes.AuthorizationCode, Permissions.ResponseTypes.Code, Permissions.Scopes.Email, Permissions.Scopes.Profile,
            },
            Requirements = { Requirements.Features.ProofKeyForCodeExchange },
        };
        await manager.CreateAsync(descriptor);
    }

    /// <summary>Settings for the hub: one provider entry under <c>OS2Hub:Oidc:Providers:{index}</c>.</summary>
    public IEnumerable<KeyValuePair<string, string>> Settings(int index, string name, string displayName, string clientId, bool trustEmail = false) =>
    [
        new($"OS2Hub:Oidc:Providers:{index}:Name", name),
        new($"OS2Hub:Oidc:Providers:{index}:DisplayName", displayName),
        new($"OS2Hub:Oidc:Providers:{index}:Authority", Authority.ToString()),
        new($"OS2Hub:Oidc:Providers:{index}:ClientId", clientId),
        new($"OS2Hub:Oidc:Providers:{index}:ClientSecret", ClientSecret),
        new($"OS2Hub:Oidc:Providers:{index}:RequireHttpsMetadata", "false"),
        new($"OS2Hub:Oidc:Providers:{index}:TrustEmail", trustEmail ? "true" : "false"),
    ];

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        await _store.DisposeAsync();
    }

    private sealed class ProviderStore(DbContextOptions<ProviderStore> options) : DbContext(options);
}
