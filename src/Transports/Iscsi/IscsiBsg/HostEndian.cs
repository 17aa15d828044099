using System.Buffers.Binary;

namespace BsgKit.Iscsi.IscsiBsg;

/// <summary>
/// Native-order integers: iscsi_bsg_request/reply are read by the kernel as host integers. A small private copy
/// of the FC one, because BsgKit.Iscsi must not depend on BsgKit.Fc.
/// </summary>
internal static class HostEndian
{
    public static void WriteUInt32(Span<byte> d, uint v)
    {
        if (BitConverter.IsLittleEndian) BinaryPrimitives.WriteUInt32LittleEndian(d, v);
        else BinaryPrimitives.WriteUInt32BigEndian(d, v);
    }

    public static void WriteUInt64(Span<byte> d, ulong v)
    {
        if (BitConverter.IsLittleEndian) BinaryPrimitives.WriteUInt64LittleEndian(d, v);
        else BinaryPrimitives.WriteUInt64BigEndian(d, v);
    }

    public static uint ReadUInt32(ReadOnlySpan<byte> s) =>
        BitConverter.IsLittleEndian ? BinaryPrimitives.ReadUInt32LittleEndian(s) : BinaryPrimitives.ReadUInt32BigEndian(s);

    public static ulong ReadUInt64(ReadOnlySpan<byte> s) =>
        BitConverter.IsLittleEndian ? BinaryPrimitives.ReadUInt64LittleEndian(s) : BinaryPrimitives.ReadUInt64BigEndian(s);
}
