namespace BsgKit.Fc.Codes;

/// <summary>CT_IU GS_Type and GS_Subtype codes (FC-GS; kernel fc_gs.h, Wireshark packet-fcct.h).</summary>
public static class GsTypes
{
    /// <summary>Vendor-specific services (Wireshark packet-fcct.h).</summary>
    public const byte Vendor = 0xE0;
    /// <summary>Key distribution service, at 0xFFFFF7 (Wireshark packet-fcct.h).</summary>
    public const byte KeyDistribution = 0xF7;
    /// <summary>Alias service, at 0xFFFFF8 (kernel FC_FST_ALIAS).</summary>
    public const byte Alias = 0xF8;
    /// <summary>Management service at 0xFFFFFA: configuration server, zone server, FDMI, unzoned name server (FC_FST_MGMT).</summary>
    public const byte Management = 0xFA;
    /// <summary>Time service, at 0xFFFFFB (FC_FST_TIME).</summary>
    public const byte Time = 0xFB;
    /// <summary>Directory service at 0xFFFFFC, home of the name server (FC_FST_DIR).</summary>
    public const byte Directory = 0xFC;
    /// <summary>Fabric controller, at 0xFFFFFD (Wireshark packet-fcct.h).</summary>
    public const byte FabricController = 0xFD;

    // Subtypes of the directory service (0xFC).
    /// <summary>Directory service subtype: the name server (kernel fc_ns.h FC_NS_SUBTYPE).</summary>
    public const byte DirectoryNameServer = 0x02;

    // Subtypes of the management service (0xFA).
    /// <summary>Management service subtype: the fabric configuration server (FCS), the fabric's topology.</summary>
    public const byte ManagementFabricConfiguration = 0x01;
    /// <summary>Management service subtype: the name server without zoning applied (zfcp_show asks it GID_PN).</summary>
    public const byte ManagementUnzonedNameServer = 0x02;
    /// <summary>Management service subtype: the fabric zone server.</summary>
    public const byte ManagementZoneServer = 0x03;
    /// <summary>Management service subtype: the lock server.</summary>
    public const byte ManagementLockServer = 0x04;
    /// <summary>Management service subtype: the performance server.</summary>
    public const byte ManagementPerformanceServer = 0x05;
    /// <summary>Management service subtype: the security policy server.</summary>
    public const byte ManagementSecurityPolicyServer = 0x06;
    /// <summary>Management service subtype: FDMI, where HBAs register their attributes (kernel fc_ms.h FC_FDMI_SUBTYPE).</summary>
    public const byte ManagementFdmi = 0x10;

    /// <summary>Names of the GS types (CT_IU byte 4).</summary>
    public static readonly CodeTable Types = new("GS type",
        (Vendor, "Vendor"),
        (KeyDistribution, "Key distribution service"),
        (Alias, "Alias service"),
        (Management, "Management service"),
        (Time, "Time service"),
        (Directory, "Directory service"),
        (FabricController, "Fabric controller"));

    /// <summary>Names of the directory service's subtypes (CT_IU byte 5).</summary>
    public static readonly CodeTable DirectorySubtypes = new("Directory service subtype",
        (DirectoryNameServer, "Name server"));

    /// <summary>Names of the management service's subtypes (CT_IU byte 5).</summary>
    public static readonly CodeTable ManagementSubtypes = new("Management service subtype",
        (ManagementFabricConfiguration, "Fabric configuration server"),
        (ManagementUnzonedNameServer, "Unzoned name server"),
        (ManagementZoneServer, "Fabric zone server"),
        (ManagementLockServer, "Lock server"),
        (ManagementPerformanceServer, "Performance server"),
        (ManagementSecurityPolicyServer, "Security policy server"),
        (ManagementFdmi, "FDMI"));

    private static readonly CodeTable NoSubtypes = new("GS subtype");

    /// <summary>The subtype table for a GS type (an empty table for types without known subtypes).</summary>
    public static CodeTable SubtypesOf(byte gsType) => gsType switch
    {
        Directory => DirectorySubtypes,
        Management => ManagementSubtypes,
        _ => NoSubtypes,
    };

    /// <summary>"Directory service / Name server".</summary>
    public static string DescribeServer(byte gsType, byte gsSubtype) =>
        $"{Types.NameOf(gsType)} / {SubtypesOf(gsType).NameOf(gsSubtype)}";

    /// <summary>The command-code table of a server ("GPN_ID" …), or null for servers without one here.</summary>
    public static CodeTable? CommandsOf(byte gsType, byte gsSubtype) => (gsType, gsSubtype) switch
    {
        (Directory, DirectoryNameServer) => GsNameServerCommands.Table,
        (Management, ManagementUnzonedNameServer) => GsNameServerCommands.Table,
        (Management, ManagementFabricConfiguration) => GsConfigServerCommands.Table,
        (Management, ManagementZoneServer) => GsZoneServerCommands.Table,
        (Management, ManagementFdmi) => GsFdmiCodes.Commands,
        _ => null,
    };

    /// <summary>The name of a CT command as the server it goes to names it, e.g. "GPN_ID".</summary>
    public static string CommandName(byte gsType, byte gsSubtype, ushort command) =>
        CommandsOf(gsType, gsSubtype)?.NameOf(command) ?? $"command 0x{command:x4}";
}
