namespace OS2Hub.Benchmarks.Harness;

/// <summary>Nearest-rank percentiles of a set of timings in milliseconds.</summary>
internal sealed record Percentiles(double P50, double P95, double Max, int Samples)
{
    public static Percentiles Of(IReadOnlyCollection<double> samples)
    {
        var sorted = samples.Order().ToArray();
        double At(double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
        return new Percentiles(At(0.50), At(0.95), sorted[^1], sorted.Length);
    }

    /// <summary>Runs the action until it has been timed <paramref name="most"/> times or for about <paramref name="budget"/>, at least <paramref name="least"/> times, after two untimed runs.</summary>
    public static async Task<Percentiles> TimeAsync(Func<Task> action, TimeSpan budget, int least = 10, int most = 500)
    {
        await action();
        await action();
        var samples = new List<double>();
        var total = System.Diagnostics.Stopwatch.StartNew();
        while (samples.Count < most && (samples.Count < least || total.Elapsed < budget))
        {
            var one = System.Diagnostics.Stopwatch.StartNew();
            await action();
            samples.Add(one.Elapsed.TotalMilliseconds);
        }

        return Of(samples);
    }
}
