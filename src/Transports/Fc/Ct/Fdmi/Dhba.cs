using BsgKit.Fc.Codes;

namespace BsgKit.Fc.Ct.Fdmi;

/// <summary>DHBA, deregister HBA: identifier @0 (8). Bare accept.</summary>
public sealed class Dhba : ICtCommand<Wwn, CtIuHeader>
{
    private Dhba() { }

    /// <inheritdoc/>
    public static CtServer Server => CtServer.Fdmi;
    /// <inheritdoc/>
    public static ushort CommandCode => Command;
    /// <inheritdoc/>
    public static int RequestCapacity => RequestLength;
    /// <inheritdoc/>
    public static int DefaultResponseBytes => FdmiCodec.EmptyAcceptLength;
    static int ICtCommand<Wwn, CtIuHeader>.BuildRequest(Span<byte> ctIu, Wwn argument, int maxResponseBytes) => BuildRequest(ctIu, argument);

    /// <summary>The command code (CT_IU bytes 8–9), from the server's code table.</summary>
    public const ushort Command = GsFdmiCodes.Dhba;
    /// <summary>Length of the request in bytes, CT_IU header included.</summary>
    public const int RequestLength = FdmiCodec.IdentifierRequestLength;
    /// <inheritdoc/>
    public static string Name { get; } = GsFdmiCodes.Commands.NameOf(Command);
    private static readonly string RequestName = Name + " request", AcceptName = Name + " accept";

    /// <summary>Writes the request into the buffer (zero-filled where reserved) and returns its length.</summary>
    public static int BuildRequest(Span<byte> ctIu, Wwn hbaIdentifier) =>
        FdmiCodec.BuildIdentifierRequest(ctIu, Command, hbaIdentifier, CtIuHeader.Size, RequestName);

    /// <summary>Decodes a request (what the simulated server does); throws <see cref="BsgKit.Fc.Wire.FcWireFormatException"/> when it is malformed or carries another command.</summary>
    public static Wwn ParseRequest(ReadOnlySpan<byte> ctIu) => FdmiCodec.ParseIdentifierRequest(ctIu, Command, RequestName);

    /// <summary>Writes the accept (what the simulated responder sends) and returns its length.</summary>
    public static int BuildAccept(Span<byte> ctIu) => FdmiCodec.BuildEmptyAccept(ctIu, AcceptName);

    /// <summary>Decodes the accept; an FS_RJT throws <see cref="BsgKit.Fc.Ct.CtRejectedException"/>, anything malformed <see cref="BsgKit.Fc.Wire.FcWireFormatException"/>.</summary>
    public static CtIuHeader ParseAccept(ReadOnlySpan<byte> ctIu) => FdmiCodec.ParseEmptyAccept(ctIu, AcceptName);
}
