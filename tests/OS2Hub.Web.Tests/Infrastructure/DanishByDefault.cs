using System.Globalization;
using System.Runtime.CompilerServices;

namespace OS2Hub.Web.Tests.Infrastructure;

/// <summary>
/// The app's default language is Danish (the request localisation says so); tests that call services directly get the
/// same default whatever the machine's locale, so a developer with LANG=en_US sees the same messages as CI.
/// Tests of English set the culture themselves.
/// </summary>
internal static class DanishByDefault
{
    [ModuleInitializer]
    internal static void Initialize()
    {
        var danish = CultureInfo.GetCultureInfo("da-DK");
        (CultureInfo.DefaultThreadCurrentCulture, CultureInfo.DefaultThreadCurrentUICulture) = (danish, danish);
        (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (danish, danish);
    }
}
