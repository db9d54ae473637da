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

    /// <summary>Signs in through the real sign-in form; the client keeps the cookie if it handles cookies.</summary>
    public static Task<HttpResponseMessage> SignInAsync(HttpClient client, string email, string password) =>
        PostFormAsync(client, "/konto/log-ind", "login", new() { ["Input.Email"] = email, ["Input.Password"] = password });

    [GeneratedRegex("__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex TokenRegex();
}
