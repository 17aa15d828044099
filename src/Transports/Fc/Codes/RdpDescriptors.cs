namespace BsgKit.Fc.Codes;

/// <summary>FC-LS RDP (read diagnostic parameters) descriptor tags and the code tables used inside RDP descriptors (lpfc_hw.h / ocs_fcp.h).</summary>
public static class RdpDescriptors
{
    /// <summary>Link service descriptor: echoes the request's word 0 (RDP accept).</summary>
    public const uint LinkServiceTag = 0x00000001;
    /// <summary>N_Port_ID descriptor: the port the RDP asks about (the only descriptor of the request).</summary>
    public const uint NPortIdTag = 0x00000003;
    /// <summary>SFP diagnostics descriptor: temperature, Vcc, TX bias, TX and RX power readings and flags.</summary>
    public const uint SfpDiagnosticsTag = 0x00010000;
    /// <summary>Port speed descriptor: capability mask and operating speed (<see cref="PortSpeeds.Link"/> bits).</summary>
    public const uint PortSpeedTag = 0x00010001;
    /// <summary>Link error status descriptor: the LESB and the port type.</summary>
    public const uint LinkErrorStatusTag = 0x00010002;
    /// <summary>Port names descriptor: WWNN and WWPN; appears twice, for the diagnosed and then the attached port.</summary>
    public const uint PortNamesTag = 0x00010003;
    /// <summary>FEC descriptor: corrected and uncorrectable block counts.</summary>
    public const uint FecTag = 0x00010005;
    /// <summary>Buffer credit descriptor: port and attached port BB credit, round-trip latency.</summary>
    public const uint BufferCreditTag = 0x00010006;
    /// <summary>Optical element descriptor: alarm and warning thresholds of one element; appears once per element type.</summary>
    public const uint OpticalElementTag = 0x00010007;
    /// <summary>Optical product descriptor: transceiver vendor, model, serial number, revision and date.</summary>
    public const uint OpticalProductTag = 0x00010008;

    /// <summary>Names of the descriptor tags.</summary>
    public static readonly CodeTable Tags = new("RDP descriptor",
        (LinkServiceTag, "Link service"),
        (NPortIdTag, "N_Port_ID"),
        (SfpDiagnosticsTag, "SFP diagnostics"),
        (PortSpeedTag, "Port speed"),
        (LinkErrorStatusTag, "Link error status"),
        (PortNamesTag, "Port names"),
        (FecTag, "FEC"),
        (BufferCreditTag, "Buffer credit"),
        (OpticalElementTag, "Optical element data"),
        (OpticalProductTag, "Optical product data"));

    /// <summary>Optical element types (flags bits 31:28), also the order of the SFP diagnostics' readings.</summary>
    public const int Temperature = 1, Voltage = 2, TxBias = 3, TxPower = 4, RxPower = 5;

    /// <summary>Optical element data: element type, flags bits 31:28.</summary>
    public static readonly CodeTable OpticalElementTypes = new("RDP optical element",
        (Temperature, "Temperature"),
        (Voltage, "Voltage"),
        (TxBias, "TX bias current"),
        (TxPower, "TX power"),
        (RxPower, "RX power"));

    /// <summary>The same elements as identifiers (JSON keys): one name per element for its reading and its thresholds.</summary>
    public static readonly CodeTable OpticalElementKeys = new("RDP optical element key",
        (Temperature, "temperature"),
        (Voltage, "voltage"),
        (TxBias, "txBias"),
        (TxPower, "txPower"),
        (RxPower, "rxPower"));

    /// <summary>Optical element data: threshold transgression bits, flags bits 3:0.</summary>
    public static readonly BitmaskTable OpticalElementFlags = new("RDP optical element transgression",
        (0x8, "High alarm"),      // listed most severe first: names come out in table order
        (0x4, "Low alarm"),
        (0x2, "High warning"),
        (0x1, "Low warning"));

    /// <summary>SFP diagnostics flags bits 3:0: transceiver physical type (lpfc SFP_FLAG_PT_*).</summary>
    public static readonly CodeTable SfpTransceiverTypes = new("RDP SFP transceiver type",
        (0, "Optical"),
        (1, "Short wave laser"),
        (2, "Long wave laser 1310 nm"),
        (3, "Long wave laser 1550 nm"));

    /// <summary>SFP diagnostics flags bits 9:6: connector type (lpfc SFP_FLAG_CT_*).</summary>
    public static readonly CodeTable SfpConnectorTypes = new("RDP SFP connector type",
        (0, "Unknown"),
        (1, "SFP+"));
}
