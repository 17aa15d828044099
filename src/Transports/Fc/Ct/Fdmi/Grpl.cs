using BsgKit.Fc.Codes;
using static BsgKit.Fc.Ct.CtIu;

namespace BsgKit.Fc.Ct.Fdmi;

/// <summary>GRPL, get registered port list: HBA identifier (8) → count u32 @0, port names (8 each) from @4.</summary>
public static class Grpl
{
    public const ushort Command = GsFdmiCodes.Grpl;
    public const int RequestLength = FdmiCodec.IdentifierRequestLength;
    public const int DefaultMaxResponseBytes = P + 4 + 8 * 64;
    private const string RequestName = "GRPL request", AcceptName = "GRPL accept";

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
