using BsgKit.Fc.Codes;
using static BsgKit.Fc.Ct.CtIu;

namespace BsgKit.Fc.Ct.NameServer;

/// <summary>GPT_ID: port ID object (4) → port type @0 (names in <see cref="PortTypes"/>), 3 reserved bytes.</summary>
public static class GptId
{
    public const ushort Command = GsNameServerCommands.GptId;
    public const int RequestLength = NsCodec.PortIdRequestLength;
    public const int AcceptLength = P + 4;
    private const string RequestName = "GPT_ID request", AcceptName = "GPT_ID accept";

    public static int BuildRequest(Span<byte> ctIu, FcId port, int maxResponseBytes = AcceptLength) =>
        NsCodec.BuildPortIdRequest(ctIu, Command, port, maxResponseBytes, RequestName);

    public static FcId ParseRequest(ReadOnlySpan<byte> ctIu) => NsCodec.ParsePortIdRequest(ctIu, Command, RequestName);

    public static int BuildAccept(Span<byte> ctIu, byte portType)
    {
        WriteAcceptHeader(ctIu, CtServer.NameServer, AcceptLength, AcceptName);
        ctIu[P] = portType;
        return AcceptLength;
    }

    public static byte ParseAccept(ReadOnlySpan<byte> ctIu) => OpenAccept(ctIu, AcceptName).U8(P, "port type");
}
