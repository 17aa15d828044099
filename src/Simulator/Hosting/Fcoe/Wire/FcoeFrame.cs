using System.Buffers.Binary;
using System.IO.Hashing;

namespace BsgKit.Simulator.Hosting.Fcoe.Wire;

/// <summary>Why a received FCoE frame was dropped.</summary>
public enum FcoeFrameError { /** <summary>Accepted.</summary> */ None, /** <summary>Shorter than the FCoE header and trailer.</summary> */ TooShort, /** <summary>FCoE version not 0.</summary> */ BadVersion, /** <summary>Not a class-3 SOF.</summary> */ BadSof, /** <summary>Not EOFn or EOFt.</summary> */ BadEof, /** <summary>The FC CRC does not match.</summary> */ BadCrc }

/// <summary>
/// An FCoE frame on the wire (FC-BB-5; include/scsi/fc/fc_fcoe.h): Ethernet header (14 bytes, EtherType 0x8906),
/// FCoE header (14 bytes: version in the top nibble of byte 0, 12 reserved bytes, SOF), the FC frame (24-byte header,
/// payload, fill), the FC CRC (CRC-32 of the FC frame, stored little-endian as fcoe_crc_eof.fcoe_crc32), EOF, 3
/// reserved bytes. No VLAN tag: the switch runs untagged, like fcoe on a veth.
/// </summary>
internal static class FcoeFrame
{
    public const ushort EtherType = 0x8906;
    public const int EthernetHeaderLength = 14, FcoeHeaderLength = 14, TrailerLength = 8;
    /// <summary>Ethernet + FCoE header + FC header + CRC/EOF: the smallest FCoE frame (FCOE_MIN_FRAME + 14).</summary>
    public const int MinimumLength = EthernetHeaderLength + FcoeHeaderLength + FcFrameHeader.Length + TrailerLength;
    /// <summary>The FC maximum data field.</summary>
    public const int MaxPayload = 2112;
    /// <summary>Largest FCoE frame including the Ethernet header: 14 + 14 + 24 + 2112 + 8.</summary>
    public const int MaximumLength = EthernetHeaderLength + FcoeHeaderLength + FcFrameHeader.Length + MaxPayload + TrailerLength;

    private const int FcOffset = EthernetHeaderLength + FcoeHeaderLength;

    /// <summary>The FC CRC as fcoe computes it: ~crc32_le(~0, …), which is the standard CRC-32.</summary>
    public static uint Crc(ReadOnlySpan<byte> fcFrame) => Crc32.HashToUInt32(fcFrame);

    /// <summary>
    /// Writes a whole Ethernet frame: header, SOF, the FC header, the payload padded to a word with the fill count
    /// put in F_CTL, CRC and EOF. Returns its length.
    /// </summary>
    public static int Build(Span<byte> frame, MacAddress destination, MacAddress source, byte sof, FcFrameHeader header,
        ReadOnlySpan<byte> payload, byte eof)
    {
        var fill = (4 - payload.Length % 4) % 4;
        var fcLength = FcFrameHeader.Length + payload.Length + fill;
        var total = FcOffset + fcLength + TrailerLength;
        if (frame.Length < total) throw new ArgumentException($"FCoE frame needs {total} bytes, the buffer has {frame.Length}");
        destination.Write(frame);
        source.Write(frame[6..]);
        BinaryPrimitives.WriteUInt16BigEndian(frame[12..], EtherType);
        frame.Slice(EthernetHeaderLength, FcoeHeaderLength).Clear(); // version 0, reserved
        frame[EthernetHeaderLength + 13] = sof;
        (header with { Fctl = (header.Fctl & ~FcFrameCodes.FillMask) | (uint)fill }).Write(frame[FcOffset..]);
        payload.CopyTo(frame[(FcOffset + FcFrameHeader.Length)..]);
        frame.Slice(FcOffset + FcFrameHeader.Length + payload.Length, fill).Clear();
        var trailer = frame[(FcOffset + fcLength)..];
        BinaryPrimitives.WriteUInt32LittleEndian(trailer, Crc(frame.Slice(FcOffset, fcLength)));
        trailer[4] = eof;
        trailer[5] = trailer[6] = trailer[7] = 0;
        return total;
    }

    /// <summary>
    /// Checks a received frame (EtherType already matched) and returns the FC frame (header + payload + fill,
    /// without CRC/EOF), its SOF and EOF. Frames that are short, of another version, with an unknown delimiter or a
    /// wrong CRC are errors; trailing Ethernet padding is tolerated only up to the 60-byte minimum.
    /// </summary>
    public static FcoeFrameError Parse(ReadOnlySpan<byte> frame, out ReadOnlySpan<byte> fcFrame, out byte sof, out byte eof)
    {
        fcFrame = default;
        sof = eof = 0;
        if (frame.Length < MinimumLength) return FcoeFrameError.TooShort;
        if (frame[EthernetHeaderLength] >> 4 != 0) return FcoeFrameError.BadVersion;
        sof = frame[EthernetHeaderLength + 13];
        if (!FcFrameCodes.Sof.Contains(sof)) return FcoeFrameError.BadSof;
        var fcLength = frame.Length - FcOffset - TrailerLength;
        if (fcLength % 4 != 0) return FcoeFrameError.TooShort;
        var trailer = frame[(FcOffset + fcLength)..];
        eof = trailer[4];
        if (!FcFrameCodes.Eof.Contains(eof)) return FcoeFrameError.BadEof;
        fcFrame = frame.Slice(FcOffset, fcLength);
        return BinaryPrimitives.ReadUInt32LittleEndian(trailer) == Crc(fcFrame) ? FcoeFrameError.None : FcoeFrameError.BadCrc;
    }
}
