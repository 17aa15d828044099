using BsgKit.Fc.Codes;
using static BsgKit.Fc.Ct.CtIu;

namespace BsgKit.Fc.Ct.NameServer;

/// <summary>GSNN_NN: WWNN (8) → symbolic node name (length @0, name @1, ≤ 255 bytes).</summary>
public static class GsnnNn
{
    public const ushort Command = GsNameServerCommands.GsnnNn;
    public const int RequestLength = NsCodec.NameRequestLength;
    public const int MaxAcceptLength = P + 256;
    private const string RequestName = "GSNN_NN request", AcceptName = "GSNN_NN accept";

    public static int BuildRequest(Span<byte> ctIu, Wwn nodeName, int maxResponseBytes = MaxAcceptLength) =>
        NsCodec.BuildNameRequest(ctIu, Command, nodeName, maxResponseBytes, RequestName);

    public static Wwn ParseRequest(ReadOnlySpan<byte> ctIu) => NsCodec.ParseNameRequest(ctIu, Command, RequestName);

    public static int BuildAccept(Span<byte> ctIu, string symbolicNodeName) =>
        NsCodec.BuildSymbolicNameAccept(ctIu, symbolicNodeName, AcceptName);

    public static string ParseAccept(ReadOnlySpan<byte> ctIu) => NsCodec.ParseSymbolicNameAccept(ctIu, AcceptName);
}
