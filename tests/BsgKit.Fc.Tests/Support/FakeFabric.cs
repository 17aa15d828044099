using System.Buffers.Binary;
using BsgKit.Fc.Codes;
using BsgKit.Fc.Ct;
using BsgKit.Fc.Ct.ConfigServer;
using BsgKit.Fc.Ct.NameServer;

namespace BsgKit.Fc.Tests.Support;

/// <summary>One registered N_Port of the fake fabric.</summary>
public sealed record FakePort(FcId Id, Wwn Wwpn, Wwn Wwnn, string SymbolicName = "port");

/// <summary>
/// A tiny name server + configuration server answering CT_IUs from canned data, with switches for the
/// quirks the listing must survive: an entry cap (qla2xxx 2048), scoped queries rejected, GA_NXT wrap.
/// </summary>
public sealed class FakeFabric
{
    public List<FakePort> Ports { get; } = new();
    /// <summary>Most list entries the "driver" passes (truncates with a residual and no last-entry bit).</summary>
    public int? EntryCap { get; set; }
    public bool RejectScopedQueries { get; set; }
    /// <summary>Commands (by code) answered with FS_RJT unable-to-perform, for partial-result tests.</summary>
    public HashSet<(byte GsType, ushort Command, uint Subject)> Failures { get; } = new();
    public List<FcsInterconnectElement> Switches { get; } = new();
    public int CtRequests;

    public static FakeFabric WithPorts(int count, Func<int, FcId>? idOf = null)
    {
        var f = new FakeFabric();
        for (var i = 0; i < count; i++)
        {
            var id = idOf?.Invoke(i) ?? new FcId((uint)(0x010000 + ((i / 256 + 1) << 8) + i % 256));
            f.Ports.Add(new FakePort(id, new Wwn(0x2100_0000_0000_0000UL + (ulong)i), new Wwn(0x2000_0000_0000_0000UL + (ulong)i), $"port {i}"));
        }
        return f;
    }

    public byte[] Answer(byte[] ctIu, int dinLength)
    {
        Interlocked.Increment(ref CtRequests);
        var h = CtIuHeader.Read(ctIu);
        var buf = new byte[Math.Max(dinLength, 1024)];
        var subject = ctIu.Length >= 20 ? BinaryPrimitives.ReadUInt32BigEndian(ctIu.AsSpan(16)) & 0xFFFFFF : 0;
        if (Failures.Contains((h.GsType, h.CommandResponse, subject)) || Failures.Contains((h.GsType, h.CommandResponse, 0xFFFFFFFF)))
            return Reject(buf, h.Server, CtRejectReasons.UnableToPerform, 0x00);
        if (h.GsType == GsTypes.Management) return AnswerFcs(buf, ctIu, h);
        switch (h.CommandResponse)
        {
            case GsNameServerCommands.GpnFt or GsNameServerCommands.GidFt:
            {
                var scope = NsFc4TypeScope.Parse(ctIu, h.CommandResponse, "request");
                if (RejectScopedQueries && scope.DomainScope != 0) return Reject(buf, h.Server, CtRejectReasons.CommandNotSupported, 0);
                var matching = Ports.Where(p => (scope.DomainScope == 0 || p.Id.Domain == scope.DomainScope)
                                                && (scope.AreaScope == 0 || p.Id.Area == scope.AreaScope)).OrderBy(p => p.Id.Value).ToList();
                if (matching.Count == 0) return Reject(buf, h.Server, CtRejectReasons.UnableToPerform, CtReasonExplanations.NoObjectInScope);
                var entrySize = h.CommandResponse == GsNameServerCommands.GpnFt ? 16 : 4;
                var fit = Math.Min(matching.Count, (dinLength - 16) / entrySize);
                if (EntryCap is int cap) fit = Math.Min(fit, cap);
                var truncated = fit < matching.Count;
                var residual = (ushort)Math.Min(0xFFFF, (matching.Count - fit) * entrySize / 4);
                int n = h.CommandResponse == GsNameServerCommands.GpnFt
                    ? GpnFt.BuildAccept(buf, matching.Take(fit).Select(p => new NsPortNameEntry(p.Id, p.Wwpn)).ToArray(), !truncated, residual)
                    : GidFt.BuildAccept(buf, matching.Take(fit).Select(p => p.Id).ToArray(), !truncated, residual);
                return buf[..n];
            }
            case GsNameServerCommands.GaNxt:
            {
                var previous = GaNxt.ParseRequest(ctIu);
                var ordered = Ports.OrderBy(p => p.Id.Value).ToList();
                if (ordered.Count == 0) return Reject(buf, h.Server, CtRejectReasons.UnableToPerform, CtReasonExplanations.DatabaseEmpty);
                var next = ordered.FirstOrDefault(p => p.Id.Value > previous.Value) ?? ordered[0];   // wraps to the lowest
                var n = GaNxt.BuildAccept(buf, new GaNxtEntry(0x01, next.Id, next.Wwpn, next.SymbolicName, next.Wwnn, "node", 0, new byte[16], 8,
                    Fc4TypeSet.Of(Fc4Types.Fcp), new byte[16], new Wwn(0x2000_00AA_0000_0001UL), new FcId(0)));
                return buf[..n];
            }
            case GsNameServerCommands.GpnId: return Wwn(buf, ctIu, p => p.Wwpn, (b, w) => GpnId.BuildAccept(b, w));
            case GsNameServerCommands.GnnId: return Wwn(buf, ctIu, p => p.Wwnn, (b, w) => GnnId.BuildAccept(b, w));
            case GsNameServerCommands.GfpnId: return Wwn(buf, ctIu, p => new Wwn(0x2000_00AA_0000_0000UL | p.Id.Value), (b, w) => GfpnId.BuildAccept(b, w));
            case GsNameServerCommands.GptId: return buf[..GptId.BuildAccept(buf, 0x01)];
            case GsNameServerCommands.GftId: return buf[..GftId.BuildAccept(buf, Fc4TypeSet.Of(Fc4Types.Fcp))];
            case GsNameServerCommands.GffId: return buf[..GffId.BuildAccept(buf, Fc4FeatureSet.Of((Fc4Types.Fcp, 0x1)))];
            case GsNameServerCommands.GspnId:
            {
                var id = GspnId.ParseRequest(ctIu);
                var port = Ports.FirstOrDefault(p => p.Id == id);
                return port is null ? Reject(buf, h.Server, CtRejectReasons.UnableToPerform, CtReasonExplanations.PortIdNotRegistered)
                    : buf[..GspnId.BuildAccept(buf, port.SymbolicName)];
            }
            case GsNameServerCommands.GsnnNn: return buf[..GsnnNn.BuildAccept(buf, "node")];
            default:
                return Reject(buf, h.Server, CtRejectReasons.CommandNotSupported, 0);
        }
    }

