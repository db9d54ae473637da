using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using OS2Hub.Web.Data.Entities;

namespace OS2Hub.Web.Features.Localization;

/// <summary>Remembers the user's language in the culture cookie. A full reload follows, because a running circuit keeps its culture.</summary>
public static class CultureSwitch
{
    /// <summary>
    /// The API's language: the client's Accept-Language, Danish unless it asks for English. The pages ignore the
    /// header on purpose (most Danish offices' browsers send en-US); a program calling the API asks deliberately.
    /// </summary>
    public sealed class ApiAcceptLanguage : RequestCultureProvider
    {
        private readonly AcceptLanguageHeaderRequestCultureProvider _header = new();

        public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
        {
            ArgumentNullException.ThrowIfNull(httpContext);
            return httpContext.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
                ? _header.DetermineProviderCultureResult(httpContext)
                : NullProviderCultureResult;
        }
    }

    public const string Danish = "da-DK";
    public const string English = "en";

    public static string Url(string culture, string returnUrl) => $"/sprog/{culture}?returnUrl={Uri.EscapeDataString(returnUrl)}";

    public static void MapCultureSwitch(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/sprog/{culture}", async (string culture, string? returnUrl, HttpContext context, UserManager<AppUser> users) =>
        {
            if (culture is not (Danish or English))
            {
                return Results.NotFound();
            }

            // A signed-in user's choice is remembered on the account too, so e-mails reach them in the same language.
            if (context.User.Identity?.IsAuthenticated == true && await users.GetUserAsync(context.User) is { } user)
            {
                user.PreferredLanguage = culture == English ? "en" : "da";
                await users.UpdateAsync(user);
            }

            context.Response.Cookies.Append(
                CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions { MaxAge = TimeSpan.FromDays(365), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true });

            return Results.LocalRedirect(OS2Hub.Web.Features.Account.AccountEndpoints.LocalUrl(returnUrl));
        });
}
