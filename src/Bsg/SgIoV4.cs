using System.Runtime.InteropServices;

namespace BsgKit.Bsg;

/// <summary>
/// <c>struct sg_io_v4</c> from linux/bsg.h: 160 bytes, alignment 8, no implicit padding, host-endian.
/// Pointer fields are user addresses in u64 slots. Offsets are pinned by a test against the ABI sheet.
/// </summary>
[StructLayout(LayoutKind.Explicit, Size = Size)]
public struct SgIoV4
{
    /// <summary>sizeof(struct sg_io_v4).</summary>
    public const int Size = 160;

    /// <summary>Offset 0: always 'Q' (<see cref="BsgConstants.Guard"/>); bsg refuses anything else with EINVAL.</summary>
    [FieldOffset(0)] public int Guard;
    /// <summary>Offset 4: BSG_PROTOCOL_SCSI (0), the only protocol bsg knows.</summary>
    [FieldOffset(4)] public uint Protocol;
    /// <summary>Offset 8: 0 SCSI command (H:C:T:L), 1 task management, 2 transport message (fc_hostN, rport, iscsi_hostN).</summary>
    [FieldOffset(8)] public uint Subprotocol;
    /// <summary>Offset 12: bytes at <see cref="Request"/> (the fc_bsg_request / iscsi_bsg_request, or the CDB).</summary>
    [FieldOffset(12)] public uint RequestLen;
    /// <summary>Offset 16: user address of the request (the transport message, or the CDB).</summary>
    [FieldOffset(16)] public ulong Request;
    /// <summary>Offset 24: not used by bsg.</summary>
    [FieldOffset(24)] public ulong RequestTag;
    /// <summary>Offset 32: not used by bsg.</summary>
    [FieldOffset(32)] public uint RequestAttr;
    /// <summary>Offset 36: not used by bsg.</summary>
    [FieldOffset(36)] public uint RequestPriority;
    /// <summary>Offset 40: not used by bsg.</summary>
    [FieldOffset(40)] public uint RequestExtra;
    /// <summary>Offset 44: capacity of <see cref="Response"/> (sense data, or the fc_bsg_reply / iscsi_bsg_reply).</summary>
    [FieldOffset(44)] public uint MaxResponseLen;
    /// <summary>Offset 48: user address of the reply buffer.</summary>
    [FieldOffset(48)] public ulong Response;
    /// <summary>Offset 56: 0 (a flat buffer); bsg refuses iovecs.</summary>
    [FieldOffset(56)] public uint DoutIovecCount;
    /// <summary>Offset 60: bytes to send from <see cref="DoutXferp"/> (the CT_IU / ELS payload).</summary>
    [FieldOffset(60)] public uint DoutXferLen;
    /// <summary>Offset 64: 0 (a flat buffer); bsg refuses iovecs.</summary>
    [FieldOffset(64)] public uint DinIovecCount;
    /// <summary>Offset 68: capacity of <see cref="DinXferp"/> for the response payload.</summary>
    [FieldOffset(68)] public uint DinXferLen;
    /// <summary>Offset 72: user address of the data-out buffer.</summary>
    [FieldOffset(72)] public ulong DoutXferp;
    /// <summary>Offset 80: user address of the data-in buffer.</summary>
    [FieldOffset(80)] public ulong DinXferp;
    /// <summary>Offset 88: milliseconds; 0 means the queue's default (see <see cref="BsgConstants.EffectiveTimeout"/>).</summary>
    [FieldOffset(88)] public uint Timeout;
    /// <summary>Offset 92: BSG_FLAG_Q_AT_TAIL / BSG_FLAG_Q_AT_HEAD.</summary>
    [FieldOffset(92)] public uint Flags;
    /// <summary>Offset 96: caller's cookie, not read by bsg.</summary>
    [FieldOffset(96)] public ulong UsrPtr;
    /// <summary>Offset 104: reserved, 0.</summary>
    [FieldOffset(104)] public uint SpareIn;
    /// <summary>Offset 108, output: the driver byte (DRIVER_*); non-zero is a failure.</summary>
    [FieldOffset(108)] public uint DriverStatus;
    /// <summary>Offset 112, output: the host byte (<see cref="HostByte"/>, DID_*); non-zero is a failure.</summary>
    [FieldOffset(112)] public uint TransportStatus;
    /// <summary>Offset 116, output: the SCSI status byte; non-zero is a failure.</summary>
    [FieldOffset(116)] public uint DeviceStatus;
    /// <summary>Offset 120, output: not set by bsg.</summary>
    [FieldOffset(120)] public uint RetryDelay;
    /// <summary>Offset 124, output: SG_INFO_CHECK (<see cref="BsgConstants.InfoCheck"/>) when any status is non-zero.</summary>
    [FieldOffset(124)] public uint Info;
    /// <summary>Offset 128, output: never set by the kernel; BsgKit measures the time itself.</summary>
    [FieldOffset(128)] public uint Duration;
    /// <summary>Offset 132, output: bytes of reply the kernel wrote (at most <see cref="MaxResponseLen"/>).</summary>
    [FieldOffset(132)] public uint ResponseLen;
    /// <summary>Offset 136, output: <see cref="DinXferLen"/> minus the bytes the driver says it received.</summary>
    [FieldOffset(136)] public int DinResid;
    /// <summary>Offset 140, output: data-out bytes not sent (bsg-lib reports 0).</summary>
    [FieldOffset(140)] public int DoutResid;
    /// <summary>Offset 144, output: not set by bsg.</summary>
    [FieldOffset(144)] public ulong GeneratedTag;
    /// <summary>Offset 152: reserved.</summary>
    [FieldOffset(152)] public uint SpareOut;
    /// <summary>Offset 156: explicit padding to 160 bytes.</summary>
    [FieldOffset(156)] public uint Padding;
}
