using System.Globalization;
using System.Resources;

namespace OS2Hub.Web.Features.Localization;

/// <summary>
/// The hub's texts for code that is not a component: services, endpoints, exports, e-mails. They read the same
/// resources as the pages (<c>Resources/SharedResource*.resx</c>) in the current UI culture, which the request
/// localisation sets per request and per circuit, and <see cref="In"/> sets for a recipient. A static accessor keeps
/// services free of a localiser parameter they would all need only to pass on.
/// </summary>
public static class Texts
{
    private static readonly ResourceManager s_resources = new("OS2Hub.Web.Resources.SharedResource", typeof(Texts).Assembly);

    /// <summary>The text for a key in the current UI culture (Danish when the culture has none).</summary>
    public static string Get(string key) =>
        s_resources.GetString(key, CultureInfo.CurrentUICulture) ?? throw new InvalidOperationException($"No text has the key {key}.");

    /// <summary>The text for a key with its placeholders filled in, numbers and dates written the culture's way.</summary>
    public static string Format(string key, params object?[] args) => string.Format(CultureInfo.CurrentCulture, Get(key), args);

    /// <summary>Switches this flow to a language ("da" or "en") until disposed: for e-mails in the recipient's language.</summary>
    public static IDisposable In(string? language)
    {
        var (culture, uiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        var chosen = CultureInfo.GetCultureInfo(language == "en" ? CultureSwitch.English : CultureSwitch.Danish);
        (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (chosen, chosen);
        return new Restore(() => (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, uiCulture));
    }

    private sealed class Restore(Action restore) : IDisposable
    {
        public void Dispose() => restore();
    }
}
