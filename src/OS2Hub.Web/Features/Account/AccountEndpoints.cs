using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using OS2Hub.Web.Data.Entities;

namespace OS2Hub.Web.Features.Account;

public static class AccountEndpoints
{
    public static void MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        // Sign-out is a form post (with antiforgery), never a link a third party could make the browser follow.
        endpoints.MapPost("/konto/log-ud", async ([FromForm] string? returnUrl, HttpContext http, ExternalSignIn external) =>
        {
            var provider = await external.SignOutAsync(http);
            return provider is null
                ? Results.LocalRedirect(LocalUrl(returnUrl))
                : Results.SignOut(new AuthenticationProperties { RedirectUri = LocalUrl(returnUrl) }, [provider]);
        });

        endpoints.MapPost("/konto/log-ind/ekstern", ([FromForm] string? provider, [FromForm] string? returnUrl, SignInManager<AppUser> signIn, IOptions<SingleSignOnOptions> sso) =>
        {
            if (sso.Value.Find(provider) is not { } chosen)
            {
                return Results.LocalRedirect("/konto/log-ind?fejl=sso");
            }

            var back = "/konto/log-ind/ekstern/retur?returnUrl=" + Uri.EscapeDataString(LocalUrl(returnUrl));
            return Results.Challenge(signIn.ConfigureExternalAuthenticationProperties(chosen.Name, back), [chosen.Name]);
        });

        endpoints.MapGet("/konto/log-ind/ekstern/retur", async (string? returnUrl, HttpContext http, ExternalSignIn external, CancellationToken ct) =>
        {
            var refused = await external.CompleteAsync(http, ct);
            return refused switch
            {
                null => Results.LocalRedirect(LocalUrl(returnUrl)),
                ExternalRefusal.LockedOut => Results.LocalRedirect("/konto/log-ind?fejl=spaerret"),
                _ => Results.LocalRedirect("/konto/ingen-adgang?grund=" + refused.Value.ToString().ToLowerInvariant()),
            };
        });

        endpoints.MapGet("/konto/persondata", async (ClaimsPrincipal user, HttpContext http, AccountService accounts, TimeProvider clock, CancellationToken ct) =>
        {
            // Personal data: no shared cache or back button may keep a copy.
            http.Response.Headers.CacheControl = "no-store";
            var data = user.FindFirstValue(ClaimTypes.NameIdentifier) is { } id ? await accounts.PersonalDataAsync(id, ct) : null;
            return data is null
                ? Results.NotFound()
                : Results.File(data, "application/json; charset=utf-8", $"os2hub-persondata-{clock.GetUtcNow():yyyy-MM-dd}.json");
        }).RequireAuthorization();
    }

    /// <summary>Only paths on this site: an open redirect would let a link to OS2Hub send people anywhere.</summary>
    public static string LocalUrl(string? url) =>
        url is { Length: > 0 } && url[0] == '/' && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal) ? url : "/";
}
