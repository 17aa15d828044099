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

    /// <summary>The command code (CT_IU bytes 8–9), from the server's code table.</summary>
    public const ushort Command = GsNameServerCommands.GidPt;
    /// <summary>Length of the request in bytes, CT_IU header included.</summary>
    public const int RequestLength = P + 4;
    /// <summary>Response room asked for by default (ct_mr_size and din length), header included.</summary>
    public const int DefaultMaxResponseBytes = P + 2048 * NsPortIdList.EntrySize;
    /// <inheritdoc/>
    public static string Name { get; } = GsNameServerCommands.Table.NameOf(Command);
    private static readonly string RequestName = Name + " request", AcceptName = Name + " accept";

    /// <summary>Writes the request into the buffer (zero-filled where reserved) and returns its length.</summary>
    public static int BuildRequest(Span<byte> ctIu, NsPortTypeScope scope, int maxResponseBytes = DefaultMaxResponseBytes)
    {
        WriteRequestHeader(ctIu, CtServer.NameServer, Command, maxResponseBytes, RequestLength, RequestName);
        ctIu[P] = scope.PortType;
        ctIu[P + 1] = scope.DomainScope;
        ctIu[P + 2] = scope.AreaScope;
        return RequestLength;
    }

    /// <summary>Decodes a request (what the simulated server does); throws <see cref="BsgKit.Fc.Wire.FcWireFormatException"/> when it is malformed or carries another command.</summary>
    public static NsPortTypeScope ParseRequest(ReadOnlySpan<byte> ctIu)
    {
        var r = OpenRequest(ctIu, Command, RequestName);
        return new NsPortTypeScope(r.U8(P, "port type"), r.U8(P + 1, "domain scope"), r.U8(P + 2, "area scope"));
    }

    /// <summary>Writes the accept (what the simulated responder sends) and returns its length.</summary>
    public static int BuildAccept(Span<byte> ctIu, ReadOnlySpan<FcId> ports, bool markLast = true, ushort residualWords = 0) =>
        NsPortIdList.Build(ctIu, ports, markLast, residualWords, AcceptName);

    /// <summary>Decodes the accept; an FS_RJT throws <see cref="BsgKit.Fc.Ct.CtRejectedException"/>, anything malformed <see cref="BsgKit.Fc.Wire.FcWireFormatException"/>.</summary>
    public static NsPortIdList ParseAccept(ReadOnlySpan<byte> ctIu) => NsPortIdList.Parse(ctIu, AcceptName);
}
