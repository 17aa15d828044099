using System.Buffers.Binary;
using BsgKit.Fc.Codes;

namespace BsgKit.Fc.Els;

/// <summary>How an RPS request names the port (wire byte 3).</summary>
public enum RpsSelector : byte
{
    /// <summary>0: the port the request is sent to (the D_ID); port selection is zero.</summary>
    ByDestinationId = 0,
    /// <summary>1: a switch physical port number.</summary>
    ByPhysicalPortNumber = 1,
    /// <summary>2: the port with this WWPN.</summary>
    ByWwpn = 2,
}

/// <summary>
/// RPS request. <see cref="PortSelection"/> is the 8-byte field at wire offset 4: zero for D_ID, the physical port
/// number (as a 64-bit big-endian value) or the WWPN.
/// </summary>
public sealed record RpsRequest(RpsSelector Selector, ulong PortSelection)
{
    /// <summary>Asks about the port the request is addressed to.</summary>
    public static RpsRequest ForDestinationId() => new(RpsSelector.ByDestinationId, 0);
    /// <summary>Asks about physical port <paramref name="portNumber"/> of the responder.</summary>
    public static RpsRequest ForPhysicalPort(uint portNumber) => new(RpsSelector.ByPhysicalPortNumber, portNumber);
    /// <summary>Asks about the port named <paramref name="wwpn"/>.</summary>
    public static RpsRequest ForWwpn(Wwn wwpn) => new(RpsSelector.ByWwpn, wwpn.Value);

    /// <summary>The name of the selector, from the code tables ("unknown (0x..)" when not in them).</summary>
    public string SelectorName => ElsFieldValues.RpsSelectors.NameOf((uint)Selector);
    /// <see cref="PortSelection"/> read as a WWPN (meaningful for <see cref="RpsSelector.ByWwpn"/>).
    public Wwn Wwpn => new(PortSelection);
}

/// <summary>RPS accept: flags (bit 0 = L_Port extension valid), port status bits and the LESB.</summary>
public sealed record RpsAccept(byte Flags, ushort PortStatus, Lesb Lesb)
{
    /// <summary>A one-line rendering for logs and the CLI.</summary>
    public override string ToString() => BsgKit.Bsg.Text.RecordText.Of(this);

    /// <summary>Flags bit 0: the L_Port extension (loop status) in the accept is valid.</summary>
    public bool LPortExtensionValid => (Flags & 0x01) != 0;
    /// <summary>The names of the port status bits set, from the code tables.</summary>
    public IReadOnlyList<string> PortStatusNames => ElsFieldValues.RpsPortStatusBits.NamesOf(PortStatus);
}

/// <summary>
/// RPS (0x56), Read Port Status. The wire request is 12 bytes with the port selection at offset 4; the kernel's
/// fc_els_rps puts it at 8 (u64 alignment) and is 16 bytes, so never map that struct.
/// </summary>
public sealed class Rps : IElsCommand<RpsRequest, RpsAccept>
{
    private Rps() { }

    /// <inheritdoc/>
    public static byte CommandCode => Code;
    /// <inheritdoc/>
    public static string Name { get; } = ElsCommands.Table.NameOf(Code);
    private static readonly string RequestName = Name + " request", AcceptName = Name + " accept";
    static int IElsCommand<RpsRequest, RpsAccept>.RequestCapacity(RpsRequest _) => RequestLength;
    static int IElsCommand<RpsRequest, RpsAccept>.ResponseCapacity(RpsRequest _) => AcceptLength;

    /// <summary>The ELS command code (payload byte 0).</summary>
    public const byte Code = ElsCommands.Rps;
    /// <summary>Length of the request in bytes, command word included.</summary>
    public const int RequestLength = 12;
    /// <summary>Length of the accept in bytes, LS_ACC word included.</summary>
    public const int AcceptLength = 8 + Lesb.Length;
    private const int PortSelectionOffset = 4;

    /// <summary>Writes the request into the buffer (zero-filled where reserved) and returns its length.</summary>
    public static int BuildRequest(Span<byte> payload, RpsRequest request)
    {
        ElsWrite.Begin(payload, RequestLength, Code, RequestName);
        payload[3] = (byte)request.Selector;
        BinaryPrimitives.WriteUInt64BigEndian(payload[PortSelectionOffset..], request.PortSelection);
        return RequestLength;
    }

    /// <summary>Decodes a request (what the simulated server does); throws <see cref="BsgKit.Fc.Wire.FcWireFormatException"/> when it is malformed or carries another command.</summary>
    public static RpsRequest ParseRequest(ReadOnlySpan<byte> payload)
    {
        var reader = ElsWrite.ExpectRequest(payload, Code, RequestLength, RequestName);
        return new RpsRequest((RpsSelector)reader.U8(3, "flag"), reader.U64(PortSelectionOffset, "port selection"));
    }

    /// <summary>Writes the accept (what the simulated responder sends) and returns its length.</summary>
    public static int BuildAccept(Span<byte> payload, RpsAccept accept)
    {
        ElsWrite.Begin(payload, AcceptLength, ElsCommands.LsAcc, AcceptName);
        payload[3] = accept.Flags;
        BinaryPrimitives.WriteUInt16BigEndian(payload[6..], accept.PortStatus);
        accept.Lesb.Write(payload[8..]);
        return AcceptLength;
    }

    /// <summary>Decodes the accept; an LS_RJT throws <see cref="BsgKit.Fc.Els.ElsRejectedException"/>, anything malformed <see cref="BsgKit.Fc.Wire.FcWireFormatException"/>.</summary>
    public static RpsAccept ParseAccept(ReadOnlySpan<byte> payload)
    {
        var reader = ElsReply.ExpectAccept(payload, AcceptName);
        reader.Require(0, AcceptLength, AcceptName);
        return new RpsAccept(reader.U8(3, "flags"), reader.U16(6, "port status"), Lesb.Read(reader, 8));
    }
}
