namespace BsgKit.Fc.Codes;

/// <summary>FC-GS CT_IU reject reason codes (byte 13): union of kernel enum fc_ct_reason, fcnsq and zfcp_util RC_*.</summary>
public static class CtRejectReasons
{
    /// <summary>The server does not know the command code (kernel FC_FS_RJT_CMD).</summary>
    public const byte InvalidCommandCode = 0x01;
    /// <summary>The CT_IU revision (byte 0) is not one the server speaks (FC_FS_RJT_VER).</summary>
    public const byte InvalidVersionLevel = 0x02;
    /// <summary>Logical error in the request (FC_FS_RJT_LOG); FPNG gets it, with explanation "processing request", while its token is in use.</summary>
    public const byte LogicalError = 0x03;
    /// <summary>The CT_IU is too large or too small for the command (FC_FS_RJT_IUSIZ).</summary>
    public const byte InvalidIuSize = 0x04;
    /// <summary>The server is busy; the request may be retried (FC_FS_RJT_BSY).</summary>
    public const byte LogicalBusy = 0x05;
    /// <summary>The request violates the CT protocol (FC_FS_RJT_PROTO).</summary>
    public const byte ProtocolError = 0x07;
    /// <summary>The server cannot do it; the explanation (byte 14) says why, e.g. port not registered (FC_FS_RJT_UNABL).</summary>
    public const byte UnableToPerform = 0x09;
    /// <summary>The server knows the command but does not implement it (FC_FS_RJT_UNSUP).</summary>
    public const byte CommandNotSupported = 0x0B;
    /// <summary>The addressed server does not exist or is not running (zfcp_util, fcnsq; no kernel name).</summary>
    public const byte ServerNotAvailable = 0x0D;
    /// <summary>The session with the server could not be set up (zfcp_util, fcnsq; no kernel name).</summary>
    public const byte SessionNotEstablished = 0x0E;
    /// <summary>Vendor specific reason; byte 15 carries the vendor's code.</summary>
    public const byte VendorSpecific = 0xFF;

    /// <summary>Names of the reject reasons, for decoding byte 13.</summary>
    public static readonly CodeTable Table = new("CT reject reason",
        (InvalidCommandCode, "Invalid command code"),
        (InvalidVersionLevel, "Invalid version level"),
        (LogicalError, "Logical error"),
        (InvalidIuSize, "Invalid CT_IU size"),
        (LogicalBusy, "Logical busy"),
        (ProtocolError, "Protocol error"),
        (UnableToPerform, "Unable to perform command request"),
        (CommandNotSupported, "Command not supported"),
        (ServerNotAvailable, "Server not available"),
        (SessionNotEstablished, "Session could not be established"),
        (VendorSpecific, "Vendor specific error"));
}
