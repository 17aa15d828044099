namespace BsgKit.Bsg;

/// <summary>SCSI host byte (DID_*) codes as they appear in sg_io_v4.transport_status.</summary>
public static class HostByte
{
    /// <summary>DID_OK: no error.</summary>
    public const uint Ok = 0x00;
    /// <summary>DID_NO_CONNECT: could not connect before the timeout.</summary>
    public const uint NoConnect = 0x01;
    /// <summary>DID_BUS_BUSY: the bus stayed busy through the timeout.</summary>
    public const uint BusBusy = 0x02;
    /// <summary>DID_TIME_OUT: timed out.</summary>
    public const uint TimeOut = 0x03;
    /// <summary>DID_BAD_TARGET: bad target.</summary>
    public const uint BadTarget = 0x04;
    /// <summary>DID_ABORT: aborted.</summary>
    public const uint Abort = 0x05;
    /// <summary>DID_PARITY: parity error.</summary>
    public const uint Parity = 0x06;
    /// <summary>DID_ERROR: internal error (qla2xxx's failed passthrough).</summary>
    public const uint Error = 0x07;
    /// <summary>DID_RESET: reset by somebody.</summary>
    public const uint Reset = 0x08;
    /// <summary>DID_BAD_INTR: an interrupt that was not expected.</summary>
    public const uint BadIntr = 0x09;
    /// <summary>DID_PASSTHROUGH: forced through despite errors.</summary>
    public const uint Passthrough = 0x0a;
    /// <summary>DID_SOFT_ERROR: the low-level driver wants a retry.</summary>
    public const uint SoftError = 0x0b;
    /// <summary>DID_IMM_RETRY: retry without decrementing the retry count.</summary>
    public const uint ImmRetry = 0x0c;
    /// <summary>DID_REQUEUE: requeue the command.</summary>
    public const uint Requeue = 0x0d;
    /// <summary>DID_TRANSPORT_DISRUPTED: the transport was disrupted; the command may be retried.</summary>
    public const uint TransportDisrupted = 0x0e;
    /// <summary>DID_TRANSPORT_FAILFAST: the transport class fast-failed the I/O.</summary>
    public const uint TransportFailfast = 0x0f;
    /// <summary>DID_TRANSPORT_MARGINAL: the path is marginal (FPIN).</summary>
    public const uint TransportMarginal = 0x14;

    /// <summary>"DID_ERROR", or "host byte 0x11" for codes outside the list.</summary>
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
