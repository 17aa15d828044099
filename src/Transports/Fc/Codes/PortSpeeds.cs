namespace BsgKit.Fc.Codes;

/// <summary>
/// Port speed bitmasks. Two incompatible bit sets exist on the wire, so decode a value with the table that
/// matches where it came from.
/// </summary>
public static class PortSpeeds
{
    /// <summary>
    /// FC-LS / FC-GS link speed bits: ELS RPSC, the RDP port speed descriptor and the FCS GPSC accept
    /// (freebsd ocs_fcp.h, lpfc_hw.h RDP_PS_*). Capability is a mask, operating speed a single bit.
    /// </summary>
    public static readonly BitmaskTable Link = new("FC link speed (RPSC/RDP/GPSC)",
        (0x8000, "1 Gbit"),
        (0x4000, "2 Gbit"),
        (0x2000, "4 Gbit"),
        (0x1000, "10 Gbit"),
        (0x0800, "8 Gbit"),
        (0x0400, "16 Gbit"),
        (0x0200, "32 Gbit"),
        (0x0100, "64 Gbit"),
        (0x0080, "128 Gbit"),
        (0x0040, "256 Gbit"),
        (0x0002, "unknown / user configured"),
        (0x0001, "speed not established"));

    /// <summary>
    /// HBA-API / FDMI speed bits (HBA_PORTSPEED_*), used by the FDMI SUPPORTEDSPEED and CURRENTPORTSPEED
    /// port attributes. Note 64G (0x400) is above 128G (0x200) here.
    /// </summary>
    public static readonly BitmaskTable HbaApi = new("HBA-API / FDMI port speed",
        (0x0001, "1 Gbit"),
        (0x0002, "2 Gbit"),
        (0x0004, "10 Gbit"),
        (0x0008, "4 Gbit"),
        (0x0010, "8 Gbit"),
        (0x0020, "16 Gbit"),
        (0x0040, "32 Gbit"),
        (0x0200, "128 Gbit"),
        (0x0400, "64 Gbit"),
        (0x0800, "256 Gbit"),
        (0x8000, "not negotiated"));

    /// <summary>Describes an RPSC/RDP/GPSC capability mask ("1 Gb, 2 Gb, 4 Gb").</summary>
    public static string DescribeLink(uint mask) => Link.Describe(mask);

    /// <summary>Describes an FDMI speed attribute value.</summary>
    public static string DescribeHbaApi(uint mask) => HbaApi.Describe(mask);
}
