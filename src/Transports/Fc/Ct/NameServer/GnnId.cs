using BsgKit.Fc.Codes;

namespace BsgKit.Fc.Ct.NameServer;

/// <summary>GNN_ID: port ID object (4) → WWNN (8).</summary>
public static class GnnId
{
    public const ushort Command = GsNameServerCommands.GnnId;
    public const int RequestLength = NsCodec.PortIdRequestLength;
    public const int AcceptLength = CtIuHeader.Size + 8;
    private const string RequestName = "GNN_ID request", AcceptName = "GNN_ID accept";

    public static int BuildRequest(Span<byte> ctIu, FcId port, int maxResponseBytes = AcceptLength) =>
        NsCodec.BuildPortIdRequest(ctIu, Command, port, maxResponseBytes, RequestName);

    public static FcId ParseRequest(ReadOnlySpan<byte> ctIu) => NsCodec.ParsePortIdRequest(ctIu, Command, RequestName);

    public static int BuildAccept(Span<byte> ctIu, Wwn name) => NsCodec.BuildWwnAccept(ctIu, name, AcceptName);

    public static Wwn ParseAccept(ReadOnlySpan<byte> ctIu) => NsCodec.ParseWwnAccept(ctIu, AcceptName);
}
