using System.Diagnostics;
using BsgKit.Fc;
using BsgKit.Fc.Catalog;
using BsgKit.Fc.Clients;

namespace BsgKit.Benchmarks;

/// <summary>
/// `request-loop HOST PORT_ID COUNT`: COUNT GPN_ID through <see cref="FcHostClient"/> on the machine's real /sys and
/// /dev/bsg (under `bsgkit sim run` the simulator's, through real SG_IO syscalls), each timed; prints the median and
/// the allocation per request. The managed half of tests/Benchmarks/bench-request-path.sh (native-client.c is the other).
/// </summary>
internal static class RequestLoop
{
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(1);

    public static int Run(string[] args)
    {
        if (args.Length != 3 || !int.TryParse(args[0], out var host) || !FcId.TryParse(args[1], out var port) || !int.TryParse(args[2], out var count) || count <= 0)
        {
            Console.Error.WriteLine("usage: request-loop HOST PORT_ID COUNT");
            return 2;
        }
        using var client = FcHostClient.Open(FcCatalog.Scan(), host);
        // Warm up: JIT, pooled buffers, and tiering, which waits 100 ms after the last new call before compiling tier 1 and
        // instruments first (dynamic PGO's probes allocate now and then while they are in): a second at the least.
        var warm = Stopwatch.StartNew();
        for (var i = 0; i < Math.Min(count, 2000) || warm.Elapsed < WarmUp; i++) Once(client, port);
        var samples = new long[count];
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < count; i++)
        {
            var start = Stopwatch.GetTimestamp();
            Once(client, port);
            samples[i] = Stopwatch.GetTimestamp() - start;
        }
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Array.Sort(samples);
        var medianNs = samples[count / 2] * 1_000_000_000.0 / Stopwatch.Frequency;
        Console.WriteLine($"median_ns {medianNs:0} bytes_per_request {(double)allocated / count:0.#}");
        return 0;
    }

    private static void Once(FcHostClient client, FcId port)
    {
        var pending = client.GpnIdAsync(port);
        var wwpn = pending.IsCompletedSuccessfully ? pending.Result.Value : pending.AsTask().GetAwaiter().GetResult().Value;
        if (wwpn.Value == 0) throw new InvalidOperationException("GPN_ID answered a zero WWPN");
    }
}
