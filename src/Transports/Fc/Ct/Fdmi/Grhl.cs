using BsgKit.Fc.Codes;
using static BsgKit.Fc.Ct.CtIu;

namespace BsgKit.Fc.Ct.Fdmi;

/// <summary>GRHL, get registered HBA list: no request payload → count u32 @0, HBA identifiers (8 each) from @4.</summary>
public static class Grhl
{
    public const ushort Command = GsFdmiCodes.Grhl;
    public const int RequestLength = P;
    public const int DefaultMaxResponseBytes = P + 4 + 8 * 256;
    private const string RequestName = "GRHL request", AcceptName = "GRHL accept";

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
