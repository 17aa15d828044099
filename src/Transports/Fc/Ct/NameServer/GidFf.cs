using BsgKit.Fc.Profiles;
using BsgKit.Fc.Codes;
using static BsgKit.Fc.Ct.CtIu;

namespace BsgKit.Fc.Ct.NameServer;

/// <summary>
/// The GID_FF request object: reserved @0, domain scope @1, area scope @2, reserved @3..5, FC-4 feature bits @6,
/// FC-4 type @7 (docs/reference/discovery.md §GID_FF; Wireshark packet-fcdns.c, dissect_fcdns_gidff).
/// A zero scope means the whole fabric.
/// </summary>
public readonly record struct NsFc4FeatureScope(byte Fc4Type, byte Features, byte DomainScope = 0, byte AreaScope = 0);

/// <summary>GID_FF: FC-4 type, feature bits and scope → IDs of the ports that registered all those bits for the type; last entry flagged 0x80.</summary>
public sealed class GidFf : ICtCommand<NsFc4FeatureScope, NsPortIdList>
{
    private GidFf() { }

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
    public const ushort Command = GsNameServerCommands.GidFf;
    /// <summary>Length of the request in bytes, CT_IU header included.</summary>
    public const int RequestLength = P + 8;
    /// <summary>Room for 2048 ports, as GID_FT.</summary>
    public const int DefaultMaxResponseBytes = P + 2048 * NsPortIdList.EntrySize;
    /// <inheritdoc/>
    public static string Name { get; } = GsNameServerCommands.Table.NameOf(Command);
    private static readonly string RequestName = Name + " request", AcceptName = Name + " accept";

    /// <summary>Writes the request into the buffer (zero-filled where reserved) and returns its length.</summary>
    public static int BuildRequest(Span<byte> ctIu, NsFc4FeatureScope scope, int maxResponseBytes = DefaultMaxResponseBytes)
    {
        WriteRequestHeader(ctIu, CtServer.NameServer, Command, maxResponseBytes, RequestLength, RequestName);
        ctIu[P + 1] = scope.DomainScope;
        ctIu[P + 2] = scope.AreaScope;
        ctIu[P + 6] = scope.Features;
        ctIu[P + 7] = scope.Fc4Type;
        return RequestLength;
    }

    /// <summary>Decodes a request (what the simulated server does); throws <see cref="BsgKit.Fc.Wire.FcWireFormatException"/> when it is malformed or carries another command.</summary>
    public static NsFc4FeatureScope ParseRequest(ReadOnlySpan<byte> ctIu)
    {
        var r = OpenRequest(ctIu, Command, RequestName);
        return new NsFc4FeatureScope(r.U8(P + 7, "FC-4 type"), r.U8(P + 6, "FC-4 features"), r.U8(P + 1, "domain scope"), r.U8(P + 2, "area scope"));
    }

    /// <summary>Writes the accept (what the simulated responder sends) and returns its length.</summary>
    public static int BuildAccept(Span<byte> ctIu, ReadOnlySpan<FcId> ports, bool markLast = true, ushort residualWords = 0) =>
        NsPortIdList.Build(ctIu, ports, markLast, residualWords, AcceptName);

    /// <summary>Decodes the accept; an FS_RJT throws <see cref="BsgKit.Fc.Ct.CtRejectedException"/>, anything malformed <see cref="BsgKit.Fc.Wire.FcWireFormatException"/>.</summary>
    public static NsPortIdList ParseAccept(ReadOnlySpan<byte> ctIu) => NsPortIdList.Parse(ctIu, AcceptName);
}
