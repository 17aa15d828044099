namespace BsgKit.Fc.Codes;

/// <summary>FC-GS fabric zone server command codes, CT_IU bytes 8-9 (GS_Type 0xFA/0x03; Wireshark packet-fcfzs.h).</summary>
public static class GsZoneServerCommands
{
    /// <summary>GZC, get zoning capabilities: hard/soft zoning and zone set database support (<see cref="CapabilityFlags"/>).</summary>
    public const ushort Gzc = 0x0100;
    /// <summary>GEST, get enforcement state: whether soft or hard zoning is enforced (<see cref="EnforcementFlags"/>).</summary>
    public const ushort Gest = 0x0111;
    /// <summary>GZSN, get the list of zone set names.</summary>
    public const ushort Gzsn = 0x0112;
    /// <summary>GZD, get the zones (zone definitions) of a zone set.</summary>
    public const ushort Gzd = 0x0113;
    /// <summary>GZM, get the members of a zone.</summary>
    public const ushort Gzm = 0x0114;
    /// <summary>GAZS, get the active zone set with its zones and members.</summary>
    public const ushort Gazs = 0x0115;
    /// <summary>GZS, get a zone set from the zone set database with its zones and members.</summary>
    public const ushort Gzs = 0x0116;
    /// <summary>ADZS, add a zone set to the zone set database.</summary>
    public const ushort Adzs = 0x0200;
    /// <summary>AZSD, activate zone set direct: activates the zone set carried in the request.</summary>
    public const ushort Azsd = 0x0201;
    /// <summary>AZS, activate a zone set from the database.</summary>
    public const ushort Azs = 0x0202;
    /// <summary>DZS, deactivate the active zone set.</summary>
    public const ushort Dzs = 0x0203;
    /// <summary>AZM, add members to a zone.</summary>
    public const ushort Azm = 0x0204;
    /// <summary>AZD, add a zone (definition).</summary>
    public const ushort Azd = 0x0205;
    /// <summary>RZM, remove members from a zone.</summary>
    public const ushort Rzm = 0x0300;
    /// <summary>RZD, remove a zone.</summary>
    public const ushort Rzd = 0x0301;
    /// <summary>RZS, remove a zone set.</summary>
    public const ushort Rzs = 0x0302;

    /// <summary>Names of the zone server commands.</summary>
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

    /// <summary>GZC capability flags (byte 0 of the accept).</summary>
    public static readonly BitmaskTable CapabilityFlags = new("Zone server capabilities",
        (0x80, "Hard zones"),
        (0x40, "Soft zones"),
        (0x01, "Zone set database available"));

    /// <summary>GEST enforcement state flags (byte 0 of the accept).</summary>
    public static readonly BitmaskTable EnforcementFlags = new("Zone enforcement state",
        (0x80, "Soft zone set enforced"),
        (0x40, "Hard zone set enforced"));
}
