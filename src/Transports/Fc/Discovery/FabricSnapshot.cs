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

    /// <summary>"fabric from /dev/bsg/fc_host1 (lpfc): 2 switches, 5 N_Ports, complete (12.3 ms)".</summary>
    public override string ToString() =>
        $"fabric from {DevicePath} ({Profile}): {Switches.Count} switch(es), {NPorts.Count} N_Port(s), " +
        (IsComplete ? "complete" : $"incomplete: {Errors.Count} failed quer{(Errors.Count == 1 ? "y" : "ies")}{(ListingComplete ? "" : ", listing truncated")}") +
        $" ({Duration.TotalMilliseconds:0.#} ms)";
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

public sealed record FabricDiscoveryOptions
{
    /// <summary>Requests in flight at once (the driver profile may lower it: ibmvfc → 1).</summary>
    public int MaxParallelism { get; init; } = 4;
    public NameServerListingOptions Listing { get; init; } = new();
    public bool IncludeSwitches { get; init; } = true;
    public bool IncludeNPorts { get; init; } = true;
}
