namespace OS2Hub.Web.Features.Operations;

/// <summary>
/// The headers every response carries. The policy forbids framing (clickjacking), plugins, foreign form targets and a
/// changed base address; the browser must not guess content types, and other sites learn only our origin.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>
    /// No default, script or style source yet: the framework writes its import map as an inline script and MudBlazor
    /// sets inline styles, so restricting them needs the import map's hash first (not done).
    /// </summary>
    public const string ContentSecurityPolicy = "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers["Content-Security-Policy"] = ContentSecurityPolicy;
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
