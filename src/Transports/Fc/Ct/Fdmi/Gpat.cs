using BsgKit.Fc.Codes;
using static BsgKit.Fc.Ct.CtIu;

namespace BsgKit.Fc.Ct.Fdmi;

/// <summary>GPAT, get port attributes: port name (8) → port attribute block @0.</summary>
public sealed class Gpat : ICtCommand<Wwn, IReadOnlyList<FdmiAttribute>>
{
    private Gpat() { }

    /// <inheritdoc/>
    public static CtServer Server => CtServer.Fdmi;
    /// <inheritdoc/>
    public static ushort CommandCode => Command;
    /// <inheritdoc/>
    public static int RequestCapacity => RequestLength;
    /// <inheritdoc/>
    public static int DefaultResponseBytes => DefaultMaxResponseBytes;

    public const ushort Command = GsFdmiCodes.Gpat;
    public const int RequestLength = FdmiCodec.IdentifierRequestLength;
    public const int DefaultMaxResponseBytes = P + 4096;
    /// <inheritdoc/>
    public static string Name { get; } = GsFdmiCodes.Commands.NameOf(Command);
    private static readonly string RequestName = Name + " request", AcceptName = Name + " accept";

    public static int BuildRequest(Span<byte> ctIu, Wwn portName, int maxResponseBytes = DefaultMaxResponseBytes) =>
        FdmiCodec.BuildIdentifierRequest(ctIu, Command, portName, maxResponseBytes, RequestName);

    public static Wwn ParseRequest(ReadOnlySpan<byte> ctIu) => FdmiCodec.ParseIdentifierRequest(ctIu, Command, RequestName);

    public static int BuildAccept(Span<byte> ctIu, IReadOnlyList<FdmiAttribute> attributes)
    {
        var length = P + FdmiCodec.BlockLength(attributes);
        WriteAcceptHeader(ctIu, CtServer.Fdmi, length, AcceptName);
        FdmiCodec.WriteBlock(ctIu[P..], attributes);
        return length;
    }

    public static IReadOnlyList<FdmiAttribute> ParseAccept(ReadOnlySpan<byte> ctIu) =>
        FdmiCodec.ReadBlock(OpenAccept(ctIu, AcceptName), P, FdmiAttributeScope.Port).Attributes;
}
