using Microsoft.AspNetCore.Localization;

namespace OS2Hub.Web.Features.Localization;

/// <summary>Remembers the user's language in the culture cookie. A full reload follows, because a running circuit keeps its culture.</summary>
public static class CultureSwitch
{
    public const string Danish = "da-DK";
    public const string English = "en";

    public static string Url(string culture, string returnUrl) => $"/sprog/{culture}?returnUrl={Uri.EscapeDataString(returnUrl)}";

    public static void MapCultureSwitch(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/sprog/{culture}", (string culture, string? returnUrl, HttpContext context) =>
        {
            if (culture is not (Danish or English))
            {
                return Results.NotFound();
            }

            context.Response.Cookies.Append(
                CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions { MaxAge = TimeSpan.FromDays(365), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true });

            return Results.LocalRedirect(OS2Hub.Web.Features.Account.AccountEndpoints.LocalUrl(returnUrl));
        });
}
