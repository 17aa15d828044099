using System.Runtime.InteropServices;
using BsgKit.Bsg;
using BsgKit.Bsg.Buffers;
using BsgKit.Simulator.Hosting;
using BsgKit.Simulator.Kernel;
using BsgKit.Simulator.Scenarios;

namespace BsgKit.Simulator.Tests.Kernel;

/// <summary>One simulated host on the stub fabric, plus raw SG_IO access for malformed headers.</summary>
public sealed class SimHarness : IDisposable
{
    public SimHarness(string driver = "fcoe")
    {
        Fabric = new StubFabric();
        var scenario = new Scenario
        {
            Name = "stub",
            Hosts = [new HostSpec { Host = 1, Driver = driver, Wwpn = "0x2000000000000001", Wwnn = "0x1000000000000001", Domain = 1, Port = 1 }],
        };
        San = new SimulatedSan(scenario, Fabric);
        Pool = new PinnedBufferPool();
    }

    public StubFabric Fabric { get; }
    public SimulatedSan San { get; }
    public PinnedBufferPool Pool { get; }
    public SimFcHost Host => San.FcHosts[0];
    public SimRport Rport => Host.RemotePorts.First(r => r.PortId == StubFabric.Target);
    public string HostNode => "fc_host1";
    public string RportNode => Rport.Name;

    public BsgDevice Open(string node) => BsgDevice.Open(Path.Combine(San.DevRoot, "bsg", node), San.Transport, Pool);

    /// <summary>
    /// Runs one SG_IO with a header built by the transaction and then bent by <paramref name="mutate"/>, on the
    /// raw fake kernel. Returns the kernel's return code and the header as the caller would see it afterwards.
    /// </summary>
    public (int Rc, SgIoV4 Header) Raw(string node, BsgTransaction tx, SgIoV4Mutation? mutate = null, SimOpenFile? file = null)
    {
        var header = default(SgIoV4);
        tx.FillHeader(ref header);
        mutate?.Invoke(ref header);
        Span<MemoryRegion> regions = stackalloc MemoryRegion[4];
        var n = tx.GetRegions(regions);
        file ??= San.Kernel.Open(San.FindNode(node)!);
        var rc = San.Kernel.SgIo(file, ref header, new RegionUserMemory(regions[..n]));
        return (rc, header);
    }

    public BsgTransaction Tx(int request, int dout, int din, int reply = 96) => new(Pool, request, dout, din, reply);

    public static void WriteMsgcode(BsgTransaction tx, uint msgcode) => MemoryMarshal.Write(tx.Request, in msgcode);

    public void Dispose()
    {
        San.Dispose();
        Pool.Dispose();
    }
}

public delegate void SgIoV4Mutation(ref SgIoV4 header);