    private byte[] AnswerFcs(byte[] buf, byte[] ctIu, CtIuHeader h)
    {
        switch (h.CommandResponse)
        {
            case GsConfigServerCommands.Giel: return buf[..Giel.BuildAccept(buf, Switches)];
            case GsConfigServerCommands.Gdid: return buf[..Gdid.BuildAccept(buf, (byte)(Switches.FindIndex(s => s.Name == Fc.Wwn.Read(ctIu.AsSpan(16))) + 1))];
            case GsConfigServerCommands.Gieln: return buf[..Gieln.BuildAccept(buf, "switch")];
            case GsConfigServerCommands.Gieil: return buf[..Gieil.BuildAccept(buf, new FcsElementInfo("Vendor", "Model", "1.0", []))];
            case GsConfigServerCommands.Gpl:
                return buf[..Gpl.BuildAccept(buf, [new FcsPortEntry(new Wwn(0x2001_0000_0000_0001UL), 0x08, 0x03, 0x81)])];
            case GsConfigServerCommands.Gppn: return buf[..Gppn.BuildAccept(buf, 1)];
            case GsConfigServerCommands.Gps: return buf[..Gps.BuildAccept(buf, new FcsPortState(0x81, 0x01))];
            case GsConfigServerCommands.Gapnl: return buf[..Gapnl.BuildAccept(buf, [new FcsAttachedPort(new Wwn(0x2100_0000_0000_0000UL), 0, 0x01)])];
            default:
                return Reject(buf, h.Server, CtRejectReasons.CommandNotSupported, 0);
        }
    }

    private byte[] Wwn(byte[] buf, byte[] ctIu, Func<FakePort, Wwn> pick, Func<byte[], Wwn, int> build)
    {
        var id = FcId.Read(ctIu.AsSpan(17));
        var port = Ports.FirstOrDefault(p => p.Id == id);
        if (port is null) return Reject(buf, CtServer.NameServer, CtRejectReasons.UnableToPerform, CtReasonExplanations.PortIdNotRegistered);
        return buf[..build(buf, pick(port))];
    }

    public static byte[] Reject(byte[] buf, CtServer server, byte reason, byte explanation) => buf[..CtIu.BuildReject(buf, server, reason, explanation)];
}
