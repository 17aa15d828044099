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

    /// <summary>A reader over <paramref name="data"/>; <paramref name="message"/> names the wire message in every error.</summary>
    /// <param name="data">The payload bytes.</param>
    /// <param name="message">The message's name ("GPN_FT accept" …), used in <see cref="FcWireFormatException"/>.</param>
    public WireReader(ReadOnlySpan<byte> data, string message)
    {
        _data = data;
        _message = message;
    }

    /// <summary>Number of payload bytes.</summary>
    public int Length => _data.Length;
    /// <summary>The whole payload, unchecked.</summary>
    public ReadOnlySpan<byte> Span => _data;
    /// <summary>The wire message's name given to the constructor.</summary>
    public string MessageName => _message;

    /// <summary>Checks that <paramref name="count"/> bytes exist at <paramref name="offset"/>.</summary>
    /// <exception cref="FcWireFormatException">The range is outside the payload; the message names <paramref name="what"/>.</exception>
    public void Require(int offset, int count, string what)
    {
        if (offset < 0 || count < 0 || (long)offset + count > _data.Length) throw Missing(offset, count, what);
    }

    // Out of line: every field read inlines Require, and the message's string handler would widen each parser's frame.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private FcWireFormatException Missing(int offset, int count, string what) =>
        Error(offset, $"{what} needs {count} bytes but only {Math.Max(0, _data.Length - offset)} are there ({_data.Length} received)");

    /// <summary>Byte at <paramref name="offset"/>; <paramref name="what"/> names the field in the error when it is missing.</summary>
    public byte U8(int offset, string what = "field") { Require(offset, 1, what); return _data[offset]; }
    /// <summary>Big-endian 16-bit value at <paramref name="offset"/>; <paramref name="what"/> names the field in the error.</summary>
    public ushort U16(int offset, string what = "field") { Require(offset, 2, what); return BinaryPrimitives.ReadUInt16BigEndian(_data[offset..]); }
    /// <summary>Big-endian 24-bit value at <paramref name="offset"/> (a port ID, a list length); <paramref name="what"/> names the field in the error.</summary>
    public uint U24(int offset, string what = "field") { Require(offset, 3, what); return (uint)(_data[offset] << 16 | _data[offset + 1] << 8 | _data[offset + 2]); }
    /// <summary>Big-endian 32-bit value at <paramref name="offset"/>; <paramref name="what"/> names the field in the error.</summary>
    public uint U32(int offset, string what = "field") { Require(offset, 4, what); return BinaryPrimitives.ReadUInt32BigEndian(_data[offset..]); }
    /// <summary>Big-endian 64-bit value at <paramref name="offset"/>; <paramref name="what"/> names the field in the error.</summary>
    public ulong U64(int offset, string what = "field") { Require(offset, 8, what); return BinaryPrimitives.ReadUInt64BigEndian(_data[offset..]); }
    /// <summary>3-byte port ID at <paramref name="offset"/>; <paramref name="what"/> names the field in the error.</summary>
    public FcId FcId(int offset, string what = "FC ID") { Require(offset, 3, what); return Fc.FcId.Read(_data[offset..]); }
    /// <summary>8-byte world wide name at <paramref name="offset"/>; <paramref name="what"/> names the field in the error.</summary>
    public Wwn Wwn(int offset, string what = "WWN") { Require(offset, 8, what); return Fc.Wwn.Read(_data[offset..]); }
    /// <paramref name="count"/> bytes at <paramref name="offset"/>, not copied; <paramref name="what"/> names the field in the error.
    public ReadOnlySpan<byte> Bytes(int offset, int count, string what = "field") { Require(offset, count, what); return _data.Slice(offset, count); }

    /// <summary>An ASCII string field of fixed size, trimmed at the first NUL and of trailing spaces.</summary>
    public string Ascii(int offset, int count, string what = "string")
    {
        var b = Bytes(offset, count, what);
        var nul = b.IndexOf((byte)0);
        if (nul >= 0) b = b[..nul];
        return System.Text.Encoding.ASCII.GetString(b).TrimEnd();
    }

    /// <summary>An exception for a problem found at <paramref name="offset"/> (the caller throws it), naming this reader's message.</summary>
    public FcWireFormatException Error(int offset, string detail) => new(_message, offset, detail);
}
