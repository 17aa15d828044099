using BsgKit.Fc.Codes;
using static BsgKit.Fc.Ct.CtIu;

namespace BsgKit.Fc.Ct.Fdmi;

/// <summary>GPAT, get port attributes: port name (8) → port attribute block @0.</summary>
public static class Gpat
{
    public const ushort Command = GsFdmiCodes.Gpat;
    public const int RequestLength = FdmiCodec.IdentifierRequestLength;
    public const int DefaultMaxResponseBytes = P + 4096;
    private const string RequestName = "GPAT request", AcceptName = "GPAT accept";

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
