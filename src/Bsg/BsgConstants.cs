namespace BsgKit.Bsg;

/// <summary>Numbers from linux/bsg.h and scsi/sg.h that the BSG path uses.</summary>
public static class BsgConstants
{
    /// <summary>sg_io_v4.guard: 'Q' for version 4.</summary>
    public const int Guard = 'Q';
    /// <summary>BSG_PROTOCOL_SCSI.</summary>
    public const uint ProtocolScsi = 0;
    /// <summary>BSG_SUB_PROTOCOL_SCSI_CMD: a CDB to a SCSI device (H:C:T:L nodes).</summary>
    public const uint SubprotocolScsiCommand = 0;
    /// <summary>BSG_SUB_PROTOCOL_SCSI_TMF: task management.</summary>
    public const uint SubprotocolScsiTmf = 1;
    /// <summary>BSG_SUB_PROTOCOL_SCSI_TRANSPORT: an FC or iSCSI transport message (bsg-lib nodes).</summary>
    public const uint SubprotocolScsiTransport = 2;

    /// <summary>BSG_FLAG_Q_AT_TAIL: queue the request behind others (the default order).</summary>
    public const uint FlagQueueAtTail = 0x10;
    /// <summary>BSG_FLAG_Q_AT_HEAD: queue the request in front of others.</summary>
    public const uint FlagQueueAtHead = 0x20;

    /// <summary>SG_INFO_OK_MASK: the bit of sg_io_v4.info that says whether something went wrong.</summary>
    public const uint InfoOkMask = 0x1;
    /// <summary>SG_INFO_CHECK: set in sg_io_v4.info when a status field is non-zero.</summary>
    public const uint InfoCheck = 0x1;

    // ioctl request numbers on a bsg file descriptor (plain numbers, not _IOWR encodings).
    /// <summary>SG_IO: run one sg_io_v4 request and wait for it.</summary>
    public const uint SgIo = 0x2285;
    /// <summary>SG_GET_VERSION_NUM: bsg answers <see cref="SgVersionNum"/>.</summary>
    public const uint SgGetVersionNum = 0x2282;
    /// <summary>SG_SET_TIMEOUT: the per-file default timeout, in clock_t (USER_HZ), used when sg_io_v4.timeout is 0.</summary>
    public const uint SgSetTimeout = 0x2201;
    /// <summary>SG_GET_TIMEOUT: the per-file default timeout, in clock_t, as the ioctl's return value.</summary>
    public const uint SgGetTimeout = 0x2202;
    /// <summary>SG_GET_COMMAND_Q: the per-file max_queue (default 64); no effect on SG_IO.</summary>
    public const uint SgGetCommandQ = 0x2270;
    /// <summary>SG_SET_COMMAND_Q: sets max_queue (below 1 is EINVAL); no effect on SG_IO.</summary>
    public const uint SgSetCommandQ = 0x2271;
    /// <summary>SG_GET_RESERVED_SIZE: min(reserved size, the queue's max bytes), initially INT_MAX.</summary>
    public const uint SgGetReservedSize = 0x2272;
    /// <summary>SG_SET_RESERVED_SIZE: sets the reserved size, stored clamped (negative is EINVAL).</summary>
    public const uint SgSetReservedSize = 0x2275;
    /// <summary>SG_EMULATED_HOST: bsg answers 1.</summary>
    public const uint SgEmulatedHost = 0x2203;
    /// <summary>SCSI_IOCTL_GET_IDLUN: bsg answers 0.</summary>
    public const uint ScsiIoctlGetIdLun = 0x5382;
    /// <summary>SCSI_IOCTL_GET_BUS_NUMBER: bsg answers 0.</summary>
    public const uint ScsiIoctlGetBusNumber = 0x5386;
    /// <summary>SCSI_IOCTL_SEND_COMMAND: refused by bsg with EINVAL (docs/reference/bsg-abi.md).</summary>
    public const uint ScsiIoctlSendCommand = 1;

    /// <summary>The value SG_GET_VERSION_NUM returns on a bsg node.</summary>
    public const int SgVersionNum = 30527;

    /// <summary>SCSI_SENSE_BUFFERSIZE: bsg-lib's default job reply length.</summary>
    public const int DefaultReplyLength = 96;

    /// <summary>BLK_DEFAULT_SG_TIMEOUT: used when sg_io_v4.timeout is 0 and no per-fd value was set.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);

    /// <summary>BLK_MIN_SG_TIMEOUT: the kernel silently raises any shorter timeout to this.</summary>
    public static readonly TimeSpan MinimumTimeout = TimeSpan.FromSeconds(7);

    /// <summary>The bsg-lib tag set's queue depth (one hardware queue).</summary>
    public const int QueueDepth = 128;

    /// <summary>What the kernel will actually wait for a request with this sg_io_v4.timeout (ms).</summary>
    public static TimeSpan EffectiveTimeout(uint timeoutMs, TimeSpan? perFdDefault = null)
    {
        var t = timeoutMs != 0 ? TimeSpan.FromMilliseconds(timeoutMs) : perFdDefault ?? DefaultTimeout;
        return t < MinimumTimeout ? MinimumTimeout : t;
    }
}
