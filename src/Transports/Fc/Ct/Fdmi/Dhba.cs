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

    public const ushort Command = GsFdmiCodes.Dhba;
    public const int RequestLength = FdmiCodec.IdentifierRequestLength;
    /// <inheritdoc/>
    public static string Name { get; } = GsFdmiCodes.Commands.NameOf(Command);
    private static readonly string RequestName = Name + " request", AcceptName = Name + " accept";

    public static int BuildRequest(Span<byte> ctIu, Wwn hbaIdentifier) =>
        FdmiCodec.BuildIdentifierRequest(ctIu, Command, hbaIdentifier, CtIuHeader.Size, RequestName);

    public static Wwn ParseRequest(ReadOnlySpan<byte> ctIu) => FdmiCodec.ParseIdentifierRequest(ctIu, Command, RequestName);

    public static int BuildAccept(Span<byte> ctIu) => FdmiCodec.BuildEmptyAccept(ctIu, AcceptName);

    public static CtIuHeader ParseAccept(ReadOnlySpan<byte> ctIu) => FdmiCodec.ParseEmptyAccept(ctIu, AcceptName);
}
