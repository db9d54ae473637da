using System.Text.RegularExpressions;

namespace OS2Hub.Web.Tests.Infrastructure;

/// <summary>Posting the app's server-rendered forms as a browser would: the antiforgery token from the page, then the fields.</summary>
public static partial class HttpForms
{
    /// <summary>Gets <paramref name="path"/> for its antiforgery token, then posts the form to <paramref name="action"/> (default: the same page).</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string path, string handler, Dictionary<string, string> fields, string? action = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        var ct = TestContext.Current.CancellationToken;
        var page = await client.GetStringAsync(new Uri(path, UriKind.Relative), ct);
        var form = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = TokenRegex().Match(page).Groups[1].Value };
        if (handler.Length > 0)
        {
            form["_handler"] = handler;
        }

        using var content = new FormUrlEncodedContent(form);
        return await client.PostAsync(new Uri(action ?? path, UriKind.Relative), content, ct);
    }

    /// <summary>
    /// Signs in through the real sign-in form, and through the second-factor form when the account has one (the demo
    /// secretariat's key, or <paramref name="authenticatorKey"/>); the client keeps the cookie if it handles cookies.
    /// </summary>
    public static async Task<HttpResponseMessage> SignInAsync(HttpClient client, string email, string password, string? authenticatorKey = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        var response = await PostFormAsync(client, "/konto/log-ind", "login", new() { ["Input.Email"] = email, ["Input.Password"] = password });
        if (Redirect(response)?.StartsWith("/konto/log-ind/totrin", StringComparison.Ordinal) != true)
        {
            return response;
        }

        var key = authenticatorKey ?? (email == "sekretariat" + Web.Features.Account.AccountSeeder.DemoDomain ? Web.Features.Account.AccountSeeder.DemoAuthenticatorKey : null)
            ?? throw new InvalidOperationException($"{email} asks for a second factor, and the test gave no authenticator key.");
        var code = await OS2Hub.Tests.AuthenticatorCodes.NextAsync(key, TestContext.Current.CancellationToken);
        var path = Redirect(response)!;
        return await PostFormAsync(client, path, "second-factor", new() { ["Input.Code"] = code });
    }

    /// <summary>Where a response redirects to, as a path on the site (the app writes some redirects as absolute addresses).</summary>
    public static string? Redirect(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return response.Headers.Location is not { } location ? null : location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString;
    }

    [GeneratedRegex("__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex TokenRegex();
}
