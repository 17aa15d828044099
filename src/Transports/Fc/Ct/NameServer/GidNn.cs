using BsgKit.Fc.Profiles;
using BsgKit.Fc.Codes;
using static BsgKit.Fc.Ct.CtIu;

namespace BsgKit.Fc.Ct.NameServer;

/// <summary>GID_NN: WWNN (8) → list of {control, port ID} entries, last one flagged 0x80.</summary>
public sealed class GidNn : ICtCommand<Wwn, NsPortIdList>
{
    private GidNn() { }

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
    public const ushort Command = GsNameServerCommands.GidNn;
    /// <summary>Length of the request in bytes, CT_IU header included.</summary>
    public const int RequestLength = NsCodec.NameRequestLength;
    /// <summary>Response room asked for by default (ct_mr_size and din length), header included.</summary>
    public const int DefaultMaxResponseBytes = P + 64 * NsPortIdList.EntrySize;
    /// <inheritdoc/>
    public static string Name { get; } = GsNameServerCommands.Table.NameOf(Command);
    private static readonly string RequestName = Name + " request", AcceptName = Name + " accept";

    /// <summary>Writes the request into the buffer (zero-filled where reserved) and returns its length.</summary>
    public static int BuildRequest(Span<byte> ctIu, Wwn nodeName, int maxResponseBytes = DefaultMaxResponseBytes) =>
        NsCodec.BuildNameRequest(ctIu, Command, nodeName, maxResponseBytes, RequestName);

    /// <summary>Decodes a request (what the simulated server does); throws <see cref="BsgKit.Fc.Wire.FcWireFormatException"/> when it is malformed or carries another command.</summary>
    public static Wwn ParseRequest(ReadOnlySpan<byte> ctIu) => NsCodec.ParseNameRequest(ctIu, Command, RequestName);

    /// <summary>Writes the accept (what the simulated responder sends) and returns its length.</summary>
    public static int BuildAccept(Span<byte> ctIu, ReadOnlySpan<FcId> ports, bool markLast = true, ushort residualWords = 0) =>
        NsPortIdList.Build(ctIu, ports, markLast, residualWords, AcceptName);

    /// <summary>Decodes the accept; an FS_RJT throws <see cref="BsgKit.Fc.Ct.CtRejectedException"/>, anything malformed <see cref="BsgKit.Fc.Wire.FcWireFormatException"/>.</summary>
    public static NsPortIdList ParseAccept(ReadOnlySpan<byte> ctIu) => NsPortIdList.Parse(ctIu, AcceptName);
}
