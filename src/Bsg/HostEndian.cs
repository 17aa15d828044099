using System.Buffers.Binary;

namespace BsgKit.Bsg;

/// <summary>
/// Native-order integers for the fc_bsg structs (msgcode, vendor_id, result, status …), which the kernel
/// reads as host integers, unlike the big-endian wire payloads.
/// </summary>
public static class HostEndian
{
    /// <summary>Writes <paramref name="v"/> in host byte order at the start of <paramref name="d"/>.</summary>
    public static void WriteUInt32(Span<byte> d, uint v)
    {
        if (BitConverter.IsLittleEndian) BinaryPrimitives.WriteUInt32LittleEndian(d, v);
        else BinaryPrimitives.WriteUInt32BigEndian(d, v);
    }

    /// <summary>Writes <paramref name="v"/> in host byte order at the start of <paramref name="d"/>.</summary>
    public static void WriteUInt64(Span<byte> d, ulong v)
    {
        if (BitConverter.IsLittleEndian) BinaryPrimitives.WriteUInt64LittleEndian(d, v);
        else BinaryPrimitives.WriteUInt64BigEndian(d, v);
    }

    /// <summary>Reads a host-order u32 from the start of <paramref name="s"/>.</summary>
    public static uint ReadUInt32(ReadOnlySpan<byte> s) =>
        BitConverter.IsLittleEndian ? BinaryPrimitives.ReadUInt32LittleEndian(s) : BinaryPrimitives.ReadUInt32BigEndian(s);

    /// <summary>Reads a host-order u64 from the start of <paramref name="s"/>.</summary>
    public static ulong ReadUInt64(ReadOnlySpan<byte> s) =>
        BitConverter.IsLittleEndian ? BinaryPrimitives.ReadUInt64LittleEndian(s) : BinaryPrimitives.ReadUInt64BigEndian(s);
}
