namespace BsgKit.Fc.Codes;

/// <summary>CT_IU GS_Type and GS_Subtype codes (FC-GS; kernel fc_gs.h, Wireshark packet-fcct.h).</summary>
public static class GsTypes
{
    public const byte Vendor = 0xE0;
    public const byte KeyDistribution = 0xF7;
    public const byte Alias = 0xF8;
    public const byte Management = 0xFA;
    public const byte Time = 0xFB;
    public const byte Directory = 0xFC;
    public const byte FabricController = 0xFD;

    // Subtypes of the directory service (0xFC).
    public const byte DirectoryNameServer = 0x02;

    // Subtypes of the management service (0xFA).
    public const byte ManagementFabricConfiguration = 0x01;
    public const byte ManagementUnzonedNameServer = 0x02;
    public const byte ManagementZoneServer = 0x03;
    public const byte ManagementLockServer = 0x04;
    public const byte ManagementPerformanceServer = 0x05;
    public const byte ManagementSecurityPolicyServer = 0x06;
    public const byte ManagementFdmi = 0x10;

    public static readonly CodeTable Types = new("GS type",
        (Vendor, "Vendor"),
        (KeyDistribution, "Key distribution service"),
        (Alias, "Alias service"),
        (Management, "Management service"),
        (Time, "Time service"),
        (Directory, "Directory service"),
        (FabricController, "Fabric controller"));

    public static readonly CodeTable DirectorySubtypes = new("Directory service subtype",
        (DirectoryNameServer, "Name server"));

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
