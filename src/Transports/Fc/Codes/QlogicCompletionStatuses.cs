namespace BsgKit.Fc.Codes;

/// <summary>
/// qla2xxx firmware completion statuses (qla_fw.h CS_*) that qla24xx_els_ct_entry reports in the extended
/// fc_bsg_reply (firmware status at offset 16) when it completes a CT/ELS passthrough with DID_ERROR.
/// </summary>
public static class QlogicCompletionStatuses
{
    public const uint Complete = 0x00;
    public const uint Timeout = 0x06;
    public const uint DataUnderrun = 0x15;
    public const uint PortUnavailable = 0x28;
    public const uint PortLoggedOut = 0x29;
    public const uint PortBusy = 0x2B;

    public static readonly CodeTable Table = new("qla2xxx completion status",
        (Complete, "CS_COMPLETE"), (Timeout, "CS_TIMEOUT"), (DataUnderrun, "CS_DATA_UNDERRUN"),
        (PortUnavailable, "CS_PORT_UNAVAILABLE"), (PortLoggedOut, "CS_PORT_LOGGED_OUT"), (PortBusy, "CS_PORT_BUSY"));
}
