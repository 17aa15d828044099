namespace BsgKit.Fc.Codes;

/// <summary>Object codes returned by the fabric configuration server (zfcp_util.h).</summary>
public static class GsConfigServerObjects
{
    /// <summary>Interconnect element type: unknown.</summary>
    public const byte ElementTypeUnknown = 0x00;
    /// <summary>Interconnect element type: switch.</summary>
    public const byte ElementTypeSwitch = 0x01;
    /// <summary>Interconnect element type: hub.</summary>
    public const byte ElementTypeHub = 0x02;
    /// <summary>Interconnect element type: bridge.</summary>
    public const byte ElementTypeBridge = 0x03;

    /// <summary>FCS port state: online.</summary>
    public const byte PortStateOnline = 0x01;
    /// <summary>FCS port state: offline.</summary>
    public const byte PortStateOffline = 0x02;
    /// <summary>FCS port state: testing.</summary>
    public const byte PortStateTesting = 0x03;
    /// <summary>FCS port state: fault.</summary>
    public const byte PortStateFault = 0x04;
    /// <summary>FCS port state: vendor specific.</summary>
    public const byte PortStateVendor = 0xFF;

    /// <summary>Port module type: SFP with serial ID.</summary>
    public const byte ModuleSfpWithSerialId = 0x08;

    /// <summary>Port TX type: long wave laser LL (1550 nm).</summary>
    public const byte TxLongWave1550 = 0x02;
    /// <summary>Port TX type: short wave laser SN (850 nm).</summary>
    public const byte TxShortWave850 = 0x03;
    /// <summary>Port TX type: long wave laser cost reduced LC (1310 nm).</summary>
    public const byte TxLongWave1310 = 0x04;

    /// <summary>GIEL entry byte 11 and GIET accept: kind of interconnect element.</summary>
    public static readonly CodeTable ElementTypes = new("Interconnect element type",
        (ElementTypeUnknown, "Unknown"), (ElementTypeSwitch, "Switch"), (ElementTypeHub, "Hub"), (ElementTypeBridge, "Bridge"));

    /// <summary>GPS accept byte 7: state of a switch port.</summary>
    public static readonly CodeTable PortStates = new("FCS port state",
        (PortStateOnline, "Online"), (PortStateOffline, "Offline"), (PortStateTesting, "Testing"), (PortStateFault, "Fault"),
        (PortStateVendor, "Vendor"));

    /// <summary>GPL entry byte 9: transceiver module of a switch port (GBIC, SFP, QSFP …).</summary>
    public static readonly CodeTable PortModuleTypes = new("Port module type",
        (0x01, "Unknown"), (0x02, "Other"), (0x03, "Obsolete"), (0x04, "Embedded"), (0x05, "GLM"),
        (0x06, "GBIC with serial ID"), (0x07, "GBIC without serial ID"), (0x08, "SFP with serial ID"),
        (0x09, "SFP without serial ID"), (0x0A, "XFP"), (0x0B, "X2 Short"), (0x0C, "X2 Medium"),
        (0x0D, "X2 Tall"), (0x0E, "XPAK Short"), (0x0F, "XPAK Medium"), (0x10, "XPAK Tall"),
        (0x11, "XENPAK"), (0x12, "SFP-DWDM"), (0x13, "QSFP"));

    /// <summary>GPL entry byte 10: transmitter type of a switch port (laser wavelength, electrical).</summary>
    public static readonly CodeTable PortTxTypes = new("Port TX type",
        (0x01, "Unknown"), (TxLongWave1550, "Long wave laser LL (1550 nm)"), (TxShortWave850, "Short wave laser SN (850 nm)"),
        (TxLongWave1310, "Long wave laser cost reduced LC (1310 nm)"), (0x05, "Electrical"),
        (0x06, "10GBASE-SR 850 nm"), (0x07, "10GBASE-LR 1310 nm"), (0x08, "10GBASE-ER 1550 nm"),
        (0x09, "10GBASE-LX4 WWDM 1300 nm"), (0x0A, "10GBASE-SW 850 nm"), (0x0B, "10GBASE-LW 1310 nm"),
        (0x0C, "10GBASE-EW 1550 nm"));
}
