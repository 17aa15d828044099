using BenchmarkDotNet.Attributes;
using BsgKit.Bsg;
using BsgKit.Bsg.Buffers;
using BsgKit.Fc;
using BsgKit.Fc.Ct.NameServer;
using BsgKit.Fc.FcBsg;
using BsgKit.Simulator.Hosting;

namespace BsgKit.Benchmarks;

/// <summary>
/// One SG_IO through the Bsg layer: on a transport that does nothing (the layer's own cost, the baseline)
/// and through the in-process simulator (fake kernel + libfc personality + fabric). Ratios and allocations
/// are the point; the Bsg layer itself must stay at 0 B per request.
/// </summary>
[MemoryDiagnoser]
public class RequestPathBenchmarks
{
    private SimulatedSan _san = null!;
    private BsgDevice _simulated = null!, _null = null!;
    private BsgTransaction _simTx = null!, _nullTx = null!;
    private readonly PinnedBufferPool _pool = new();

    [GlobalSetup]
    public void Setup()
    {
        _san = SimulatedSan.Create("libfc");
        _simulated = BsgDevice.Open(Path.Combine(_san.DevRoot, "bsg", "fc_host1"), _san.Transport, _pool);
        _simTx = _simulated.CreateTransaction(FcBsgRequest.Size, 36, 36);
        FcBsgRequest.BuildHostElsNoLogin(_simTx.Request, 0x10, new FcId(0x010500));
        _simTx.Dout[0] = 0x10;
        _null = BsgDevice.Open("/dev/bsg/null", new NullTransport(), _pool);
        _nullTx = _null.CreateTransaction(FcBsgRequest.Size, 36, 36);
    }

    [Benchmark(Baseline = true)]
    public int BsgLayerOnly() => _null.Execute(_nullTx).ReceivedLength;

    [Benchmark]
    public int EchoThroughSimulator() => _simulated.Execute(_simTx).ReceivedLength;

    [GlobalCleanup]
    public void Cleanup()
    {
        _simTx.Dispose();
        _nullTx.Dispose();
        _simulated.Dispose();
        _null.Dispose();
        _san.Dispose();
        _pool.Dispose();
    }

    private sealed class NullTransport : IBsgTransport
    {
        public BsgNodeChannel Open(string devicePath) => new Channel(devicePath);

        public int Execute(BsgNodeChannel channel, ref SgIoV4 header, ReadOnlySpan<MemoryRegion> handedOver)
        {
            header.DinResid = 0;
            return 0;
        }

        private sealed class Channel(string path) : BsgNodeChannel(path)
        {
            public override void Dispose() { }
        }
    }
}

/// <summary>Decoding a full qla2xxx-sized GPN_FT answer (2048 entries) and a whole 10,000-port fabric listing.</summary>
[MemoryDiagnoser]
public class NameServerBenchmarks
{
    private byte[] _gpnFt = [];
    private SimulatedSan _big = null!;
    private Fc.Clients.FcHostClient _client = null!;

    [GlobalSetup]
    public void Setup()
    {
        var entries = new NsPortNameEntry[2048];
        for (var i = 0; i < entries.Length; i++) entries[i] = new NsPortNameEntry(new FcId((uint)(0x010000 + i)), new Wwn(0x5000000000000000UL + (ulong)i));
        _gpnFt = new byte[16 + 16 * entries.Length];
        GpnFt.BuildAccept(_gpnFt, entries);
        _big = SimulatedSan.Create("big", SysfsStorage.Memory);
        _client = Fc.Clients.FcHostClient.Open(BsgKit.Fc.Catalog.FcCatalog.Scan(_big.Catalog), _big.FcHosts[0].HostNumber,
            new Fc.Clients.FcClientOptions { Transport = _big.Transport });
    }

    [Benchmark]
    public int ParseGpnFt2048() => GpnFt.ParseAccept(_gpnFt).Entries.Count;

    [Benchmark]
    public int ListTenThousandPortFabric() =>
        Fc.Discovery.NameServerListing.ListAsync(_client).GetAwaiter().GetResult().Ports.Count;

    [GlobalCleanup]
    public void Cleanup()
    {
        _client.Dispose();
        _big.Dispose();
    }
}

/// <summary>
/// One GPN_ID through the FC client (FcHostClient → Bsg layer → in-process fake kernel, libfc personality, fabric) against
/// the same request built by hand and sent through the Bsg layer alone: the client's own cost, and its allocations
/// (0 B: the memory diagnoser shows it; RequestPathAllocationTests asserts it).
/// </summary>
[MemoryDiagnoser]
public class FcClientRequestPathBenchmarks
{
    private SimulatedSan _san = null!;
    private Fc.Clients.FcHostClient _client = null!;
    private BsgDevice _device = null!;
    private BsgTransaction _tx = null!;
    private readonly FcId _target = new(0x010500); // the libfc scenario's first target

    [GlobalSetup]
    public void Setup()
    {
        _san = SimulatedSan.Create("libfc", SysfsStorage.Memory);
        _client = Fc.Clients.FcHostClient.Open(BsgKit.Fc.Catalog.FcCatalog.Scan(_san.Catalog), 1, new Fc.Clients.FcClientOptions { Transport = _san.Transport });
        _device = BsgDevice.Open("/dev/bsg/fc_host1", _san.Transport);
        _tx = _device.CreateTransaction(FcBsgRequest.Size, GpnId.RequestLength, GpnId.AcceptLength);
        GpnId.BuildRequest(_tx.Dout, _target, GpnId.AcceptLength);
        FcBsgRequest.BuildHostCt(_tx.Request, FcId.DirectoryServer, default, Fc.Profiles.FcDriverProfiles.ByName("libfc").HostCtPortIdOrder);
    }

    [Benchmark(Baseline = true)]
    public int GpnIdThroughBsgLayer() => _device.Execute(_tx).ReceivedLength;

    [Benchmark]
    public ulong GpnIdThroughHostClient()
    {
        var pending = _client.GpnIdAsync(_target);
        return (pending.IsCompletedSuccessfully ? pending.Result : pending.AsTask().GetAwaiter().GetResult()).Value.Value;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _tx.Dispose();
        _device.Dispose();
        _client.Dispose();
        _san.Dispose();
    }
}
