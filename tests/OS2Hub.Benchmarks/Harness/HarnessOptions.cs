using System.Globalization;

namespace OS2Hub.Benchmarks.Harness;

/// <summary>
/// What one run of the harness measures. The defaults are the issue's: 1,000, 10,000 and 50,000 products, 50 tabs,
/// 10 s per load test. <c>--small</c> is CI's run, which only proves the harness still works end to end.
/// </summary>
internal sealed record HarnessOptions(int[] Sizes, int Tabs, int Searches, int Seconds, string Output, string? Postgres, string RepositoryRoot)
{
    /// <summary>Where to keep the two heap dumps of the circuit measurement, to see with <c>dotnet-gcdump report</c> what a circuit holds; none: they are deleted.</summary>
    public string? Dumps { get; init; }

    /// <summary>The sizes measured on PostgreSQL, when one is configured; the same as on SQLite unless given.</summary>
    public int[]? PostgresSizes { get; init; }

    /// <summary>The arguments the run was given, for the report.</summary>
    public string Arguments { get; init; } = "";

    public const string PostgresVariable = "OS2HUB_TEST_POSTGRES";

    public static HarnessOptions Parse(string[] args)
    {
        var root = FindRepositoryRoot();
        var options = new HarnessOptions([1_000, 10_000, 50_000], 50, 20, 10, Path.Combine(root, "docs", "performance.md"),
            Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } pg ? pg : null, root);
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            options = args[i] switch
            {
                "--small" => options with { Sizes = [300], Tabs = 3, Searches = 3, Seconds = 2, Output = Path.Combine(Path.GetTempPath(), "os2hub-performance-small.md") },
                "--sizes" => options with { Sizes = [.. Next().Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture))] },
                "--tabs" => options with { Tabs = int.Parse(Next(), CultureInfo.InvariantCulture) },
                "--searches" => options with { Searches = int.Parse(Next(), CultureInfo.InvariantCulture) },
                "--seconds" => options with { Seconds = int.Parse(Next(), CultureInfo.InvariantCulture) },
                "--out" => options with { Output = Path.GetFullPath(Next()) },
                "--dumps" => options with { Dumps = Path.GetFullPath(Next()) },
                "--postgres-sizes" => options with { PostgresSizes = [.. Next().Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture))] },
                _ => throw new ArgumentException($"Unknown option {args[i]}. Options: --small, --sizes 1000,10000, --tabs N, --searches N, --seconds N, --out FILE, --dumps DIR, --postgres-sizes 1000,10000"),
            };
        }

        return options with { Arguments = string.Join(' ', args) };
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "OS2Hub.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Run the harness from inside the OS2Hub repository.");
    }
}
