using System.Diagnostics;
using BsgKit.Fc.Catalog;
using BsgKit.Fc.Clients;
using BsgKit.Fc.Discovery;
using BsgKit.Simulator.Hosting;
using BsgKit.Simulator.Scenarios;

namespace BsgKit.Benchmarks;

/// <summary>
/// Discovery wall time as a real fabric would give it: a generated fabric with the simulator's latency model on
/// (a service time per CT request and a name-server rate limit), the per-attribute plan against the bulk plan at
/// each level, from the same host, one after the other. Prints requests, wall time and the ratio to the old plan.
/// <code>dotnet run -c Release --project tests/Benchmarks -- discovery [NPORTS=2000] [CT_SERVICE_US=1000] [NS_REQUESTS_PER_S=2000]</code>
/// </summary>
public static class DiscoveryBench
{
    public static async Task<int> RunAsync(string[] args)
    {
        var nports = Arg(args, 1, 2000);
        var serviceUs = Arg(args, 2, 1000);
        var rate = Arg(args, 3, 2000);
        var scenario = nports == ScenarioLoader.BigFabricPorts ? ScenarioLoader.Resolve("big") : ScenarioGenerator.Generate(nports);
        scenario.Latency = new LatencySpec { CtServiceTimeUs = serviceUs, NameServerRequestsPerSecond = rate };
        Console.WriteLine($"discovery on a generated fabric of {nports:N0} N_Ports, {scenario.Switches.Count} switches; " +
                          $"latency model: {serviceUs} µs per CT request, name server at most {rate:N0} requests/s");
        using var san = SimulatedSan.Create(scenario);
        var catalog = FcCatalog.Scan(san.Catalog);
        using var client = FcHostClient.Open(catalog, 1, new FcClientOptions { Transport = san.Transport });
        Console.WriteLine($"host1 ({client.Profile})");
        Console.WriteLine($"{"plan",-14} {"level",-9} {"requests",9} {"per N_Port",10} {"wall s",8} {"vs old",7}");
        double? oldSeconds = null;
        foreach (var (plan, level) in new[]
                 {
                     (DiscoveryPlan.PerAttribute, DiscoveryLevel.Standard), (DiscoveryPlan.Bulk, DiscoveryLevel.Detail),
                     (DiscoveryPlan.Bulk, DiscoveryLevel.Standard), (DiscoveryPlan.Bulk, DiscoveryLevel.Brief),
                 })
        {
            var watch = Stopwatch.StartNew();
            var snap = await FabricDiscovery.DiscoverAsync(client, new FabricDiscoveryOptions { Plan = plan, Level = level });
            var seconds = watch.Elapsed.TotalSeconds;
            oldSeconds ??= seconds;
            Console.WriteLine($"{(plan == DiscoveryPlan.Bulk ? "bulk" : "per-attribute"),-14} {level.ToString().ToLowerInvariant(),-9} {snap.Requests,9:N0} " +
                              $"{(double)snap.Requests / Math.Max(1, snap.NPorts.Count),10:0.000} {seconds,8:0.00} {oldSeconds.Value / seconds,6:0.0}x" +
                              (snap.IsComplete ? "" : "  INCOMPLETE"));
        }
        return 0;
    }

    private static int Arg(string[] args, int index, int fallback) =>
        args.Length > index && int.TryParse(args[index], out var v) && v >= 0 ? v : fallback;
}
