using BsgKit.Fc.Codes;

namespace BsgKit.Fc.Ct.ZoneServer;

/// <summary>
/// A zone member: identifier type (<see cref="GsZoneServerCommands.MemberTypes"/>) and identifier bytes.
/// Type 1/4 hold a WWN, 3 an FC address in bytes 1..3 of a 4-byte field, 2 a domain/physical port 0x00ddpppp;
/// the LUN types (0xE1..0xE3) append 8 LUN bytes.
/// </summary>
public sealed record ZoneMember(byte Type, byte[] Identifier)
{
    /// <summary>Member identifier type 0x01: N_Port name (WWPN, 8 bytes).</summary>
    public const byte PortNameType = 0x01;
    /// <summary>Member identifier type 0x02: domain and physical port, 0x00ddpppp.</summary>
    public const byte DomainPortType = 0x02;
    /// <summary>Member identifier type 0x03: FC address (N_Port ID in bytes 1..3).</summary>
    public const byte AddressType = 0x03;
    /// <summary>Member identifier type 0x04: node name (WWNN, 8 bytes).</summary>
    public const byte NodeNameType = 0x04;

    /// <summary>The name of the type, from the code tables ("unknown (0x..)" when not in them).</summary>
    public string TypeName => GsZoneServerCommands.MemberTypes.NameOf(Type);

    /// <summary>The WWN for a port-name, node-name or port-name-LUN member; otherwise null.</summary>
    public Wwn? Name => Type is PortNameType or NodeNameType or 0xE1 && Identifier.Length >= 8 ? Wwn.Read(Identifier) : null;

    /// <summary>The N_Port ID for an address or address-LUN member; otherwise null.</summary>
    public FcId? Address => Type is AddressType or 0xE3 && Identifier.Length >= 4 ? FcId.Read(Identifier.AsSpan(1)) : null;

    /// <summary>A member identified by WWPN (type 0x01).</summary>
    public static ZoneMember ByPortName(Wwn wwpn) => new(PortNameType, WwnBytes(wwpn));
    /// <summary>A member identified by WWNN (type 0x04).</summary>
    public static ZoneMember ByNodeName(Wwn wwnn) => new(NodeNameType, WwnBytes(wwnn));

    /// <summary>A member identified by N_Port ID (type 0x03).</summary>
    public static ZoneMember ByAddress(FcId address)
    {
        var id = new byte[4];
        address.Write(id.AsSpan(1));
        return new(AddressType, id);
    }

    /// <summary>A member identified by switch domain and physical port (type 0x02).</summary>
    public static ZoneMember ByDomainPort(byte domain, ushort port) => new(DomainPortType, [0, domain, (byte)(port >> 8), (byte)port]);

    private static byte[] WwnBytes(Wwn w)
    {
        var b = new byte[8];
        w.Write(b);
        return b;
    }

    /// <summary>Equal when every field, lists element by element, is equal.</summary>
    public bool Equals(ZoneMember? other) => other is not null && Type == other.Type && Identifier.AsSpan().SequenceEqual(other.Identifier);
    /// <summary>A hash over the same contents <c>Equals</c> compares.</summary>
    public override int GetHashCode() => HashCode.Combine(Type, Identifier.Length);

    /// <summary>A one-line rendering for logs and the CLI.</summary>
    public override string ToString() => Name is { } w ? $"{TypeName} {w:C}" : Address is { } a ? $"{TypeName} {a}" : $"{TypeName} {Convert.ToHexString(Identifier)}";
}

/// <summary>A zone: a name and its members (as GZS/GZM return them).</summary>
/// <param name="Name">The zone name.</param>
/// <param name="Members">The zone's members.</param>
public sealed record Zone(string Name, IReadOnlyList<ZoneMember> Members)
{
    /// <summary>A one-line rendering for logs and the CLI.</summary>
    public override string ToString() => BsgKit.Bsg.Text.RecordText.Of(this);

    /// <summary>Equal when every field, lists element by element, is equal.</summary>
    public bool Equals(Zone? other) => other is not null && Name == other.Name && Members.SequenceEqual(other.Members);
    /// <summary>A hash over the same contents <c>Equals</c> compares.</summary>
    public override int GetHashCode() => HashCode.Combine(Name, Members.Count);
}

/// <summary>A zone set: a name and its zones.</summary>
/// <param name="Name">The zone set name.</param>
/// <param name="Zones">The zones in the set.</param>
public sealed record ZoneSet(string Name, IReadOnlyList<Zone> Zones)
{
    /// <summary>A one-line rendering for logs and the CLI.</summary>
    public override string ToString() => BsgKit.Bsg.Text.RecordText.Of(this);

    /// <summary>Equal when every field, lists element by element, is equal.</summary>
    public bool Equals(ZoneSet? other) => other is not null && Name == other.Name && Zones.SequenceEqual(other.Zones);
    /// <summary>A hash over the same contents <c>Equals</c> compares.</summary>
    public override int GetHashCode() => HashCode.Combine(Name, Zones.Count);
}

/// <summary>A GZSN entry: zone set name and how many zones it holds.</summary>
public readonly record struct ZoneSetSummary(string Name, uint ZoneCount);

/// <summary>A GZD entry: zone name and how many members it holds.</summary>
public readonly record struct ZoneSummary(string Name, uint MemberCount);
