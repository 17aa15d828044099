using System.Buffers.Binary;
using System.Diagnostics;
using System.Globalization;
using BsgKit.Bsg;
using BsgKit.Fc;
using BsgKit.Simulator.Hosting;
using BsgKit.Simulator.Scenarios;

namespace BsgKit.KernelLane;

/// <summary>The nodes of the lane's topology: two VN2VN ports A and B, each one's rport of the other, scsi_debug's LUN.</summary>
public enum LaneNode { HostA, HostB, RportA, RportB, Scsi }

/// <summary>One side of the comparison: the real kernel in the guest, or the simulator's libfc personality.</summary>
public abstract class LaneTarget : IDisposable
{
    public abstract string Name { get; }
    public abstract IBsgTransport Transport { get; }
    public abstract string PathOf(LaneNode node);
    public FcId PortIdA { get; protected init; }
    public FcId PortIdB { get; protected init; }
    public Wwn WwpnA { get; protected init; }
    public Wwn WwnnA { get; protected init; }
    public Wwn WwpnB { get; protected init; }
    public Wwn WwnnB { get; protected init; }

    /// <summary>Elapsed time as the target counts it: the wall clock for the kernel, the simulated clock for the simulator.</summary>
    public abstract TimeSpan Now();

    /// <summary>Byte patterns replaced by placeholders, longest first.</summary>
    public IReadOnlyList<(byte[] Pattern, string Name)> Identities =>
    [
        (Be64(WwpnA.Value), "<WWPN_A>"), (Be64(WwnnA.Value), "<WWNN_A>"),
        (Be64(WwpnB.Value), "<WWPN_B>"), (Be64(WwnnB.Value), "<WWNN_B>"),
        (Be24(PortIdA.Value), "<FCID_A>"), (Be24(PortIdB.Value), "<FCID_B>"),
    ];

    private static byte[] Be64(ulong v) { var b = new byte[8]; BinaryPrimitives.WriteUInt64BigEndian(b, v); return b; }
    private static byte[] Be24(uint v) => [(byte)(v >> 16), (byte)(v >> 8), (byte)v];

    public virtual void Dispose() { }
}

/// <summary>The real kernel: /dev/bsg nodes named by the guest script's environment, identities from sysfs.</summary>
public sealed class RealTarget : LaneTarget
{
    public const string EnableVariable = "BSGKIT_KERNEL_LANE";
    private readonly string _hostA, _hostB, _rportA, _rportB, _scsi;

    public static bool Enabled => Environment.GetEnvironmentVariable(EnableVariable) == "1";

    public RealTarget()
    {
        _hostA = Env("BSGKIT_LANE_HOST_A");
        _hostB = Env("BSGKIT_LANE_HOST_B");
        _rportA = Env("BSGKIT_LANE_RPORT_A");
        _rportB = Env("BSGKIT_LANE_RPORT_B");
        _scsi = Env("BSGKIT_LANE_SCSI");
        PortIdA = new FcId(Hex(Sysfs(_hostA, "port_id")));
        PortIdB = new FcId(Hex(Sysfs(_hostB, "port_id")));
        WwpnA = new Wwn(Hex64(Sysfs(_hostA, "port_name")));
        WwnnA = new Wwn(Hex64(Sysfs(_hostA, "node_name")));
        WwpnB = new Wwn(Hex64(Sysfs(_hostB, "port_name")));
        WwnnB = new Wwn(Hex64(Sysfs(_hostB, "node_name")));
    }

    public override string Name => "real";
    public override IBsgTransport Transport => LinuxBsgTransport.Instance;
    public override TimeSpan Now() => Stopwatch.GetElapsedTime(0);

    public override string PathOf(LaneNode node) => "/dev/bsg/" + node switch
    {
        LaneNode.HostA => "fc_" + _hostA,
        LaneNode.HostB => "fc_" + _hostB,
        LaneNode.RportA => _rportA,
        LaneNode.RportB => _rportB,
        _ => _scsi,
    };

    private static string Env(string name) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } v
        ? v : throw new InvalidOperationException($"{name} is not set (the guest script sets it)");

    private static string Sysfs(string host, string attribute) => File.ReadAllText($"/sys/class/fc_host/{host}/{attribute}").Trim();
    private static uint Hex(string s) => uint.Parse(s.Replace("0x", ""), NumberStyles.HexNumber);
    private static ulong Hex64(string s) => ulong.Parse(s.Replace("0x", ""), NumberStyles.HexNumber);
}

/// <summary>The simulator with the same topology: two fcoe hosts in VN2VN mode and a scsi_debug LUN.</summary>
public sealed class SimTarget : LaneTarget
{
    private readonly SimulatedSan _san;

    public static Scenario Vn2vnScenario() => new()
    {
        Name = "kernel-lane-vn2vn",
        Description = "The kernel lane's topology: two FCoE VN2VN ports on a veth pair, scsi_debug as host0.",
        Vn2vn = true,
        Switches = [new SwitchSpec { Domain = 1, Wwn = "0x1000000000000001", Name = "veth" }],
        Hosts =
        [
            new HostSpec { Host = 1, Driver = "fcoe", Wwpn = "0x200006383b942b48", Wwnn = "0x100006383b942b48", Domain = 1, Port = 1,
                Speed = "10 Gbit", RegisterFdmi = false, SymbolicName = "fcoe v0.1 over fca" },
            new HostSpec { Host = 2, Driver = "fcoe", Wwpn = "0x2000624e1328ba7d", Wwnn = "0x1000624e1328ba7d", Domain = 1, Port = 2,
                Speed = "10 Gbit", RegisterFdmi = false, SymbolicName = "fcoe v0.1 over fcb" },
        ],
        ScsiDebug = new ScsiDebugSpec { Host = 0 },
    };

    public SimTarget()
    {
        _san = SimulatedSan.Create(Vn2vnScenario());
        var a = _san.FindHost(1)!;
        var b = _san.FindHost(2)!;
        PortIdA = a.PortId; PortIdB = b.PortId;
        WwpnA = a.PortName; WwnnA = a.NodeName;
        WwpnB = b.PortName; WwnnB = b.NodeName;
    }

    public SimulatedSan San => _san;
    public override string Name => "sim";
    public override IBsgTransport Transport => _san.Transport;
    public override TimeSpan Now() => _san.Fabric.Clock.Now;

    public override string PathOf(LaneNode node) => Path.Combine(_san.DevRoot, "bsg", node switch
    {
        LaneNode.HostA => "fc_host1",
        LaneNode.HostB => "fc_host2",
        LaneNode.RportA => _san.FindHost(1)!.RemotePorts[0].Name,
        LaneNode.RportB => _san.FindHost(2)!.RemotePorts[0].Name,
        _ => "0:0:0:0",
    });

    public override void Dispose() => _san.Dispose();
}
