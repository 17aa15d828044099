using BsgKit.Fc.Codes;

namespace BsgKit.Fc.Ct;

/// <summary>A GS_Type/GS_Subtype pair: the fabric service a CT_IU is addressed to.</summary>
public readonly record struct CtServer(byte GsType, byte GsSubtype)
{
    /// <summary>Directory service (0xFC), name server (0x02), at 0xFFFFFC.</summary>
    public static readonly CtServer NameServer = new(GsTypes.Directory, GsTypes.DirectoryNameServer);
    /// <summary>Management service (0xFA), unzoned name server (0x02), at 0xFFFFFA.</summary>
    public static readonly CtServer UnzonedNameServer = new(GsTypes.Management, GsTypes.ManagementUnzonedNameServer);
    /// <summary>Management service (0xFA), fabric configuration server (0x01), at 0xFFFFFA.</summary>
    public static readonly CtServer FabricConfiguration = new(GsTypes.Management, GsTypes.ManagementFabricConfiguration);
    /// <summary>Management service (0xFA), zone server (0x03), at 0xFFFFFA.</summary>
    public static readonly CtServer ZoneServer = new(GsTypes.Management, GsTypes.ManagementZoneServer);
    /// <summary>Management service (0xFA), FDMI (0x10), at 0xFFFFFA.</summary>
    public static readonly CtServer Fdmi = new(GsTypes.Management, GsTypes.ManagementFdmi);

    /// <summary>The well-known address that serves this GS type (what zfcp derives the D_ID from).</summary>
    public FcId WellKnownAddress => GsType switch
    {
        GsTypes.Directory => FcId.DirectoryServer,
        GsTypes.Management => FcId.ManagementServer,
        GsTypes.Time => FcId.TimeServer,
        GsTypes.Alias => FcId.AliasServer,
        GsTypes.KeyDistribution => FcId.KeyDistributionServer,
        _ => FcId.FabricController,
    };

    /// <summary>A one-line rendering for logs and the CLI.</summary>
    public override string ToString() => GsTypes.DescribeServer(GsType, GsSubtype);
}
