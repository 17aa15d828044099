using BsgKit.Fc.Codes;
using static BsgKit.Fc.Ct.CtIu;

namespace BsgKit.Fc.Ct.Fdmi;

/// <summary>GRHL, get registered HBA list: no request payload → count u32 @0, HBA identifiers (8 each) from @4.</summary>
public sealed class Grhl : ICtCommand<NoArgument, IReadOnlyList<Wwn>>
{
    private Grhl() { }

    /// <inheritdoc/>
    public static CtServer Server => CtServer.Fdmi;
    /// <inheritdoc/>
    public static ushort CommandCode => Command;
    /// <inheritdoc/>
    public static int RequestCapacity => RequestLength;
    /// <inheritdoc/>
    public static int DefaultResponseBytes => DefaultMaxResponseBytes;
    static int ICtCommand<NoArgument, IReadOnlyList<Wwn>>.BuildRequest(Span<byte> ctIu, NoArgument argument, int maxResponseBytes) => BuildRequest(ctIu, maxResponseBytes);

    /// <summary>The command code (CT_IU bytes 8–9), from the server's code table.</summary>
    public const ushort Command = GsFdmiCodes.Grhl;
    /// <summary>Length of the request in bytes, CT_IU header included.</summary>
    public const int RequestLength = P;
    /// <summary>Response room asked for by default (ct_mr_size and din length), header included.</summary>
    public const int DefaultMaxResponseBytes = P + 4 + 8 * 256;
    /// <inheritdoc/>
    public static string Name { get; } = GsFdmiCodes.Commands.NameOf(Command);
    private static readonly string RequestName = Name + " request", AcceptName = Name + " accept";

    /// <summary>Writes the request into the buffer (zero-filled where reserved) and returns its length.</summary>
    public static int BuildRequest(Span<byte> ctIu, int maxResponseBytes = DefaultMaxResponseBytes)
    {
        WriteRequestHeader(ctIu, CtServer.Fdmi, Command, maxResponseBytes, RequestLength, RequestName);
        return RequestLength;
    }

    /// <summary>Decodes a request (what the simulated server does); throws <see cref="BsgKit.Fc.Wire.FcWireFormatException"/> when it is malformed or carries another command.</summary>
    public static void ParseRequest(ReadOnlySpan<byte> ctIu) => OpenRequest(ctIu, Command, RequestName);

    /// <summary>Writes the accept (what the simulated responder sends) and returns its length.</summary>
    public static int BuildAccept(Span<byte> ctIu, IReadOnlyList<Wwn> hbaIdentifiers)
    {
        var length = P + FdmiCodec.PortListLength(hbaIdentifiers);
        WriteAcceptHeader(ctIu, CtServer.Fdmi, length, AcceptName);
        FdmiCodec.WritePortList(ctIu[P..], hbaIdentifiers);
        return length;
    }

    /// <summary>Decodes the accept; an FS_RJT throws <see cref="BsgKit.Fc.Ct.CtRejectedException"/>, anything malformed <see cref="BsgKit.Fc.Wire.FcWireFormatException"/>.</summary>
    public static IReadOnlyList<Wwn> ParseAccept(ReadOnlySpan<byte> ctIu) =>
        FdmiCodec.ReadPortList(OpenAccept(ctIu, AcceptName), P, "HBA identifier").Ports;
}
