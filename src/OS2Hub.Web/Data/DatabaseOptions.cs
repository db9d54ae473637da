namespace OS2Hub.Web.Data;

/// <summary>Settings under "OS2Hub" in appsettings, environment variables (OS2Hub__DemoData) or the command line.</summary>
public sealed class OS2HubOptions
{
    public const string Section = "OS2Hub";

    /// <summary>SQLite file. Relative paths are under the app's content root.</summary>
    public string DatabasePath { get; set; } = "App_Data/os2hub.db";

    /// <summary>Load invented demo co-owners and working groups, marked "Demodata" everywhere. Off in production.</summary>
    public bool DemoData { get; set; }

    /// <summary>Where uploaded tilslutningsaftaler (PDF) are kept. Relative paths are under the app's content root.</summary>
    public string AgreementFolder { get; set; } = "App_Data/agreements";

    /// <summary>
    /// The first secretariat account, created at start-up if no user has this e-mail. With demo data off it is the
    /// only way in; give it on the command line or in an environment variable, never in a committed file.
    /// </summary>
    public string? FirstSecretariatEmail { get; set; }

    /// <summary>Password for <see cref="FirstSecretariatEmail"/> (at least 12 characters).</summary>
    public string? FirstSecretariatPassword { get; set; }

    /// <summary>
    /// The address of the hub's accessibility statement (tilgængelighedserklæring), which Danish public-sector sites must
    /// publish, made in Digitaliseringsstyrelsen's tool. Without one the footer shows no link rather than a dead one.
    /// </summary>
    public Uri? AccessibilityStatementUrl { get; set; }
}
