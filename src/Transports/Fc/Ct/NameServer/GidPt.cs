using BsgKit.Fc.Codes;
using static BsgKit.Fc.Ct.CtIu;

namespace BsgKit.Fc.Ct.NameServer;

/// <summary>The GID_PT request object (fc_ns_gid_pt): port type @0, domain scope @1, area scope @2, reserved @3.</summary>
public readonly record struct NsPortTypeScope(byte PortType, byte DomainScope = 0, byte AreaScope = 0);

/// <summary>GID_PT: port type and scope → port IDs, last entry flagged 0x80.</summary>
public static class GidPt
{
    public const ushort Command = GsNameServerCommands.GidPt;
    public const int RequestLength = P + 4;
    public const int DefaultMaxResponseBytes = P + 2048 * NsPortIdList.EntrySize;
    private const string RequestName = "GID_PT request", AcceptName = "GID_PT accept";

    public static int BuildRequest(Span<byte> ctIu, NsPortTypeScope scope, int maxResponseBytes = DefaultMaxResponseBytes)
    {
        WriteRequestHeader(ctIu, CtServer.NameServer, Command, maxResponseBytes, RequestLength, RequestName);
        ctIu[P] = scope.PortType;
        ctIu[P + 1] = scope.DomainScope;
        ctIu[P + 2] = scope.AreaScope;
        return RequestLength;
    }

    public static NsPortTypeScope ParseRequest(ReadOnlySpan<byte> ctIu)
    {
        var r = OpenRequest(ctIu, Command, RequestName);
        return new NsPortTypeScope(r.U8(P, "port type"), r.U8(P + 1, "domain scope"), r.U8(P + 2, "area scope"));
    }

    public static int BuildAccept(Span<byte> ctIu, ReadOnlySpan<FcId> ports, bool markLast = true, ushort residualWords = 0) =>
        NsPortIdList.Build(ctIu, ports, markLast, residualWords, AcceptName);

    public static NsPortIdList ParseAccept(ReadOnlySpan<byte> ctIu) => NsPortIdList.Parse(ctIu, AcceptName);
}
