using BsgKit.Fc.Codes;

namespace BsgKit.Fc.Ct;

/// <summary>A GS_Type/GS_Subtype pair: the fabric service a CT_IU is addressed to.</summary>
public readonly record struct CtServer(byte GsType, byte GsSubtype)
{
    public static readonly CtServer NameServer = new(GsTypes.Directory, GsTypes.DirectoryNameServer);
    public static readonly CtServer UnzonedNameServer = new(GsTypes.Management, GsTypes.ManagementUnzonedNameServer);
    public static readonly CtServer FabricConfiguration = new(GsTypes.Management, GsTypes.ManagementFabricConfiguration);
    public static readonly CtServer ZoneServer = new(GsTypes.Management, GsTypes.ManagementZoneServer);
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
