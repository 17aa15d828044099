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

    public const ushort Command = GsFdmiCodes.Grpl;
    public const int RequestLength = FdmiCodec.IdentifierRequestLength;
    public const int DefaultMaxResponseBytes = P + 4 + 8 * 64;
    /// <inheritdoc/>
    public static string Name { get; } = GsFdmiCodes.Commands.NameOf(Command);
    private static readonly string RequestName = Name + " request", AcceptName = Name + " accept";

    public static int BuildRequest(Span<byte> ctIu, Wwn hbaIdentifier, int maxResponseBytes = DefaultMaxResponseBytes) =>
        FdmiCodec.BuildIdentifierRequest(ctIu, Command, hbaIdentifier, maxResponseBytes, RequestName);

    public static Wwn ParseRequest(ReadOnlySpan<byte> ctIu) => FdmiCodec.ParseIdentifierRequest(ctIu, Command, RequestName);

    public static int BuildAccept(Span<byte> ctIu, IReadOnlyList<Wwn> ports)
    {
        var length = P + FdmiCodec.PortListLength(ports);
        WriteAcceptHeader(ctIu, CtServer.Fdmi, length, AcceptName);
        FdmiCodec.WritePortList(ctIu[P..], ports);
        return length;
    }

    public static IReadOnlyList<Wwn> ParseAccept(ReadOnlySpan<byte> ctIu) =>
        FdmiCodec.ReadPortList(OpenAccept(ctIu, AcceptName), P, "port").Ports;
}
