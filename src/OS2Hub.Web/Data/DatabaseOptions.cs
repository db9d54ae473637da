namespace OS2Hub.Web.Data;

/// <summary>Settings under "OS2Hub" in appsettings, environment variables (OS2Hub__DemoData) or the command line.</summary>
public sealed class OS2HubOptions
{
    public const string Section = "OS2Hub";

    /// <summary>SQLite file. Relative paths are under the app's content root.</summary>
    public string DatabasePath { get; set; } = "App_Data/os2hub.db";

    /// <summary>Load invented demo co-owners and working groups, marked "Demodata" everywhere. Off in production.</summary>
    public bool DemoData { get; set; }

    /// <summary>
    /// With demo data on: a generated catalogue of this many extra products, with suppliers, co-owners and history in
    /// proportion, all demo data, to look at and measure the hub at scale. 0: none (the generated products are removed).
    /// </summary>
    public int GeneratedProducts { get; set; }

    /// <summary>
    /// The first secretariat account, created at start-up if no user has this e-mail. With demo data off it is the
    /// only way in; give it on the command line or in an environment variable, never in a committed file.
    /// </summary>
    public string? FirstSecretariatEmail { get; set; }

    /// <summary>
    /// Password for <see cref="FirstSecretariatEmail"/> (at least 12 characters). Without one, and with
    /// <see cref="LocalSignIn"/> off, the account is created invited and is linked at its first verified single sign-on.
    /// </summary>
    public string? FirstSecretariatPassword { get; set; }

    /// <summary>Sign-in with a password. Off where the organisation requires single sign-on: then only the providers let anyone in.</summary>
    public bool LocalSignIn { get; set; } = true;

    /// <summary>
    /// The address of the hub's accessibility statement (tilgængelighedserklæring), which Danish public-sector sites must
    /// publish, made in Digitaliseringsstyrelsen's tool. Without one the footer shows no link rather than a dead one.
    /// </summary>
    public Uri? AccessibilityStatementUrl { get; set; }

    /// <summary>
    /// The address users reach the hub at, behind any proxy. Every link the hub writes into an e-mail or an export
    /// starts here, never from the request's Host header (which a client can set, so a reset link could point elsewhere).
    /// </summary>
    public Uri PublicBaseUrl { get; set; } = new("http://127.0.0.1:5080/");

    /// <summary>An absolute link to a path on the hub.</summary>
    public Uri Link(string path) => new(PublicBaseUrl, (path ?? "").TrimStart('/'));
}
