using BsgKit.Fc.Profiles;
using BsgKit.Fc.Codes;
using static BsgKit.Fc.Ct.CtIu;

namespace BsgKit.Fc.Ct.NameServer;

/// <summary>The GID_PT request object (fc_ns_gid_pt): port type @0, domain scope @1, area scope @2, reserved @3.</summary>
public readonly record struct NsPortTypeScope(byte PortType, byte DomainScope = 0, byte AreaScope = 0);

/// <summary>GID_PT: port type and scope → port IDs, last entry flagged 0x80.</summary>
public sealed class GidPt : ICtCommand<NsPortTypeScope, NsPortIdList>
{
    private GidPt() { }

    /// <inheritdoc/>
    public static CtServer Server => CtServer.NameServer;
    /// <inheritdoc/>
    public static ushort CommandCode => Command;
    /// <inheritdoc/>
    public static int RequestCapacity => RequestLength;
    /// <inheritdoc/>
    public static int DefaultResponseBytes => DefaultMaxResponseBytes;
    /// <inheritdoc/>
    public static int ResponseBytes(FcDriverProfile profile, int requested) => profile.ListResponseBytes(NsPortIdList.EntrySize, requested);

    public const ushort Command = GsNameServerCommands.GidPt;
    public const int RequestLength = P + 4;
    public const int DefaultMaxResponseBytes = P + 2048 * NsPortIdList.EntrySize;
    /// <inheritdoc/>
    public static string Name { get; } = GsNameServerCommands.Table.NameOf(Command);
    private static readonly string RequestName = Name + " request", AcceptName = Name + " accept";

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
