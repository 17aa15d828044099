namespace BsgKit.Bsg;

/// <summary>Numbers from linux/bsg.h and scsi/sg.h that the BSG path uses.</summary>
public static class BsgConstants
{
    public const int Guard = 'Q';
    public const uint ProtocolScsi = 0;
    public const uint SubprotocolScsiCommand = 0;
    public const uint SubprotocolScsiTmf = 1;
    public const uint SubprotocolScsiTransport = 2;

    public const uint FlagQueueAtTail = 0x10;
    public const uint FlagQueueAtHead = 0x20;

    public const uint InfoOkMask = 0x1;
    public const uint InfoCheck = 0x1;

    // ioctl request numbers on a bsg file descriptor (plain numbers, not _IOWR encodings).
    public const uint SgIo = 0x2285;
    public const uint SgGetVersionNum = 0x2282;
    public const uint SgSetTimeout = 0x2201;
    public const uint SgGetTimeout = 0x2202;
    public const uint SgGetCommandQ = 0x2270;
    public const uint SgSetCommandQ = 0x2271;
    public const uint SgGetReservedSize = 0x2272;
    public const uint SgSetReservedSize = 0x2275;
    public const uint SgEmulatedHost = 0x2203;
    public const uint ScsiIoctlGetIdLun = 0x5382;
    public const uint ScsiIoctlGetBusNumber = 0x5386;
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
