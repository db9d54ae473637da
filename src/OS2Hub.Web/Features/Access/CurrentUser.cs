using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;

namespace OS2Hub.Web.Features.Access;

/// <summary>The signed-in user's id inside a circuit (HttpContext is not available there).</summary>
public sealed class CurrentUser(AuthenticationStateProvider authentication)
{
    public async Task<string?> IdAsync()
    {
        var state = await authentication.GetAuthenticationStateAsync();
        return state.User.Identity?.IsAuthenticated == true ? state.User.FindFirstValue(ClaimTypes.NameIdentifier) : null;
    }
}
