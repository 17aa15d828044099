using BsgKit.Fc.Clients;
using BsgKit.Fc.Codes;
using BsgKit.Fc.Ct.ConfigServer;

namespace BsgKit.Fc.Discovery;

/// <summary>A plain-data picture of a fabric as seen from one host. Missing values are null; what failed is in <see cref="Errors"/>.</summary>
/// <param name="DevicePath">The fc_host bsg node discovery went through (/dev/bsg/fc_host1).</param>
/// <param name="Profile">The driver profile used, as <see cref="Profiles.FcDriverProfile.ToString"/> prints it.</param>
/// <param name="TakenAt">When discovery started (UTC).</param>
/// <param name="Duration">How long discovery took.</param>
/// <param name="Switches">The interconnect elements the configuration server listed (GIEL); empty when switches were not asked for or GIEL failed.</param>
/// <param name="NPorts">The N_Ports the name server listed, with what the level learnt about each.</param>
/// <param name="ListingMethod">How the name server listing was obtained; null when N_Ports were not asked for or the listing failed.</param>
/// <param name="ListingComplete">The listing is known to hold every port (no truncation left unresolved).</param>
/// <param name="Errors">The queries that failed; everything else in the snapshot is good.</param>
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
    /// <summary>The listing is complete and no query failed.</summary>
    public bool IsComplete => ListingComplete && Errors.Count == 0;

    /// <summary>CT requests discovery sent, per command name ("GA_NXT", "GPL" …), in command-name order; busy retries inside the client are not counted.</summary>
    public IReadOnlyDictionary<string, int> RequestCounts { get; init; } = new SortedDictionary<string, int>(StringComparer.Ordinal);

    /// <summary>All CT requests discovery sent.</summary>
    public int Requests => RequestCounts.Values.Sum();

    /// <summary>What the caller asked for and how it was asked (the plan).</summary>
    public DiscoveryLevel Level { get; init; } = DiscoveryLevel.Standard;
    /// <summary>How discovery asked (<see cref="FabricDiscoveryOptions.Plan"/>).</summary>
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
/// <param name="Name">The element's name (WWN) from GIEL.</param>
/// <param name="ElementType">GIEL element type: 1 switch, 2 hub, 3 bridge (<see cref="GsConfigServerObjects.ElementTypes"/>).</param>
public sealed record FabricSwitch(Wwn Name, byte ElementType)
{
    /// <summary>The record's properties as "Name = value" text.</summary>
    public override string ToString() => BsgKit.Bsg.Text.RecordText.Of(this);

    /// <summary>"Switch", "Hub", "Bridge" or "Unknown".</summary>
    public string ElementTypeName => ElementType switch { 1 => "Switch", 2 => "Hub", 3 => "Bridge", _ => "Unknown" };
    /// <summary>Domain ID (GDID); null when not asked or the query failed.</summary>
    public byte? DomainId { get; init; }
    /// <summary>Logical (switch) name (GIELN); null when not asked or the query failed.</summary>
    public string? LogicalName { get; init; }
    /// <summary>Vendor, model and release (GIEIL); null when not asked or the query failed.</summary>
    public FcsElementInfo? Info { get; init; }
    /// <summary>The element's ports (GPL); empty at the brief level or when GPL failed.</summary>
    public IReadOnlyList<FabricSwitchPort> Ports { get; init; } = [];
}

/// <summary>A switch port (GPL) with GPPN, GPS and GAPNL answers.</summary>
/// <param name="PortName">The switch port's WWPN.</param>
/// <param name="PortType">GPL port type (<see cref="PortTypes"/>: F_Port, E_Port …).</param>
/// <param name="ModuleType">GPL port module type (<see cref="GsConfigServerObjects.PortModuleTypes"/>).</param>
/// <param name="TxType">GPL port TX type (<see cref="GsConfigServerObjects.PortTxTypes"/>).</param>
public sealed record FabricSwitchPort(Wwn PortName, byte PortType, byte ModuleType, byte TxType)
{
    /// <summary>The record's properties as "Name = value" text.</summary>
    public override string ToString() => BsgKit.Bsg.Text.RecordText.Of(this);

