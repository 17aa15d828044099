using System.Buffers.Binary;
using System.Globalization;

namespace BsgKit.Fc;

/// <summary>A 64-bit World Wide Name (WWPN or WWNN).</summary>
public readonly record struct Wwn : IComparable<Wwn>, ISpanFormattable
{
    /// <summary>The 64-bit name as a number; byte 0 on the wire is its most significant byte.</summary>
    public ulong Value { get; }

    /// <summary>A name from its 64-bit value.</summary>
    public Wwn(ulong value) => Value = value;

    /// <summary>True for 0, which drivers and name server entries use for "no name".</summary>
    public bool IsZero => Value == 0;

    /// <summary>The NAA (Network Address Authority) nibble: 1, 2, 5, 6 …</summary>
    public int Naa => (int)(Value >> 60);

    /// <summary>Reads 8 big-endian bytes (wire order).</summary>
    public static Wwn Read(ReadOnlySpan<byte> eightBytes) => new(BinaryPrimitives.ReadUInt64BigEndian(eightBytes));

    /// <summary>Writes the name as 8 big-endian bytes (wire order).</summary>
    public void Write(Span<byte> eightBytes) => BinaryPrimitives.WriteUInt64BigEndian(eightBytes, Value);

    /// <summary>
    /// Parses exactly 8 bytes: 16 hex digits with an optional 0x ("0x2000001b32a0b1c2", "2000001b32a0b1c2"), or 8 groups of
    /// 2 hex digits joined by colons ("20:00:00:1b:32:a0:b1:c2"). Anything shorter or longer is refused, never zero-padded.
    /// </summary>
    public static Wwn Parse(string text) =>
        TryParse(text, out var w) ? w
            : throw new FormatException($"'{text}' is not a WWN (exactly 16 hex digits, as 0x2000001b32a0b1c2 or 20:00:00:1b:32:a0:b1:c2)");

    /// <summary>Parses like <see cref="Parse"/>; false (and <paramref name="wwn"/> = default) instead of an exception.</summary>
    public static bool TryParse(string? text, out Wwn wwn)
    {
        wwn = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var s = text.AsSpan().Trim();
        if (s.Contains(':'))
        {
            if (s.Length != 23) return false;
            ulong v = 0;
            for (var i = 0; i < 8; i++)
            {
                var o = i * 3;
                if (i < 7 && s[o + 2] != ':') return false;
                if (!char.IsAsciiHexDigit(s[o]) || !char.IsAsciiHexDigit(s[o + 1])) return false;
                v = v << 8 | byte.Parse(s.Slice(o, 2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
            }
            wwn = new Wwn(v);
            return true;
        }
        if (s.StartsWith("0x", StringComparison.OrdinalIgnoreCase)) s = s[2..];
        if (s.Length != 16) return false;
        foreach (var c in s) if (!char.IsAsciiHexDigit(c)) return false;
        wwn = new Wwn(ulong.Parse(s, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture));
        return true;
    }

    /// <summary>The colon form used by switches and most vendor tools: 20:00:00:1b:32:a0:b1:c2.</summary>
    public string ToColonString() => string.Create(23, Value, static (span, v) =>
    {
        for (var i = 0; i < 8; i++)
        {
            var b = (byte)(v >> (56 - 8 * i));
            var o = i * 3;
            span[o] = HexDigit(b >> 4);
            span[o + 1] = HexDigit(b & 0xF);
            if (i < 7) span[o + 2] = ':';
        }
    });

    private static char HexDigit(int n) => (char)(n < 10 ? '0' + n : 'a' + n - 10);

    /// <summary>Orders by numeric value.</summary>
    public int CompareTo(Wwn other) => Value.CompareTo(other.Value);

    /// <summary>The sysfs form: 0x2000001b32a0b1c2.</summary>
    public override string ToString() => $"0x{Value:x16}";

    /// <summary>"C" (or "c") gives the colon form <see cref="ToColonString"/>; any other format the 0x form of <see cref="ToString()"/>.</summary>
    public string ToString(string? format, IFormatProvider? formatProvider) =>
        format is "C" or "c" ? ToColonString() : ToString();

    /// <summary>Formats as <see cref="ToString(string?, IFormatProvider?)"/>; false when <paramref name="destination"/> is too short.</summary>
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
    {
        var text = format is "C" or "c" ? ToColonString() : ToString();
        charsWritten = text.TryCopyTo(destination) ? text.Length : 0;
        return charsWritten != 0;
    }
}
