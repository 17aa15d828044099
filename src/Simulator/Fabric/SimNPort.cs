using BsgKit.Fc;
using BsgKit.Fc.Codes;
using BsgKit.Fc.Els;
using BsgKit.Simulator.Scenarios;

namespace BsgKit.Simulator.Fabric;

/// <summary>
/// One N_Port logged in to the fabric: a scenario N_Port, one of our host ports, or (for ELS sent to the
/// fabric itself) the F_Port a source is attached to. Holds its name-server registration and the state its
/// ELS responder reports. Registration fields are changed only under the directory lock.
/// </summary>
public sealed class SimNPort
{
    private readonly uint[] _lesb = new uint[6];

    internal SimNPort(FcId id, Wwn portName, Wwn nodeName, int domain, int switchPort, Wwn fabricPortName)
    {
        Id = id;
        PortName = portName;
        NodeName = nodeName;
        Domain = domain;
        SwitchPort = switchPort;
        FabricPortName = fabricPortName;
    }

    /// <summary>The N_Port's FC ID (domain, area = switch port, AL_PA).</summary>
    public FcId Id { get; }
    /// <summary>WWPN.</summary>
    public Wwn PortName { get; internal set; }
    /// <summary>WWNN.</summary>
    public Wwn NodeName { get; internal set; }
    /// <summary>Domain ID of the switch the port is attached to.</summary>
    public int Domain { get; }
    /// <summary>The switch port index it is attached to.</summary>
    public int SwitchPort { get; }
    /// <summary>WWN of the switch port (F_Port) it logged in through.</summary>
    public Wwn FabricPortName { get; }
    /// <summary>Name-server port type (PortTypes: N_Port, NL_Port …).</summary>
    public byte PortType { get; internal init; } = PortTypes.NPort;
    /// <summary>Registered classes of service (ClassOfService bits).</summary>
    public uint ClassOfService { get; internal init; } = Fc.Codes.ClassOfService.Class3;
    /// <summary>Registered FC-4 types (RFT_ID).</summary>
    public Fc4TypeSet Fc4Types { get; internal set; } = Fc4TypeSet.Empty;
    /// <summary>Registered FC-4 features (RFF_ID).</summary>
    public Fc4FeatureSet Fc4Features { get; internal set; } = Fc4FeatureSet.Empty;
    /// <summary>Registered symbolic port name (RSPN_ID); "" when none.</summary>
    public string SymbolicPortName { get; internal set; } = "";
    /// <summary>Registered symbolic node name (RSNN_NN); "" when none.</summary>
    public string SymbolicNodeName { get; internal set; } = "";
    /// <summary>Operating speed as sysfs names it ("16 Gbit").</summary>
    public string Speed { get; internal init; } = "16 Gbit";
    /// <summary>Supported speeds, comma separated; null: the operating speed and two generations below.</summary>
    public string? SupportedSpeeds { get; internal init; }
    /// <summary>False: link down; the port answers nothing and is not in the name server.</summary>
    public bool Online { get; internal init; } = true;
    /// <summary>In the name server (false after DA_ID, or while offline).</summary>
    public bool Registered { get; internal set; } = true;
    /// <summary>The port is one of the scenario's hosts (an initiator HBA), not a simulated target.</summary>
    public bool IsHost { get; internal init; }
    /// <summary>A host port whose driver is libfc (fcoe, bnx2fc, qedf): ELS to it get libfc's receive path's answers.</summary>
    public bool IsLibfcHost { get; internal init; }
    /// <summary>A switch port answering for the fabric (ELS to 0xFFFFFE and friends), never in the name server.</summary>
    public bool IsSwitchPort { get; internal init; }
    /// <summary>The SFP the port reports in RDP.</summary>
    public SfpSpec Sfp { get; internal init; } = DefaultSfp;

    /// <summary>The optics of every port whose scenario names none: one shared instance (only read), not one per N_Port.</summary>
    internal static readonly SfpSpec DefaultSfp = new();
    /// <summary>RNID identification overrides; null: derived from the port.</summary>
    public RnidSpec? Rnid { get; internal init; }
    /// <summary>Zones (indexes into the active zone set) this port is a member of, sorted.</summary>
    internal int[] ZoneIds { get; set; } = [];

    /// <summary>sysfs rport roles from the FC-4 types and features.</summary>
    public IReadOnlyList<string> Roles => Fc4Names.SysfsRoles(Fc4Types, Fc4Features);

    /// <summary>Current link error status block (scenario counters plus injected linkErrors).</summary>
    public Lesb Lesb => new(
        Volatile.Read(ref _lesb[0]), Volatile.Read(ref _lesb[1]), Volatile.Read(ref _lesb[2]),
        Volatile.Read(ref _lesb[3]), Volatile.Read(ref _lesb[4]), Volatile.Read(ref _lesb[5]));

    internal void SetLesb(LesbSpec? spec)
    {
        if (spec is null) return;
        _lesb[0] = spec.LinkFailure;
        _lesb[1] = spec.LossOfSync;
        _lesb[2] = spec.LossOfSignal;
        _lesb[3] = spec.PrimitiveSequenceError;
        _lesb[4] = spec.InvalidTransmissionWord;
        _lesb[5] = spec.InvalidCrc;
    }

    /// <summary>A linkErrors fault: every counter goes up by <paramref name="amount"/> (link failures by one per hit).</summary>
    internal void AddLinkErrors(int amount)
    {
        if (amount <= 0) return;
        var a = (uint)amount;
        Interlocked.Increment(ref _lesb[0]);
        Interlocked.Add(ref _lesb[1], a);
        Interlocked.Add(ref _lesb[2], a);
        Interlocked.Add(ref _lesb[3], a);
        Interlocked.Add(ref _lesb[4], a);
        Interlocked.Add(ref _lesb[5], a);
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Id} {PortName}";
}
