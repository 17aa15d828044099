namespace BsgKit.Fc.Codes;

/// <summary>
/// CT_IU reason code explanations (byte 14). The meaning depends on the server that rejected: the zone
/// server has its own set (<see cref="ZoneServerExplanations"/>); the name server, fabric configuration server and FDMI share the common table
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
    /// <summary>IP node.</summary>
    public const byte IpNode = 0x05;
    /// <summary>IPA not registered.</summary>
    public const byte IpaNotRegistered = 0x06;
    /// <summary>The port registered no FC-4 types (FC_FS_EXP_FTNR); a fabric-wide GID_FT/GPN_FT answers it when no port has the type, and the listing treats that as empty.</summary>
    public const byte Fc4TypesNotRegistered = 0x07;
    /// <summary>Symbolic Port Name not registered.</summary>
    public const byte SymbolicPortNameNotRegistered = 0x08;
    /// <summary>Symbolic Node Name not registered.</summary>
    public const byte SymbolicNodeNameNotRegistered = 0x09;
    /// <summary>The port registered no port type.</summary>
    public const byte PortTypeNotRegistered = 0x0A;
    /// <summary>IP port.</summary>
    public const byte IpPort = 0x0B;
    /// <summary>Fabric Port Name not registered.</summary>
    public const byte FabricPortNameNotRegistered = 0x0C;
    /// <summary>Hard Address not registered.</summary>
    public const byte HardAddressNotRegistered = 0x0D;
    /// <summary>FC-4 descriptor.</summary>
    public const byte Fc4Descriptor = 0x0E;
    /// <summary>The port registered no FC-4 features (no RFF_ID from it).</summary>
    public const byte Fc4FeaturesNotRegistered = 0x0F;
    /// <summary>Access denied.</summary>
    public const byte AccessDenied = 0x10;
    /// <summary>Unacceptable Port ID.</summary>
    public const byte UnacceptablePortId = 0x11;
    /// <summary>The server has no entries at all (with reason "unable to perform").</summary>
    public const byte DatabaseEmpty = 0x12;
    /// <summary>No object matches the domain/area scope or type of the query (with reason "unable to perform").</summary>
    public const byte NoObjectInScope = 0x13;
    /// <summary>Domain ID not present.</summary>
    public const byte DomainIdNotPresent = 0x14;
    /// <summary>Port number not present.</summary>
    public const byte PortNumberNotPresent = 0x15;
    /// <summary>No device attached.</summary>
    public const byte NoDeviceAttached = 0x16;
    /// <summary>Port List not available.</summary>
    public const byte PortListNotAvailable = 0x30;
    /// <summary>Port Type not available.</summary>
    public const byte PortTypeNotAvailable = 0x31;
    /// <summary>Physical Port Number not available.</summary>
    public const byte PhysicalPortNumberNotAvailable = 0x32;
    /// <summary>Attached Port Name List not available.</summary>
    public const byte AttachedPortNameListNotAvailable = 0x34;
    /// <summary>Port State not available.</summary>
    public const byte PortStateNotAvailable = 0x36;
    /// <summary>Authorization exception.</summary>
    public const byte AuthorizationException = 0xF0;
    /// <summary>Authentication exception.</summary>
    public const byte AuthenticationException = 0xF1;
    /// <summary>DB full.</summary>
    public const byte DatabaseFull = 0xF2;
    /// <summary>DB empty.</summary>
    public const byte DatabaseEmptyFcs = 0xF3;
    /// <summary>A request is already being processed; an FPNG rejected with it (reason "logical error") has a token in use, and zfcp_ping retries with the next token.</summary>
    public const byte ProcessingRequest = 0xF4;
    /// <summary>Unable to verify connection.</summary>
    public const byte UnableToVerifyConnection = 0xF5;
    /// <summary>Devices not in a common zone.</summary>
    public const byte DevicesNotInCommonZone = 0xF6;

    /// <summary>Explanations shared by the name server, fabric configuration server and FDMI.</summary>
    public static readonly CodeTable Common = new("CT reason explanation",
        (NoAdditionalExplanation, "No additional explanation"),
        (PortIdNotRegistered, "Port ID not registered"),
        (PortNameNotRegistered, "Port Name not registered"),
        (NodeNameNotRegistered, "Node Name not registered"),
        (ClassOfServiceNotRegistered, "Class of Service not registered"),
        (IpNode, "IP node"),
        (IpaNotRegistered, "IPA not registered"),
        (Fc4TypesNotRegistered, "FC-4 Types not registered"),
        (SymbolicPortNameNotRegistered, "Symbolic Port Name not registered"),
        (SymbolicNodeNameNotRegistered, "Symbolic Node Name not registered"),
        (PortTypeNotRegistered, "Port Type not registered"),
        (IpPort, "IP port"),
        (FabricPortNameNotRegistered, "Fabric Port Name not registered"),
        (HardAddressNotRegistered, "Hard Address not registered"),
        (Fc4Descriptor, "FC-4 descriptor"),
        (Fc4FeaturesNotRegistered, "FC-4 Features not registered"),
        (AccessDenied, "Access denied"),
        (UnacceptablePortId, "Unacceptable Port ID"),
        (DatabaseEmpty, "Database empty"),
        (NoObjectInScope, "No object registered in the specified scope"),
        (DomainIdNotPresent, "Domain ID not present"),
        (PortNumberNotPresent, "Port number not present"),
        (NoDeviceAttached, "No device attached"),
        (PortListNotAvailable, "Port List not available"),
        (PortTypeNotAvailable, "Port Type not available"),
        (PhysicalPortNumberNotAvailable, "Physical Port Number not available"),
        (AttachedPortNameListNotAvailable, "Attached Port Name List not available"),
        (PortStateNotAvailable, "Port State not available"),
        (AuthorizationException, "Authorization exception"),
        (AuthenticationException, "Authentication exception"),
        (DatabaseFull, "DB full"),
        (DatabaseEmptyFcs, "DB empty"),
        (ProcessingRequest, "Processing request"),
        (UnableToVerifyConnection, "Unable to verify connection"),
        (DevicesNotInCommonZone, "Devices not in a common zone"));

    /// <summary>Fabric zone server explanations (Wireshark packet-fcfzs.h).</summary>
    public static readonly CodeTable ZoneServer = new("Zone server reason explanation",
        (ZoneServerExplanations.NoAdditionalExplanation, "No additional explanation"),
        (ZoneServerExplanations.ZonesNotSupported, "Zones not supported"),
        (ZoneServerExplanations.ZoneSetNameUnknown, "Zone set name unknown"),
        (ZoneServerExplanations.NoZoneSetActive, "No zone set active"),
        (ZoneServerExplanations.ZoneNameUnknown, "Zone name unknown"),
        (ZoneServerExplanations.ZoneStateUnknown, "Zone state unknown"),
        (ZoneServerExplanations.IncorrectPayloadLength, "Incorrect payload length"),
        (ZoneServerExplanations.ZoneSetTooLarge, "Zone set to be activated too large"),
        (ZoneServerExplanations.DeactivateZoneSetFailed, "Deactivate zone set failed"),
        (ZoneServerExplanations.RequestNotSupported, "Request not supported"),
        (ZoneServerExplanations.CapabilityNotSupported, "Capability not supported"),
        (ZoneServerExplanations.ZoneMemberTypeNotSupported, "Zone member identifier type not supported"),
        (ZoneServerExplanations.InvalidZoneSetDefinition, "Invalid zone set definition"));

