using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace OS2Hub.Web.Tests.Infrastructure;

/// <summary>bUnit context with MudBlazor and the app's Danish texts, as MudBlazor's own bUnit setup does it.</summary>
public abstract class MudBunitContext : BunitContext
{
    protected MudBunitContext()
    {
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("da-DK");
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("da-DK");
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddLocalization(o => o.ResourcesPath = "Resources");
        Services.AddMudServices(o =>
        {
            o.PopoverOptions.CheckForPopoverProvider = false;
            o.SnackbarConfiguration.ShowTransitionDuration = 0;
            o.SnackbarConfiguration.HideTransitionDuration = 0;
        });
    }
}
