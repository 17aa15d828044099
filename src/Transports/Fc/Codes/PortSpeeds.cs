namespace BsgKit.Fc.Codes;

/// <summary>
/// Port speed bitmasks. Two incompatible bit sets exist on the wire, so decode a value with the table that
/// matches where it came from. <see cref="Generations"/> pairs the two for each speed.
/// </summary>
public static class PortSpeeds
{
    /// <summary>FC-LS link speed bit: 1 Gbit.</summary>
    public const ushort Link1G = 0x8000;
    /// <summary>FC-LS link speed bit: 2 Gbit.</summary>
    public const ushort Link2G = 0x4000;
    /// <summary>FC-LS link speed bit: 4 Gbit.</summary>
    public const ushort Link4G = 0x2000;
    /// <summary>FC-LS link speed bit: 10 Gbit.</summary>
    public const ushort Link10G = 0x1000;
    /// <summary>FC-LS link speed bit: 8 Gbit.</summary>
    public const ushort Link8G = 0x0800;
    /// <summary>FC-LS link speed bit: 16 Gbit.</summary>
    public const ushort Link16G = 0x0400;
    /// <summary>FC-LS link speed bit: 32 Gbit.</summary>
    public const ushort Link32G = 0x0200;
    /// <summary>FC-LS link speed bit: 64 Gbit.</summary>
    public const ushort Link64G = 0x0100;
    /// <summary>FC-LS link speed bit: 128 Gbit.</summary>
    public const ushort Link128G = 0x0080;
    /// <summary>FC-LS link speed bit: 256 Gbit.</summary>
    public const ushort Link256G = 0x0040;
    /// <summary>FC-LS link speed bit: unknown / user configured.</summary>
    public const ushort LinkUnknown = 0x0002;
    /// <summary>FC-LS link speed bit: speed not established.</summary>
    public const ushort LinkNotEstablished = 0x0001;

    /// <summary>HBA_PORTSPEED_1GBIT.</summary>
    public const uint HbaApi1G = 0x0001;
    /// <summary>HBA_PORTSPEED_2GBIT.</summary>
    public const uint HbaApi2G = 0x0002;
    /// <summary>HBA_PORTSPEED_10GBIT.</summary>
    public const uint HbaApi10G = 0x0004;
    /// <summary>HBA_PORTSPEED_4GBIT.</summary>
    public const uint HbaApi4G = 0x0008;
    /// <summary>HBA_PORTSPEED_8GBIT.</summary>
    public const uint HbaApi8G = 0x0010;
    /// <summary>HBA_PORTSPEED_16GBIT.</summary>
    public const uint HbaApi16G = 0x0020;
    /// <summary>HBA_PORTSPEED_32GBIT.</summary>
    public const uint HbaApi32G = 0x0040;
    /// <summary>HBA_PORTSPEED_128GBIT.</summary>
    public const uint HbaApi128G = 0x0200;
    /// <summary>HBA_PORTSPEED_64GBIT.</summary>
    public const uint HbaApi64G = 0x0400;
    /// <summary>HBA_PORTSPEED_256GBIT.</summary>
    public const uint HbaApi256G = 0x0800;
    /// <summary>HBA_PORTSPEED_NOT_NEGOTIATED.</summary>
    public const uint HbaApiNotNegotiated = 0x8000;

    /// <summary>One speed in both bit sets.</summary>
    /// <param name="Gbit">The nominal speed in Gbit/s, as sysfs names it ("16 Gbit").</param>
    /// <param name="Link">The FC-LS link speed bit.</param>
    /// <param name="HbaApi">The HBA-API / FDMI bit.</param>
    public readonly record struct Generation(int Gbit, ushort Link, uint HbaApi);

    /// <summary>The FC speed generations a port steps down through, ascending (10 Gbit is not one of them).</summary>
    public static IReadOnlyList<Generation> Generations { get; } =
    [
        new(1, Link1G, HbaApi1G), new(2, Link2G, HbaApi2G), new(4, Link4G, HbaApi4G), new(8, Link8G, HbaApi8G),
        new(16, Link16G, HbaApi16G), new(32, Link32G, HbaApi32G), new(64, Link64G, HbaApi64G),
        new(128, Link128G, HbaApi128G), new(256, Link256G, HbaApi256G),
    ];

    /// <summary>10 Gbit FC: a speed of its own, outside the step-down ladder.</summary>
    public static Generation TenGig { get; } = new(10, Link10G, HbaApi10G);

    /// <summary>
    /// FC-LS / FC-GS link speed bits: ELS RPSC, the RDP port speed descriptor and the FCS GPSC accept
    /// (freebsd ocs_fcp.h, lpfc_hw.h RDP_PS_*). Capability is a mask, operating speed a single bit.
    /// </summary>
    public static readonly BitmaskTable Link = new("FC link speed (RPSC/RDP/GPSC)",
        (Link1G, "1 Gbit"),
        (Link2G, "2 Gbit"),
        (Link4G, "4 Gbit"),
        (Link10G, "10 Gbit"),
        (Link8G, "8 Gbit"),
        (Link16G, "16 Gbit"),
        (Link32G, "32 Gbit"),
        (Link64G, "64 Gbit"),
        (Link128G, "128 Gbit"),
        (Link256G, "256 Gbit"),
        (LinkUnknown, "unknown / user configured"),
        (LinkNotEstablished, "speed not established"));

    /// <summary>
    /// HBA-API / FDMI speed bits (HBA_PORTSPEED_*), used by the FDMI SUPPORTEDSPEED and CURRENTPORTSPEED
    /// port attributes. Note 64G (0x400) is above 128G (0x200) here.
    /// </summary>
    public static readonly BitmaskTable HbaApi = new("HBA-API / FDMI port speed",
        (HbaApi1G, "1 Gbit"),
        (HbaApi2G, "2 Gbit"),
        (HbaApi10G, "10 Gbit"),
        (HbaApi4G, "4 Gbit"),
        (HbaApi8G, "8 Gbit"),
        (HbaApi16G, "16 Gbit"),
        (HbaApi32G, "32 Gbit"),
        (HbaApi128G, "128 Gbit"),
        (HbaApi64G, "64 Gbit"),
        (HbaApi256G, "256 Gbit"),
        (HbaApiNotNegotiated, "not negotiated"));

    /// <summary>Describes an RPSC/RDP/GPSC capability mask ("1 Gb, 2 Gb, 4 Gb").</summary>
    public static string DescribeLink(uint mask) => Link.Describe(mask);

    /// <summary>Describes an FDMI speed attribute value.</summary>
    public static string DescribeHbaApi(uint mask) => HbaApi.Describe(mask);
}
