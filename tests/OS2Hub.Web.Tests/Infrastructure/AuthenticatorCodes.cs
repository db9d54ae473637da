using OtpNet;

namespace OS2Hub.Tests;

/// <summary>
/// Codes from an authenticator key, as the person's phone would show them. The hub accepts a code once and one time
/// step either side of now, so each call returns the code of a step not handed out before, waiting for the next
/// step when the ones the hub would accept are used up.
/// </summary>
public static class AuthenticatorCodes
{
    private static readonly Dictionary<string, long> s_lastStep = [];

    public static async Task<string> NextAsync(string key, CancellationToken ct = default)
    {
        var totp = new Totp(Base32Encoding.ToBytes(key));
        while (true)
        {
            lock (s_lastStep)
            {
                var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 30;
                var step = Math.Max(now, s_lastStep.GetValueOrDefault(key, long.MinValue) + 1);
                if (step <= now + 1)
                {
                    s_lastStep[key] = step;
                    return totp.ComputeTotp(DateTime.UnixEpoch.AddSeconds(step * 30));
                }
            }

            await Task.Delay(TimeSpan.FromSeconds(1), ct);
        }
    }

    /// <summary>The code for now, without marking it used: for a test that uses a code twice on purpose.</summary>
    public static string Current(string key) => new Totp(Base32Encoding.ToBytes(key)).ComputeTotp(DateTime.UtcNow);
}
