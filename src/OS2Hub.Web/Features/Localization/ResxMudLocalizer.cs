using Microsoft.Extensions.Localization;
using MudBlazor;

namespace OS2Hub.Web.Features.Localization;

/// <summary>MudBlazor ships English texts only; this gives its components (pager, dialogs) the app's Danish resources.</summary>
internal sealed class ResxMudLocalizer(IStringLocalizer<SharedResource> localizer) : MudLocalizer
{
    public override LocalizedString this[string key]
    {
        get
        {
            var text = localizer[key];
            return text.ResourceNotFound ? base[key] : text;
        }
    }
}
