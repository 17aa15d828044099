using BenchmarkDotNet.Running;

// dotnet run -c Release --project tests/Benchmarks -- --filter '*'
// dotnet run -c Release --project tests/Benchmarks -- soak [ITERATIONS]   (memory over thousands of client lifetimes)
// dotnet run -c Release --project tests/Benchmarks -- discovery [NPORTS] [CT_SERVICE_US] [NS_REQUESTS_PER_S]   (old vs new plan, latency model on)
if (args is ["discovery", ..])
    return await BsgKit.Benchmarks.DiscoveryBench.RunAsync(args);
// dotnet run -c Release --project tests/Benchmarks -- request-loop HOST PORT_ID COUNT   (bench-request-path.sh, under sim run)
if (args is ["request-loop", ..])
    return BsgKit.Benchmarks.RequestLoop.Run(args[1..]);
// dotnet run -c Release --project tests/Benchmarks -- startup [SCENARIO] [PORT_ID]   (where a --simulate start spends its time)
if (args is ["startup", ..])
    return await BsgKit.Benchmarks.StartupPhases.RunAsync(args);
// dotnet run -c Release --project tests/Benchmarks -- client-overhead [SECONDS] [ROUNDS]   (FcHostClient vs BsgDevice.Execute, no transport cost)
if (args is ["client-overhead", ..])
    return BsgKit.Benchmarks.ClientOverheadRig.Run(args[1..]);
if (args is ["soak", ..])
    return await BsgKit.Benchmarks.Soak.RunAsync(args.Length > 1 && int.TryParse(args[1], out var n) && n > 0 ? n : 5000);
BenchmarkSwitcher.FromAssembly(typeof(BsgKit.Benchmarks.RequestPathBenchmarks).Assembly).Run(args);
return 0;
