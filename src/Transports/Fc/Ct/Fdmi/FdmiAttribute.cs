using System.Buffers.Binary;
using BsgKit.Fc.Codes;

namespace BsgKit.Fc.Ct.Fdmi;

/// <summary>Whether an attribute type number is read from the HBA or the port attribute table (they overlap).</summary>
public enum FdmiAttributeScope
{
    /// <summary>An HBA attribute (RHBA, GHAT): manufacturer, serial number, model, …</summary>
    Hba,
    /// <summary>A port attribute (RPA, GPAT): FC-4 types, speeds, max frame size, …</summary>
    Port,
}

/// <summary>How an attribute's value is decoded.</summary>
public enum FdmiValueKind
{
    /// <summary>A NUL-terminated ASCII string, padded to a word.</summary>
    Text,
    /// <summary>An 8-byte WWN.</summary>
    Wwn,
    /// <summary>A big-endian u32.</summary>
    Number,
    /// <summary>A 32-byte FC-4 type bitmap (<see cref="Fc4TypeSet"/>).</summary>
    Fc4Types,
    /// <summary>A big-endian u32 of HBA-API speed bits.</summary>
    Speed,
    /// <summary>Anything else: kept as raw bytes.</summary>
    Bytes,
}

/// <summary>
/// One FDMI attribute (fc_fdmi_attr_entry): type u16 @0, length u16 @2 (including this 4-byte header, a multiple
/// of 4), value @4. The value is kept as raw bytes; typed views decode it by <see cref="Kind"/>. Unknown types, and
/// known types whose value has the wrong size, are <see cref="FdmiValueKind.Bytes"/>.
/// </summary>
public sealed record FdmiAttribute(FdmiAttributeScope Scope, ushort Type, byte[] RawValue)
{
    /// <summary>Bytes of the attribute header: type u16 @0, length u16 @2.</summary>
    public const int HeaderSize = 4;

    /// <summary>The name of the type, from the code tables ("unknown (0x..)" when not in them).</summary>
    public string TypeName => (Scope == FdmiAttributeScope.Hba ? GsFdmiCodes.HbaAttributes : GsFdmiCodes.PortAttributes).NameOf(Type);

    /// <summary>How <see cref="RawValue"/> decodes: the type's kind, or <see cref="FdmiValueKind.Bytes"/> if the value is too short for it.</summary>
    public FdmiValueKind Kind
    {
        get
        {
            var kind = KindOf(Scope, Type);
            var fits = kind switch
            {
                FdmiValueKind.Wwn => RawValue.Length >= 8,
                FdmiValueKind.Number or FdmiValueKind.Speed => RawValue.Length >= 4,
                FdmiValueKind.Fc4Types => RawValue.Length >= Fc4TypeSet.Size,
                _ => true,
            };
            return fits ? kind : FdmiValueKind.Bytes;
        }
    }

    /// <summary>The string value (NUL padding removed) when <see cref="Kind"/> is Text; otherwise null.</summary>
    public string? Text => Kind == FdmiValueKind.Text ? CtIu.DecodeText(RawValue) : null;
    /// <summary>The WWN value when <see cref="Kind"/> is Wwn; otherwise null.</summary>
    public Wwn? Wwn => Kind == FdmiValueKind.Wwn ? Fc.Wwn.Read(RawValue) : null;
    /// <summary>The big-endian u32 value when <see cref="Kind"/> is Number or Speed; otherwise null.</summary>
    public uint? Number => Kind is FdmiValueKind.Number or FdmiValueKind.Speed ? BinaryPrimitives.ReadUInt32BigEndian(RawValue) : null;
    /// <summary>The FC-4 type bitmap when <see cref="Kind"/> is Fc4Types; otherwise null.</summary>
    public Fc4TypeSet? Fc4Types => Kind == FdmiValueKind.Fc4Types ? Fc4TypeSet.Read(RawValue) : null;
    /// <summary>Speed attributes use the HBA-API bit set (<see cref="PortSpeeds.HbaApi"/>).</summary>
    public string? SpeedNames => Kind == FdmiValueKind.Speed ? PortSpeeds.HbaApi.Describe(Number!.Value) : null;

    /// <summary>
    /// The value as display text whatever its kind: WWNs as 0x…, numbers with their names where the standard gives them
    /// (port type "N_Port", classes of service "Class 3", port state "Online", port ID "0x010100", sizes in bytes).
    /// </summary>
    public string DisplayValue => Kind switch
    {
        FdmiValueKind.Text => Text!,
        FdmiValueKind.Wwn => Wwn!.Value.ToString(),
        FdmiValueKind.Number => DescribeNumber(Number!.Value),
        FdmiValueKind.Speed => SpeedNames!,
        FdmiValueKind.Fc4Types => Fc4Types!.ToString(),
        _ => Convert.ToHexString(RawValue),
    };

