using BenchmarkDotNet.Running;

if (args is ["harness", .. var rest])
{
    return await OS2Hub.Benchmarks.Harness.PerformanceHarness.RunAsync(rest);
}

BenchmarkSwitcher.FromAssembly(typeof(OS2Hub.Benchmarks.CatalogQueryBenchmarks).Assembly).Run(args);
return 0;
