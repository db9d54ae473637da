using System.Net;
using Microsoft.Data.Sqlite;
using OS2Hub.Web.Tests.Infrastructure;

namespace OS2Hub.Web.Tests.Http;

/// <summary>What a power cut or an OOM kill leaves of the SQLite database: nothing broken, nothing acknowledged lost.</summary>
public sealed class CrashTests : IDisposable
{
    private const string Account = "produktkoordinator@demo.os2hub.dk";
    private readonly string _directory = Directory.CreateTempSubdirectory("os2hub-crash-").FullName;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AKilledAppRestartsOnAnIntactDatabaseThatHoldsEveryAcknowledgedWrite()
    {
        var settings = new Dictionary<string, string>
        {
            ["OS2Hub:DatabasePath"] = Path.Combine(_directory, "os2hub.db"),
            ["OS2Hub:DemoData"] = "true",
            ["OS2Hub:Email:PickupFolder"] = Path.Combine(_directory, "mail"),
            ["OS2Hub:RateLimits:PasswordResetPerHour"] = "100000",
            ["OS2Hub:RateLimits:PasswordResetPerAccountPerHour"] = "100000",
        };
        var acknowledged = 0;
        await using (var app = AppProcess.Start(settings))
        {
            using var client = new HttpClient { BaseAddress = await app.AddressAsync() };
            // Each acknowledged "forgotten password" has committed one e-mail to the outbox table before it answers.
            var writers = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
            {
                try
                {
                    while (true)
                    {
                        var answer = await HttpForms.PostFormAsync(client, "/konto/glemt-adgangskode", "forgot", new() { ["Input.Email"] = Account });
                        if (answer.StatusCode == HttpStatusCode.OK && (await answer.Content.ReadAsStringAsync(Ct)).Contains("Hvis der findes en konto", StringComparison.Ordinal))
                        {
                            Interlocked.Increment(ref acknowledged);
                        }
                    }
                }
                catch (HttpRequestException)
                {
                    // The process is gone; whatever was in flight was never acknowledged.
                }
            }, Ct)).ToList();

            var waited = System.Diagnostics.Stopwatch.StartNew();
            while (Volatile.Read(ref acknowledged) < 40)
            {
                Assert.True(waited.Elapsed < TimeSpan.FromMinutes(2), $"Only {acknowledged} writes acknowledged in two minutes.");
                await Task.Delay(20, Ct);
            }

            app.Kill(); // SIGKILL, with the other writers' requests in flight
            await Task.WhenAll(writers);
        }

        await using (var again = AppProcess.Start(settings))
        {
            using var client = new HttpClient { BaseAddress = await again.AddressAsync() };
            Assert.Equal("Healthy", await client.GetStringAsync(new Uri("/health/ready", UriKind.Relative), Ct));
        }

        using var db = new SqliteConnection($"Data Source={settings["OS2Hub:DatabasePath"]};Pooling=False");
        db.Open();
        using var check = db.CreateCommand();
        check.CommandText = "PRAGMA integrity_check";
        Assert.Equal("ok", check.ExecuteScalar());
        using var count = db.CreateCommand();
        count.CommandText = "SELECT COUNT(*) FROM \"OutgoingEmails\" WHERE \"Recipient\" = $r";
        count.Parameters.AddWithValue("$r", Account);
        Assert.InRange((long)count.ExecuteScalar()!, acknowledged, long.MaxValue);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
