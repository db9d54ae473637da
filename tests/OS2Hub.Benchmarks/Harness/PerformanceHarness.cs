namespace OS2Hub.Benchmarks.Harness;

/// <summary>
/// <c>dotnet run -c Release --project tests/OS2Hub.Benchmarks -- harness</c>: every figure of the performance issue in
/// one run and one table, written to <c>docs/performance.md</c>. PostgreSQL is measured too when
/// <c>OS2HUB_TEST_POSTGRES</c> names a server (<c>tests/with-postgres.sh</c> starts a throwaway one).
/// </summary>
internal static class PerformanceHarness
{
    public static async Task<int> RunAsync(string[] args)
    {
        var options = HarnessOptions.Parse(args);
        var log = Console.Out;
        // Published first, so the figures are of the code as it was when the run began, whatever is edited meanwhile.
        var app = await HubProcess.PublishAsync(options.RepositoryRoot, log);
        var machine = await PerformanceReport.MachineAsync(options.RepositoryRoot);
        var queries = new List<QueryTimings.Row>();
        log.WriteLine("The catalogue query");
        foreach (var size in options.Sizes)
        {
            queries.AddRange(await QueryTimings.MeasureAsync("SQLite", size, null, log));
        }

        if (options.Postgres is { } postgres)
        {
            foreach (var size in options.PostgresSizes ?? options.Sizes)
            {
                queries.AddRange(await QueryTimings.MeasureAsync("PostgreSQL", size, postgres, log));
            }
        }

        List<LoadTest.Row> pages;
        LiveCircuits.Figures circuits;
        await using (var hub = await HubProcess.StartAsync(app, log))
        {
            log.WriteLine("Pages and the API");
            pages = await LoadTest.MeasureAsync(hub.Address, options.Seconds, log);
            log.WriteLine("Live circuits");
            circuits = await LiveCircuits.MeasureAsync(hub, options.Tabs, options.Searches, options.RepositoryRoot, options.Dumps, log);
        }

        var report = PerformanceReport.Write(options, queries, pages, circuits, machine);
        Directory.CreateDirectory(Path.GetDirectoryName(options.Output)!);
        await File.WriteAllTextAsync(options.Output, report);
        log.WriteLine();
        log.WriteLine(report);
        log.WriteLine($"Written to {options.Output}");
        return 0;
    }
}
