namespace BsgKit.Fc.Codes;

/// <summary>
/// qla2xxx firmware completion statuses (qla_fw.h CS_*) that qla24xx_els_ct_entry reports in the extended
/// fc_bsg_reply (firmware status at offset 16) when it completes a CT/ELS passthrough with DID_ERROR.
/// </summary>
public static class QlogicCompletionStatuses
{
    /// <summary>CS_COMPLETE: the exchange completed; qla2xxx then writes no fc_bsg_reply (response_len 0).</summary>
    public const uint Complete = 0x00;
    /// <summary>CS_TIMEOUT: the firmware timed the exchange out.</summary>
    public const uint Timeout = 0x06;
    /// <summary>CS_DATA_UNDERRUN: the response was shorter than the buffer; reply_payload_rcv_len is its real length and the request still succeeds (DID_OK).</summary>
    public const uint DataUnderrun = 0x15;
    /// <summary>CS_PORT_UNAVAILABLE: the firmware reports the destination port unavailable.</summary>
    public const uint PortUnavailable = 0x28;
    /// <summary>CS_PORT_LOGGED_OUT: the destination port logged out.</summary>
    public const uint PortLoggedOut = 0x29;
    /// <summary>CS_PORT_BUSY: the destination port is busy.</summary>
    public const uint PortBusy = 0x2B;

    /// <summary>Names of the statuses above.</summary>
    public static readonly CodeTable Table = new("qla2xxx completion status",
        (Complete, "CS_COMPLETE"), (Timeout, "CS_TIMEOUT"), (DataUnderrun, "CS_DATA_UNDERRUN"),
        (PortUnavailable, "CS_PORT_UNAVAILABLE"), (PortLoggedOut, "CS_PORT_LOGGED_OUT"), (PortBusy, "CS_PORT_BUSY"));
}
