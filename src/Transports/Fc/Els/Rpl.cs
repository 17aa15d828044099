using System.Buffers.Binary;
using BsgKit.Fc.Codes;

namespace BsgKit.Fc.Els;

/// <summary>RPL request: maximum number of port blocks wanted and the index to start from.</summary>
public sealed record RplRequest(ushort MaximumSize, uint StartingIndex);

/// <summary>One port number block (16 bytes): physical port number, port ID, WWPN.</summary>
public sealed record PortNumberBlock(uint PhysicalPortNumber, FcId PortId, Wwn Wwpn);

/// <summary>RPL accept: list length (ports in the whole list), index of the first returned block, the blocks.</summary>
public sealed record RplAccept(uint ListLength, uint FirstIndex, IReadOnlyList<PortNumberBlock> Blocks)
{
    /// <summary>A one-line rendering for logs and the CLI.</summary>
    public override string ToString() => BsgKit.Bsg.Text.RecordText.Of(this);
}

/// <summary>
/// RPL (0x57), Read Port List. On the wire the port number blocks start at offset 12; the kernel's
/// fc_els_rpl_resp puts them at 16 (u64 alignment of fc_els_pnb), so never map that struct.
/// </summary>
public sealed class Rpl : IElsCommand<RplRequest, RplAccept>
{
    /// <summary>Room asked for an accept: header and 255 port number blocks.</summary>
    public const int MaxAcceptLength = 4096;
    private Rpl() { }

    /// <inheritdoc/>
    public static byte CommandCode => Code;
    /// <inheritdoc/>
    public static string Name { get; } = ElsCommands.Table.NameOf(Code);
    private static readonly string RequestName = Name + " request", AcceptName = Name + " accept";
    static int IElsCommand<RplRequest, RplAccept>.RequestCapacity(RplRequest _) => RequestLength;
    static int IElsCommand<RplRequest, RplAccept>.ResponseCapacity(RplRequest _) => MaxAcceptLength;

    /// <summary>The ELS command code (payload byte 0).</summary>
    public const byte Code = ElsCommands.Rpl;
    /// <summary>Length of the request in bytes, command word included.</summary>
    public const int RequestLength = 12;
    /// <summary>Offset in the accept of the first port identifier block (after the command word, list length and index).</summary>
    public const int BlocksOffset = 12;
    /// <summary>Bytes per port identifier block in the accept: physical port number u32, port ID (3 bytes at +5), WWPN (+8).</summary>
    public const int BlockLength = 16;

    /// <summary>Writes the request into the buffer (zero-filled where reserved) and returns its length.</summary>
    public static int BuildRequest(Span<byte> payload, RplRequest request)
    {
        ElsWrite.Begin(payload, RequestLength, Code, RequestName);
        BinaryPrimitives.WriteUInt16BigEndian(payload[6..], request.MaximumSize);
        ElsWrite.U24(payload[9..], request.StartingIndex);
        return RequestLength;
    }

    /// <summary>Decodes a request (what the simulated server does); throws <see cref="BsgKit.Fc.Wire.FcWireFormatException"/> when it is malformed or carries another command.</summary>
    public static RplRequest ParseRequest(ReadOnlySpan<byte> payload)
    {
        var reader = ElsWrite.ExpectRequest(payload, Code, RequestLength, RequestName);
        return new RplRequest(reader.U16(6, "maximum size"), reader.U24(9, "starting index"));
    }

    /// <summary>Writes the accept (what the simulated responder sends) and returns its length.</summary>
    public static int BuildAccept(Span<byte> payload, RplAccept accept)
    {
        var total = BlocksOffset + BlockLength * accept.Blocks.Count;
        if (total > ushort.MaxValue) throw new ArgumentException("too many RPL port blocks", nameof(accept));
        ElsWrite.Begin(payload, total, ElsCommands.LsAcc, AcceptName);
        BinaryPrimitives.WriteUInt16BigEndian(payload[2..], (ushort)total);
        ElsWrite.U24(payload[5..], accept.ListLength);
        ElsWrite.U24(payload[9..], accept.FirstIndex);
        for (var i = 0; i < accept.Blocks.Count; i++)
        {
            var block = payload.Slice(BlocksOffset + BlockLength * i, BlockLength);
            BinaryPrimitives.WriteUInt32BigEndian(block, accept.Blocks[i].PhysicalPortNumber);
            accept.Blocks[i].PortId.Write(block[5..]);
            accept.Blocks[i].Wwpn.Write(block[8..]);
        }
        return total;
    }

    /// <summary>
    /// Decodes the blocks covered by the payload length field (bytes, header included). A payload length of 0
    /// is taken to mean "all received bytes"; one larger than what was received is a truncated reply.
    /// </summary>
    public static RplAccept ParseAccept(ReadOnlySpan<byte> payload)
    {
        var reader = ElsReply.ExpectAccept(payload, AcceptName);
        reader.Require(0, BlocksOffset, "RPL accept header");
        int payloadLength = reader.U16(2, "payload length");
        if (payloadLength == 0) payloadLength = reader.Length;
        if (payloadLength < BlocksOffset)
            throw reader.Error(2, $"payload length {payloadLength} is shorter than the 12-byte header");
        if (payloadLength > reader.Length)
            throw reader.Error(2, $"payload length {payloadLength} exceeds the {reader.Length} bytes received");
        if ((payloadLength - BlocksOffset) % BlockLength != 0)
            throw reader.Error(2, $"payload length {payloadLength} is not 12 + 16 × n");
        var count = (payloadLength - BlocksOffset) / BlockLength;
        var blocks = new List<PortNumberBlock>(count);
        for (var i = 0; i < count; i++)
        {
            var at = BlocksOffset + BlockLength * i;
            blocks.Add(new PortNumberBlock(reader.U32(at, "physical port number"), reader.FcId(at + 5, "port ID"), reader.Wwn(at + 8, "WWPN")));
        }
        return new RplAccept(reader.U24(5, "list length"), reader.U24(9, "first index"), blocks);
    }
}
