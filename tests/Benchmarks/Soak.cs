using System.Diagnostics;
using BsgKit.Bsg.Buffers;
using BsgKit.Fc;
using BsgKit.Fc.Catalog;
using BsgKit.Fc.Clients;
using BsgKit.Fc.Codes;
using BsgKit.Fc.Ct.NameServer;
using BsgKit.Simulator.Hosting;

namespace BsgKit.Benchmarks;

/// <summary>
/// The soak: what a monitoring agent does for months, compressed. A client loop (open a host client, ask the name
/// server, the management server and a target, dispose) and an exporter-style refresh loop (scan the catalog, open
/// every FC host, list the fabric, read every remote port's link counters, dispose), thousands of iterations each
/// on every personality, printing native and managed memory at the start and at the end. Not a test: the numbers
/// are for a person (and a flat line is the point). `dotnet run -c Release --project tests/Benchmarks -- soak [N]`
/// </summary>
internal static class Soak
{
    public static async Task<int> RunAsync(int iterations)
    {
        Console.WriteLine($"soak: {iterations:N0} iterations per loop and personality");
        Console.WriteLine($"{"loop",-26} {"",5} {"native live",14} {"pool rented",11} {"pool kept",12} {"managed heap",14} {"RSS",10} {"fds",5} {"sim fds",7}");
        var leaked = false;
        foreach (var personality in new[] { "lpfc", "libfc", "qla2xxx", "zfcp", "ibmvfc" })
        {
            leaked |= await LoopAsync($"client {personality}", personality, iterations, ClientIterationAsync);
            leaked |= await LoopAsync($"refresh {personality}", personality, Math.Max(1, iterations / 5), RefreshIterationAsync);
        }
        Console.WriteLine(leaked ? "soak: something grew (see above)" : "soak: flat — every owner freed what it held");
        return leaked ? 1 : 0;
    }

    private delegate Task Iteration(SimulatedSan san, FcClientOptions options, FcId target);

    private static async Task<bool> LoopAsync(string name, string personality, int iterations, Iteration iteration)
    {
        using var san = SimulatedSan.Create(personality);
        using var pool = new PinnedBufferPool();
        var options = new FcClientOptions { Transport = san.Transport, Pool = pool };
        var n = san.Scenario.NPorts[0];
        var target = new FcId((uint)(n.Domain << 16 | n.Port << 8 | n.Alpa));
        for (var i = 0; i < 1000; i++) await iteration(san, options, target); // warm up: JIT tiers, pools, caches
        var start = Sample(pool, san);
        var fdsAtStart = FdTargets();
        Print(name, "start", start);
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < iterations; i++) await iteration(san, options, target);
        var end = Sample(pool, san);
        Print(name, "end", end);
        Console.WriteLine($"{"",-26} {"",5} {end.Native - start.Native,+14:N0} {end.Rented - start.Rented,+11:N0} {end.Kept - start.Kept,+12:N0} {end.Managed - start.Managed,+14:N0} {end.Rss - start.Rss,+10:N0} {end.Fds - start.Fds,+5} {end.SimFds - start.SimFds,+7}   Δ over {iterations:N0} in {watch.Elapsed.TotalSeconds:F1} s");
        foreach (var fd in FdTargets().Except(fdsAtStart)) Console.WriteLine($"{"",-26} new descriptor: {fd}");
        // Native memory, pooled buffers and descriptors must not grow at all; the managed heap is reported only.
        return end.Native > start.Native || end.Rented != 0 || end.Fds > start.Fds || end.SimFds != 0;
    }

    private static async Task ClientIterationAsync(SimulatedSan san, FcClientOptions options, FcId target)
    {
        var catalog = CatalogOf(san);
        using var client = FcHostClient.Open(catalog, catalog.FcHosts[0].HostNumber, options);
        await client.GpnIdAsync(target);
        await Try(client.GielAsync().AsTask());
        await Try(client.EchoAsync(target, new byte[] { 1, 2, 3, 4 }).AsTask());
    }

    private static async Task RefreshIterationAsync(SimulatedSan san, FcClientOptions options, FcId target)
    {
        var catalog = FcCatalog.Scan(san.Catalog); // an exporter rescans: ports come and go
        foreach (var host in catalog.FcHosts)
        {
            if (host.Node is null) continue;
            using var client = FcHostClient.Open(catalog, host.HostNumber, options);
            await Try(client.GpnFtAsync(new NsFc4TypeScope(Fc4Types.Fcp)).AsTask());
            foreach (var rport in client.RemotePorts)
                if (rport.PortId is { } id && !id.IsWellKnown) await Try(client.RlsAsync(id, id).AsTask());
        }
    }

    private static readonly Dictionary<SimulatedSan, FcCatalogSnapshot> Catalogs = [];

    private static FcCatalogSnapshot CatalogOf(SimulatedSan san)
    {
        if (!Catalogs.TryGetValue(san, out var c)) Catalogs[san] = c = FcCatalog.Scan(san.Catalog);
        return c;
    }

    private static async Task Try(Task t)
    {
        try { await t; }
        catch (BsgKit.Bsg.BsgException) { } // a personality that cannot do it: fine, the loop goes on
    }

    private readonly record struct Counters(long Native, long Rented, long Kept, long Managed, long Rss, int Fds, int SimFds);

    private static Counters Sample(PinnedBufferPool pool, SimulatedSan san)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return new(PinnedBuffer.LiveBytes, pool.RentedCount, pool.PooledBytes, GC.GetTotalMemory(forceFullCollection: true),
            RssBytes(), FdTargets().Count, san.Kernel.OpenFiles);
    }

    /// <summary>Open descriptors, without the assemblies the runtime maps as they are first used (Mono.Posix for an errno name).</summary>
    private static HashSet<string> FdTargets() =>
        Directory.GetFiles("/proc/self/fd").Select(f => $"{Path.GetFileName(f)} -> {new FileInfo(f).LinkTarget}")
            .Where(t => !t.EndsWith(".dll", StringComparison.Ordinal) && !t.EndsWith(".so", StringComparison.Ordinal)).ToHashSet();

    private static long RssBytes()
    {
        foreach (var line in File.ReadLines("/proc/self/status"))
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) * 1024;
        return 0;
    }

    private static void Print(string name, string when, Counters c) =>
        Console.WriteLine($"{name,-26} {when,5} {c.Native,14:N0} {c.Rented,11:N0} {c.Kept,12:N0} {c.Managed,14:N0} {c.Rss,10:N0} {c.Fds,5} {c.SimFds,7}");
}
