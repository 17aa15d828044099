namespace BsgKit.Fc.Codes;

/// <summary>Object codes returned by the fabric configuration server (zfcp_util.h).</summary>
public static class GsConfigServerObjects
{
    /// <summary>GIEL entry byte 11 and GIET accept: kind of interconnect element.</summary>
    public static readonly CodeTable ElementTypes = new("Interconnect element type",
        (0x00, "Unknown"), (0x01, "Switch"), (0x02, "Hub"), (0x03, "Bridge"));

    /// <summary>GPS accept byte 7: state of a switch port.</summary>
    public static readonly CodeTable PortStates = new("FCS port state",
        (0x01, "Online"), (0x02, "Offline"), (0x03, "Testing"), (0x04, "Fault"), (0xFF, "Vendor"));

    /// <summary>GPL entry byte 9: transceiver module of a switch port (GBIC, SFP, QSFP …).</summary>
    public static readonly CodeTable PortModuleTypes = new("Port module type",
        (0x01, "Unknown"), (0x02, "Other"), (0x03, "Obsolete"), (0x04, "Embedded"), (0x05, "GLM"),
        (0x06, "GBIC with serial ID"), (0x07, "GBIC without serial ID"), (0x08, "SFP with serial ID"),
        (0x09, "SFP without serial ID"), (0x0A, "XFP"), (0x0B, "X2 Short"), (0x0C, "X2 Medium"),
        (0x0D, "X2 Tall"), (0x0E, "XPAK Short"), (0x0F, "XPAK Medium"), (0x10, "XPAK Tall"),
        (0x11, "XENPAK"), (0x12, "SFP-DWDM"), (0x13, "QSFP"));

    /// <summary>GPL entry byte 10: transmitter type of a switch port (laser wavelength, electrical).</summary>
    public static readonly CodeTable PortTxTypes = new("Port TX type",
        (0x01, "Unknown"), (0x02, "Long wave laser LL (1550 nm)"), (0x03, "Short wave laser SN (850 nm)"),
        (0x04, "Long wave laser cost reduced LC (1310 nm)"), (0x05, "Electrical"),
        (0x06, "10GBASE-SR 850 nm"), (0x07, "10GBASE-LR 1310 nm"), (0x08, "10GBASE-ER 1550 nm"),
        (0x09, "10GBASE-LX4 WWDM 1300 nm"), (0x0A, "10GBASE-SW 850 nm"), (0x0B, "10GBASE-LW 1310 nm"),
        (0x0C, "10GBASE-EW 1550 nm"));
}
