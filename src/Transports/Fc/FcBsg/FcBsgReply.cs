using BsgKit.Bsg;
namespace BsgKit.Fc.FcBsg;

/// <summary>ctels_reply.rjt_data: action (CT: fragment_id) @12, reason @13, explanation @14, vendor @15.</summary>
public readonly record struct FcBsgRejectData(byte Action, byte Reason, byte Explanation, byte VendorUnique);

/// <summary>
/// struct fc_bsg_reply (16 bytes, host-endian): result s32 @0, reply_payload_rcv_len u32 @4, ctels status @8
/// (or vendor_rsp[] words from @8), rjt_data @12..15; qla2xxx appends fw_status[3] @16, @20, @24 (28 bytes).
/// </summary>
public static class FcBsgReply
{
    public const int Size = 16;
    public const int QlogicExtendedSize = 28;

    public const int ResultOffset = 0;
    public const int ReceivedLengthOffset = 4;
    public const int StatusOffset = 8;
    public const int VendorResponseOffset = 8;
    public const int RejectDataOffset = 12;
    public const int FirmwareStatusOffset = 16;

    /// <summary>Writes a 16-byte CT/ELS reply (the simulator's side). Returns 16.</summary>
    public static int Build(Span<byte> reply, int result, uint receivedLength, FcCtelsStatus status, FcBsgRejectData rejectData = default)
    {
        Require(reply, Size);
        reply[..Size].Clear();
        HostEndian.WriteUInt32(reply, (uint)result);
        HostEndian.WriteUInt32(reply[ReceivedLengthOffset..], receivedLength);
        HostEndian.WriteUInt32(reply[StatusOffset..], (uint)status);
        reply[12] = rejectData.Action;
        reply[13] = rejectData.Reason;
        reply[14] = rejectData.Explanation;
        reply[15] = rejectData.VendorUnique;
        return Size;
    }

    /// <summary>Writes the qla2xxx 28-byte form: the 16-byte reply plus fw_status[3]. Returns 28.</summary>
    public static int BuildQlogicExtended(Span<byte> reply, int result, uint receivedLength, FcCtelsStatus status,
        uint compStatus, uint subcode1, uint subcode2)
    {
        Require(reply, QlogicExtendedSize);
        Build(reply, result, receivedLength, status);
        HostEndian.WriteUInt32(reply[16..], compStatus);
        HostEndian.WriteUInt32(reply[20..], subcode1);
        HostEndian.WriteUInt32(reply[24..], subcode2);
        return QlogicExtendedSize;
    }

    /// <summary>Writes a vendor reply: result, rcv_len, then vendor_rsp words from @8. Returns 8 + 4·n.</summary>
    public static int BuildVendor(Span<byte> reply, int result, uint receivedLength, ReadOnlySpan<uint> vendorResponse)
    {
        var length = VendorResponseOffset + 4 * vendorResponse.Length;
        Require(reply, length);
        reply[..length].Clear();
        HostEndian.WriteUInt32(reply, (uint)result);
        HostEndian.WriteUInt32(reply[ReceivedLengthOffset..], receivedLength);
        for (var i = 0; i < vendorResponse.Length; i++)
            HostEndian.WriteUInt32(reply[(VendorResponseOffset + 4 * i)..], vendorResponse[i]);
        return length;
    }

    /// <summary>
    /// Reads only the first <paramref name="responseLength"/> bytes (sg_io_v4.response_len): 0 (qla2xxx
    /// CS_COMPLETE), 4 (result only), 8, 16, 28 and anything else are valid; absent fields are null.
    /// </summary>
    public static FcBsgReplyInfo Parse(ReadOnlySpan<byte> reply, int responseLength)
    {
        var n = Math.Clamp(responseLength, 0, reply.Length);
        var r = reply[..n];
        int? result = n >= 4 ? (int)HostEndian.ReadUInt32(r) : null;
        uint? rcv = n >= 8 ? HostEndian.ReadUInt32(r[ReceivedLengthOffset..]) : null;
        uint? status = n >= 12 ? HostEndian.ReadUInt32(r[StatusOffset..]) : null;
        FcBsgRejectData? rjt = n >= 16 ? new FcBsgRejectData(r[12], r[13], r[14], r[15]) : null;
        uint[]? fw = n >= QlogicExtendedSize
            ? [HostEndian.ReadUInt32(r[16..]), HostEndian.ReadUInt32(r[20..]), HostEndian.ReadUInt32(r[24..])]
            : null;
        var words = new uint[n > VendorResponseOffset ? (n - VendorResponseOffset) / 4 : 0];
        for (var i = 0; i < words.Length; i++) words[i] = HostEndian.ReadUInt32(r[(VendorResponseOffset + 4 * i)..]);
        return new FcBsgReplyInfo(n, result, rcv, status, rjt, fw, words);
    }

    private static void Require(Span<byte> reply, int length)
    {
        if (reply.Length < length)
            throw new ArgumentException($"fc_bsg_reply needs {length} bytes, the buffer has {reply.Length}", nameof(reply));
    }
}

/// <summary>A decoded fc_bsg_reply; each field is null when response_len did not reach it.</summary>
public sealed record FcBsgReplyInfo(
    int Length,
    int? Result,
    uint? ReceivedPayloadLength,
    uint? RawStatus,
    FcBsgRejectData? RejectData,
    uint[]? FirmwareStatus,
    uint[] VendorResponse)
{
    public override string ToString() => BsgKit.Bsg.Text.RecordText.Of(this);

    public FcCtelsStatus? Status => RawStatus is { } s ? (FcCtelsStatus)s : null;

    public string? StatusName => RawStatus is { } s ? Codes.FcBsgCodes.CtelsStatus.NameOf(s) : null;

    /// <summary>No reply bytes at all: qla2xxx reports success this way; judge by the payload.</summary>
    public bool IsEmpty => Length == 0;
}
