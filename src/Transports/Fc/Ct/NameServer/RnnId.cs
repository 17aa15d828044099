using BsgKit.Fc.Codes;
using static BsgKit.Fc.Ct.CtIu;

namespace BsgKit.Fc.Ct.NameServer;

/// <summary>RNN_ID: register node name (fc_ns_rn_id, 12): port ID object @0, WWN @4. Accepted with a bare header.</summary>
public static class RnnId
{
    public const ushort Command = GsNameServerCommands.RnnId;
    private const string RequestName = "RNN_ID request", AcceptName = "RNN_ID accept";

    public const int RequestLength = P + 12;

    public static int BuildRequest(Span<byte> ctIu, FcId port, Wwn name)
    {
        WriteRequestHeader(ctIu, CtServer.NameServer, Command, P, RequestLength, RequestName);
        port.Write(ctIu[(P + 1)..]);
        name.Write(ctIu[(P + 4)..]);
        return RequestLength;
    }

    public static (FcId Port, Wwn Name) ParseRequest(ReadOnlySpan<byte> ctIu)
    {
        var r = OpenRequest(ctIu, Command, RequestName);
        return (r.FcId(P + 1, "port ID"), r.Wwn(P + 4, "name"));
    }

    public static int BuildAccept(Span<byte> ctIu) => NsCodec.BuildEmptyAccept(ctIu, AcceptName);

    public static CtIuHeader ParseAccept(ReadOnlySpan<byte> ctIu) => NsCodec.ParseEmptyAccept(ctIu, AcceptName);
}
