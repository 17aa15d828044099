namespace BsgKit.Bsg;

/// <summary>SCSI host byte (DID_*) codes as they appear in sg_io_v4.transport_status.</summary>
public static class HostByte
{
    public const uint Ok = 0x00, NoConnect = 0x01, BusBusy = 0x02, TimeOut = 0x03, BadTarget = 0x04,
        Abort = 0x05, Parity = 0x06, Error = 0x07, Reset = 0x08, BadIntr = 0x09, Passthrough = 0x0a,
        SoftError = 0x0b, ImmRetry = 0x0c, Requeue = 0x0d, TransportDisrupted = 0x0e,
        TransportFailfast = 0x0f, TransportMarginal = 0x14;

    public static string NameOf(uint code) => code switch
    {
        Ok => "DID_OK",
        NoConnect => "DID_NO_CONNECT",
        BusBusy => "DID_BUS_BUSY",
        TimeOut => "DID_TIME_OUT",
        BadTarget => "DID_BAD_TARGET",
        Abort => "DID_ABORT",
        Parity => "DID_PARITY",
        Error => "DID_ERROR",
        Reset => "DID_RESET",
        BadIntr => "DID_BAD_INTR",
        Passthrough => "DID_PASSTHROUGH",
        SoftError => "DID_SOFT_ERROR",
        ImmRetry => "DID_IMM_RETRY",
        Requeue => "DID_REQUEUE",
        TransportDisrupted => "DID_TRANSPORT_DISRUPTED",
        TransportFailfast => "DID_TRANSPORT_FAILFAST",
        TransportMarginal => "DID_TRANSPORT_MARGINAL",
        _ => $"host byte 0x{code:x2}",
    };
}
