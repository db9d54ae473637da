using Microsoft.AspNetCore.Identity;
using OS2Hub.Web.Data.Entities;
using OtpNet;
using QRCoder;

namespace OS2Hub.Web.Features.Account;

/// <summary>The authenticator app as second factor: codes, the key shown at set-up and its QR code.</summary>
public static class TwoFactor
{
    /// <summary>Where Identity's user store keeps the authenticator key (UserManager's own names for it).</summary>
    public const string KeyStore = "[AspNetUserStore]";
    public const string KeyName = "AuthenticatorKey";

    public const int RecoveryCodeCount = 10;

    /// <summary>The key in groups of four, as authenticator apps show it, for typing in by hand.</summary>
    public static string Readable(string key) =>
        string.Join(' ', Enumerable.Range(0, (key.Length + 3) / 4).Select(i => key.Substring(i * 4, Math.Min(4, key.Length - i * 4)))).ToLowerInvariant();

    public static Uri AppLink(string key, string email) =>
        new($"otpauth://totp/{Uri.EscapeDataString("OS2Hub:" + email)}?secret={key}&issuer=OS2Hub&digits=6");

    /// <summary>The QR code as SVG markup, drawn here: the key never leaves the server for a QR service.</summary>
    public static string QrSvg(Uri link)
    {
        ArgumentNullException.ThrowIfNull(link);
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(link.AbsoluteUri, QRCodeGenerator.ECCLevel.M);
        return new SvgQRCode(data).GetGraphic(4);
    }

    /// <summary>A code as typed: spaces and hyphens that apps and people put in are dropped.</summary>
    public static string Normalise(string? code) =>
        new((code ?? "").Where(c => !char.IsWhiteSpace(c) && c != '-').ToArray());
}

/// <summary>
/// Identity's authenticator check, with one addition: a code is accepted once. The time step it matched is stored on
/// the account, and a code from that step or an earlier one is refused, so a code read over a shoulder or from a log
/// is worthless once used. The stored step is written with the account's concurrency stamp: of two requests racing
/// with the same code, one fails.
/// </summary>
public sealed class OneTimeAuthenticatorTokenProvider : IUserTwoFactorTokenProvider<AppUser>
{
    public async Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<AppUser> manager, AppUser user)
    {
        ArgumentNullException.ThrowIfNull(manager);
        return !string.IsNullOrWhiteSpace(await manager.GetAuthenticatorKeyAsync(user));
    }

    public Task<string> GenerateAsync(string purpose, UserManager<AppUser> manager, AppUser user) => Task.FromResult(string.Empty);

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<AppUser> manager, AppUser user)
    {
        ArgumentNullException.ThrowIfNull(manager);
        ArgumentNullException.ThrowIfNull(user);
        var key = await manager.GetAuthenticatorKeyAsync(user);
        var code = TwoFactor.Normalise(token);
        if (string.IsNullOrEmpty(key) || code.Length != 6 || !code.All(char.IsAsciiDigit))
        {
            return false;
        }

        // One step either side: a phone's clock a little off, or a code typed as it changed.
        var totp = new Totp(Base32Encoding.ToBytes(key));
        if (!totp.VerifyTotp(code, out var step, new VerificationWindow(previous: 1, future: 1)) || step <= (user.LastAuthenticatorStep ?? -1))
        {
            return false;
        }

        user.LastAuthenticatorStep = step;
        return (await manager.UpdateAsync(user)).Succeeded;
    }
}
