using BsgKit.Fc.Codes;
using static BsgKit.Fc.Ct.CtIu;

namespace BsgKit.Fc.Ct.NameServer;

/// <summary>GSPN_ID: port ID object (4) → symbolic port name (length @0, name @1, ≤ 255 bytes).</summary>
public static class GspnId
{
    public const ushort Command = GsNameServerCommands.GspnId;
    public const int RequestLength = NsCodec.PortIdRequestLength;
    public const int MaxAcceptLength = P + 256;
    private const string RequestName = "GSPN_ID request", AcceptName = "GSPN_ID accept";

    public static int BuildRequest(Span<byte> ctIu, FcId port, int maxResponseBytes = MaxAcceptLength) =>
        NsCodec.BuildPortIdRequest(ctIu, Command, port, maxResponseBytes, RequestName);

    public static FcId ParseRequest(ReadOnlySpan<byte> ctIu) => NsCodec.ParsePortIdRequest(ctIu, Command, RequestName);

    public static int BuildAccept(Span<byte> ctIu, string symbolicPortName) =>
        NsCodec.BuildSymbolicNameAccept(ctIu, symbolicPortName, AcceptName);

    public static string ParseAccept(ReadOnlySpan<byte> ctIu) => NsCodec.ParseSymbolicNameAccept(ctIu, AcceptName);
}
