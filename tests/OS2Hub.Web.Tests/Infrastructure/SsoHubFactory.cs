using OS2Hub.Tests;

namespace OS2Hub.Web.Tests.Infrastructure;

/// <summary>
/// The app with two identity providers on one test provider: "testsso" (checks email_verified) and "betroet"
/// (TrustEmail, as Entra ID is configured). Optionally with password sign-in off and only a first secretariat e-mail.
/// </summary>
public sealed class SsoHubFactory(TestIdentityProvider provider, bool localSignIn = true, string? firstSecretariatEmail = null) : HubFactory
{
    public static readonly Uri HubBase = new("http://localhost/");

    public static async Task<TestIdentityProvider> StartProviderAsync()
    {
        var provider = await TestIdentityProvider.StartAsync();
        await provider.RegisterClientAsync("os2hub", HubBase, "testsso");
        await provider.RegisterClientAsync("os2hub-betroet", HubBase, "betroet");
        return provider;
    }

    protected override bool DemoData => localSignIn;

    protected override IEnumerable<KeyValuePair<string, string>> ExtraSettings =>
    [
        .. provider.Settings(0, "testsso", "Test-SSO", "os2hub"),
        .. provider.Settings(1, "betroet", "Betroet SSO", "os2hub-betroet", trustEmail: true),
        new("OS2Hub:LocalSignIn", localSignIn ? "true" : "false"),
        .. firstSecretariatEmail is null ? [] : new KeyValuePair<string, string>[] { new("OS2Hub:FirstSecretariatEmail", firstSecretariatEmail) },
    ];
}
