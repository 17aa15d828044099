using BsgKit.Simulator.Hosting.Fcoe.Wire;

namespace BsgKit.Simulator.Hosting.Fcoe;

/// <summary>How the software FCF presents itself.</summary>
public sealed class FcfOptions
{
    /// <summary>FKA_ADV_Period: unsolicited advertisements go out this often, ENodes send keep-alives this often (ms, ≥ 500).</summary>
    public int FkaPeriodMs { get; init; } = FipCodes.DefaultFkaPeriodMs;
    /// <summary>FCF priority in advertisements (lower is better).</summary>
    public byte Priority { get; init; } = FipCodes.DefaultPriority;
    /// <summary>FC-MAP: upper 24 bits of every fabric-provided MAC.</summary>
    public uint FcMap { get; init; } = FipCodes.DefaultFcMap;
    /// <summary>R_A_TOV and E_D_TOV given in the FLOGI accept (FC-FS defaults).</summary>
    public uint RaTovMs { get; init; } = Fabric.SimFabric.RaTovMs;
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

    public long FramesReceived { get; internal set; }
    public long FramesSent { get; internal set; }
    public long FramesForwarded { get; internal set; }
    public long FabricLogins { get; internal set; }
    public long FabricLogouts { get; internal set; }
    public long RscnsSent { get; internal set; }
    public long ClearVirtualLinksSent { get; internal set; }
    public long RequestsAnswered { get; internal set; }
    public long RequestsUnanswered { get; internal set; }
    public long SendFailures { get; internal set; }

    /// <summary>Frames dropped, by reason ("FCoE: bad CRC", "FIP: unknown critical descriptor" …).</summary>
    public IReadOnlyDictionary<string, long> Dropped => _dropped;
    public long DroppedTotal { get; private set; }

    internal void Drop(string reason)
    {
        _dropped[reason] = _dropped.GetValueOrDefault(reason) + 1;
        DroppedTotal++;
    }

    public override string ToString() =>
        $"{FramesReceived} frame(s) in, {FramesSent} out ({FramesForwarded} switched between hosts), {FabricLogins} login(s), " +
        $"{FabricLogouts} logout(s), {RscnsSent} RSCN(s), {ClearVirtualLinksSent} CVL(s), {RequestsAnswered} request(s) answered, " +
        $"{RequestsUnanswered} unanswered, {DroppedTotal} bad frame(s) dropped" +
        (_dropped.Count == 0 ? "" : " (" + string.Join(", ", _dropped.OrderBy(kv => kv.Key).Select(kv => $"{kv.Key}: {kv.Value}")) + ")");
}
