using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using OS2Hub.Web.Features.Localization;

namespace OS2Hub.Web.Features.Operations;

/// <summary>Settings under OS2Hub:RateLimits: how many requests one address, or one account, may make in a window.</summary>
public sealed class RateLimitOptions
{
    public const string Section = "OS2Hub:RateLimits";

    /// <summary>Sign-in attempts per address per minute. Identity's lockout already stops guessing one account's password.</summary>
    public int SignInPerMinute { get; set; } = 10;

    /// <summary>Password-reset requests per address per hour: each sends an e-mail.</summary>
    public int PasswordResetPerHour { get; set; } = 5;

    /// <summary>
    /// Sign-in attempts per account (the e-mail typed) per hour, from any address: spreading guesses over many addresses
    /// does not get round it. Identity's lockout still locks the account after five wrong passwords.
    /// </summary>
    public int SignInPerAccountPerHour { get; set; } = 20;

    /// <summary>Password-reset requests per account per hour, from any address: nobody's inbox is flooded.</summary>
    public int PasswordResetPerAccountPerHour { get; set; } = 3;

    /// <summary>Open API requests per address per minute.</summary>
    public int ApiPerMinute { get; set; } = 120;

    /// <summary>publiccode.yml validations per address per minute: each parses up to 1 MiB.</summary>
    public int ValidatorPerMinute { get; set; } = 20;
}

/// <summary>
/// One limiter for the whole app, partitioned by what is asked and who asks (the client's address, after the trusted
/// proxies). Pages and static files are not limited; a form over its limit gets a Danish page, the API a 429 problem.
/// </summary>
public static class RateLimits
{
    public static IServiceCollection AddHubRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var limits = configuration.GetSection(RateLimitOptions.Section).Get<RateLimitOptions>() ?? new RateLimitOptions();
        return services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.GlobalLimiter = PartitionedRateLimiter.CreateChained(ByAddress(limits), ByAccount(limits));
            o.OnRejected = RejectAsync;
        });
    }

    /// <summary>
    /// Reads the e-mail typed into the sign-in and password-reset forms before the limiter runs, so it can count per
    /// account. The form is buffered by the framework and read again by the page as usual.
    /// </summary>
    public static IApplicationBuilder UseHubRateLimits(this IApplicationBuilder app)
    {
        app.Use(async (context, next) =>
        {
            if (HttpMethods.IsPost(context.Request.Method) && IsAccountForm(context.Request.Path) && context.Request.HasFormContentType)
            {
                var form = await context.Request.ReadFormAsync(context.RequestAborted);
                var email = form["Input.Email"].ToString().Trim();
                if (email.Length > 0)
                {
                    context.Items[AccountKey] = email.ToUpperInvariant();
                }
            }

            await next(context);
        });
        return app.UseRateLimiter();
    }

    private const string AccountKey = "OS2Hub.RateLimitAccount";

    private static bool IsAccountForm(PathString path) =>
        path.Equals("/konto/log-ind", StringComparison.OrdinalIgnoreCase) || path.Equals("/konto/glemt-adgangskode", StringComparison.OrdinalIgnoreCase);

    private static PartitionedRateLimiter<HttpContext> ByAccount(RateLimitOptions limits) =>
        PartitionedRateLimiter.Create<HttpContext, string>(context =>
        {
            if (context.Items[AccountKey] is not string account)
            {
                return RateLimitPartition.GetNoLimiter("no-account");
            }

            // Held in memory only, never logged; on several instances each counts its own share.
            return context.Request.Path.Equals("/konto/log-ind", StringComparison.OrdinalIgnoreCase)
                ? Window($"sign-in-account:{account}", limits.SignInPerAccountPerHour, TimeSpan.FromHours(1))
                : Window($"reset-account:{account}", limits.PasswordResetPerAccountPerHour, TimeSpan.FromHours(1));
        });

    private static PartitionedRateLimiter<HttpContext> ByAddress(RateLimitOptions limits) =>
            PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                var address = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
                var path = context.Request.Path;
                var post = HttpMethods.IsPost(context.Request.Method);
                return (path, post) switch
                {
                    _ when post && (path.Equals("/konto/log-ind", StringComparison.OrdinalIgnoreCase) || path.Equals("/konto/log-ind/totrin", StringComparison.OrdinalIgnoreCase)) =>
                        Window($"sign-in:{address}", limits.SignInPerMinute, TimeSpan.FromMinutes(1)),
                    _ when post && path.Equals("/konto/glemt-adgangskode", StringComparison.OrdinalIgnoreCase) =>
                        Window($"reset:{address}", limits.PasswordResetPerHour, TimeSpan.FromHours(1)),
                    _ when path.StartsWithSegments("/api/v1/publiccode/validate", StringComparison.OrdinalIgnoreCase) =>
                        Window($"validate:{address}", limits.ValidatorPerMinute, TimeSpan.FromMinutes(1)),
                    _ when path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase) =>
                        Window($"api:{address}", limits.ApiPerMinute, TimeSpan.FromMinutes(1)),
                    _ => RateLimitPartition.GetNoLimiter("unlimited"),
                };
            });

    // Danish letters stay letters; only what HTML needs is escaped.
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    private static RateLimitPartition<string> Window(string key, int permits, TimeSpan window) =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = window, QueueLimit = 0 });

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken ct)
    {
        var context = rejected.HttpContext;
        var seconds = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? (int)Math.Ceiling(retryAfter.TotalSeconds) : 60;
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        if (context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            await Results.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: Texts.Get("RateLimit_Title"),
                detail: Texts.Format("RateLimit_Detail", seconds)).ExecuteAsync(context);
            return;
        }

        context.Response.ContentType = "text/html; charset=utf-8";
        var title = Html.Encode(Texts.Get("RateLimit_Title"));
        var detail = Html.Encode(Texts.Format("RateLimit_Detail", seconds));
        await context.Response.WriteAsync(
            $"<!DOCTYPE html><html lang=\"{CultureInfo.CurrentUICulture.TwoLetterISOLanguageName}\"><head><meta charset=\"utf-8\"><title>{title} – OS2Hub</title></head>" +
            $"<body><main><h1>{title}</h1><p>{detail}</p><p><a href=\"/\">OS2Hub</a></p></main></body></html>", ct);
    }
}
