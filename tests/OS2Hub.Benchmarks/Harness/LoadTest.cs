using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace OS2Hub.Benchmarks.Harness;

/// <summary>Requests per second and latency for a page, with wrk as the issue measures it: 2 threads, 32 connections, on the same machine.</summary>
internal static partial class LoadTest
{
    public sealed record Row(string What, string Path, double RequestsPerSecond, double P50, double P99, long Failures);

    public static readonly (string What, string Path)[] Targets =
    [
        ("Katalogsiden, prerenderet", "/produkter"),
        ("Produktside", "/produkter/os2rollekatalog"),
        ("API, første side (20 produkter, JSON)", "/api/v1/products"),
        ("Udviklingsønsker, listen", "/produkter/os2rollekatalog/oensker"),
        ("Udviklingsønsker i API'et (JSON)", "/api/v1/products/os2rollekatalog/wishes"),
        ("Søgning på tværs (anonym)", "/soeg?q=rolle"),
        ("Spørgsmål på tværs af produkter", "/spoergsmaal"),
        ("Indsigt: kortet over Danmark", "/indsigt"),
        ("Indsigt: et produkts kort og udvikling", "/indsigt?produkt=os2rollekatalog"),
        ("Leverandørkoncentration", "/indsigt/leverandoerer"),
        ("Statisk fil (gulvet)", "/favicon.png"),
    ];

    public static async Task<List<Row>> MeasureAsync(Uri address, int seconds, TextWriter log)
    {
        using (var client = new HttpClient { BaseAddress = address })
        {
            foreach (var (_, path) in Targets)
            {
                var response = await client.GetAsync(new Uri(path, UriKind.Relative));
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    throw new InvalidOperationException($"{path} answers {(int)response.StatusCode}; the load test would measure an error page.");
                }
            }
        }

        var rows = new List<Row>();
        foreach (var (what, path) in Targets)
        {
            var url = new Uri(address, path).ToString();
            // The first seconds pay for the JIT and the first snapshot; they are not what a running hub costs.
            await WrkAsync(url, Math.Max(2, seconds / 2));
            var output = await WrkAsync(url, seconds);
            var row = new Row(what, path, Number(RequestsPerSecond().Match(output)), Latency(output, "50%"), Latency(output, "99%"),
                Failures().Match(output) is { Success: true } m ? long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : 0);
            rows.Add(row);
            log.WriteLine($"  {path}: {row.RequestsPerSecond:N0} req/s, p50 {row.P50:N1} ms, p99 {row.P99:N1} ms");
        }

        return rows;
    }

    private static async Task<string> WrkAsync(string url, int seconds)
    {
        var (exitCode, output) = await Tools.RunAsync("wrk", ["-t2", "-c32", $"-d{seconds}s", "--latency", url], Directory.GetCurrentDirectory());
        return exitCode == 0 ? output : throw new InvalidOperationException("wrk failed (apt-get install wrk):\n" + output);
    }

    private static double Latency(string output, string percentile)
    {
        var match = Regex.Match(output, $@"^\s+{Regex.Escape(percentile)}\s+([\d.]+)(us|ms|s)\s*$", RegexOptions.Multiline);
        var value = Number(match);
        return match.Groups[2].Value switch { "us" => value / 1000, "s" => value * 1000, _ => value };
    }

    private static double Number(Match match) =>
        match.Success ? double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : throw new InvalidOperationException("wrk printed something unexpected.");

    [GeneratedRegex(@"Requests/sec:\s+([\d.]+)")]
    private static partial Regex RequestsPerSecond();

    [GeneratedRegex(@"Non-2xx or 3xx responses:\s+(\d+)")]
    private static partial Regex Failures();
}
