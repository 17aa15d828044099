namespace BsgKit.Fc.Codes;

/// <summary>FC-LS RNID code tables: data formats, associated (node) types, node management, IP version (fc_els.h).</summary>
public static class RnidTypes
{
    /// <summary>RNID request byte 4: only the common identification data (WWPN, WWNN).</summary>
    public const byte FormatCommonOnly = 0x00;
    /// <summary>RNID request byte 4: common data plus the 52-byte general topology block (libzfcphbaapi uses it).</summary>
    public const byte FormatGeneralTopology = 0xDF;

    /// <summary>Associated type 0xFF: the node is multi-function, see <see cref="MultiFunctionBits"/>.</summary>
    public const uint MultiFunction = 0xFF;

    /// <summary>Names of the node identification data formats.</summary>
    public static readonly CodeTable Formats = new("RNID data format",
        (0x00, "Common identification data only"),
        (0xDF, "General topology discovery"));

    /// <summary>General topology block, associated type word: what kind of node answered.</summary>
    public static readonly CodeTable AssociatedTypes = new("RNID associated type",
        (0x01, "Unknown"),
        (0x02, "Other"),
        (0x03, "Hub"),
        (0x04, "Switch"),
        (0x05, "Gateway"),
        (0x06, "Converter (obsolete)"),
        (0x07, "HBA (obsolete)"),
        (0x08, "Proxy agent (obsolete)"),
        (0x09, "Storage device"),
        (0x0A, "Host"),
        (0x0B, "Storage subsystem"),
        (0x0E, "Access device"),
        (0x11, "NAS server"),
        (0x12, "Bridge"),
        (0x13, "Virtualization device"),
        (0xFF, "Multi-function device"));

    /// <summary>Bits of the associated type word when the node is multi-function.</summary>
    public static readonly BitmaskTable MultiFunctionBits = new("RNID multi-function bit",
        (1u << 31, "Hub"),
        (1u << 30, "Switch"),
        (1u << 29, "Gateway"),
        (1u << 28, "Storage device"),
        (1u << 27, "Host"),
        (1u << 26, "Storage subsystem"),
        (1u << 25, "Access device"),
        (1u << 24, "WDM"),
        (1u << 23, "NAS server"),
        (1u << 22, "Bridge"),
        (1u << 21, "Virtualization device"));

    /// <summary>General topology block, node management byte: how the node is managed.</summary>
    public static readonly CodeTable NodeManagement = new("RNID node management",
        (0, "IP/UDP/SNMP"),
        (1, "IP/TCP/Telnet"),
        (2, "IP/TCP/HTTP"),
        (3, "IP/TCP/HTTPS"),
        (4, "IP/TCP/XML"));

    /// <summary>General topology block, IP version byte: what the IP address field holds.</summary>
    public static readonly CodeTable IpVersions = new("RNID IP version",
        (0, "None"),
        (1, "IPv4"),
        (2, "IPv6"));
}
