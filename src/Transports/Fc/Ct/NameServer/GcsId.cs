using BsgKit.Fc.Codes;
using static BsgKit.Fc.Ct.CtIu;

namespace BsgKit.Fc.Ct.NameServer;

/// <summary>GCS_ID: port ID object (4) → class of service bitmask (be32; names in <see cref="ClassOfService"/>).</summary>
public static class GcsId
{
    public const ushort Command = GsNameServerCommands.GcsId;
    public const int RequestLength = NsCodec.PortIdRequestLength;
    public const int AcceptLength = P + 4;
    private const string RequestName = "GCS_ID request", AcceptName = "GCS_ID accept";

    public static int BuildRequest(Span<byte> ctIu, FcId port, int maxResponseBytes = AcceptLength) =>
        NsCodec.BuildPortIdRequest(ctIu, Command, port, maxResponseBytes, RequestName);

    public static FcId ParseRequest(ReadOnlySpan<byte> ctIu) => NsCodec.ParsePortIdRequest(ctIu, Command, RequestName);

    public static int BuildAccept(Span<byte> ctIu, uint classOfService)
    {
        WriteAcceptHeader(ctIu, CtServer.NameServer, AcceptLength, AcceptName);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(ctIu[P..], classOfService);
        return AcceptLength;
    }

    public static uint ParseAccept(ReadOnlySpan<byte> ctIu) => OpenAccept(ctIu, AcceptName).U32(P, "class of service");
}
