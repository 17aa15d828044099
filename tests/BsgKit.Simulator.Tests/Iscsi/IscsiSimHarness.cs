using BsgKit.Bsg;
using BsgKit.Bsg.Buffers;
using BsgKit.Iscsi.Clients;
using BsgKit.Simulator.Hosting;
using BsgKit.Simulator.Kernel;
using BsgKit.Simulator.Scenarios;
using BsgKit.Simulator.Tests.Kernel;

namespace BsgKit.Simulator.Tests.Iscsi;

/// <summary>A machine with a qla4xxx host (5), a be2iscsi host (6) and a software iSCSI host (7).</summary>
public sealed class IscsiSimHarness : IDisposable
{
    public const int Qla = 5, Be = 6, Software = 7;

    /// <summary>Flash bytes i → (byte)(i * 7 + 3), so every offset is recognisable.</summary>
    public static readonly byte[] FlashImage = Enumerable.Range(0, 4096).Select(i => (byte)(i * 7 + 3)).ToArray();
    public static readonly byte[] NvramImage = Enumerable.Range(0, 512).Select(i => (byte)(255 - i)).ToArray();
    public static readonly byte[] AcbImage = Enumerable.Range(0, 768).Select(i => (byte)(i ^ 0x5A)).ToArray();

    public IscsiSimHarness()
    {
        var scenario = new Scenario
        {
            Name = "iscsi",
            IscsiHosts =
            [
                new IscsiHostSpec
                {
                    Host = Qla, Driver = "qla4xxx", InitiatorName = "iqn.2000-04.com.qlogic:qle8242.sim", IpAddress = "192.0.2.5",
                    HwAddress = "00:0e:1e:00:00:05", PortSpeed = "10 Gbps", Flash = Convert.ToHexString(FlashImage),
                    Nvram = Convert.ToHexString(NvramImage), Acb = Convert.ToHexString(AcbImage), FailingDiagTests = [0x8],
                },
                new IscsiHostSpec
                {
                    Host = Be, Driver = "be2iscsi", InitiatorName = "iqn.2001-05.com.emulex:oce.sim", IpAddress = "192.0.2.6",
                    Flash = Convert.ToHexString(FlashImage),
                },
                new IscsiHostSpec { Host = Software, Driver = "iscsi_tcp", InitiatorName = "iqn.1994-05.com.redhat:sw", IpAddress = "192.0.2.7" },
            ],
        };
        Assert.Empty(ScenarioValidator.Validate(scenario));
        San = new SimulatedSan(scenario, new StubFabric());
        Pool = new PinnedBufferPool();
    }

    public SimulatedSan San { get; }
    public PinnedBufferPool Pool { get; }
    public SimIscsiHost QlaHost => San.FindIscsiHost(Qla)!;
    public SimIscsiHost BeHost => San.FindIscsiHost(Be)!;

    public IscsiHostClient Client(int host) =>
        IscsiHostClient.Open(BsgKit.Iscsi.Catalog.IscsiCatalog.Scan(San.Catalog), host, new IscsiClientOptions { Transport = San.Transport, Pool = Pool });

    public BsgTransaction Tx(int request, int dout, int din, int reply = 96) => new(Pool, request, dout, din, reply);

    /// <summary>One raw SG_IO on the fake kernel: the return code and the header as the caller sees it.</summary>
    public (int Rc, SgIoV4 Header) Raw(string node, BsgTransaction tx)
    {
        var header = default(SgIoV4);
        tx.FillHeader(ref header);
        Span<MemoryRegion> regions = stackalloc MemoryRegion[4];
        var n = tx.GetRegions(regions);
        var file = San.Kernel.Open(San.FindNode(node)!);
        var rc = San.Kernel.SgIo(file, ref header, new RegionUserMemory(regions[..n]));
        return (rc, header);
    }

    public void Dispose()
    {
        San.Dispose();
        Pool.Dispose();
    }
}
