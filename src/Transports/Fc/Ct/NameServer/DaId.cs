using BsgKit.Fc.Codes;
using static BsgKit.Fc.Ct.CtIu;

namespace BsgKit.Fc.Ct.NameServer;

/// <summary>DA_ID: deregister all objects of a port: port ID object @0 (4). Accepted with a bare header.</summary>
public static class DaId
{
    public const ushort Command = GsNameServerCommands.DaId;
    private const string RequestName = "DA_ID request", AcceptName = "DA_ID accept";

    public const int RequestLength = NsCodec.PortIdRequestLength;

    public static int BuildRequest(Span<byte> ctIu, FcId port) =>
        NsCodec.BuildPortIdRequest(ctIu, Command, port, P, RequestName);

    public static FcId ParseRequest(ReadOnlySpan<byte> ctIu) => NsCodec.ParsePortIdRequest(ctIu, Command, RequestName);

    public static int BuildAccept(Span<byte> ctIu) => NsCodec.BuildEmptyAccept(ctIu, AcceptName);

    public static CtIuHeader ParseAccept(ReadOnlySpan<byte> ctIu) => NsCodec.ParseEmptyAccept(ctIu, AcceptName);
}
