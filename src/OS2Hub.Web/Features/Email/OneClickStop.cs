using Microsoft.AspNetCore.DataProtection;
using OS2Hub.Web.Features.Localization;

namespace OS2Hub.Web.Features.Email;

/// <summary>The one-click stop behind an e-mail's List-Unsubscribe header (RFC 8058) and behind the button on its page.</summary>
public static class OneClickStop
{
    /// <summary>The token in a stop link: the user's id, protected for one purpose so a wish token cannot stop digests.</summary>
    public static string Token(IDataProtectionProvider protection, string purpose, string userId)
    {
        ArgumentNullException.ThrowIfNull(protection);
        return protection.CreateProtector(purpose).Protect(userId);
    }

    /// <summary>The user a stop token was made for; null for a token that is not ours or was made for another purpose.</summary>
    public static string? UserOf(IDataProtectionProvider protection, string purpose, string? token)
    {
        ArgumentNullException.ThrowIfNull(protection);
        try
        {
            return protection.CreateProtector(purpose).Unprotect(token ?? "");
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }

    /// <summary>
    /// The mail client POSTs "List-Unsubscribe=One-Click" to <paramref name="path"/> with no cookie and no page; the
    /// token is the only key, so there is no antiforgery token to ask for. The page at <paramref name="pagePath"/> posts
    /// here with "side" and is sent back with the outcome.
    /// </summary>
    public static void MapOneClickStop(this IEndpointRouteBuilder endpoints, string path, string pagePath, string doneKey, Func<IServiceProvider, string, CancellationToken, Task<bool>> stop) =>
        endpoints.MapPost(path, async (HttpContext http, CancellationToken ct) =>
            {
                var token = http.Request.Query["t"].ToString();
                var done = await stop(http.RequestServices, token, ct);
                if (http.Request.Query.ContainsKey("side"))
                {
                    return Results.Redirect($"{pagePath}?t={Uri.EscapeDataString(token)}&{(done ? "udfoert=1" : "fejl=1")}");
                }

                return done ? Results.Text(Texts.Get(doneKey), "text/plain; charset=utf-8") : Results.Problem(detail: Texts.Get("Unsubscribe_BadLink"), statusCode: StatusCodes.Status400BadRequest);
            })
            .DisableAntiforgery()
            .ExcludeFromDescription();
}
