using BsgKit.Bsg;
namespace BsgKit.Iscsi.IscsiBsg;

/// <summary>
/// struct iscsi_bsg_request (packed, 12 bytes + vendor words; docs/reference/iscsi-bsg.md §2): msgcode u32 @0,
/// h_vendor.vendor_id u64 @4 (unaligned), vendor_cmd[] u32 words from @12 (command code in word 0).
/// All host-endian. The header is not UAPI, so the layout lives here.
/// </summary>
public static class IscsiBsgRequest
{
    /// <summary>sizeof(struct iscsi_bsg_request) up to vendor_cmd[] (packed).</summary>
    public const int Size = 12;
    /// <summary>Offset of msgcode (u32).</summary>
    public const int MsgCodeOffset = 0;
    /// <summary>Offset of h_vendor.vendor_id (u64, unaligned).</summary>
    public const int VendorIdOffset = 4;
    /// <summary>Offset of vendor_cmd[] (u32 words; word 0 is the driver's command code).</summary>
    public const int VendorCommandOffset = 12;

    /// <summary>ISCSI_BSG_HST_VENDOR: the only message code the transport accepts.</summary>
    public const uint HostVendor = 0x800000FF;
    /// <summary>The message-class bits of msgcode (ISCSI_BSG_CLS_MASK).</summary>
    public const uint ClassMask = 0xF0000000;
    /// <summary>ISCSI_BSG_HST_MASK: host-directed messages.</summary>
    public const uint HostClass = 0x80000000;

    /// <summary>Bytes a request with <paramref name="words"/> vendor_cmd words needs: 12 + 4·n.</summary>
    public static int LengthFor(int words) => VendorCommandOffset + 4 * words;

    /// <summary>Writes msgcode, vendor_id and the vendor words; returns the request length (12 + 4·n).</summary>
    public static int Build(Span<byte> request, ulong vendorId, ReadOnlySpan<uint> vendorCommand)
    {
        var length = LengthFor(vendorCommand.Length);
        if (request.Length < length)
            throw new ArgumentException($"iscsi_bsg_request needs {length} bytes, the buffer has {request.Length}", nameof(request));
        request[..length].Clear();
        HostEndian.WriteUInt32(request, HostVendor);
        HostEndian.WriteUInt64(request[VendorIdOffset..], vendorId);
        for (var i = 0; i < vendorCommand.Length; i++)
            HostEndian.WriteUInt32(request[(VendorCommandOffset + 4 * i)..], vendorCommand[i]);
        return length;
    }

    /// <summary>msgcode from the request's first 4 bytes (host-endian).</summary>
    public static uint ReadMsgCode(ReadOnlySpan<byte> request) => HostEndian.ReadUInt32(request);

    /// <summary>vendor_id, with bytes past the end of <paramref name="request"/> read as 0 (the kernel reads past request_len, docs/reference/kernel-rules.md #30).</summary>
    public static ulong ReadVendorId(ReadOnlySpan<byte> request)
    {
        Span<byte> id = stackalloc byte[8];
        id.Clear();
        var available = Math.Clamp(request.Length - VendorIdOffset, 0, 8);
        request.Slice(Math.Min(VendorIdOffset, request.Length), available).CopyTo(id);
        return HostEndian.ReadUInt64(id);
    }

    /// <summary>vendor_cmd[index], or null when the request is too short to hold it.</summary>
    public static uint? ReadVendorWord(ReadOnlySpan<byte> request, int index)
    {
        var at = VendorCommandOffset + 4 * index;
        return request.Length >= at + 4 ? HostEndian.ReadUInt32(request[at..]) : null;
    }
}
