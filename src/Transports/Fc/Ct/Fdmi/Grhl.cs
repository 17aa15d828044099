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

    public const ushort Command = GsFdmiCodes.Grhl;
    public const int RequestLength = P;
    public const int DefaultMaxResponseBytes = P + 4 + 8 * 256;
    /// <inheritdoc/>
    public static string Name { get; } = GsFdmiCodes.Commands.NameOf(Command);
    private static readonly string RequestName = Name + " request", AcceptName = Name + " accept";

    public static int BuildRequest(Span<byte> ctIu, int maxResponseBytes = DefaultMaxResponseBytes)
    {
        WriteRequestHeader(ctIu, CtServer.Fdmi, Command, maxResponseBytes, RequestLength, RequestName);
        return RequestLength;
    }

    public static void ParseRequest(ReadOnlySpan<byte> ctIu) => OpenRequest(ctIu, Command, RequestName);

    public static int BuildAccept(Span<byte> ctIu, IReadOnlyList<Wwn> hbaIdentifiers)
    {
        var length = P + FdmiCodec.PortListLength(hbaIdentifiers);
        WriteAcceptHeader(ctIu, CtServer.Fdmi, length, AcceptName);
        FdmiCodec.WritePortList(ctIu[P..], hbaIdentifiers);
        return length;
    }

    public static IReadOnlyList<Wwn> ParseAccept(ReadOnlySpan<byte> ctIu) =>
        FdmiCodec.ReadPortList(OpenAccept(ctIu, AcceptName), P, "HBA identifier").Ports;
}
