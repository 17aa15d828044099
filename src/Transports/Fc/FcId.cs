using System.Globalization;

namespace BsgKit.Fc;

/// <summary>A 24-bit Fibre Channel address (D_ID / S_ID): domain, area, port.</summary>
public readonly record struct FcId : IComparable<FcId>, ISpanFormattable
{
    public const uint MaxValue = 0xFFFFFF;

    public static readonly FcId Broadcast = new(0xFFFFFF);
    public static readonly FcId FabricPort = new(0xFFFFFE);          // F_Port / FLOGI
    public static readonly FcId FabricController = new(0xFFFFFD);
    public static readonly FcId DirectoryServer = new(0xFFFFFC);     // name server
    public static readonly FcId TimeServer = new(0xFFFFFB);
    public static readonly FcId ManagementServer = new(0xFFFFFA);    // FCS, FDMI, zone server
    public static readonly FcId QosFacilitator = new(0xFFFFF9);
    public static readonly FcId AliasServer = new(0xFFFFF8);
    public static readonly FcId KeyDistributionServer = new(0xFFFFF7);
    public static readonly FcId ClockSyncServer = new(0xFFFFF6);
    public static readonly FcId MulticastServer = new(0xFFFFF5);

    public uint Value { get; }

    public FcId(uint value)
    {
        if (value > MaxValue)
            throw new ArgumentOutOfRangeException(nameof(value), $"FC ID 0x{value:x} does not fit in 24 bits");
        Value = value;
    }

    public byte Domain => (byte)(Value >> 16);
    public byte Area => (byte)(Value >> 8);
    public byte Port => (byte)Value;

    /// <summary>True for 0xFFFFF0..0xFFFFFF, the fabric's well-known addresses.</summary>
    public bool IsWellKnown => (Value & 0xFFFFF0) == 0xFFFFF0;

    /// <summary>The well-known address's name ("Directory Server" …) or null.</summary>
    public string? WellKnownName => Value switch
    {
        0xFFFFFF => "Broadcast",
        0xFFFFFE => "Fabric Port",
        0xFFFFFD => "Fabric Controller",
        0xFFFFFC => "Directory Server",
        0xFFFFFB => "Time Server",
        0xFFFFFA => "Management Server",
        0xFFFFF9 => "QoS Facilitator",
        0xFFFFF8 => "Alias Server",
        0xFFFFF7 => "Key Distribution Server",
        0xFFFFF6 => "Clock Synchronization Server",
        0xFFFFF5 => "Multicast Server",
        >= 0xFFFFF0 => "Unknown Fabric Entity",
        _ => null,
    };

    /// <summary>Reads a big-endian 3-byte address (wire order).</summary>
    public static FcId Read(ReadOnlySpan<byte> threeBytes) =>
        new((uint)(threeBytes[0] << 16 | threeBytes[1] << 8 | threeBytes[2]));

    /// <summary>Writes the address as 3 big-endian bytes (wire and UAPI order).</summary>
    public void Write(Span<byte> threeBytes)
    {
        threeBytes[0] = Domain;
        threeBytes[1] = Area;
        threeBytes[2] = Port;
    }

    public static FcId Parse(string text) =>
        TryParse(text, out var id) ? id
            : throw new FormatException($"'{text}' is not an FC ID (24-bit hex such as 0x010203 or 010203)");

    public static bool TryParse(string? text, out FcId id)
    {
        id = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var s = text.Trim();
        if (s.StartsWith("0x", StringComparison.OrdinalIgnoreCase)) s = s[2..];
        if (s.Length is 0 or > 6) return false;
        if (!uint.TryParse(s, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var v)) return false;
        id = new FcId(v);
        return true;
    }

    public int CompareTo(FcId other) => Value.CompareTo(other.Value);

    public override string ToString() => $"0x{Value:x6}";

    public string ToString(string? format, IFormatProvider? formatProvider) => ToString();

    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider) =>
        destination.TryWrite(CultureInfo.InvariantCulture, $"0x{Value:x6}", out charsWritten);

    public static implicit operator uint(FcId id) => id.Value;
}
