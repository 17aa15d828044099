using BsgKit.Fc.Codes;
using static BsgKit.Fc.Ct.CtIu;

namespace BsgKit.Fc.Ct.NameServer;

/// <summary>GPT_ID: port ID object (4) → port type @0 (names in <see cref="PortTypes"/>), 3 reserved bytes.</summary>
public sealed class GptId : ICtCommand<FcId, byte>
{
    private GptId() { }

    /// <inheritdoc/>
    public static CtServer Server => CtServer.NameServer;
    /// <inheritdoc/>
    public static ushort CommandCode => Command;
    /// <inheritdoc/>
    public static int RequestCapacity => RequestLength;
    /// <inheritdoc/>
    public static int DefaultResponseBytes => AcceptLength;

    /// <summary>The command code (CT_IU bytes 8–9), from the server's code table.</summary>
    public const ushort Command = GsNameServerCommands.GptId;
    /// <summary>Length of the request in bytes, CT_IU header included.</summary>
    public const int RequestLength = NsCodec.PortIdRequestLength;
    /// <summary>Length of the accept in bytes, CT_IU header included.</summary>
    public const int AcceptLength = P + 4;
    /// <inheritdoc/>
    public static string Name { get; } = GsNameServerCommands.Table.NameOf(Command);
    private static readonly string RequestName = Name + " request", AcceptName = Name + " accept";

    /// <summary>Writes the request into the buffer (zero-filled where reserved) and returns its length.</summary>
    public static int BuildRequest(Span<byte> ctIu, FcId port, int maxResponseBytes = AcceptLength) =>
        NsCodec.BuildPortIdRequest(ctIu, Command, port, maxResponseBytes, RequestName);

    /// <summary>Decodes a request (what the simulated server does); throws <see cref="BsgKit.Fc.Wire.FcWireFormatException"/> when it is malformed or carries another command.</summary>
    public static FcId ParseRequest(ReadOnlySpan<byte> ctIu) => NsCodec.ParsePortIdRequest(ctIu, Command, RequestName);

    /// <summary>Writes the accept (what the simulated responder sends) and returns its length.</summary>
    public static int BuildAccept(Span<byte> ctIu, byte portType)
    {
        WriteAcceptHeader(ctIu, CtServer.NameServer, AcceptLength, AcceptName);
        ctIu[P] = portType;
        return AcceptLength;
    }

    /// <summary>Decodes the accept; an FS_RJT throws <see cref="BsgKit.Fc.Ct.CtRejectedException"/>, anything malformed <see cref="BsgKit.Fc.Wire.FcWireFormatException"/>.</summary>
    public static byte ParseAccept(ReadOnlySpan<byte> ctIu) => OpenAccept(ctIu, AcceptName).U8(P, "port type");
}
