using System.Buffers.Binary;
using System.Diagnostics;
using System.Globalization;
using BsgKit.Bsg;
using BsgKit.Fc;
using BsgKit.Simulator.Hosting;
using BsgKit.Simulator.Scenarios;

namespace BsgKit.KernelLane;

/// <summary>
/// The nodes of the lane's topology: ports A and B, each one's rport of the other, and a SCSI LUN — scsi_debug's in VN2VN
/// mode, LUN 0 behind simulated target T1 in fabric mode — and (fabric mode) A's rport of T1.
/// </summary>
public enum LaneNode { HostA, HostB, RportA, RportB, Scsi, RportT1 }

/// <summary>The fabric mode's scenario (tests/KernelLane/fabric-scenario.json, copied next to the Runner) and its ports.</summary>
public static class FabricLane
{
    public static string ScenarioPath => Environment.GetEnvironmentVariable("BSGKIT_LANE_SCENARIO") is { Length: > 0 } p
        ? p : Path.Combine(AppContext.BaseDirectory, "fabric-scenario.json");

    private static readonly Lazy<Scenario> LazyScenario = new(() => ScenarioLoader.LoadFile(ScenarioPath));
    public static Scenario Scenario => LazyScenario.Value;

    public static Wwn Wwpn(int nport) => Wwn.Parse(Scenario.NPorts[nport].Wwpn);
    public static FcId FcIdOf(int nport) => new((uint)(Scenario.NPorts[nport].Domain << 16 | Scenario.NPorts[nport].Port << 8 | Scenario.NPorts[nport].Alpa));
    /// <summary>T1, T2 (same node), T3 (zoned to A only, disappears on RPL), I8 (initiator), N9 (NVMe only).</summary>
    public const int T1 = 0, T2 = 1, T3 = 2, I8 = 3, N9 = 4;
}

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

    /// <summary>True for the fabric topology (FCF, name server, simulated N_Ports), false for VN2VN.</summary>
    public bool Fabric { get; protected init; }

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

    private readonly string _rportT1 = "";

    public RealTarget(bool fabric = false)
    {
        Fabric = fabric;
        _hostA = Env("BSGKIT_LANE_HOST_A");
        _hostB = Env("BSGKIT_LANE_HOST_B");
        if (fabric)
        {
            // Remote ports by WWPN (libfc numbers them in discovery order), the LUN by the rport's SCSI target ID.
            _rportA = RportOf(_hostA, new Wwn(Hex64(Sysfs(_hostB, "port_name"))));
            _rportB = RportOf(_hostB, new Wwn(Hex64(Sysfs(_hostA, "port_name"))));
            _rportT1 = RportOf(_hostA, FabricLane.Wwpn(FabricLane.T1));
            var target = File.ReadAllText($"/sys/class/fc_remote_ports/{_rportT1}/scsi_target_id").Trim();
            _scsi = $"{_hostA[4..]}:0:{target}:0";
        }
        else
        {
            _rportA = Env("BSGKIT_LANE_RPORT_A");
            _rportB = Env("BSGKIT_LANE_RPORT_B");
            _scsi = Env("BSGKIT_LANE_SCSI");
        }
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
        LaneNode.RportT1 => _rportT1,
        _ => _scsi,
    };

    /// <summary>The rport-H:C-N of <paramref name="host"/> whose port_name is <paramref name="wwpn"/>.</summary>
    public static string RportOf(string host, Wwn wwpn)
    {
        foreach (var dir in Directory.GetDirectories("/sys/class/fc_remote_ports", $"rport-{host[4..]}:*"))
            if (Hex64(File.ReadAllText(Path.Combine(dir, "port_name")).Trim()) == wwpn.Value) return Path.GetFileName(dir);
        throw new InvalidOperationException($"{host} has no remote port {wwpn}");
    }

    public string HostA => _hostA;
    public string HostB => _hostB;

    private static string Env(string name) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } v
        ? v : throw new InvalidOperationException($"{name} is not set (the guest script sets it)");

    public static string Sysfs(string host, string attribute) => File.ReadAllText($"/sys/class/fc_host/{host}/{attribute}").Trim();
    public static uint Hex(string s) => uint.Parse(s.Replace("0x", ""), NumberStyles.HexNumber);
    public static ulong Hex64(string s) => ulong.Parse(s.Replace("0x", ""), NumberStyles.HexNumber);
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

    public SimTarget(bool fabric = false)
    {
        Fabric = fabric;
        _san = SimulatedSan.Create(fabric ? FabricLane.Scenario : Vn2vnScenario());
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
        LaneNode.RportA => Rport(1, WwpnB).Name,
        LaneNode.RportB => Rport(2, WwpnA).Name,
        LaneNode.RportT1 => Rport(1, FabricLane.Wwpn(FabricLane.T1)).Name,
        _ => Fabric ? $"1:0:{Rport(1, FabricLane.Wwpn(FabricLane.T1)).Number}:0" : "0:0:0:0",
    });

    private Simulator.Kernel.SimRport Rport(int host, Wwn wwpn) =>
        _san.FindHost(host)!.RemotePorts.FirstOrDefault(r => r.PortName == wwpn)
        ?? throw new InvalidOperationException($"simulated host{host} has no remote port {wwpn}");

    public override void Dispose() => _san.Dispose();
}
