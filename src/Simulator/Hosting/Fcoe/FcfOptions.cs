using BsgKit.Simulator.Hosting.Fcoe.Wire;

namespace BsgKit.Simulator.Hosting.Fcoe;

/// <summary>How the software FCF presents itself.</summary>
public sealed class FcfOptions
{
    /// <summary>The default <see cref="FkaPeriodMs"/>: 8,000 ms (FIP_DEF_FKA in include/scsi/fc/fc_fip.h).</summary>
    public const int DefaultFkaPeriodMs = FipCodes.DefaultFkaPeriodMs;
    /// <summary>The default <see cref="Priority"/>: 128 (FIP_DEF_PRI).</summary>
    public const byte DefaultPriority = FipCodes.DefaultPriority;

    /// <summary>FKA_ADV_Period: unsolicited advertisements go out this often, ENodes send keep-alives this often (ms, ≥ 500).</summary>
    public int FkaPeriodMs { get; init; } = FipCodes.DefaultFkaPeriodMs;
    /// <summary>FCF priority in advertisements (lower is better).</summary>
    public byte Priority { get; init; } = FipCodes.DefaultPriority;
    /// <summary>FC-MAP: upper 24 bits of every fabric-provided MAC.</summary>
    public uint FcMap { get; init; } = FipCodes.DefaultFcMap;
    /// <summary>R_A_TOV given in the FLOGI accept (ms; FC-FS default).</summary>
    public uint RaTovMs { get; init; } = Fabric.SimFabric.RaTovMs;
    /// <summary>E_D_TOV given in the FLOGI accept (ms).</summary>
    public uint EdTovMs { get; init; } = Fabric.SimFabric.EdTovMs;
    /// <summary>One decoded line per frame in and out (--verbose); null for none.</summary>
    public Action<string>? FrameLog { get; init; }
    /// <summary>Logins, logouts, RSCNs, cleared links, dropped frames: one line each; null for none.</summary>
    public Action<string>? EventLog { get; init; }
}

/// <summary>What the FCF counted. Single writer (the FCF's loop); read it after the loop stops or for a status line.</summary>
public sealed class FcfStatistics
{
    private readonly Dictionary<string, long> _dropped = new(StringComparer.Ordinal);

    /// <summary>Ethernet frames received (FIP and FCoE).</summary>
    public long FramesReceived { get; internal set; }
    /// <summary>Ethernet frames sent.</summary>
    public long FramesSent { get; internal set; }
    /// <summary>FC frames forwarded from one VN_Port to another.</summary>
    public long FramesForwarded { get; internal set; }
    /// <summary>FLOGI and FDISC accepted.</summary>
    public long FabricLogins { get; internal set; }
    /// <summary>Fabric logouts (LOGO, or a VN_Port whose keep-alives stopped).</summary>
    public long FabricLogouts { get; internal set; }
    /// <summary>RSCNs sent to registered ports.</summary>
    public long RscnsSent { get; internal set; }
    /// <summary>FIP Clear Virtual Links sent.</summary>
    public long ClearVirtualLinksSent { get; internal set; }
    /// <summary>Requests to the fabric services (name server, ELS to the fabric) answered.</summary>
    public long RequestsAnswered { get; internal set; }
    /// <summary>Requests to the fabric services left unanswered (as a switch drops what it cannot parse).</summary>
    public long RequestsUnanswered { get; internal set; }
    /// <summary>Frames the socket would not send.</summary>
    public long SendFailures { get; internal set; }

    /// <summary>Frames dropped, by reason ("FCoE: bad CRC", "FIP: unknown critical descriptor" …).</summary>
    public IReadOnlyDictionary<string, long> Dropped => _dropped;
    /// <summary>All dropped frames (the sum of <see cref="Dropped"/>).</summary>
    public long DroppedTotal { get; private set; }

    internal void Drop(string reason)
    {
        _dropped[reason] = _dropped.GetValueOrDefault(reason) + 1;
        DroppedTotal++;
    }

    /// <summary>The counters on one line, as <c>sim fcf</c> prints them at exit.</summary>
    public override string ToString() =>
        $"{FramesReceived} frame(s) in, {FramesSent} out ({FramesForwarded} switched between hosts), {FabricLogins} login(s), " +
        $"{FabricLogouts} logout(s), {RscnsSent} RSCN(s), {ClearVirtualLinksSent} CVL(s), {RequestsAnswered} request(s) answered, " +
        $"{RequestsUnanswered} unanswered, {DroppedTotal} bad frame(s) dropped" +
        (_dropped.Count == 0 ? "" : " (" + string.Join(", ", _dropped.OrderBy(kv => kv.Key).Select(kv => $"{kv.Key}: {kv.Value}")) + ")");
}
