using System.Runtime.InteropServices;

namespace BsgKit.Bsg;

/// <summary>
/// <c>struct sg_io_v4</c> from linux/bsg.h: 160 bytes, alignment 8, no implicit padding, host-endian.
/// Pointer fields are user addresses in u64 slots. Offsets are pinned by a test against the ABI sheet.
/// </summary>
[StructLayout(LayoutKind.Explicit, Size = Size)]
public struct SgIoV4
{
    public const int Size = 160;

    [FieldOffset(0)] public int Guard;
    [FieldOffset(4)] public uint Protocol;
    [FieldOffset(8)] public uint Subprotocol;
    [FieldOffset(12)] public uint RequestLen;
    [FieldOffset(16)] public ulong Request;
    [FieldOffset(24)] public ulong RequestTag;
    [FieldOffset(32)] public uint RequestAttr;
    [FieldOffset(36)] public uint RequestPriority;
    [FieldOffset(40)] public uint RequestExtra;
    [FieldOffset(44)] public uint MaxResponseLen;
    [FieldOffset(48)] public ulong Response;
    [FieldOffset(56)] public uint DoutIovecCount;
    [FieldOffset(60)] public uint DoutXferLen;
    [FieldOffset(64)] public uint DinIovecCount;
    [FieldOffset(68)] public uint DinXferLen;
    [FieldOffset(72)] public ulong DoutXferp;
    [FieldOffset(80)] public ulong DinXferp;
    [FieldOffset(88)] public uint Timeout;
    [FieldOffset(92)] public uint Flags;
    [FieldOffset(96)] public ulong UsrPtr;
    [FieldOffset(104)] public uint SpareIn;
    [FieldOffset(108)] public uint DriverStatus;
    [FieldOffset(112)] public uint TransportStatus;
    [FieldOffset(116)] public uint DeviceStatus;
    [FieldOffset(120)] public uint RetryDelay;
    [FieldOffset(124)] public uint Info;
    [FieldOffset(128)] public uint Duration;
    [FieldOffset(132)] public uint ResponseLen;
    [FieldOffset(136)] public int DinResid;
    [FieldOffset(140)] public int DoutResid;
    [FieldOffset(144)] public ulong GeneratedTag;
    [FieldOffset(152)] public uint SpareOut;
    [FieldOffset(156)] public uint Padding;
}
