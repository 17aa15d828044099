namespace BsgKit.Fc.Codes;

/// <summary>FC-GS FDMI (fabric device management interface) command codes and attribute types (GS_Type 0xFA/0x10; kernel include/scsi/fc/fc_ms.h, not UAPI).</summary>
public static class GsFdmiCodes
{
    /// <summary>FDMI version 1 (kernel fc_ms.h FDMI_V1).</summary>
    public const byte Version1 = 1;
    /// <summary>FDMI version 2 (kernel fc_ms.h FDMI_V2).</summary>
    public const byte Version2 = 2;

    /// <summary>GRHL, get registered HBA list.</summary>
    public const ushort Grhl = 0x100;
    /// <summary>GHAT, get the attributes registered for an HBA identifier.</summary>
    public const ushort Ghat = 0x101;
    /// <summary>GRPL, get the port list registered for an HBA.</summary>
    public const ushort Grpl = 0x102;
    /// <summary>GPAT, get the attributes registered for a port name.</summary>
    public const ushort Gpat = 0x110;
    /// <summary>GPAS, a get command only lpfc defines (no kernel fc_ms.h name).</summary>
    public const ushort Gpas = 0x120;
    /// <summary>RHBA, register an HBA with its port list and attributes.</summary>
    public const ushort Rhba = 0x200;
    /// <summary>RHAT, register HBA attributes.</summary>
    public const ushort Rhat = 0x201;
    /// <summary>RPRT, register a port of an HBA.</summary>
    public const ushort Rprt = 0x210;
    /// <summary>RPA, register port attributes.</summary>
    public const ushort Rpa = 0x211;
    /// <summary>DHBA, deregister an HBA.</summary>
    public const ushort Dhba = 0x300;
    /// <summary>DHAT, deregister HBA attributes.</summary>
    public const ushort Dhat = 0x301;
    /// <summary>DPRT, deregister a port.</summary>
    public const ushort Dprt = 0x310;
    /// <summary>DPA, deregister port attributes.</summary>
    public const ushort Dpa = 0x311;

    /// <summary>Names of the FDMI commands.</summary>
    public static readonly CodeTable Commands = new("FDMI command",
        (Grhl, "GRHL"), (Ghat, "GHAT"), (Grpl, "GRPL"), (Gpat, "GPAT"), (Gpas, "GPAS"),
        (Rhba, "RHBA"), (Rhat, "RHAT"), (Rprt, "RPRT"), (Rpa, "RPA"),
        (Dhba, "DHBA"), (Dhat, "DHAT"), (Dprt, "DPRT"), (Dpa, "DPA"));

    /// <summary>Names of the HBA attribute types (FC_FDMI_HBA_ATTR_*).</summary>
    public static readonly CodeTable HbaAttributes = new("FDMI HBA attribute",
        (0x1, "Node name"), (0x2, "Manufacturer"), (0x3, "Serial number"), (0x4, "Model"),
        (0x5, "Model description"), (0x6, "Hardware version"), (0x7, "Driver version"),
        (0x8, "Option ROM version"), (0x9, "Firmware version"), (0xA, "OS name and version"),
        (0xB, "Max CT payload"), (0xC, "Node symbolic name"), (0xD, "Vendor specific info"),
        (0xE, "Number of ports"), (0xF, "Fabric name"), (0x10, "BIOS version"), (0x11, "BIOS state"),
        (0xE0, "Vendor identifier"));

    // Port attributes whose numbers have names (FC-GS-7 FDMI; HBA-API port state values).
    /// <summary>Port attribute types decoded by number: max frame size, port type, supported classes of service, port state, discovered ports, port ID.</summary>
    public const ushort PortMaxFrameSize = 0x4, PortType = 0xA, PortSupportedClassOfService = 0xB, PortState = 0x101, PortDiscoveredPorts = 0x102, PortId = 0x103;
    /// <summary>HBA attribute type: maximum CT payload of the HBA, a number of bytes.</summary>
    public const ushort HbaMaxCtPayload = 0xB;

    /// <summary>HBA_PORTSTATE_* (HBA-API), the FDMI port state attribute's values.</summary>
    public static readonly CodeTable PortStates = new("FDMI port state",
        (1, "Unknown"), (2, "Online"), (3, "Offline"), (4, "Bypassed"), (5, "Diagnostics"),
        (6, "Link down"), (7, "Error"), (8, "Loopback"), (9, "Degraded"));

    /// <summary>Names of the port attribute types (FC_FDMI_PORT_ATTR_*).</summary>
    public static readonly CodeTable PortAttributes = new("FDMI port attribute",
        (0x1, "FC-4 types"), (0x2, "Supported speed"), (0x3, "Current port speed"), (0x4, "Max frame size"),
        (0x5, "OS device name"), (0x6, "Host name"), (0x7, "Node name"), (0x8, "Port name"),
        (0x9, "Port symbolic name"), (0xA, "Port type"), (0xB, "Supported class of service"),
        (0xC, "Fabric name"), (0xD, "Current FC-4 types"), (0x101, "Port state"),
        (0x102, "Discovered ports"), (0x103, "Port ID"));
}
