namespace BsgKit.Fc.Codes;

/// <summary>
/// P_RJT / F_RJT reason codes (FC-FS link control frame reject reasons): why the port or the fabric refused a frame.
/// Drivers report them in fc_bsg_reply rjt_data with ctels status P_RJT / F_RJT.
/// </summary>
public static class FrameRejectReasons
{
    /// <summary>Invalid D_ID: no port has the destination address.</summary>
    public const byte InvalidDestinationId = 0x01;
    /// <summary>Invalid S_ID: the source address is not one the recipient knows or allows.</summary>
    public const byte InvalidSourceId = 0x02;
    /// <summary>The destination N_Port is temporarily unavailable; a retry may succeed.</summary>
    public const byte NPortNotAvailableTemporary = 0x03;
    /// <summary>The destination N_Port is permanently unavailable (gone or offline).</summary>
    public const byte NPortNotAvailablePermanent = 0x04;
    /// <summary>The recipient does not support the frame's class of service.</summary>
    public const byte ClassNotSupported = 0x05;
    /// <summary>The destination requires a login (PLOGI) before this frame.</summary>
    public const byte LoginRequired = 0x16;
    /// <summary>The fabric has no path to the destination.</summary>
    public const byte FabricPathNotAvailable = 0x1A;

    /// <summary>Names of the P_RJT/F_RJT reasons, as found in the reason byte of fc_bsg_reply rjt_data.</summary>
    public static readonly CodeTable Table = new("P_RJT/F_RJT reason",
        (InvalidDestinationId, "Invalid D_ID"), (InvalidSourceId, "Invalid S_ID"),
        (NPortNotAvailableTemporary, "N_Port not available, temporary"), (NPortNotAvailablePermanent, "N_Port not available, permanent"),
        (ClassNotSupported, "Class not supported"), (0x06, "Delimiter usage error"), (0x07, "TYPE not supported"),
        (0x08, "Invalid Link_Control"), (0x09, "Invalid R_CTL field"), (0x0A, "Invalid F_CTL field"), (0x0B, "Invalid OX_ID"),
        (0x0C, "Invalid RX_ID"), (0x0D, "Invalid SEQ_ID"), (0x0E, "Invalid DF_CTL"), (0x0F, "Invalid SEQ_CNT"),
        (0x10, "Invalid parameter field"), (0x11, "Exchange error"), (0x12, "Protocol error"), (0x13, "Incorrect length"),
        (0x14, "Unexpected ACK"), (LoginRequired, "Login required"), (0x17, "Excessive sequences attempted"),
        (0x18, "Unable to establish exchange"), (FabricPathNotAvailable, "Fabric path not available"), (0x1B, "Invalid VC_ID"),
        (0x1C, "Invalid CS_CTL"), (0x1D, "Insufficient resources for VC"), (0x1F, "Invalid class of service"),
        (0xFF, "Vendor unique"));
}
