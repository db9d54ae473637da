using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(OS2Hub.Benchmarks.CatalogQueryBenchmarks).Assembly).Run(args);
