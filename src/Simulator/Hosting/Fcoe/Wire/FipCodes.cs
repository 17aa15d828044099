using BsgKit.Fc.Codes;

namespace BsgKit.Simulator.Hosting.Fcoe.Wire;

/// <summary>FIP operation codes, subcodes, descriptor types and header flags (include/scsi/fc/fc_fip.h).</summary>
internal static class FipCodes
{
    public const ushort EtherType = 0x8914;
    public const byte Version = 1;
    public const int HeaderLength = 10;
    /// <summary>Descriptor lengths are in 4-byte words (FIP_BPW).</summary>
    public const int BytesPerWord = 4;

    // operations
    public const ushort OpDiscovery = 1, OpLinkService = 2, OpControl = 3, OpVlan = 4, OpVn2vn = 5;
    // subcodes
    public const byte SubSolicitation = 1, SubAdvertisement = 2;      // discovery
    public const byte SubRequest = 1, SubReply = 2;                   // link service
    public const byte SubKeepAlive = 1, SubClearVirtualLinks = 2;     // control
    public const byte SubVlanRequest = 1, SubVlanNotification = 2;    // VLAN

    public static readonly CodeTable Operations = new("FIP operation",
        (OpDiscovery, "DISC"), (OpLinkService, "LS"), (OpControl, "CTRL"), (OpVlan, "VLAN"), (OpVn2vn, "VN2VN"));

    /// <summary>Name of an operation/subcode pair for logs ("DISC/SOL", "CTRL/CVL" …).</summary>
    public static string NameOf(ushort op, byte subcode) => (op, subcode) switch
    {
        (OpDiscovery, SubSolicitation) => "DISC/SOL",
        (OpDiscovery, SubAdvertisement) => "DISC/ADV",
        (OpLinkService, SubRequest) => "LS/REQ",
        (OpLinkService, SubReply) => "LS/REP",
        (OpControl, SubKeepAlive) => "CTRL/KA",
        (OpControl, SubClearVirtualLinks) => "CTRL/CVL",
        (OpVlan, SubVlanRequest) => "VLAN/REQ",
        (OpVlan, SubVlanNotification) => "VLAN/NOTE",
        _ => $"{Operations.NameOf(op)}/{subcode}",
    };

    // descriptor types
    public const byte DescPriority = 1, DescMac = 2, DescMapOui = 3, DescName = 4, DescFabric = 5, DescMaxFcoeSize = 6,
        DescFlogi = 7, DescFdisc = 8, DescLogo = 9, DescElp = 10, DescVnId = 11, DescFka = 12, DescVendor = 13,
        DescVlan = 14, DescFc4Features = 15;
    /// <summary>Types from 128 up are non-critical: a receiver that does not know one ignores it.</summary>
    public const byte FirstNonCritical = 128;

    public static readonly CodeTable Descriptors = new("FIP descriptor",
        (DescPriority, "priority"), (DescMac, "MAC"), (DescMapOui, "FC-MAP"), (DescName, "name"), (DescFabric, "fabric"),
        (DescMaxFcoeSize, "max FCoE size"), (DescFlogi, "FLOGI"), (DescFdisc, "FDISC"), (DescLogo, "LOGO"),
        (DescElp, "ELP"), (DescVnId, "VN_Port ID"), (DescFka, "FKA_ADV_Period"), (DescVendor, "vendor"),
        (DescVlan, "VLAN"), (DescFc4Features, "FC-4 features"));

    // header flags
    public const ushort FlagFpma = 0x8000, FlagSpma = 0x4000, FlagFcf = 0x0020, FlagFdf = 0x0010,
        FlagRecordOrP2p = 0x0008, FlagAvailable = 0x0004, FlagSolicited = 0x0002, FlagFPort = 0x0001;

    public static readonly BitmaskTable Flags = new("FIP flag",
        (FlagFpma, "FP"), (FlagSpma, "SP"), (FlagFcf, "F"), (FlagFdf, "FDF"), (FlagRecordOrP2p, "REC/P2P"),
        (FlagAvailable, "A"), (FlagSolicited, "S"), (FlagFPort, "FP-port"));

    /// <summary>The default FC-MAP (FIP_DEF_FC_MAP), FCF priority (FIP_DEF_PRI) and advertisement period (FIP_DEF_FKA).</summary>
    public const uint DefaultFcMap = 0x0EFC00;
    public const byte DefaultPriority = 128;
    public const int DefaultFkaPeriodMs = 8000;
    /// <summary>The VN_Port keep-alive period the ENode uses (FIP_VN_KA_PERIOD).</summary>
    public const int VnPortKeepAlivePeriodMs = 90_000;
}
