using BsgKit.Fc.Codes;
using static BsgKit.Fc.Ct.CtIu;

namespace BsgKit.Fc.Ct.NameServer;

/// <summary>GFT_ID: port ID object (4) → FC-4 types bitmap (32).</summary>
public static class GftId
{
    public const ushort Command = GsNameServerCommands.GftId;
    public const int RequestLength = NsCodec.PortIdRequestLength;
    public const int AcceptLength = P + Fc4TypeSet.Size;
    private const string RequestName = "GFT_ID request", AcceptName = "GFT_ID accept";

    public static int BuildRequest(Span<byte> ctIu, FcId port, int maxResponseBytes = AcceptLength) =>
        NsCodec.BuildPortIdRequest(ctIu, Command, port, maxResponseBytes, RequestName);

    public static FcId ParseRequest(ReadOnlySpan<byte> ctIu) => NsCodec.ParsePortIdRequest(ctIu, Command, RequestName);

    public static int BuildAccept(Span<byte> ctIu, Fc4TypeSet types)
    {
        WriteAcceptHeader(ctIu, CtServer.NameServer, AcceptLength, AcceptName);
        types.Write(ctIu[P..]);
        return AcceptLength;
    }

    public static Fc4TypeSet ParseAccept(ReadOnlySpan<byte> ctIu) =>
        Fc4TypeSet.Read(OpenAccept(ctIu, AcceptName).Bytes(P, Fc4TypeSet.Size, "FC-4 types"));
}
