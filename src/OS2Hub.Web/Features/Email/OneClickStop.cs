using OS2Hub.Web.Features.Localization;

namespace OS2Hub.Web.Features.Email;

/// <summary>The one-click stop behind an e-mail's List-Unsubscribe header (RFC 8058) and behind the button on its page.</summary>
public static class OneClickStop
{
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
