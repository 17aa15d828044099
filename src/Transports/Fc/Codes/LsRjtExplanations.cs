namespace BsgKit.Fc.Codes;

/// <summary>FC-LS LS_RJT reason code explanations (LS_RJT byte 6; fc_els.h enum fc_els_rjt_explan).</summary>
public static class LsRjtExplanations
{
    /// <summary>No further explanation (fc_els.h ELS_EXPL_NONE).</summary>
    public const byte None = 0x00;
    /// <summary>Service parameter error in the options (ELS_EXPL_SPP_OPT_ERR).</summary>
    public const byte ServiceParameterOptions = 0x01;
    /// <summary>Service parameter error in the initiator control field (ELS_EXPL_SPP_ICTL_ERR).</summary>
    public const byte ServiceParameterInitiatorControl = 0x03;
    /// <summary>The association header is invalid (ELS_EXPL_AH).</summary>
    public const byte InvalidAssociationHeader = 0x11;
    /// <summary>The request needs an association header (ELS_EXPL_AH_REQ).</summary>
    public const byte AssociationHeaderRequired = 0x13;
    /// <summary>The originator's S_ID is invalid (ELS_EXPL_SID).</summary>
    public const byte InvalidOriginatorSid = 0x15;
    /// <summary>The OX_ID/RX_ID combination is invalid (ELS_EXPL_OXID_RXID).</summary>
    public const byte InvalidOxIdRxId = 0x17;
    /// <summary>The same request is already in progress (ELS_EXPL_INPROG).</summary>
    public const byte RequestInProgress = 0x19;
    /// <summary>The recipient needs a PLOGI from the sender first (ELS_EXPL_PLOGI_REQD).</summary>
    public const byte NPortLoginRequired = 0x1E;
    /// <summary>The recipient lacks the resources to perform the request (ELS_EXPL_INSUF_RES).</summary>
    public const byte InsufficientResources = 0x29;
    /// <summary>The recipient cannot supply the requested data (ELS_EXPL_UNAB_DATA).</summary>
    public const byte UnableToSupplyData = 0x2A;
    /// <summary>The recipient does not support the request (ELS_EXPL_UNSUPR).</summary>
    public const byte RequestNotSupported = 0x2C;
    /// <summary>The payload length is wrong for the request (ELS_EXPL_INV_LEN).</summary>
    public const byte InvalidPayloadLength = 0x2D;
    /// <summary>FCoE VN2VN: the sender is not in the recipient's neighbour set; comes with reason FIP error (ELS_EXPL_NOT_NEIGHBOR).</summary>
    public const byte NotANeighbor = 0x62;

    /// <summary>Names of the LS_RJT explanations.</summary>
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
