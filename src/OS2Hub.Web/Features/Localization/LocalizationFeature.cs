using System.Globalization;
using Microsoft.AspNetCore.Localization;
using MudBlazor;

namespace OS2Hub.Web.Features.Localization;

public static class LocalizationFeature
{
    /// <summary>Danish first, English second, for the app's own texts and MudBlazor's.</summary>
    public static IServiceCollection AddHubLocalization(this IServiceCollection services)
    {
        // Danish letters as themselves in the HTML, not as &#xE6; entities: smaller pages, readable source.
        services.AddSingleton(System.Text.Encodings.Web.HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All));
        services.AddLocalization(o => o.ResourcesPath = "Resources");
        services.AddTransient<MudLocalizer, ResxMudLocalizer>();
        return services;
    }

    /// <summary>
    /// Danish unless the user chose English; the browser's Accept-Language is ignored on purpose on the pages, because
    /// most browsers in Danish offices still send en-US and the service's language is Danish. The API honours it.
    /// </summary>
    public static IApplicationBuilder UseHubLocalization(this IApplicationBuilder app)
    {
        string[] cultures = [CultureSwitch.Danish, CultureSwitch.English];
        return app.UseRequestLocalization(new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture(CultureSwitch.Danish),
            SupportedCultures = cultures.Select(CultureInfo.GetCultureInfo).ToList(),
            SupportedUICultures = cultures.Select(CultureInfo.GetCultureInfo).ToList(),
            RequestCultureProviders = [new CultureSwitch.ApiAcceptLanguage(), new CookieRequestCultureProvider()],
        });
    }
}
