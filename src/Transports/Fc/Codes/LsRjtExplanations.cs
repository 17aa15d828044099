namespace BsgKit.Fc.Codes;

/// <summary>LS_RJT reason code explanations (LS_RJT byte 6).</summary>
public static class LsRjtExplanations
{
    public const byte None = 0x00;
    public const byte ServiceParameterOptions = 0x01;
    public const byte ServiceParameterInitiatorControl = 0x03;
    public const byte InvalidAssociationHeader = 0x11;
    public const byte AssociationHeaderRequired = 0x13;
    public const byte InvalidOriginatorSid = 0x15;
    public const byte InvalidOxIdRxId = 0x17;
    public const byte RequestInProgress = 0x19;
    public const byte NPortLoginRequired = 0x1E;
    public const byte InsufficientResources = 0x29;
    public const byte UnableToSupplyData = 0x2A;
    public const byte RequestNotSupported = 0x2C;
    public const byte InvalidPayloadLength = 0x2D;
    public const byte NotANeighbor = 0x62;

    public static readonly CodeTable Table = new("LS_RJT explanation",
        (0x00, "No additional explanation"),
        (0x01, "Service parameter error - options"),
        (0x03, "Service parameter error - initiator control"),
        (0x11, "Invalid association header"),
        (0x13, "Association header required"),
        (0x15, "Invalid originator S_ID"),
        (0x17, "Invalid OX_ID / RX_ID combination"),
        (0x19, "Request already in progress"),
        (0x1E, "N_Port login required"),
        (0x29, "Insufficient resources"),
        (0x2A, "Unable to supply requested data"),
        (0x2C, "Request not supported"),
        (0x2D, "Invalid payload length"),
        (0x62, "Not a neighbor"));
}
