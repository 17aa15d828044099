using BsgKit.Fc.Codes;
using static BsgKit.Fc.Ct.CtIu;

namespace BsgKit.Fc.Ct.NameServer;

/// <summary>RSPN_ID: register symbolic port name (fc_ns_rspn): port ID object @0, name length @4, name @5. Accepted with a bare header.</summary>
public sealed class RspnId : ICtCommand<(FcId Port, string Name), CtIuHeader>
{
    private RspnId() { }

    /// <inheritdoc/>
    public static CtServer Server => CtServer.NameServer;
    /// <inheritdoc/>
    public static ushort CommandCode => Command;
    /// <inheritdoc/>
    public static int RequestCapacity => MaxRequestLength;
    /// <inheritdoc/>
    public static int DefaultResponseBytes => NsCodec.EmptyAcceptLength;
    static int ICtCommand<(FcId Port, string Name), CtIuHeader>.BuildRequest(Span<byte> ctIu, (FcId Port, string Name) argument, int maxResponseBytes) => BuildRequest(ctIu, argument.Port, argument.Name);

    /// <summary>The command code (CT_IU bytes 8–9), from the server's code table.</summary>
    public const ushort Command = GsNameServerCommands.RspnId;
    /// <summary>Room for the longest request: header, port ID object, length byte, 255 name bytes, padded.</summary>
    public const int MaxRequestLength = P + 8 + 256;
    /// <inheritdoc/>
    public static string Name { get; } = GsNameServerCommands.Table.NameOf(Command);
    private static readonly string RequestName = Name + " request", AcceptName = Name + " accept";

    /// <summary>Writes the request into the buffer (zero-filled where reserved) and returns its length.</summary>
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

    /// <summary>Decodes a request (what the simulated server does); throws <see cref="BsgKit.Fc.Wire.FcWireFormatException"/> when it is malformed or carries another command.</summary>
    public static (FcId Port, string SymbolicPortName) ParseRequest(ReadOnlySpan<byte> ctIu)
    {
        var r = OpenRequest(ctIu, Command, RequestName);
        var nameLength = r.U8(P + 4, "name length");
        return (r.FcId(P + 1, "port ID"), DecodeText(r.Bytes(P + 5, nameLength, "symbolic port name")));
    }

    /// <summary>Writes the accept (what the simulated responder sends) and returns its length.</summary>
    public static int BuildAccept(Span<byte> ctIu) => NsCodec.BuildEmptyAccept(ctIu, AcceptName);

    /// <summary>Decodes the accept; an FS_RJT throws <see cref="BsgKit.Fc.Ct.CtRejectedException"/>, anything malformed <see cref="BsgKit.Fc.Wire.FcWireFormatException"/>.</summary>
    public static CtIuHeader ParseAccept(ReadOnlySpan<byte> ctIu) => NsCodec.ParseEmptyAccept(ctIu, AcceptName);
}
