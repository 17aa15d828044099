using BsgKit.Fc.Codes;
using static BsgKit.Fc.Ct.CtIu;

namespace BsgKit.Fc.Ct.NameServer;

/// <summary>RFF_ID: register FC-4 features (fc_ns_rff_id, 8): port ID object @0, reserved @4 (2), features @6, FC-4 type @7. Accepted with a bare header.</summary>
public static class RffId
{
    public const ushort Command = GsNameServerCommands.RffId;
    private const string RequestName = "RFF_ID request", AcceptName = "RFF_ID accept";

    public const int RequestLength = P + 8;

    public static int BuildRequest(Span<byte> ctIu, FcId port, byte fc4Type, byte features)
    {
        WriteRequestHeader(ctIu, CtServer.NameServer, Command, P, RequestLength, RequestName);
        port.Write(ctIu[(P + 1)..]);
        ctIu[P + 6] = features;
        ctIu[P + 7] = fc4Type;
        return RequestLength;
    }

    public static (FcId Port, byte Fc4Type, byte Features) ParseRequest(ReadOnlySpan<byte> ctIu)
    {
        var r = OpenRequest(ctIu, Command, RequestName);
        return (r.FcId(P + 1, "port ID"), r.U8(P + 7, "FC-4 type"), r.U8(P + 6, "FC-4 features"));
    }

    public static int BuildAccept(Span<byte> ctIu) => NsCodec.BuildEmptyAccept(ctIu, AcceptName);

    public static CtIuHeader ParseAccept(ReadOnlySpan<byte> ctIu) => NsCodec.ParseEmptyAccept(ctIu, AcceptName);
}