    private string DescribeNumber(uint n) => (Scope, Type) switch
    {
        (FdmiAttributeScope.Port, GsFdmiCodes.PortType) when n <= 0xFF => PortTypes.Table.NameOf(n),
        (FdmiAttributeScope.Port, GsFdmiCodes.PortSupportedClassOfService) => ClassOfService.Table.Describe(n),
        (FdmiAttributeScope.Port, GsFdmiCodes.PortState) => GsFdmiCodes.PortStates.NameOf(n),
        (FdmiAttributeScope.Port, GsFdmiCodes.PortId) when n <= FcId.MaxValue => new FcId(n).ToString(),
        (FdmiAttributeScope.Port, GsFdmiCodes.PortMaxFrameSize) or (FdmiAttributeScope.Hba, GsFdmiCodes.HbaMaxCtPayload) => $"{n} bytes",
        _ => n.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>A string attribute; the NUL terminator is added when encoded.</summary>
    /// <param name="scope">HBA or port table.</param>
    /// <param name="type">The attribute type number.</param>
    /// <param name="text">The value (ASCII, at most <see cref="CtIu.MaxTextBytes"/> bytes).</param>
    public static FdmiAttribute FromText(FdmiAttributeScope scope, ushort type, string text) =>
        new(scope, type, CtIu.EncodeText(text, CtIu.MaxTextBytes, "FDMI string attribute"));

    /// <summary>A WWN attribute (8-byte value).</summary>
    /// <param name="scope">HBA or port table.</param>
    /// <param name="type">The attribute type number.</param>
    /// <param name="wwn">The value.</param>
    public static FdmiAttribute FromWwn(FdmiAttributeScope scope, ushort type, Fc.Wwn wwn)
    {
        var v = new byte[8];
        wwn.Write(v);
        return new(scope, type, v);
    }

    /// <summary>A u32 attribute (big-endian 4-byte value).</summary>
    /// <param name="scope">HBA or port table.</param>
    /// <param name="type">The attribute type number.</param>
    /// <param name="value">The value.</param>
    public static FdmiAttribute FromNumber(FdmiAttributeScope scope, ushort type, uint value)
    {
        var v = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(v, value);
        return new(scope, type, v);
    }

    /// <summary>An FC-4 types attribute (32-byte bitmap).</summary>
    /// <param name="scope">HBA or port table.</param>
    /// <param name="type">The attribute type number.</param>
    /// <param name="types">The value.</param>
    public static FdmiAttribute FromFc4Types(FdmiAttributeScope scope, ushort type, Fc4TypeSet types)
    {
        var v = new byte[Fc4TypeSet.Size];
        types.Write(v);
        return new(scope, type, v);
    }

    /// <summary>Encoded size: header + value, strings with at least one NUL, padded to a word.</summary>
    public int EncodedLength => HeaderSize + CtIu.PadToWord(RawValue.Length + (NeedsTerminator ? 1 : 0));

    // A string value is sent NUL-terminated; a parsed one usually already carries its NUL padding.
    private bool NeedsTerminator =>
        KindOf(Scope, Type) == FdmiValueKind.Text && (RawValue.Length == 0 || RawValue[^1] != 0);

    /// <summary>The value kind the FDMI attribute tables give <paramref name="type"/> in <paramref name="scope"/>; unknown types are Bytes.</summary>
    /// <param name="scope">HBA or port table (type numbers overlap).</param>
    /// <param name="type">The attribute type number.</param>
    public static FdmiValueKind KindOf(FdmiAttributeScope scope, ushort type) => scope == FdmiAttributeScope.Hba
        ? type switch
        {
            0x1 or 0xF => FdmiValueKind.Wwn,
            >= 0x2 and <= 0xA or 0xC or 0x10 => FdmiValueKind.Text,
            0xB or 0xD or 0xE or 0x11 => FdmiValueKind.Number,
            _ => FdmiValueKind.Bytes,
        }
        : type switch
        {
            0x1 or 0xD => FdmiValueKind.Fc4Types,
            0x2 or 0x3 => FdmiValueKind.Speed,
            0x4 or 0xA or 0xB or 0x101 or 0x102 or 0x103 => FdmiValueKind.Number,
            0x5 or 0x6 or 0x9 => FdmiValueKind.Text,
            0x7 or 0x8 or 0xC => FdmiValueKind.Wwn,
            _ => FdmiValueKind.Bytes,
        };

    /// <summary>Strings compare by text (NUL padding differs between sender and parser), the rest by bytes.</summary>
    public bool Equals(FdmiAttribute? other) =>
        other is not null && Scope == other.Scope && Type == other.Type &&
        (Kind == FdmiValueKind.Text && other.Kind == FdmiValueKind.Text
            ? Text == other.Text
            : RawValue.AsSpan().SequenceEqual(other.RawValue));

    /// <summary>A hash over the same contents <c>Equals</c> compares.</summary>
    public override int GetHashCode() => HashCode.Combine(Scope, Type, RawValue.Length);

    /// <summary>A one-line rendering for logs and the CLI.</summary>
    public override string ToString() => $"{TypeName}: {DisplayValue}";
}
