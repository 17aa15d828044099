namespace BsgKit.Fc.Codes;

/// <summary>CT_IU reject reason codes (byte 13): union of kernel enum fc_ct_reason, fcnsq and zfcp_util RC_*.</summary>
public static class CtRejectReasons
{
    public const byte InvalidCommandCode = 0x01;
    public const byte InvalidVersionLevel = 0x02;
    public const byte LogicalError = 0x03;
    public const byte InvalidIuSize = 0x04;
    public const byte LogicalBusy = 0x05;
    public const byte ProtocolError = 0x07;
    public const byte UnableToPerform = 0x09;
    public const byte CommandNotSupported = 0x0B;
    public const byte ServerNotAvailable = 0x0D;
    public const byte SessionNotEstablished = 0x0E;
    public const byte VendorSpecific = 0xFF;

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