/// <summary>The explanation table for the server identified by GS type and subtype.</summary>
    public static CodeTable For(byte gsType, byte gsSubtype) =>
        gsType == GsTypes.Management && gsSubtype == GsTypes.ManagementZoneServer ? ZoneServer : Common;
}

/// <summary>Fabric zone server reason explanations (byte 14 of a zone server FS_RJT; Wireshark packet-fcfzs.h).</summary>
public static class ZoneServerExplanations
{
    /// <summary>No additional explanation.</summary>
    public const byte NoAdditionalExplanation = 0x00;
    /// <summary>Zones not supported.</summary>
    public const byte ZonesNotSupported = 0x01;
    /// <summary>Zone set name unknown.</summary>
    public const byte ZoneSetNameUnknown = 0x10;
    /// <summary>No zone set active.</summary>
    public const byte NoZoneSetActive = 0x11;
    /// <summary>Zone name unknown.</summary>
    public const byte ZoneNameUnknown = 0x12;
    /// <summary>Zone state unknown.</summary>
    public const byte ZoneStateUnknown = 0x13;
    /// <summary>Incorrect payload length.</summary>
    public const byte IncorrectPayloadLength = 0x14;
    /// <summary>Zone set to be activated too large.</summary>
    public const byte ZoneSetTooLarge = 0x15;
    /// <summary>Deactivate zone set failed.</summary>
    public const byte DeactivateZoneSetFailed = 0x16;
    /// <summary>Request not supported.</summary>
    public const byte RequestNotSupported = 0x17;
    /// <summary>Capability not supported.</summary>
    public const byte CapabilityNotSupported = 0x18;
    /// <summary>Zone member identifier type not supported.</summary>
    public const byte ZoneMemberTypeNotSupported = 0x19;
    /// <summary>Invalid zone set definition.</summary>
    public const byte InvalidZoneSetDefinition = 0x1A;
}
