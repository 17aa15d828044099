namespace BsgKit.Fc.Codes;

/// <summary>LS_RJT reason codes (LS_RJT byte 5).</summary>
public static class LsRjtReasons
{
    public const byte InvalidCommandCode = 0x01;
    public const byte LogicalError = 0x03;
    public const byte LogicalBusy = 0x05;
    public const byte ProtocolError = 0x07;
    public const byte UnableToPerform = 0x09;
    public const byte CommandNotSupported = 0x0B;
    public const byte CommandAlreadyInProgress = 0x0E;
    public const byte FipError = 0x20;
    public const byte VendorUnique = 0xFF;

    public static readonly CodeTable Table = new("LS_RJT reason",
        (0x01, "Invalid command code"),
        (0x03, "Logical error"),
        (0x05, "Logical busy"),
        (0x07, "Protocol error"),
        (0x09, "Unable to perform command request"),
        (0x0B, "Command not supported"),
        (0x0E, "Command already in progress"),
        (0x20, "FIP error"),
        (0xFF, "Vendor unique"));
}
