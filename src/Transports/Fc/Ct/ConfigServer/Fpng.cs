using System.Buffers.Binary;
using BsgKit.Fc.Codes;
using BsgKit.Fc.Wire;
using static BsgKit.Fc.Ct.CtIu;

namespace BsgKit.Fc.Ct.ConfigServer;

/// <summary>An FPNG target: a WWPN (tag 2) or an N_Port ID (tag 1), plus the requester's token.</summary>
public readonly record struct FpngTarget(Wwn? PortName, FcId? PortId, uint Token);

/// <summary>
/// FPNG, fabric ping (0x0401, fabric configuration server; zfcp_ping). Payload: revision u32 @0 (1), tag u16 @4,
/// length u16 @6, value @8 (WWPN 8 bytes, or N_Port ID in bytes 8..10 with byte 11 = 0), token u32 after it.
/// A reject with reason 0x03 and explanation 0xF4 (processing request) means the token is in use: bump and retry.
/// The accept payload is 4 bytes (zfcp_ping sizes its buffer 16 + 4); its meaning is not in our references,
/// so it is returned as a raw word.
/// </summary>
public sealed class Fpng : ICtCommand<(Wwn Target, uint Token), uint>, ICtCommand<(FcId Target, uint Token), uint>
{
    private Fpng() { }

    /// <inheritdoc/>
    public static CtServer Server => CtServer.FabricConfiguration;
    /// <inheritdoc/>
    public static ushort CommandCode => Command;
    /// <inheritdoc/>
    public static int DefaultResponseBytes => AcceptLength;
    static int ICtCommand<(Wwn Target, uint Token), uint>.RequestCapacity => WwpnRequestLength;
    static int ICtCommand<(FcId Target, uint Token), uint>.RequestCapacity => PortIdRequestLength;
    static int ICtCommand<(Wwn Target, uint Token), uint>.BuildRequest(Span<byte> ctIu, (Wwn Target, uint Token) argument, int maxResponseBytes) =>
        BuildRequest(ctIu, argument.Target, argument.Token, maxResponseBytes);
    static int ICtCommand<(FcId Target, uint Token), uint>.BuildRequest(Span<byte> ctIu, (FcId Target, uint Token) argument, int maxResponseBytes) =>
        BuildRequest(ctIu, argument.Target, argument.Token, maxResponseBytes);

    /// <summary>The command code (CT_IU bytes 8–9), from the server's code table.</summary>
    public const ushort Command = GsConfigServerCommands.Fpng;
    /// <summary>The FPNG payload revision written @0 (zfcp's FC_PNG_REV).</summary>
    public const uint Revision = 1;
    /// <summary>Tag @4 saying the value is an N_Port ID (zfcp's FC_TAG_NPORT).</summary>
    public const ushort TagNPortId = 1;
    /// <summary>Tag @4 saying the value is a WWPN (zfcp's FC_TAG_WWPN).</summary>
    public const ushort TagWwpn = 2;
    /// <summary>Request length in bytes, CT_IU header included, for a WWPN target (8-byte value).</summary>
    public const int WwpnRequestLength = P + 20;
    /// <summary>Request length in bytes, CT_IU header included, for an N_Port ID target (4-byte value).</summary>
    public const int PortIdRequestLength = P + 16;
    /// <summary>Length of the accept in bytes, CT_IU header included.</summary>
    public const int AcceptLength = P + 4;
    /// <inheritdoc/>
    public static string Name { get; } = GsConfigServerCommands.Table.NameOf(Command);
    private static readonly string RequestName = Name + " request", AcceptName = Name + " accept";

    /// <summary>Writes the request into the buffer (zero-filled where reserved) and returns its length.</summary>
    public static int BuildRequest(Span<byte> ctIu, Wwn target, uint token, int maxResponseBytes = AcceptLength)
    {
        WriteRequestHeader(ctIu, CtServer.FabricConfiguration, Command, maxResponseBytes, WwpnRequestLength, RequestName);
        WriteTagHeader(ctIu, TagWwpn, 8);
        target.Write(ctIu[(P + 8)..]);
        BinaryPrimitives.WriteUInt32BigEndian(ctIu[(P + 16)..], token);
        return WwpnRequestLength;
    }

    /// <summary>Writes the request into the buffer (zero-filled where reserved) and returns its length.</summary>
    public static int BuildRequest(Span<byte> ctIu, FcId target, uint token, int maxResponseBytes = AcceptLength)
    {
        WriteRequestHeader(ctIu, CtServer.FabricConfiguration, Command, maxResponseBytes, PortIdRequestLength, RequestName);
        WriteTagHeader(ctIu, TagNPortId, 4);
        target.Write(ctIu[(P + 8)..]);
        BinaryPrimitives.WriteUInt32BigEndian(ctIu[(P + 12)..], token);
        return PortIdRequestLength;
    }

    /// <summary>Decodes a request (what the simulated server does); throws <see cref="BsgKit.Fc.Wire.FcWireFormatException"/> when it is malformed or carries another command.</summary>
    public static FpngTarget ParseRequest(ReadOnlySpan<byte> ctIu)
    {
        var r = OpenRequest(ctIu, Command, RequestName);
        var revision = r.U32(P, "revision");
        if (revision != Revision) throw r.Error(P, $"FPNG revision {revision}, expected {Revision}");
        var tag = r.U16(P + 4, "tag");
        var length = r.U16(P + 6, "length");
        return (tag, length) switch
        {
            (TagWwpn, 8) => new FpngTarget(r.Wwn(P + 8), null, r.U32(P + 16, "token")),
            (TagNPortId, 4) => new FpngTarget(null, r.FcId(P + 8), r.U32(P + 12, "token")),
            _ => throw r.Error(P + 4, $"unknown FPNG tag {tag} with length {length}"),
        };
    }

    /// <summary>Writes the accept (what the simulated responder sends) and returns its length.</summary>
    public static int BuildAccept(Span<byte> ctIu, uint word)
    {
        WriteAcceptHeader(ctIu, CtServer.FabricConfiguration, AcceptLength, AcceptName);
        BinaryPrimitives.WriteUInt32BigEndian(ctIu[P..], word);
        return AcceptLength;
    }

    /// <summary>The 4-byte accept payload, raw; an accept without payload reads as 0.</summary>
    public static uint ParseAccept(ReadOnlySpan<byte> ctIu)
    {
        var r = OpenAccept(ctIu, AcceptName);
        return r.Length >= AcceptLength ? r.U32(P) : 0;
    }

    private static void WriteTagHeader(Span<byte> ctIu, ushort tag, ushort length)
    {
        BinaryPrimitives.WriteUInt32BigEndian(ctIu[P..], Revision);
        BinaryPrimitives.WriteUInt16BigEndian(ctIu[(P + 4)..], tag);
        BinaryPrimitives.WriteUInt16BigEndian(ctIu[(P + 6)..], length);
    }
}
