namespace BsgKit.Fc.Codes;

/// <summary>FC-LS LS_RJT reason codes (LS_RJT byte 5; fc_els.h enum fc_els_rjt_reason).</summary>
public static class LsRjtReasons
{
    /// <summary>The recipient does not know the ELS command code (fc_els.h ELS_RJT_INVAL).</summary>
    public const byte InvalidCommandCode = 0x01;
    /// <summary>The request is inconsistent, e.g. a wrong payload length (ELS_RJT_LOGIC).</summary>
    public const byte LogicalError = 0x03;
    /// <summary>The recipient is busy; retry later (ELS_RJT_BUSY).</summary>
    public const byte LogicalBusy = 0x05;
    /// <summary>The request violates the link service protocol (ELS_RJT_PROT).</summary>
    public const byte ProtocolError = 0x07;
    /// <summary>The recipient cannot perform the request now; the explanation says why (ELS_RJT_UNAB).</summary>
    public const byte UnableToPerform = 0x09;
    /// <summary>The recipient knows the command but does not support it (ELS_RJT_UNSUP).</summary>
    public const byte CommandNotSupported = 0x0B;
    /// <summary>The same command is already in progress (ELS_RJT_INPROG).</summary>
    public const byte CommandAlreadyInProgress = 0x0E;
    /// <summary>FCoE FIP error, e.g. from a VN2VN port that is not a neighbour (ELS_RJT_FIP).</summary>
    public const byte FipError = 0x20;
    /// <summary>Vendor unique; byte 7 carries the vendor's code (ELS_RJT_VENDOR).</summary>
    public const byte VendorUnique = 0xFF;

    /// <summary>Names of the LS_RJT reasons.</summary>
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
