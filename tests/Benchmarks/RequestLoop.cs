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
        if (args.Length is not (3 or 4) || !int.TryParse(args[0], out var host) || !FcId.TryParse(args[1], out var port) || !int.TryParse(args[2], out var count) || count <= 0
            || (args.Length == 4 && args[3] != "bsg"))
        {
            Console.Error.WriteLine("usage: request-loop HOST PORT_ID COUNT [bsg]");
            return 2;
        }
        using var client = FcHostClient.Open(FcCatalog.Scan(), host);
        if (args.Length == 4) return BsgOnly(client.DevicePath, client.Profile, port, count);
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

    /// <summary>`bsg`: the same GPN_ID built once and sent through BsgDevice.Execute alone (what the C client does), to split the managed cost between the FC client and the layers below it.</summary>
    private static int BsgOnly(string devicePath, Fc.Profiles.FcDriverProfile profile, FcId port, int count)
    {
        using var device = Bsg.BsgDevice.Open(devicePath);
        using var tx = device.CreateTransaction(Fc.FcBsg.FcBsgRequest.Size, Fc.Ct.NameServer.GpnId.RequestLength, Fc.Ct.NameServer.GpnId.AcceptLength);
        Fc.Ct.NameServer.GpnId.BuildRequest(tx.Dout, port, Fc.Ct.NameServer.GpnId.AcceptLength);
        // The libfc profile's HST_CT: the preamble as integers, port_id in the profile's order (the C client's bytes).
        Fc.FcBsg.FcBsgRequest.BuildHostCt(tx.Request, FcId.DirectoryServer, Fc.FcBsg.CtPreambleWords.IntegerEncoding(tx.Dout), profile.HostCtPortIdOrder);
        var warm = Stopwatch.StartNew();
        for (var i = 0; i < Math.Min(count, 2000) || warm.Elapsed < WarmUp; i++) device.Execute(tx);
        var samples = new long[count];
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < count; i++)
        {
            var start = Stopwatch.GetTimestamp();
            if (device.Execute(tx).ReceivedLength == 0) throw new InvalidOperationException("GPN_ID answered nothing");
            samples[i] = Stopwatch.GetTimestamp() - start;
        }
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Array.Sort(samples);
        Console.WriteLine($"median_ns {samples[count / 2] * 1_000_000_000.0 / Stopwatch.Frequency:0} bytes_per_request {(double)allocated / count:0.#}");
        return 0;
    }

    private static void Once(FcHostClient client, FcId port)
    {
        var pending = client.GpnIdAsync(port);
        var wwpn = pending.IsCompletedSuccessfully ? pending.Result.Value : pending.AsTask().GetAwaiter().GetResult().Value;
        if (wwpn.Value == 0) throw new InvalidOperationException("GPN_ID answered a zero WWPN");
    }
}
