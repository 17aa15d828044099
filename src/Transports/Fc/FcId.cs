using System.Globalization;

namespace BsgKit.Fc;

/// <summary>A 24-bit Fibre Channel address (D_ID / S_ID): domain, area, port.</summary>
public readonly record struct FcId : IComparable<FcId>, ISpanFormattable
{
    /// <summary>The largest 24-bit address, 0xFFFFFF.</summary>
    public const uint MaxValue = 0xFFFFFF;

    /// <summary>The broadcast address (FC-FS well-known address).</summary>
    public static readonly FcId Broadcast = new(0xFFFFFF);
    /// <summary>The F_Port / fabric login server address that FLOGI and FDISC go to (FC-FS well-known address).</summary>
    public static readonly FcId FabricPort = new(0xFFFFFE);          // F_Port / FLOGI
    /// <summary>The fabric controller, which sends RSCN and accepts SCR (FC-FS well-known address).</summary>
    public static readonly FcId FabricController = new(0xFFFFFD);
    /// <summary>The directory server, home of the name server (GS_Type 0xFC, FC-GS).</summary>
    public static readonly FcId DirectoryServer = new(0xFFFFFC);     // name server
    /// <summary>The time server (GS_Type 0xFB, FC-GS).</summary>
    public static readonly FcId TimeServer = new(0xFFFFFB);
    /// <summary>The management server: fabric configuration server, zone server, FDMI, unzoned name server (GS_Type 0xFA, FC-GS).</summary>
    public static readonly FcId ManagementServer = new(0xFFFFFA);    // FCS, FDMI, zone server
    /// <summary>The quality-of-service facilitator (FC-FS well-known address).</summary>
    public static readonly FcId QosFacilitator = new(0xFFFFF9);
    /// <summary>The alias server (GS_Type 0xF8, FC-GS).</summary>
    public static readonly FcId AliasServer = new(0xFFFFF8);
    /// <summary>The key distribution server (GS_Type 0xF7, FC-GS).</summary>
    public static readonly FcId KeyDistributionServer = new(0xFFFFF7);
    /// <summary>The clock synchronization server (FC-FS well-known address).</summary>
    public static readonly FcId ClockSyncServer = new(0xFFFFF6);
    /// <summary>The multicast server (FC-FS well-known address).</summary>
    public static readonly FcId MulticastServer = new(0xFFFFF5);

    /// <summary>The address as a number, 0..0xFFFFFF (domain in bits 23:16, area 15:8, port 7:0).</summary>
    public uint Value { get; }

    /// <summary>An address from its 24-bit value.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> does not fit in 24 bits.</exception>
    public FcId(uint value)
    {
        if (value > MaxValue)
            throw new ArgumentOutOfRangeException(nameof(value), $"FC ID 0x{value:x} does not fit in 24 bits");
        Value = value;
    }

    /// <summary>Domain ID, bits 23:16 (the switch in a multi-switch fabric).</summary>
    public byte Domain => (byte)(Value >> 16);
    /// <summary>Area ID, bits 15:8.</summary>
    public byte Area => (byte)(Value >> 8);
    /// <summary>Port ID, bits 7:0 (the AL_PA on a loop).</summary>
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

    /// <summary>Parses 1 to 6 hex digits with an optional 0x ("0x010203", "10203").</summary>
    /// <exception cref="FormatException">The text is not a 24-bit hex address.</exception>
    public static FcId Parse(string text) =>
        TryParse(text, out var id) ? id
            : throw new FormatException($"'{text}' is not an FC ID (24-bit hex such as 0x010203 or 010203)");

    /// <summary>Parses like <see cref="Parse"/>; false (and <paramref name="id"/> = default) instead of an exception.</summary>
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

    /// <summary>Orders by numeric value (domain, then area, then port).</summary>
    public int CompareTo(FcId other) => Value.CompareTo(other.Value);

    /// <summary>Six lower-case hex digits with 0x, the sysfs form: 0x010203.</summary>
    public override string ToString() => $"0x{Value:x6}";

    /// <summary>The same text as <see cref="ToString()"/>; format and provider are ignored.</summary>
    public string ToString(string? format, IFormatProvider? formatProvider) => ToString();

    /// <summary>Writes the <see cref="ToString()"/> text without allocating; false when <paramref name="destination"/> is too short.</summary>
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider) =>
        destination.TryWrite(CultureInfo.InvariantCulture, $"0x{Value:x6}", out charsWritten);

    /// <summary>The 24-bit value.</summary>
    public static implicit operator uint(FcId id) => id.Value;
}
