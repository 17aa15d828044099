using BsgKit.Fc;
using BsgKit.Simulator.Kernel;
using BsgKit.Simulator.Scenarios;

namespace BsgKit.Simulator.Fabric;

/// <summary>What kind of frame an exchange carries.</summary>
public enum FrameType
{
    /// <summary>An extended link service request (payload byte 0 is the ELS command).</summary>
    Els,
    /// <summary>A CT_IU to a fabric service or an N_Port.</summary>
    Ct,
}

/// <summary>How a frame exchange through the fabric ended.</summary>
public enum ExchangeOutcome
{
    /// <summary>A response payload (accept, LS_RJT or CT reject) was written.</summary>
    Response,
    /// <summary>Dropped or unanswered: the LLD's own timeout decides what the caller sees.</summary>
    NoResponse,
    /// <summary>F_BSY from the fabric.</summary>
    FabricBusy,
    /// <summary>P_BSY from the destination port.</summary>
    PortBusy,
    /// <summary>F_RJT (Reason/Explanation set).</summary>
    FabricReject,
    /// <summary>P_RJT (Reason/Explanation set).</summary>
    PortReject,
}

/// <summary>
/// The result of one exchange. <see cref="ResponseLength"/> bytes were written into the response span;
/// <see cref="FullLength"/> is what the responder had to say (larger when the span was too small).
/// <see cref="Fault"/> is the injected fault that shaped this exchange, if any: for a timeout the LLD reads its
/// Mode ("etimedout" / "ioerr") to choose what the caller sees. <see cref="Latency"/> is simulated time the
/// exchange took; the fabric does not advance the clock itself, the caller does.
/// </summary>
public readonly record struct ExchangeResult(
    ExchangeOutcome Outcome,
    int ResponseLength,
    int FullLength,
    byte Reason = 0,
    byte Explanation = 0,
    TimeSpan Latency = default,
    FaultSpec? Fault = null)
{
    /// <summary>Nothing answered (timeout or drop).</summary>
    public static ExchangeResult NoResponse(TimeSpan latency = default, FaultSpec? fault = null) =>
        new(ExchangeOutcome.NoResponse, 0, 0, Latency: latency, Fault: fault);
}

/// <summary>A remote port as a host's driver learns it at login (becomes an rport in sysfs).</summary>
public readonly record struct RemotePortView(FcId PortId, Wwn PortName, Wwn NodeName, IReadOnlyList<string> Roles);

/// <summary>What FLOGI/FDISC gave one of our host ports.</summary>
public readonly record struct FabricLogin(FcId PortId, Wwn FabricName, Wwn FabricPortName);

/// <summary>
/// The simulated fabric as the fake LLDs see it: switches, N_Ports, the well-known servers (name server,
/// management server: FCS, FDMI, zone server), ELS responders on every N_Port, and injected faults.
/// Thread-safe: many hosts and requests use it at once.
/// </summary>
public interface ISimFabric
{
    /// <summary>The simulated clock: requests advance it by their simulated latency instead of sleeping.</summary>
    SimClock Clock { get; }

    /// <summary>
    /// FLOGI (or FDISC for an NPIV port) of one of our host ports, then the registrations a driver does
    /// (RFT_ID FCP initiator, RSPN_ID/RSNN_NN, FDMI RHBA/RPA when <paramref name="registerFdmi"/>).
    /// </summary>
    FabricLogin Login(Wwn portName, Wwn nodeName, int domain, int switchPort, string symbolicName, HostSpec? fdmiSource, bool registerFdmi);

    /// <summary>The N_Ports <paramref name="source"/> may see (zoning applied), sorted by FC ID.</summary>
    IReadOnlyList<RemotePortView> PortsVisibleTo(FcId source);

    /// <summary>
    /// Sends <paramref name="request"/> (an ELS payload, or a whole CT_IU) from <paramref name="source"/> to
    /// <paramref name="destination"/> and writes the response payload into <paramref name="response"/>.
    /// </summary>
    ExchangeResult Exchange(FcId source, FcId destination, FrameType type, ReadOnlySpan<byte> request, Span<byte> response);

    /// <summary>Injected faults, for the host-side kinds (blocked, offline, disappear) the kernel layer applies.</summary>
    Faults.FaultInjector Faults { get; }

    /// <summary>
    /// Whether the fabric has a name server and management server (false in FCoE VN2VN, where libfc has no
    /// session to 0xFFFFFC and HST_CT to it is EINVAL at once).
    /// </summary>
    bool HasFabricServices => true;
}
