using System.Buffers.Binary;

namespace BsgKit.Fc.Wire;

/// <summary>
/// Bounds-checked big-endian reads over a reply payload. Every out-of-range read becomes a
/// <see cref="FcWireFormatException"/> naming the message, never an IndexOutOfRangeException.
/// </summary>
public readonly ref struct WireReader
{
    private readonly ReadOnlySpan<byte> _data;
    private readonly string _message;

    public WireReader(ReadOnlySpan<byte> data, string message)
    {
        _data = data;
        _message = message;
    }

    public int Length => _data.Length;
    public ReadOnlySpan<byte> Span => _data;
    public string MessageName => _message;

    public void Require(int offset, int count, string what)
    {
        if (offset < 0 || count < 0 || (long)offset + count > _data.Length)
            throw Error(offset, $"{what} needs {count} bytes but only {Math.Max(0, _data.Length - offset)} are there ({_data.Length} received)");
    }

    public byte U8(int offset, string what = "field") { Require(offset, 1, what); return _data[offset]; }
    public ushort U16(int offset, string what = "field") { Require(offset, 2, what); return BinaryPrimitives.ReadUInt16BigEndian(_data[offset..]); }
    public uint U24(int offset, string what = "field") { Require(offset, 3, what); return (uint)(_data[offset] << 16 | _data[offset + 1] << 8 | _data[offset + 2]); }
    public uint U32(int offset, string what = "field") { Require(offset, 4, what); return BinaryPrimitives.ReadUInt32BigEndian(_data[offset..]); }
    public ulong U64(int offset, string what = "field") { Require(offset, 8, what); return BinaryPrimitives.ReadUInt64BigEndian(_data[offset..]); }
    public FcId FcId(int offset, string what = "FC ID") { Require(offset, 3, what); return Fc.FcId.Read(_data[offset..]); }
    public Wwn Wwn(int offset, string what = "WWN") { Require(offset, 8, what); return Fc.Wwn.Read(_data[offset..]); }
    public ReadOnlySpan<byte> Bytes(int offset, int count, string what = "field") { Require(offset, count, what); return _data.Slice(offset, count); }

    /// <summary>An ASCII string field of fixed size, trimmed at the first NUL and of trailing spaces.</summary>
    public string Ascii(int offset, int count, string what = "string")
    {
        var b = Bytes(offset, count, what);
        var nul = b.IndexOf((byte)0);
        if (nul >= 0) b = b[..nul];
        return System.Text.Encoding.ASCII.GetString(b).TrimEnd();
    }

    public FcWireFormatException Error(int offset, string detail) => new(_message, offset, detail);
}
