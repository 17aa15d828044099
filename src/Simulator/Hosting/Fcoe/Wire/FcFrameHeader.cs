using System.Buffers.Binary;
using BsgKit.Fc;

namespace BsgKit.Simulator.Hosting.Fcoe.Wire;

/// <summary>
/// The 24-byte FC frame header (FC-FS; include/uapi/scsi/fc/fc_fs.h struct fc_frame_header), by byte offset:
/// R_CTL @0, D_ID @1, CS_CTL @4, S_ID @5, TYPE @8, F_CTL @9 (24 bits), SEQ_ID @12, DF_CTL @13, SEQ_CNT @14,
/// OX_ID @16, RX_ID @18, parameter (relative offset) @20.
/// </summary>
internal readonly record struct FcFrameHeader(
    byte Rctl,
    FcId DestinationId,
    FcId SourceId,
    byte Type,
    uint Fctl,
    byte SequenceId,
    ushort SequenceCount,
    ushort OriginatorExchangeId,
    ushort ResponderExchangeId,
    uint Parameter,
    byte CsCtl = 0,
    byte DfCtl = 0)
{
    public const int Length = 24;

    public bool HasFctl(uint bits) => (Fctl & bits) == bits;
    /// <summary>Pad bytes at the end of the payload (F_CTL bits 1-0), meaningful on the frame that ends a sequence.</summary>
    public int FillBytes => (int)(Fctl & FcFrameCodes.FillMask);

    public static FcFrameHeader Read(ReadOnlySpan<byte> h) => new(
        h[0], FcId.Read(h[1..]), FcId.Read(h[5..]), h[8],
        (uint)(h[9] << 16 | h[10] << 8 | h[11]), h[12],
        BinaryPrimitives.ReadUInt16BigEndian(h[14..]), BinaryPrimitives.ReadUInt16BigEndian(h[16..]),
        BinaryPrimitives.ReadUInt16BigEndian(h[18..]), BinaryPrimitives.ReadUInt32BigEndian(h[20..]), h[4], h[13]);

    public void Write(Span<byte> h)
    {
        h[0] = Rctl;
        DestinationId.Write(h[1..]);
        h[4] = CsCtl;
        SourceId.Write(h[5..]);
        h[8] = Type;
        h[9] = (byte)(Fctl >> 16);
        h[10] = (byte)(Fctl >> 8);
        h[11] = (byte)Fctl;
        h[12] = SequenceId;
        h[13] = DfCtl;
        BinaryPrimitives.WriteUInt16BigEndian(h[14..], SequenceCount);
        BinaryPrimitives.WriteUInt16BigEndian(h[16..], OriginatorExchangeId);
        BinaryPrimitives.WriteUInt16BigEndian(h[18..], ResponderExchangeId);
        BinaryPrimitives.WriteUInt32BigEndian(h[20..], Parameter);
    }

    public override string ToString() =>
        $"{DestinationId}<-{SourceId} {FcFrameCodes.Rctl.NameOf(Rctl)} type=0x{Type:x2} ox=0x{OriginatorExchangeId:x4} rx=0x{ResponderExchangeId:x4} " +
        $"seq={SequenceId}/{SequenceCount} f_ctl={FcFrameCodes.Fctl.Describe(Fctl & ~FcFrameCodes.FillMask)}";
}
