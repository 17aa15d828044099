using System.Diagnostics;
using BsgKit.Fc;
using BsgKit.Fc.Catalog;
using BsgKit.Fc.Clients;
using BsgKit.Simulator.Hosting;
using BsgKit.Simulator.Scenarios;

namespace BsgKit.Benchmarks;

/// <summary>
/// `startup [SCENARIO=big] [PORT_ID=0x010200]`: where a cold `--simulate SCENARIO` start spends its time, phase by phase
/// (scenario, fabric and in-memory sysfs, bsg scan, FC scan, open, first GPN_ID), with wall time and bytes allocated
/// per phase. Run it as a fresh process: the first phases include their JIT, as a CLI start does.
/// </summary>
internal static class StartupPhases
{
    public static async Task<int> RunAsync(string[] args)
    {
        var name = args.Length > 1 ? args[1] : "big";
        var port = args.Length > 2 && FcId.TryParse(args[2], out var p) ? p : new FcId(0x010200);
        using var ticks = Environment.GetEnvironmentVariable("BSGKIT_ALLOCATION_TICKS") is null ? null : new AllocationTicks();
        var total = Stopwatch.StartNew();
        var phase = Stopwatch.StartNew();
        var allocated = GC.GetTotalAllocatedBytes();
        void Mark(string what)
        {
            var now = GC.GetTotalAllocatedBytes();
            Console.WriteLine($"{what,-28} {phase.Elapsed.TotalMilliseconds,8:0.0} ms {(now - allocated) / 1048576.0,8:0.0} MiB");
            ticks?.Flush();
            allocated = now;
            phase.Restart();
        }
        var scenario = ScenarioLoader.Resolve(name);
        Mark("scenario");
        var fabric = new BsgKit.Simulator.Fabric.SimFabric(scenario, new BsgKit.Simulator.Kernel.SimClock { RealDelays = scenario.RealDelays });
        Mark("fabric");
        using var san = new SimulatedSan(scenario, fabric, SysfsStorage.Memory);
        Mark("hosts + sysfs");
        var nodes = san.Catalog.Scan();
        Mark("bsg scan");
        var catalog = FcCatalog.Scan(san.Catalog, nodes);
        Mark("fc scan");
        using var host = FcHostClient.Open(catalog, catalog.FcHosts[0].HostNumber, new FcClientOptions { Transport = san.Transport });
        Mark("open");
        var wwpn = (await host.GpnIdAsync(port)).Value;
        Mark("first GPN_ID");
        Console.WriteLine($"{"total",-28} {total.Elapsed.TotalMilliseconds,8:0.0} ms  gen0/1/2 {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}  {wwpn}");
        return 0;
    }

    /// <summary>BSGKIT_ALLOCATION_TICKS=1: the runtime's allocation samples (one per ~100 KB) by type, per phase.</summary>
    private sealed class AllocationTicks : System.Diagnostics.Tracing.EventListener
    {
        private readonly Dictionary<string, long> _byType = [];

        protected override void OnEventSourceCreated(System.Diagnostics.Tracing.EventSource source)
        {
            if (source.Name == "Microsoft-Windows-DotNETRuntime")
                EnableEvents(source, System.Diagnostics.Tracing.EventLevel.Verbose, (System.Diagnostics.Tracing.EventKeywords)0x1);
        }

        protected override void OnEventWritten(System.Diagnostics.Tracing.EventWrittenEventArgs e)
        {
            if (e.EventName != "GCAllocationTick_V4" || e.Payload is null) return;
            var type = e.Payload[e.PayloadNames!.IndexOf("TypeName")] as string ?? "?";
            lock (_byType) _byType[type] = _byType.GetValueOrDefault(type) + 1;
        }

        public void Flush()
        {
            Thread.Sleep(200); // events arrive on the listener's thread
            lock (_byType)
            {
                foreach (var (type, n) in _byType.OrderByDescending(kv => kv.Value).Take(12)) Console.WriteLine($"    {n,5} x100KB {type}");
                _byType.Clear();
            }
        }
    }
}
