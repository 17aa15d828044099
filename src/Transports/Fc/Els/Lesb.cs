using System.Buffers.Binary;
using BsgKit.Fc.Wire;

namespace BsgKit.Fc.Els;

/// <summary>
/// Link Error Status Block (24 bytes, six big-endian u32 counters), shared by RLS, RPS and RDP.
/// Native FC meanings; on FCoE (BB-5) the same words count virtual link failures, missed discovery
/// advertisements, symbol errors, errored blocks and FCS errors.
/// </summary>
public sealed record Lesb(
    uint LinkFailureCount,
    uint LossOfSyncCount,
    uint LossOfSignalCount,
    uint PrimitiveSequenceProtocolErrorCount,
    uint InvalidTransmissionWordCount,
    uint InvalidCrcCount)
{
    /// <summary>Length of the structure on the wire, in bytes.</summary>
    public const int Length = 24;

    internal void Write(Span<byte> destination)
    {
        BinaryPrimitives.WriteUInt32BigEndian(destination, LinkFailureCount);
        BinaryPrimitives.WriteUInt32BigEndian(destination[4..], LossOfSyncCount);
        BinaryPrimitives.WriteUInt32BigEndian(destination[8..], LossOfSignalCount);
        BinaryPrimitives.WriteUInt32BigEndian(destination[12..], PrimitiveSequenceProtocolErrorCount);
        BinaryPrimitives.WriteUInt32BigEndian(destination[16..], InvalidTransmissionWordCount);
        BinaryPrimitives.WriteUInt32BigEndian(destination[20..], InvalidCrcCount);
    }

    internal static Lesb Read(in WireReader reader, int offset)
    {
        reader.Require(offset, Length, "link error status block");
        return new Lesb(
            reader.U32(offset), reader.U32(offset + 4), reader.U32(offset + 8),
            reader.U32(offset + 12), reader.U32(offset + 16), reader.U32(offset + 20));
    }
}
