using System.Buffers.Binary;
using System.Globalization;

namespace BsgKit.Simulator.Hosting.Fcoe.Wire;

/// <summary>A 48-bit Ethernet address, with the FIP multicast groups (fc_fip.h) and the FC-MAP helpers.</summary>
public readonly record struct MacAddress(ulong Value)
{
    /// <summary>Bytes in a MAC address.</summary>
    public const int Length = 6;

    /// <summary>ALL-FCF-MACs: where ENodes send discovery solicitations.</summary>
    public static readonly MacAddress AllFcfMacs = new(0x01_10_18_01_00_02);
    /// <summary>ALL-ENode-MACs: where FCFs send unsolicited advertisements.</summary>
    public static readonly MacAddress AllEnodeMacs = new(0x01_10_18_01_00_01);

    /// <summary>The all-zero address (none).</summary>
    public bool IsZero => Value == 0;
    /// <summary>The group bit (bit 0 of the first byte) is set.</summary>
    public bool IsMulticast => (Value >> 40 & 1) != 0;
    /// <summary>Not zero and not multicast (the kernel's is_valid_ether_addr).</summary>
    public bool IsValidUnicast => !IsZero && !IsMulticast;

    /// <summary>A fabric-provided MAC address: FC-MAP in the upper 24 bits, the FC ID in the lower 24.</summary>
    public static MacAddress Fpma(uint fcMap, uint fcId) => new((ulong)(fcMap & 0xFFFFFF) << 24 | (fcId & 0xFFFFFF));

    /// <summary>The lower 24 bits, which name the FC ID in an FPMA.</summary>
    public uint Low24 => (uint)(Value & 0xFFFFFF);

    /// <summary>Reads six bytes in network order.</summary>
    public static MacAddress Read(ReadOnlySpan<byte> six) =>
        new((ulong)BinaryPrimitives.ReadUInt16BigEndian(six) << 32 | BinaryPrimitives.ReadUInt32BigEndian(six[2..]));

    /// <summary>Writes six bytes in network order.</summary>
    public void Write(Span<byte> six)
    {
        BinaryPrimitives.WriteUInt16BigEndian(six, (ushort)(Value >> 32));
        BinaryPrimitives.WriteUInt32BigEndian(six[2..], (uint)Value);
    }

    /// <summary>Parses six hex bytes separated by <c>:</c> or <c>-</c>; <see cref="FormatException"/> otherwise.</summary>
    public static MacAddress Parse(string text)
    {
        var parts = text.Trim().Split(':', '-');
        if (parts.Length != 6) throw new FormatException($"'{text}' is not a MAC address (six hex bytes separated by ':')");
        ulong v = 0;
        foreach (var p in parts)
        {
            if (!byte.TryParse(p, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var b))
                throw new FormatException($"'{text}' is not a MAC address ('{p}' is not a hex byte)");
            v = v << 8 | b;
        }
        return new MacAddress(v);
    }

    /// <summary>Lower-case colon form, 0e:fc:00:01:0a:00.</summary>
    public override string ToString() => string.Create(17, Value, static (s, v) =>
    {
        for (var i = 0; i < 6; i++)
        {
            var b = (byte)(v >> (40 - 8 * i));
            s[i * 3] = "0123456789abcdef"[b >> 4];
            s[i * 3 + 1] = "0123456789abcdef"[b & 15];
            if (i < 5) s[i * 3 + 2] = ':';
        }
    });
}
