using System.Diagnostics;
using System.Text.RegularExpressions;

namespace OS2Hub.Web.Tests.Infrastructure;

/// <summary>
/// The app as its own process, started from the Web project's build output as an operator would start it: for what
/// only a real process shows (its exit code and console, and what a SIGKILL leaves behind).
/// </summary>
public sealed partial class AppProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly TaskCompletionSource<Uri> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<string> _errors = [];

    private AppProcess(Dictionary<string, string> settings)
    {
        var project = Path.Combine(RepositoryRoot(), "src", "OS2Hub.Web");
        // The same configuration (Debug or Release) as this test assembly, which built the Web project beside it.
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = project, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(project, "bin", configuration, "net10.0", "OS2Hub.Web.dll"));
        start.ArgumentList.Add("--urls=http://127.0.0.1:0");
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        _process = new Process { StartInfo = start };
        _process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not null && AddressRegex().Match(e.Data) is { Success: true } m)
            {
                _listening.TrySetResult(new Uri(m.Groups[1].Value));
            }
        };
        _process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (_errors)
                {
                    _errors.Add(e.Data);
                }
            }
        };
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public static AppProcess Start(Dictionary<string, string> settings) => new(settings);

    /// <summary>The address the app prints once it serves.</summary>
    public async Task<Uri> AddressAsync()
    {
        var exited = _process.WaitForExitAsync(TestContext.Current.CancellationToken);
        var first = await Task.WhenAny(_listening.Task, exited, Task.Delay(TimeSpan.FromMinutes(2), TestContext.Current.CancellationToken));
        return first == _listening.Task ? await _listening.Task : throw new InvalidOperationException("The app did not start: " + string.Join('\n', StandardError));
    }

    public async Task<int> ExitCodeAsync()
    {
        await _process.WaitForExitAsync(TestContext.Current.CancellationToken);
        _process.WaitForExit(); // lets the redirected streams finish
        return _process.ExitCode;
    }

    public IReadOnlyList<string> StandardError
    {
        get
        {
            lock (_errors)
            {
                return [.. _errors];
            }
        }
    }

    /// <summary>SIGKILL: the process gets no chance to finish anything.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: false);
        _process.WaitForExit();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "OS2Hub.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("OS2Hub.sln not found above the test output.");
    }

    [GeneratedRegex(@"(http://127\.0\.0\.1:\d+)")]
    private static partial Regex AddressRegex();
}
