using BsgKit.Fc.Profiles;
using BsgKit.Fc.Codes;
using static BsgKit.Fc.Ct.CtIu;

namespace BsgKit.Fc.Ct.NameServer;

/// <summary>GPN_FT: FC-4 type and scope → 16-byte {control, port ID, reserved, WWPN} entries.</summary>
public sealed class GpnFt : ICtCommand<NsFc4TypeScope, NsPortNameList>
{
    private GpnFt() { }

    /// <inheritdoc/>
    public static CtServer Server => CtServer.NameServer;
    /// <inheritdoc/>
    public static ushort CommandCode => Command;
    /// <inheritdoc/>
    public static int RequestCapacity => RequestLength;
    /// <inheritdoc/>
    public static int DefaultResponseBytes => DefaultMaxResponseBytes;
    /// <inheritdoc/>
    public static int ResponseBytes(FcDriverProfile profile, int requested) => profile.ListResponseBytes(NsPortNameList.EntrySize, requested);

    /// <summary>The command code (CT_IU bytes 8–9), from the server's code table.</summary>
    public const ushort Command = GsNameServerCommands.GpnFt;
    /// <summary>Length of the request in bytes, CT_IU header included.</summary>
    public const int RequestLength = P + NsFc4TypeScope.Size;
    /// <summary>Response room asked for by default (ct_mr_size and din length), header included.</summary>
    public const int DefaultMaxResponseBytes = P + 2048 * NsPortNameList.EntrySize;
    /// <inheritdoc/>
    public static string Name { get; } = GsNameServerCommands.Table.NameOf(Command);
    private static readonly string RequestName = Name + " request", AcceptName = Name + " accept";

    /// <summary>Writes the request into the buffer (zero-filled where reserved) and returns its length.</summary>
    public static int BuildRequest(Span<byte> ctIu, NsFc4TypeScope scope, int maxResponseBytes = DefaultMaxResponseBytes) =>
        NsFc4TypeScope.Build(ctIu, Command, scope, maxResponseBytes, RequestName);

    /// <summary>Decodes a request (what the simulated server does); throws <see cref="BsgKit.Fc.Wire.FcWireFormatException"/> when it is malformed or carries another command.</summary>
    public static NsFc4TypeScope ParseRequest(ReadOnlySpan<byte> ctIu) => NsFc4TypeScope.Parse(ctIu, Command, RequestName);

    /// <summary>Writes the accept (what the simulated responder sends) and returns its length.</summary>
    public static int BuildAccept(Span<byte> ctIu, ReadOnlySpan<NsPortNameEntry> entries, bool markLast = true, ushort residualWords = 0) =>
        NsPortNameList.Build(ctIu, entries, markLast, residualWords, AcceptName);

    /// <summary>Decodes the accept; an FS_RJT throws <see cref="BsgKit.Fc.Ct.CtRejectedException"/>, anything malformed <see cref="BsgKit.Fc.Wire.FcWireFormatException"/>.</summary>
    public static NsPortNameList ParseAccept(ReadOnlySpan<byte> ctIu) => NsPortNameList.Parse(ctIu, AcceptName);
}
