using BsgKit.Fc.Codes;
using static BsgKit.Fc.Ct.CtIu;

namespace BsgKit.Fc.Ct.Fdmi;

/// <summary>GRPL, get registered port list: HBA identifier (8) → count u32 @0, port names (8 each) from @4.</summary>
public sealed class Grpl : ICtCommand<Wwn, IReadOnlyList<Wwn>>
{
    private Grpl() { }

    /// <inheritdoc/>
    public static CtServer Server => CtServer.Fdmi;
    /// <inheritdoc/>
    public static ushort CommandCode => Command;
    /// <inheritdoc/>
    public static int RequestCapacity => RequestLength;
    /// <inheritdoc/>
    public static int DefaultResponseBytes => DefaultMaxResponseBytes;

    /// <summary>The command code (CT_IU bytes 8–9), from the server's code table.</summary>
    public const ushort Command = GsFdmiCodes.Grpl;
    /// <summary>Length of the request in bytes, CT_IU header included.</summary>
    public const int RequestLength = FdmiCodec.IdentifierRequestLength;
    /// <summary>Response room asked for by default (ct_mr_size and din length), header included.</summary>
    public const int DefaultMaxResponseBytes = P + 4 + 8 * 64;
    /// <inheritdoc/>
    public static string Name { get; } = GsFdmiCodes.Commands.NameOf(Command);
    private static readonly string RequestName = Name + " request", AcceptName = Name + " accept";

    /// <summary>Writes the request into the buffer (zero-filled where reserved) and returns its length.</summary>
    public static int BuildRequest(Span<byte> ctIu, Wwn hbaIdentifier, int maxResponseBytes = DefaultMaxResponseBytes) =>
        FdmiCodec.BuildIdentifierRequest(ctIu, Command, hbaIdentifier, maxResponseBytes, RequestName);

    /// <summary>Decodes a request (what the simulated server does); throws <see cref="BsgKit.Fc.Wire.FcWireFormatException"/> when it is malformed or carries another command.</summary>
    public static Wwn ParseRequest(ReadOnlySpan<byte> ctIu) => FdmiCodec.ParseIdentifierRequest(ctIu, Command, RequestName);

    /// <summary>Writes the accept (what the simulated responder sends) and returns its length.</summary>
    public static int BuildAccept(Span<byte> ctIu, IReadOnlyList<Wwn> ports)
    {
        var length = P + FdmiCodec.PortListLength(ports);
        WriteAcceptHeader(ctIu, CtServer.Fdmi, length, AcceptName);
        FdmiCodec.WritePortList(ctIu[P..], ports);
        return length;
    }

    /// <summary>Decodes the accept; an FS_RJT throws <see cref="BsgKit.Fc.Ct.CtRejectedException"/>, anything malformed <see cref="BsgKit.Fc.Wire.FcWireFormatException"/>.</summary>
    public static IReadOnlyList<Wwn> ParseAccept(ReadOnlySpan<byte> ctIu) =>
        FdmiCodec.ReadPortList(OpenAccept(ctIu, AcceptName), P, "port").Ports;
}
