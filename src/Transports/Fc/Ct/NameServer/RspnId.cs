using BsgKit.Fc.Codes;
using static BsgKit.Fc.Ct.CtIu;

namespace BsgKit.Fc.Ct.NameServer;

/// <summary>RSPN_ID: register symbolic port name (fc_ns_rspn): port ID object @0, name length @4, name @5. Accepted with a bare header.</summary>
public static class RspnId
{
    public const ushort Command = GsNameServerCommands.RspnId;
    private const string RequestName = "RSPN_ID request", AcceptName = "RSPN_ID accept";

    public static int BuildRequest(Span<byte> ctIu, FcId port, string symbolicPortName)
    {
        var name = EncodeText(symbolicPortName, MaxTextBytes, "symbolic port name");
        var length = PadToWord(P + 5 + name.Length);
        WriteRequestHeader(ctIu, CtServer.NameServer, Command, P, length, RequestName);
        port.Write(ctIu[(P + 1)..]);
        ctIu[P + 4] = (byte)name.Length;
        name.CopyTo(ctIu[(P + 5)..]);
        return length;
    }

    public static (FcId Port, string SymbolicPortName) ParseRequest(ReadOnlySpan<byte> ctIu)
    {
        var r = OpenRequest(ctIu, Command, RequestName);
        var nameLength = r.U8(P + 4, "name length");
        return (r.FcId(P + 1, "port ID"), DecodeText(r.Bytes(P + 5, nameLength, "symbolic port name")));
    }

    public static int BuildAccept(Span<byte> ctIu) => NsCodec.BuildEmptyAccept(ctIu, AcceptName);

    public static CtIuHeader ParseAccept(ReadOnlySpan<byte> ctIu) => NsCodec.ParseEmptyAccept(ctIu, AcceptName);
}
