namespace BsgKit.Fc.Codes;

/// <summary>
/// CT_IU reason code explanations (byte 14). The meaning depends on the server that rejected: the zone
/// server has its own set; the name server, fabric configuration server and FDMI share the common table
/// (fcnsq, zfcp_util RC_EXPL, Wireshark packet-fcdns.h; 0x30..0x36 are FCS explanations).
/// </summary>
public static class CtReasonExplanations
{
    /// <summary>No more detail than the reason code (kernel FC_FS_EXP_NONE).</summary>
    public const byte NoAdditionalExplanation = 0x00;
    /// <summary>The queried port ID is not in the name server (FC_FS_EXP_PID).</summary>
    public const byte PortIdNotRegistered = 0x01;
    /// <summary>The queried port name (WWPN) is not registered (FC_FS_EXP_PNAM).</summary>
    public const byte PortNameNotRegistered = 0x02;
    /// <summary>The queried node name (WWNN) is not registered (FC_FS_EXP_NNAM).</summary>
    public const byte NodeNameNotRegistered = 0x03;
    /// <summary>The port registered no class of service (FC_FS_EXP_COS).</summary>
    public const byte ClassOfServiceNotRegistered = 0x04;
    /// <summary>The port registered no FC-4 types (FC_FS_EXP_FTNR); a fabric-wide GID_FT/GPN_FT answers it when no port has the type, and the listing treats that as empty.</summary>
    public const byte Fc4TypesNotRegistered = 0x07;
    /// <summary>The port registered no port type.</summary>
    public const byte PortTypeNotRegistered = 0x0A;
    /// <summary>The port registered no FC-4 features (no RFF_ID from it).</summary>
    public const byte Fc4FeaturesNotRegistered = 0x0F;
    /// <summary>The server has no entries at all (with reason "unable to perform").</summary>
    public const byte DatabaseEmpty = 0x12;
    /// <summary>No object matches the domain/area scope or type of the query (with reason "unable to perform").</summary>
    public const byte NoObjectInScope = 0x13;
    /// <summary>A request is already being processed; an FPNG rejected with it (reason "logical error") has a token in use, and zfcp_ping retries with the next token.</summary>
    public const byte ProcessingRequest = 0xF4;

    /// <summary>Explanations shared by the name server, fabric configuration server and FDMI.</summary>
    public static readonly CodeTable Common = new("CT reason explanation",
        (0x00, "No additional explanation"),
        (0x01, "Port ID not registered"),
        (0x02, "Port Name not registered"),
        (0x03, "Node Name not registered"),
        (0x04, "Class of Service not registered"),
        (0x05, "IP node"),
        (0x06, "IPA not registered"),
        (0x07, "FC-4 Types not registered"),
        (0x08, "Symbolic Port Name not registered"),
        (0x09, "Symbolic Node Name not registered"),
        (0x0A, "Port Type not registered"),
        (0x0B, "IP port"),
        (0x0C, "Fabric Port Name not registered"),
        (0x0D, "Hard Address not registered"),
        (0x0E, "FC-4 descriptor"),
        (0x0F, "FC-4 Features not registered"),
        (0x10, "Access denied"),
        (0x11, "Unacceptable Port ID"),
        (0x12, "Database empty"),
        (0x13, "No object registered in the specified scope"),
        (0x14, "Domain ID not present"),
        (0x15, "Port number not present"),
        (0x16, "No device attached"),
        (0x30, "Port List not available"),
        (0x31, "Port Type not available"),
        (0x32, "Physical Port Number not available"),
        (0x34, "Attached Port Name List not available"),
        (0x36, "Port State not available"),
        (0xF0, "Authorization exception"),
        (0xF1, "Authentication exception"),
        (0xF2, "DB full"),
        (0xF3, "DB empty"),
        (0xF4, "Processing request"),
        (0xF5, "Unable to verify connection"),
        (0xF6, "Devices not in a common zone"));

    /// <summary>Fabric zone server explanations (Wireshark packet-fcfzs.h).</summary>
    public static readonly CodeTable ZoneServer = new("Zone server reason explanation",
        (0x00, "No additional explanation"),
        (0x01, "Zones not supported"),
        (0x10, "Zone set name unknown"),
        (0x11, "No zone set active"),
        (0x12, "Zone name unknown"),
        (0x13, "Zone state unknown"),
        (0x14, "Incorrect payload length"),
        (0x15, "Zone set to be activated too large"),
        (0x16, "Deactivate zone set failed"),
        (0x17, "Request not supported"),
        (0x18, "Capability not supported"),
        (0x19, "Zone member identifier type not supported"),
        (0x1A, "Invalid zone set definition"));

    /// <summary>The explanation table for the server identified by GS type and subtype.</summary>
    public static CodeTable For(byte gsType, byte gsSubtype) =>
        gsType == GsTypes.Management && gsSubtype == GsTypes.ManagementZoneServer ? ZoneServer : Common;
}
