using BsgKit.Fc.Profiles;
using BsgKit.Fc.Codes;
using static BsgKit.Fc.Ct.CtIu;

namespace BsgKit.Fc.Ct.NameServer;

/// <summary>The GID_FT / GPN_FT / GNN_FT request object (fc_ns_gid_ft): reserved @0, domain scope @1,
/// area scope @2, FC-4 type @3. A zero scope means the whole fabric.</summary>
public readonly record struct NsFc4TypeScope(byte Fc4Type, byte DomainScope = 0, byte AreaScope = 0)
{
    internal const int Size = 4;

    internal static int Build(Span<byte> ctIu, ushort command, NsFc4TypeScope scope, int maxResponseBytes, string message)
    {
        WriteRequestHeader(ctIu, CtServer.NameServer, command, maxResponseBytes, P + Size, message);
        ctIu[P + 1] = scope.DomainScope;
        ctIu[P + 2] = scope.AreaScope;
        ctIu[P + 3] = scope.Fc4Type;
        return P + Size;
    }

    internal static NsFc4TypeScope Parse(ReadOnlySpan<byte> ctIu, ushort command, string message)
    {
        var r = OpenRequest(ctIu, command, message);
        return new NsFc4TypeScope(r.U8(P + 3, "FC-4 type"), r.U8(P + 1, "domain scope"), r.U8(P + 2, "area scope"));
    }
}

/// <summary>GID_FT: FC-4 type and scope → port IDs, last entry flagged 0x80.</summary>
public sealed class GidFt : ICtCommand<NsFc4TypeScope, NsPortIdList>
{
    private GidFt() { }

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
    public const ushort Command = GsNameServerCommands.GidFt;
    /// <summary>Length of the request in bytes, CT_IU header included.</summary>
    public const int RequestLength = P + NsFc4TypeScope.Size;
    /// <summary>Room for 2048 ports (qla2xxx MAX_FIBRE_DEVICES_2400).</summary>
    public const int DefaultMaxResponseBytes = P + 2048 * NsPortIdList.EntrySize;
    /// <inheritdoc/>
    public static string Name { get; } = GsNameServerCommands.Table.NameOf(Command);
    private static readonly string RequestName = Name + " request", AcceptName = Name + " accept";

    /// <summary>Writes the request into the buffer (zero-filled where reserved) and returns its length.</summary>
    public static int BuildRequest(Span<byte> ctIu, NsFc4TypeScope scope, int maxResponseBytes = DefaultMaxResponseBytes) =>
        NsFc4TypeScope.Build(ctIu, Command, scope, maxResponseBytes, RequestName);

    /// <summary>Decodes a request (what the simulated server does); throws <see cref="BsgKit.Fc.Wire.FcWireFormatException"/> when it is malformed or carries another command.</summary>
    public static NsFc4TypeScope ParseRequest(ReadOnlySpan<byte> ctIu) => NsFc4TypeScope.Parse(ctIu, Command, RequestName);

    /// <summary>Writes the accept (what the simulated responder sends) and returns its length.</summary>
    public static int BuildAccept(Span<byte> ctIu, ReadOnlySpan<FcId> ports, bool markLast = true, ushort residualWords = 0) =>
        NsPortIdList.Build(ctIu, ports, markLast, residualWords, AcceptName);

    /// <summary>Decodes the accept; an FS_RJT throws <see cref="BsgKit.Fc.Ct.CtRejectedException"/>, anything malformed <see cref="BsgKit.Fc.Wire.FcWireFormatException"/>.</summary>
    public static NsPortIdList ParseAccept(ReadOnlySpan<byte> ctIu) => NsPortIdList.Parse(ctIu, AcceptName);
}
