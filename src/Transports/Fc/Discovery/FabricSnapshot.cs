using BsgKit.Fc.Clients;
using BsgKit.Fc.Codes;
using BsgKit.Fc.Ct.ConfigServer;

namespace BsgKit.Fc.Discovery;

/// <summary>A plain-data picture of a fabric as seen from one host. Missing values are null; what failed is in <see cref="Errors"/>.</summary>
public sealed record FabricSnapshot(
    string DevicePath,
    string Profile,
    DateTimeOffset TakenAt,
    TimeSpan Duration,
    IReadOnlyList<FabricSwitch> Switches,
    IReadOnlyList<FabricNPort> NPorts,
    NameServerListingMethod? ListingMethod,
    bool ListingComplete,
    IReadOnlyList<DiscoveryError> Errors)
{
    public bool IsComplete => ListingComplete && Errors.Count == 0;

    /// <summary>CT requests discovery sent, per command name ("GA_NXT", "GPL" …), in command-name order; busy retries inside the client are not counted.</summary>
    public IReadOnlyDictionary<string, int> RequestCounts { get; init; } = new SortedDictionary<string, int>(StringComparer.Ordinal);

    /// <summary>All CT requests discovery sent.</summary>
    public int Requests => RequestCounts.Values.Sum();

    /// <summary>What the caller asked for and how it was asked (the plan).</summary>
    public DiscoveryLevel Level { get; init; } = DiscoveryLevel.Standard;
    public DiscoveryPlan Plan { get; init; } = DiscoveryPlan.Bulk;

    /// <summary>Why discovery took a costlier path (a bulk command the fabric rejected …); not failures.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>"fabric from /dev/bsg/fc_host1 (lpfc): 2 switches, 5 N_Ports, complete (12.3 ms)".</summary>
    public override string ToString() =>
        $"fabric from {DevicePath} ({Profile}): {Switches.Count} switch(es), {NPorts.Count} N_Port(s), " +
        (IsComplete ? "complete" : $"incomplete: {Errors.Count} failed quer{(Errors.Count == 1 ? "y" : "ies")}{(ListingComplete ? "" : ", listing truncated")}") +
        $" ({Duration.TotalMilliseconds:0.#} ms, {Requests} CT request{(Requests == 1 ? "" : "s")})";
}

/// <summary>An interconnect element (GIEL) with what GDID, GIELN, GIEIL and GPL said about it.</summary>
public sealed record FabricSwitch(Wwn Name, byte ElementType)
{
    public override string ToString() => BsgKit.Bsg.Text.RecordText.Of(this);

    public string ElementTypeName => ElementType switch { 1 => "Switch", 2 => "Hub", 3 => "Bridge", _ => "Unknown" };
    public byte? DomainId { get; init; }
    public string? LogicalName { get; init; }
    public FcsElementInfo? Info { get; init; }
    public IReadOnlyList<FabricSwitchPort> Ports { get; init; } = [];
}

/// <summary>A switch port (GPL) with GPPN, GPS and GAPNL answers.</summary>
public sealed record FabricSwitchPort(Wwn PortName, byte PortType, byte ModuleType, byte TxType)
{
    public override string ToString() => BsgKit.Bsg.Text.RecordText.Of(this);

    public string PortTypeName => PortTypes.Table.NameOf(PortType);
    public uint? PhysicalPortNumber { get; init; }
    public FcsPortState? State { get; init; }
    public IReadOnlyList<FcsAttachedPort> AttachedPorts { get; init; } = [];
}

/// <summary>A name-server entry with the per-port queries' answers.</summary>
public sealed record FabricNPort(FcId PortId)
{
    public Wwn? PortName { get; init; }
    public Wwn? NodeName { get; init; }
    public byte? PortType { get; init; }
    public string? PortTypeName => PortType is byte t ? PortTypes.Table.NameOf(t) : null;
    public Fc4TypeSet? Fc4Types { get; init; }
    public Fc4FeatureSet? Fc4Features { get; init; }
    public string? SymbolicPortName { get; init; }
    public string? SymbolicNodeName { get; init; }
    public Wwn? FabricPortName { get; init; }
}

/// <summary>One query that failed, and what it was about; the rest of the snapshot is still good.</summary>
public sealed record DiscoveryError(string Operation, string Subject, string Message, FcExchangeStatus? Status, string? Hint)
{
    /// <summary>The failure itself (its exchange, errno, reject codes), so callers can classify it as they classify any other.</summary>
    public FcException? Error { get; init; }
}

/// <summary>Progress: phase ("name server", "switches", "ports"), items done out of total, and the current item.</summary>
public readonly record struct DiscoveryProgress(string Phase, int Completed, int Total, string? Current);

/// <summary>What discovery learns.</summary>
public enum DiscoveryLevel
{
    /// <summary>N_Port IDs, WWPN, WWNN, port type, FC-4 types and features, and the switches' names and domains: bulk listings only
    /// (GPN_FT, GNN_FT, GID_PT, GID_FT, GID_FF; GIEL, GDID). FC-4 types are those of <see cref="Codes.Fc4Types.Table"/>.</summary>
    Brief,
    /// <summary>Everything but per-switch-port state: N_Ports by GA_NXT walk (symbolic names and fabric port names too), switches
    /// with their port lists, ISLs by GAPNL on E_Ports; an F_Port's attached ports are the N_Ports whose fabric port name it is.</summary>
    Standard,
    /// <summary>Standard plus GPPN, GPS and GAPNL on every switch port (attached ports as the switch lists them, zoned-away ones included).</summary>
    Detail,
}

/// <summary>How discovery asks.</summary>
public enum DiscoveryPlan
{
    /// <summary>Walks and bulk listings, per-port queries only where the fabric rejects a bulk command.</summary>
    Bulk,
    /// <summary>The listing, then one query per attribute per port and GPPN/GPS/GAPNL per switch port (the plan before bulk
    /// discovery; kept as the reference the bulk plan is tested against). Ignores <see cref="FabricDiscoveryOptions.Level"/>.</summary>
    PerAttribute,
}

public sealed record FabricDiscoveryOptions
{
    /// <summary>What to learn (Brief, Standard, Detail).</summary>
    public DiscoveryLevel Level { get; init; } = DiscoveryLevel.Standard;

    /// <summary>How to ask (Bulk by default).</summary>
    public DiscoveryPlan Plan { get; init; } = DiscoveryPlan.Bulk;

    /// <summary>Hard bound on GA_NXT steps of the discovery walk, whatever the name server answers.</summary>
    public int MaxWalkSteps { get; init; } = 1 << 20;

    /// <summary>Requests in flight at once (the driver profile may lower it: ibmvfc → 1).</summary>
    public int MaxParallelism { get; init; } = 4;
    public NameServerListingOptions Listing { get; init; } = new();
    public bool IncludeSwitches { get; init; } = true;
    public bool IncludeNPorts { get; init; } = true;
}
