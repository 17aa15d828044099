using BsgKit.Fc.Codes;
using static BsgKit.Fc.Ct.CtIu;

namespace BsgKit.Fc.Ct.NameServer;

/// <summary>RSNN_NN: register symbolic node name (fc_ns_rsnn): WWNN @0, name length @8, name @9. Accepted with a bare header.</summary>
public sealed class RsnnNn : ICtCommand<(Wwn NodeName, string Name), CtIuHeader>
{
    private RsnnNn() { }

    /// <inheritdoc/>
    public static CtServer Server => CtServer.NameServer;
    /// <inheritdoc/>
    public static ushort CommandCode => Command;
    /// <inheritdoc/>
    public static int RequestCapacity => MaxRequestLength;
    /// <inheritdoc/>
    public static int DefaultResponseBytes => NsCodec.EmptyAcceptLength;
    static int ICtCommand<(Wwn NodeName, string Name), CtIuHeader>.BuildRequest(Span<byte> ctIu, (Wwn NodeName, string Name) argument, int maxResponseBytes) => BuildRequest(ctIu, argument.NodeName, argument.Name);

    /// <summary>The command code (CT_IU bytes 8–9), from the server's code table.</summary>
    public const ushort Command = GsNameServerCommands.RsnnNn;
    /// <summary>Room for the longest request: header, node name, length byte, 255 name bytes, padded.</summary>
    public const int MaxRequestLength = P + 12 + 256;
    /// <inheritdoc/>
    public static string Name { get; } = GsNameServerCommands.Table.NameOf(Command);
    private static readonly string RequestName = Name + " request", AcceptName = Name + " accept";

    /// <summary>Writes the request into the buffer (zero-filled where reserved) and returns its length.</summary>
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

    /// <summary>Decodes a request (what the simulated server does); throws <see cref="BsgKit.Fc.Wire.FcWireFormatException"/> when it is malformed or carries another command.</summary>
    public static (Wwn NodeName, string SymbolicNodeName) ParseRequest(ReadOnlySpan<byte> ctIu)
    {
        var r = OpenRequest(ctIu, Command, RequestName);
        var nameLength = r.U8(P + 8, "name length");
        return (r.Wwn(P, "node name"), DecodeText(r.Bytes(P + 9, nameLength, "symbolic node name")));
    }

    /// <summary>Writes the accept (what the simulated responder sends) and returns its length.</summary>
    public static int BuildAccept(Span<byte> ctIu) => NsCodec.BuildEmptyAccept(ctIu, AcceptName);

    /// <summary>Decodes the accept; an FS_RJT throws <see cref="BsgKit.Fc.Ct.CtRejectedException"/>, anything malformed <see cref="BsgKit.Fc.Wire.FcWireFormatException"/>.</summary>
    public static CtIuHeader ParseAccept(ReadOnlySpan<byte> ctIu) => NsCodec.ParseEmptyAccept(ctIu, AcceptName);
}
