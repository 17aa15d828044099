using BenchmarkDotNet.Running;

// dotnet run -c Release --project tests/Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(BsgKit.Benchmarks.RequestPathBenchmarks).Assembly).Run(args);
