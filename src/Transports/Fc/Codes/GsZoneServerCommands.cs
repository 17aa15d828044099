namespace BsgKit.Fc.Codes;

/// <summary>Fabric zone server command codes (GS_Type 0xFA/0x03; Wireshark packet-fcfzs.h).</summary>
public static class GsZoneServerCommands
{
    public const ushort Gzc = 0x0100;
    public const ushort Gest = 0x0111;
    public const ushort Gzsn = 0x0112;
    public const ushort Gzd = 0x0113;
    public const ushort Gzm = 0x0114;
    public const ushort Gazs = 0x0115;
    public const ushort Gzs = 0x0116;
    public const ushort Adzs = 0x0200;
    public const ushort Azsd = 0x0201;
    public const ushort Azs = 0x0202;
    public const ushort Dzs = 0x0203;
    public const ushort Azm = 0x0204;
    public const ushort Azd = 0x0205;
    public const ushort Rzm = 0x0300;
    public const ushort Rzd = 0x0301;
    public const ushort Rzs = 0x0302;

    public static readonly CodeTable Table = new("Zone server command",
        (Gzc, "GZC"), (Gest, "GEST"), (Gzsn, "GZSN"), (Gzd, "GZD"), (Gzm, "GZM"), (Gazs, "GAZS"),
        (Gzs, "GZS"), (Adzs, "ADZS"), (Azsd, "AZSD"), (Azs, "AZS"), (Dzs, "DZS"), (Azm, "AZM"),
        (Azd, "AZD"), (Rzm, "RZM"), (Rzd, "RZD"), (Rzs, "RZS"));

    /// <summary>Zone member identifier types (Wireshark packet-fcfzs.h).</summary>
    public static readonly CodeTable MemberTypes = new("Zone member type",
        (0x01, "N_Port WWN"),
        (0x02, "Domain/physical port"),
        (0x03, "FC address"),
        (0x04, "Node WWN"),
        (0xE1, "N_Port WWN + LUN"),
        (0xE2, "Domain/physical port + LUN"),
        (0xE3, "FC address + LUN"));

    /// <summary>GZC capability: hard zones.</summary>
    public const byte CapabilityHardZones = 0x80;
    /// <summary>GZC capability: soft zones.</summary>
    public const byte CapabilitySoftZones = 0x40;
    /// <summary>GZC capability: a zone set database is available.</summary>
    public const byte CapabilityZoneSetDatabase = 0x01;

    /// <summary>GEST: a soft zone set is enforced.</summary>
    public const byte EnforcementSoft = 0x80;
    /// <summary>GEST: a hard zone set is enforced.</summary>
    public const byte EnforcementHard = 0x40;

    /// <summary>GZC capability flags (byte 0 of the accept).</summary>
    public static readonly BitmaskTable CapabilityFlags = new("Zone server capabilities",
        (CapabilityHardZones, "Hard zones"),
        (CapabilitySoftZones, "Soft zones"),
        (CapabilityZoneSetDatabase, "Zone set database available"));

    /// <summary>GEST enforcement state flags (byte 0 of the accept).</summary>
    public static readonly BitmaskTable EnforcementFlags = new("Zone enforcement state",
        (EnforcementSoft, "Soft zone set enforced"),
        (EnforcementHard, "Hard zone set enforced"));
}
