using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace OS2Hub.Benchmarks.Harness;

/// <summary>
/// The app as production runs it: published in Release, started with <c>dotnet OS2Hub.Web.dll</c> in the Production
/// environment with demo data on a fresh SQLite file, the API's rate limit raised so the load test measures the app.
/// </summary>
internal sealed class HubProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _directory;

    private HubProcess(Process process, Uri address, string directory) => (_process, Address, _directory) = (process, address, directory);

    public Uri Address { get; }

    public int Id => _process.Id;

    /// <summary>The process's resident memory, from /proc.</summary>
    public long ResidentBytes()
    {
        var line = File.ReadLines($"/proc/{_process.Id}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
    }

    public static async Task<string> PublishAsync(string repositoryRoot, TextWriter log)
    {
        var output = Path.Combine(Path.GetTempPath(), "os2hub-harness-app");
        log.WriteLine($"Publishing the app (Release) to {output}");
        var result = await Tools.RunAsync("dotnet", ["publish", Path.Combine(repositoryRoot, "src", "OS2Hub.Web"), "-c", "Release", "-o", output, "--nologo", "-v", "q"], repositoryRoot);
        return result.ExitCode == 0 ? output : throw new InvalidOperationException("dotnet publish failed:\n" + result.Output);
    }

    public static async Task<HubProcess> StartAsync(string app, TextWriter log)
    {
        var directory = Path.Combine(Path.GetTempPath(), $"os2hub-harness-data-{Guid.NewGuid():N}");
        Directory.CreateDirectory(directory);
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet", [Path.Combine(app, "OS2Hub.Web.dll"), "--urls", $"http://127.0.0.1:{port}"])
        {
            WorkingDirectory = app, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["OS2Hub__DatabasePath"] = Path.Combine(directory, "os2hub.db");
        start.Environment["OS2Hub__DemoData"] = "true";
        start.Environment["OS2Hub__GeneratedProducts"] = "0";
        start.Environment["OS2Hub__RateLimits__ApiPerMinute"] = "100000000";
        var process = Process.Start(start) ?? throw new InvalidOperationException("The app did not start.");
        var output = File.CreateText(Path.Combine(directory, "app.log"));
        process.OutputDataReceived += (_, e) => { lock (output) { output.WriteLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (output) { output.WriteLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var hub = new HubProcess(process, new Uri($"http://127.0.0.1:{port}"), directory);
        using var client = new HttpClient { BaseAddress = hub.Address, Timeout = TimeSpan.FromSeconds(5) };
        for (var waited = Stopwatch.StartNew(); waited.Elapsed < TimeSpan.FromMinutes(3); await Task.Delay(500))
        {
            if (process.HasExited)
            {
                break;
            }

            try
            {
                if ((await client.GetAsync(new Uri("/health/ready", UriKind.Relative))).StatusCode == HttpStatusCode.OK)
                {
                    log.WriteLine($"The app answers at {hub.Address} (process {process.Id})");
                    return hub;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }
        }

        await hub.DisposeAsync();
        throw new InvalidOperationException($"The app did not become ready; its log is in {directory}/app.log");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>Runs an outside tool and returns what it printed.</summary>
internal static class Tools
{
    public static async Task<(int ExitCode, string Output)> RunAsync(string file, IEnumerable<string> arguments, string workingDirectory)
    {
        var start = new ProcessStartInfo(file, arguments) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"{file} did not start.");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"{file} is not installed here ({e.Message}); the harness needs wrk, Chromium and the .NET tools (dotnet tool restore).", e);
        }

        using var _ = process;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout + await stderr);
    }
}
