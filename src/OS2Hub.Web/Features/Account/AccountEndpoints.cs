using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using OS2Hub.Web.Data.Entities;

namespace OS2Hub.Web.Features.Account;

public static class AccountEndpoints
{
    /// <summary>Sign-out is a form post (with antiforgery), never a link a third party could make the browser follow.</summary>
    public static void MapAccountEndpoints(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost("/konto/log-ud", async ([FromForm] string? returnUrl, SignInManager<AppUser> signIn) =>
        {
            await signIn.SignOutAsync();
            return Results.LocalRedirect(LocalUrl(returnUrl));
        });

    /// <summary>Only paths on this site: an open redirect would let a link to OS2Hub send people anywhere.</summary>
    public static string LocalUrl(string? url) =>
        url is { Length: > 0 } && url[0] == '/' && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal) ? url : "/";
}
