using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using BsgKit.Bsg;
using BsgKit.Fc;
using BsgKit.Fc.Catalog;
using BsgKit.Fc.Clients;
using BsgKit.Fc.Ct.NameServer;
using BsgKit.Fc.FcBsg;
using BsgKit.Fc.Profiles;
using BsgKit.Simulator.Hosting;

namespace BsgKit.Benchmarks;

/// <summary>
/// A transport that answers every SG_IO at once with what the simulator answered the first one on that node (header
/// outputs, reply and din bytes copied back): the client's own cost with nothing behind it, neither a simulator nor a
/// syscall. Only for a loop of one request shape (the answer is not checked against the request).
/// </summary>
internal sealed unsafe class ReplayTransport(IBsgTransport inner) : IBsgTransport
{
    public BsgNodeChannel Open(string devicePath) => new Channel(inner.Open(devicePath));

    public int Execute(BsgNodeChannel channel, ref SgIoV4 header, ReadOnlySpan<MemoryRegion> handedOver)
    {
        var c = (Channel)channel;
        if (c.Din is null)
        {
            var errno = inner.Execute(c.Inner, ref header, handedOver);
            if (errno != 0) return errno;
            c.Answer = header;
            c.Reply = new ReadOnlySpan<byte>((void*)header.Response, (int)header.ResponseLen).ToArray();
            c.Din = new ReadOnlySpan<byte>((void*)header.DinXferp, (int)header.DinXferLen).ToArray();
            return 0;
        }
        var answer = c.Answer;
        c.Reply.CopyTo(new Span<byte>((void*)header.Response, (int)header.MaxResponseLen));
        c.Din.CopyTo(new Span<byte>((void*)header.DinXferp, (int)header.DinXferLen));
        header.ResponseLen = answer.ResponseLen;
        header.DinResid = answer.DinResid;
        header.DoutResid = answer.DoutResid;
        header.DriverStatus = answer.DriverStatus;
        header.TransportStatus = answer.TransportStatus;
        header.DeviceStatus = answer.DeviceStatus;
        header.Info = answer.Info;
        return 0;
    }

    private sealed class Channel(BsgNodeChannel inner) : BsgNodeChannel(inner.DevicePath)
    {
        public BsgNodeChannel Inner { get; } = inner;
        public SgIoV4 Answer;
        public byte[] Reply = [];
        public byte[]? Din;

        public override void Dispose() => Inner.Dispose();
    }
}

/// <summary>One GPN_ID on the libfc personality over <see cref="ReplayTransport"/>: the Bsg layer alone vs the whole FcHostClient path.</summary>
internal sealed class ClientOverheadRig : IDisposable
{
    private readonly SimulatedSan _san;
    public FcHostClient Client { get; }
    public BsgDevice Device { get; }
    public BsgTransaction Tx { get; }
    public FcId Target { get; } = new(0x010500); // the libfc scenario's first target

    public ClientOverheadRig()
    {
        _san = SimulatedSan.Create("libfc", SysfsStorage.Memory);
        var transport = new ReplayTransport(_san.Transport);
        Client = FcHostClient.Open(FcCatalog.Scan(_san.Catalog), 1, new FcClientOptions { Transport = transport });
        Device = BsgDevice.Open("/dev/bsg/fc_host1", transport);
        Tx = Device.CreateTransaction(FcBsgRequest.Size, GpnId.RequestLength, GpnId.AcceptLength);
        GpnId.BuildRequest(Tx.Dout, Target, GpnId.AcceptLength);
        FcBsgRequest.BuildHostCt(Tx.Request, FcId.DirectoryServer, default, FcDriverProfiles.ByName("libfc").HostCtPortIdOrder);
    }

    public int BsgOnly() => Device.Execute(Tx).ReceivedLength;

    public ulong HostClient()
    {
        var pending = Client.GpnIdAsync(Target);
        return (pending.IsCompletedSuccessfully ? pending.Result : pending.AsTask().GetAwaiter().GetResult()).Value.Value;
    }

    public void Dispose()
    {
        Tx.Dispose();
        Device.Dispose();
        Client.Dispose();
        _san.Dispose();
    }

    /// <summary>
    /// `client-overhead [SECONDS=2] [ROUNDS=5]`: alternating timed loops of each, ns per request (median of rounds) and
    /// bytes allocated per request. Quicker than BenchmarkDotNet (<see cref="ClientOverheadBenchmarks"/>) for iterating.
    /// </summary>
    public static int Run(string[] args)
    {
        var seconds = args.Length > 0 && double.TryParse(args[0], out var s) ? s : 2;
        var rounds = args.Length > 1 && int.TryParse(args[1], out var r) ? r : 5;
        using var rig = new ClientOverheadRig();
        var warm = Stopwatch.StartNew();
        while (warm.Elapsed < TimeSpan.FromSeconds(2)) { rig.BsgOnly(); rig.HostClient(); }
        var bsg = new double[rounds];
        var client = new double[rounds];
        long bytes = 0, requests = 0;
        for (var i = 0; i < rounds; i++)
        {
            bsg[i] = Time(rig.BsgOnly, seconds / 2, ref bytes, ref requests, count: false);
            client[i] = Time(() => (int)rig.HostClient(), seconds / 2, ref bytes, ref requests, count: true);
        }
        Array.Sort(bsg);
        Array.Sort(client);
        double mb = bsg[rounds / 2], mc = client[rounds / 2];
        Console.WriteLine($"bsg_ns {mb:0.0} client_ns {mc:0.0} overhead_ns {mc - mb:0.0} client_bytes_per_request {(double)bytes / requests:0.##}");
        return 0;
    }

    private static double Time(Func<int> once, double seconds, ref long bytes, ref long requests, bool count)
    {
        const int Batch = 1000;
        var n = 0L;
        var before = GC.GetAllocatedBytesForCurrentThread();
        var sw = Stopwatch.StartNew();
        var limit = TimeSpan.FromSeconds(seconds);
        while (sw.Elapsed < limit)
        {
            for (var i = 0; i < Batch; i++) once();
            n += Batch;
        }
        var ns = sw.Elapsed.TotalNanoseconds / n;
        if (count)
        {
            bytes += GC.GetAllocatedBytesForCurrentThread() - before;
            requests += n;
        }
        return ns;
    }
}

/// <summary>
/// The FC client's own cost per GPN_ID: FcHostClient.GpnIdAsync against BsgDevice.Execute of the same request, both over
/// <see cref="ReplayTransport"/> (no simulator, no syscall), so the difference is the client layer alone.
/// </summary>
[MemoryDiagnoser]
public class ClientOverheadBenchmarks
{
    private ClientOverheadRig _rig = null!;

    [GlobalSetup]
    public void Setup() => _rig = new ClientOverheadRig();

    [Benchmark(Baseline = true)]
    public int BsgExecuteOnly() => _rig.BsgOnly();

    [Benchmark]
    public ulong HostClientGpnId() => _rig.HostClient();

    [GlobalCleanup]
    public void Cleanup() => _rig.Dispose();
}
