using BsgKit.Fc.Codes;
using static BsgKit.Fc.Ct.CtIu;

namespace BsgKit.Fc.Ct.NameServer;

/// <summary>GSNN_NN: WWNN (8) → symbolic node name (length @0, name @1, ≤ 255 bytes).</summary>
public sealed class GsnnNn : ICtCommand<Wwn, string>
{
    private GsnnNn() { }

    /// <inheritdoc/>
    public static CtServer Server => CtServer.NameServer;
    /// <inheritdoc/>
    public static ushort CommandCode => Command;
    /// <inheritdoc/>
    public static int RequestCapacity => RequestLength;
    /// <inheritdoc/>
    public static int DefaultResponseBytes => MaxAcceptLength;

    /// <summary>The command code (CT_IU bytes 8–9), from the server's code table.</summary>
    public const ushort Command = GsNameServerCommands.GsnnNn;
    /// <summary>Length of the request in bytes, CT_IU header included.</summary>
    public const int RequestLength = NsCodec.NameRequestLength;
    /// <summary>Room asked for the accept in bytes, header included; a longer one is cut by the responder.</summary>
    public const int MaxAcceptLength = P + 256;
    /// <inheritdoc/>
    public static string Name { get; } = GsNameServerCommands.Table.NameOf(Command);
    private static readonly string RequestName = Name + " request", AcceptName = Name + " accept";

    /// <summary>Writes the request into the buffer (zero-filled where reserved) and returns its length.</summary>
    public static int BuildRequest(Span<byte> ctIu, Wwn nodeName, int maxResponseBytes = MaxAcceptLength) =>
        NsCodec.BuildNameRequest(ctIu, Command, nodeName, maxResponseBytes, RequestName);

    /// <summary>Decodes a request (what the simulated server does); throws <see cref="BsgKit.Fc.Wire.FcWireFormatException"/> when it is malformed or carries another command.</summary>
    public static Wwn ParseRequest(ReadOnlySpan<byte> ctIu) => NsCodec.ParseNameRequest(ctIu, Command, RequestName);

    /// <summary>Writes the accept (what the simulated responder sends) and returns its length.</summary>
    public static int BuildAccept(Span<byte> ctIu, string symbolicNodeName) =>
        NsCodec.BuildSymbolicNameAccept(ctIu, symbolicNodeName, AcceptName);

    /// <summary>Decodes the accept; an FS_RJT throws <see cref="BsgKit.Fc.Ct.CtRejectedException"/>, anything malformed <see cref="BsgKit.Fc.Wire.FcWireFormatException"/>.</summary>
    public static string ParseAccept(ReadOnlySpan<byte> ctIu) => NsCodec.ParseSymbolicNameAccept(ctIu, AcceptName);
}