    /// <summary>Name of <see cref="PortType"/> ("F_Port" …).</summary>
    public string PortTypeName => PortTypes.Table.NameOf(PortType);
    /// <summary>Physical port number (GPPN); null when not asked or the query failed.</summary>
    public uint? PhysicalPortNumber { get; init; }
    /// <summary>Port state (GPS); null when not asked or the query failed.</summary>
    public FcsPortState? State { get; init; }
    /// <summary>Ports attached to this one (GAPNL, or for an F_Port at the standard level the listed N_Ports whose fabric port name it is).</summary>
    public IReadOnlyList<FcsAttachedPort> AttachedPorts { get; init; } = [];
}

/// <summary>A name-server entry with the per-port queries' answers. Each value is null when the level does not ask for it or its query failed.</summary>
/// <param name="PortId">The port's N_Port ID.</param>
public sealed record FabricNPort(FcId PortId)
{
    /// <summary>WWPN (GPN_FT, GA_NXT or GPN_ID).</summary>
    public Wwn? PortName { get; init; }
    /// <summary>WWNN (GNN_FT, GA_NXT or GNN_ID).</summary>
    public Wwn? NodeName { get; init; }
    /// <summary>Port type code (<see cref="PortTypes"/>; GID_PT, GA_NXT or GPT_ID).</summary>
    public byte? PortType { get; init; }
    /// <summary>Name of <see cref="PortType"/> ("N_Port" …).</summary>
    public string? PortTypeName => PortType is byte t ? PortTypes.Table.NameOf(t) : null;
    /// <summary>Registered FC-4 types (GA_NXT, GID_FT listings or GFT_ID).</summary>
    public Fc4TypeSet? Fc4Types { get; init; }
    /// <summary>Registered FC-4 features (GID_FF listings or GFF_ID): FCP initiator/target.</summary>
    public Fc4FeatureSet? Fc4Features { get; init; }
    /// <summary>Symbolic port name (GA_NXT or GSPN_ID).</summary>
    public string? SymbolicPortName { get; init; }
    /// <summary>Symbolic node name (GA_NXT or GSNN_NN).</summary>
    public string? SymbolicNodeName { get; init; }
    /// <summary>WWPN of the F_Port the port is attached to (GA_NXT or GFPN_ID).</summary>
    public Wwn? FabricPortName { get; init; }
}

/// <summary>One query that failed, and what it was about; the rest of the snapshot is still good.</summary>
/// <param name="Operation">The CT command or step that failed ("GPL", "name server listing" …).</param>
/// <param name="Subject">What it asked about: a port ID, a WWN, or "fabric".</param>
/// <param name="Message">The failure's message.</param>
/// <param name="Status">The failed exchange's status, when the failure has an exchange; null otherwise.</param>
/// <param name="Hint">What to try next, when the failure carries a hint; null otherwise.</param>
public sealed record DiscoveryError(string Operation, string Subject, string Message, FcExchangeStatus? Status, string? Hint)
{
    /// <summary>The failure itself (its exchange, errno, reject codes), so callers can classify it as they classify any other.</summary>
    public FcException? Error { get; init; }
}

/// <summary>Progress: phase ("name server", "switches", "ports"), items done out of total, and the current item.</summary>
/// <param name="Phase">"name server", "switches" or "ports".</param>
/// <param name="Completed">Items of the phase done so far.</param>
/// <param name="Total">Items in the phase.</param>
/// <param name="Current">The item just done (a port ID or switch WWN); null at the start of a phase.</param>
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

/// <summary>What <see cref="FabricDiscovery.DiscoverAsync"/> learns and how; every property has a default.</summary>
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
    /// <summary>How the name server is listed (FC-4 type, GPN_FT or GID_FT, domain range); its FC-4 type is the one discovery lists.</summary>
    public NameServerListingOptions Listing { get; init; } = new();
    /// <summary>Ask the fabric configuration server for switches (GIEL …).</summary>
    public bool IncludeSwitches { get; init; } = true;
    /// <summary>Ask the name server for N_Ports.</summary>
    public bool IncludeNPorts { get; init; } = true;
}
