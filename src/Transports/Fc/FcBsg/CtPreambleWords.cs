using BsgKit.Bsg;
using System.Buffers.Binary;
using BsgKit.Fc.Ct;

namespace BsgKit.Fc.FcBsg;

/// <summary>
/// The three CT_IU preamble words carried in h_ct/r_ct. There is no single correct encoding: qla2xxx and zfcp
/// read them as integers (GS_Type = word1 >> 24), so on a little-endian host they need the "integer encoding";
/// libzfcphbaapi memcpy's the raw bytes (same thing on big-endian s390); lpfc and libfc ignore them. The driver
/// profile chooses; the request builder writes whatever words it is given as host integers.
/// </summary>
public readonly record struct CtPreambleWords(uint Word0, uint Word1, uint Word2)
{
    /// <summary>Big-endian read of CT_IU bytes 0..11: word1 >> 24 is the GS_Type on any host.</summary>
    public static CtPreambleWords IntegerEncoding(ReadOnlySpan<byte> ctIuHeader)
    {
        RequireHeader(ctIuHeader);
        return new(BinaryPrimitives.ReadUInt32BigEndian(ctIuHeader),
                   BinaryPrimitives.ReadUInt32BigEndian(ctIuHeader[4..]),
                   BinaryPrimitives.ReadUInt32BigEndian(ctIuHeader[8..]));
    }

    /// <summary>Host-order read of CT_IU bytes 0..11, so the request carries the wire bytes unchanged (memcpy).</summary>
    public static CtPreambleWords RawBytes(ReadOnlySpan<byte> ctIuHeader)
    {
        RequireHeader(ctIuHeader);
        return new(HostEndian.ReadUInt32(ctIuHeader), HostEndian.ReadUInt32(ctIuHeader[4..]), HostEndian.ReadUInt32(ctIuHeader[8..]));
    }

    /// <summary>The integer encoding of a CT_IU header.</summary>
    public static CtPreambleWords IntegerEncoding(in CtIuHeader header)
    {
        Span<byte> b = stackalloc byte[CtIuHeader.Size];
        header.Write(b);
        return IntegerEncoding(b);
    }

    /// <summary>The GS_Type as an integer-reading driver sees it.</summary>
    public byte GsTypeAsInteger => (byte)(Word1 >> 24);

    private static void RequireHeader(ReadOnlySpan<byte> ctIuHeader)
    {
        if (ctIuHeader.Length < 12)
            throw new ArgumentException($"the preamble is CT_IU bytes 0..11; got {ctIuHeader.Length} bytes", nameof(ctIuHeader));
    }
}
