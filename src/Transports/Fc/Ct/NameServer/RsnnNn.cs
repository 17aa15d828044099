using BsgKit.Fc.Codes;
using static BsgKit.Fc.Ct.CtIu;

namespace BsgKit.Fc.Ct.NameServer;

/// <summary>RSNN_NN: register symbolic node name (fc_ns_rsnn): WWNN @0, name length @8, name @9. Accepted with a bare header.</summary>
public static class RsnnNn
{
    public const ushort Command = GsNameServerCommands.RsnnNn;
    private const string RequestName = "RSNN_NN request", AcceptName = "RSNN_NN accept";

    public static int BuildRequest(Span<byte> ctIu, Wwn nodeName, string symbolicNodeName)
    {
        var name = EncodeText(symbolicNodeName, MaxTextBytes, "symbolic node name");
        var length = PadToWord(P + 9 + name.Length);
        WriteRequestHeader(ctIu, CtServer.NameServer, Command, P, length, RequestName);
        nodeName.Write(ctIu[P..]);
        ctIu[P + 8] = (byte)name.Length;
        name.CopyTo(ctIu[(P + 9)..]);
        return length;
    }

    public static (Wwn NodeName, string SymbolicNodeName) ParseRequest(ReadOnlySpan<byte> ctIu)
    {
        var r = OpenRequest(ctIu, Command, RequestName);
        var nameLength = r.U8(P + 8, "name length");
        return (r.Wwn(P, "node name"), DecodeText(r.Bytes(P + 9, nameLength, "symbolic node name")));
    }

    public static int BuildAccept(Span<byte> ctIu) => NsCodec.BuildEmptyAccept(ctIu, AcceptName);

    public static CtIuHeader ParseAccept(ReadOnlySpan<byte> ctIu) => NsCodec.ParseEmptyAccept(ctIu, AcceptName);
}
