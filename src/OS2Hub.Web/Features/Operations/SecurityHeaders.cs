using System.Security.Cryptography;

namespace OS2Hub.Web.Features.Operations;

/// <summary>
/// The headers every response carries. Scripts come only from the hub itself, plus the one inline script the
/// framework writes (the import map), which carries this response's nonce; an injected script has neither. Framing
/// (clickjacking), plugins, foreign form targets and a changed base address are forbidden; the browser must not guess
/// content types, and other sites learn only our origin.
/// </summary>
public static class SecurityHeaders
{
    private const string NonceKey = "OS2Hub.CspNonce";

    /// <remarks>
    /// Styles allow inline: MudBlazor sets style attributes on its components (popover positions, progress widths),
    /// and a style cannot run code. Images and fonts may be data: URIs, which MudBlazor's icons and the CSS use.
    /// </remarks>
    /// <param name="formTargets">
    /// The identity providers' origins: the sign-in and sign-out forms post to the hub, which redirects to the provider,
    /// and browsers hold that redirect to <c>form-action</c> too.
    /// </param>
    public static string ContentSecurityPolicy(string nonce, string formTargets = "") =>
        $"default-src 'self'; script-src 'self' 'nonce-{nonce}'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        $"font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'{formTargets}; frame-ancestors 'none'";

    /// <summary>This response's nonce, for the framework's inline import map.</summary>
    public static string Nonce(HttpContext context) => context?.Items[NonceKey] as string ?? "";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var providers = app.ApplicationServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<Account.SingleSignOnOptions>>().Value.Providers;
        var formTargets = string.Concat(providers.Select(p => " " + p.Authority!.GetLeftPart(UriPartial.Authority)).Distinct());
        return app.Use(async (context, next) =>
        {
            // Hex rather than base64: '+' and '/' would reach the page HTML-encoded, which a test comparing text trips over.
            var nonce = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
            context.Items[NonceKey] = nonce;
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers["Content-Security-Policy"] = ContentSecurityPolicy(nonce, formTargets);
                headers["X-Content-Type-Options"] = "nosniff";
                headers["X-Frame-Options"] = "DENY";
                headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
                headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";
                headers["Cross-Origin-Opener-Policy"] = "same-origin";
                return Task.CompletedTask;
            });
            await next(context);
        });
    }
}
