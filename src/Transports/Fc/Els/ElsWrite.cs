using BsgKit.Fc.Wire;

namespace BsgKit.Fc.Els;

/// <summary>Builder helpers: size check, zeroing of reserved bytes, command byte; and request-side checks.</summary>
internal static class ElsWrite
{
    /// <summary>Checks the buffer, zeroes the first <paramref name="length"/> bytes and writes the command code.</summary>
    public static int Begin(Span<byte> payload, int length, byte code, string what)
    {
        if (payload.Length < length)
            throw new ArgumentException($"{what} needs {length} bytes, the buffer has {payload.Length}", nameof(payload));
        payload[..length].Clear();
        payload[0] = code;
        return length;
    }

    public static void U24(Span<byte> destination, uint value)
    {
        if (value > 0xFFFFFF) throw new ArgumentOutOfRangeException(nameof(value), $"0x{value:x} does not fit in 24 bits");
        destination[0] = (byte)(value >> 16);
        destination[1] = (byte)(value >> 8);
        destination[2] = (byte)value;
    }

    /// <summary>Reader for a received request: byte 0 must be the expected command and the fixed part present.</summary>
    public static WireReader ExpectRequest(ReadOnlySpan<byte> payload, byte code, int length, string messageName)
    {
        var reader = new WireReader(payload, messageName);
        var actual = reader.U8(0, "command code");
        if (actual != code)
            throw reader.Error(0, $"command code is 0x{actual:x2} ({Codes.ElsCommands.Table.NameOf(actual)}), expected 0x{code:x2}");
        reader.Require(0, length, messageName);
        return reader;
    }
}
