using BsgKit.Bsg;
namespace BsgKit.Fc.FcBsg;

/// <summary>ctels_reply.rjt_data: action (CT: fragment_id) @12, reason @13, explanation @14, vendor @15.</summary>
/// <param name="Action">LS_RJT/FS_RJT action byte (CT: fragment_id).</param>
/// <param name="Reason">Reason code (LS_RJT, or CT reject reason).</param>
/// <param name="Explanation">Reason explanation.</param>
/// <param name="VendorUnique">Vendor-unique byte.</param>
public readonly record struct FcBsgRejectData(byte Action, byte Reason, byte Explanation, byte VendorUnique);

/// <summary>
/// struct fc_bsg_reply (16 bytes, host-endian): result s32 @0, reply_payload_rcv_len u32 @4, ctels status @8
/// (or vendor_rsp[] words from @8), rjt_data @12..15; qla2xxx appends fw_status[3] @16, @20, @24 (28 bytes).
/// </summary>
public static class FcBsgReply
{
    /// <summary>sizeof(struct fc_bsg_reply) with a ctels_reply.</summary>
    public const int Size = 16;
    /// <summary>qla2xxx's reply with fw_status[3] appended (bsg_job->reply_len on its error path).</summary>
    public const int QlogicExtendedSize = 28;

    /// <summary>result (s32) @0.</summary>
    public const int ResultOffset = 0;
    /// <summary>reply_payload_rcv_len (u32) @4.</summary>
    public const int ReceivedLengthOffset = 4;
    /// <summary>ctels_reply.status (u32) @8.</summary>
    public const int StatusOffset = 8;
    /// <summary>vendor_reply.vendor_rsp[] words from @8.</summary>
    public const int VendorResponseOffset = 8;
    /// <summary>ctels_reply.rjt_data: action @12, reason @13, explanation @14, vendor @15.</summary>
    public const int RejectDataOffset = 12;
    /// <summary>qla2xxx fw_status[0..2] @16, @20, @24.</summary>
    public const int FirmwareStatusOffset = 16;
    /// <summary>Number of qla2xxx fw_status words.</summary>
    public const int FirmwareStatusWords = 3;

    /// <summary>Writes a 16-byte CT/ELS reply (the simulator's side). Returns 16.</summary>
    public static int Build(Span<byte> reply, int result, uint receivedLength, FcCtelsStatus status, FcBsgRejectData rejectData = default)
    {
        Require(reply, Size);
        reply[..Size].Clear();
        HostEndian.WriteUInt32(reply, (uint)result);
        HostEndian.WriteUInt32(reply[ReceivedLengthOffset..], receivedLength);
        HostEndian.WriteUInt32(reply[StatusOffset..], (uint)status);
        reply[RejectDataOffset] = rejectData.Action;
        reply[RejectDataOffset + 1] = rejectData.Reason;
        reply[RejectDataOffset + 2] = rejectData.Explanation;
        reply[RejectDataOffset + 3] = rejectData.VendorUnique;
        return Size;
    }

    /// <summary>Writes the qla2xxx 28-byte form: the 16-byte reply plus fw_status[3]. Returns 28.</summary>
    public static int BuildQlogicExtended(Span<byte> reply, int result, uint receivedLength, FcCtelsStatus status,
        uint compStatus, uint subcode1, uint subcode2)
    {
        Require(reply, QlogicExtendedSize);
        Build(reply, result, receivedLength, status);
        HostEndian.WriteUInt32(reply[FirmwareStatusOffset..], compStatus);
        HostEndian.WriteUInt32(reply[(FirmwareStatusOffset + 4)..], subcode1);
        HostEndian.WriteUInt32(reply[(FirmwareStatusOffset + 8)..], subcode2);
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
    /// CS_COMPLETE), 4 (result only), 8, 16, 28 and anything else are valid; absent fields are null. Allocates
    /// the record: the request path reads through <see cref="FcBsgReplyReader"/> instead.
    /// </summary>
    public static FcBsgReplyInfo Parse(ReadOnlySpan<byte> reply, int responseLength)
    {
        var r = new FcBsgReplyReader(reply, responseLength);
        uint[]? fw = r.HasFirmwareStatus ? [r.FirmwareStatus(0), r.FirmwareStatus(1), r.FirmwareStatus(2)] : null;
        var words = new uint[r.VendorResponseCount];
        for (var i = 0; i < words.Length; i++) words[i] = r.VendorResponse(i);
        return new FcBsgReplyInfo(r.Length, r.Result, r.ReceivedPayloadLength, r.RawStatus, r.RejectData, fw, words);
    }

    private static void Require(Span<byte> reply, int length)
    {
        if (reply.Length < length)
            throw new ArgumentException($"fc_bsg_reply needs {length} bytes, the buffer has {reply.Length}", nameof(reply));
    }
}

/// <summary>A decoded fc_bsg_reply; each field is null when response_len did not reach it.</summary>
/// <param name="Length">The bytes decoded: response_len clamped to the buffer.</param>
/// <param name="Result">result @0.</param>
/// <param name="ReceivedPayloadLength">reply_payload_rcv_len @4.</param>
/// <param name="RawStatus">ctels_reply.status @8 as a host integer.</param>
/// <param name="RejectData">rjt_data @12..15.</param>
/// <param name="FirmwareStatus">qla2xxx fw_status[3] @16..27.</param>
/// <param name="VendorResponse">vendor_rsp[] words from @8 (a vendor command's reply).</param>
public sealed record FcBsgReplyInfo(
    int Length,
    int? Result,
    uint? ReceivedPayloadLength,
    uint? RawStatus,
    FcBsgRejectData? RejectData,
    uint[]? FirmwareStatus,
    uint[] VendorResponse)
{
    /// <summary>Every field with its name, for logs and test messages.</summary>
    public override string ToString() => BsgKit.Bsg.Text.RecordText.Of(this);

    /// <summary>ctels_reply.status, when response_len reached it.</summary>
    public FcCtelsStatus? Status => RawStatus is { } s ? (FcCtelsStatus)s : null;

    /// <summary>FC_CTELS_STATUS_* name of the status.</summary>
    public string? StatusName => RawStatus is { } s ? Codes.FcBsgCodes.CtelsStatus.NameOf(s) : null;

    /// <summary>No reply bytes at all: qla2xxx reports success this way; judge by the payload.</summary>
    public bool IsEmpty => Length == 0;
}

/// <summary>
/// Zero-allocation reads of the first response_len bytes of an fc_bsg_reply at the offsets of
/// <see cref="FcBsgReply"/>; a field response_len does not reach is null. Used by
/// <see cref="FcBsgReply.Parse"/> and by the exchange interpreter on the request path.
/// </summary>
public readonly ref struct FcBsgReplyReader
{
    private readonly ReadOnlySpan<byte> _reply;

    /// <summary>A reader over <paramref name="reply"/> cut to sg_io_v4.response_len (clamped to the buffer).</summary>
    public FcBsgReplyReader(ReadOnlySpan<byte> reply, int responseLength) =>
        _reply = reply[..Math.Clamp(responseLength, 0, reply.Length)];

    /// <summary>The bytes that are reply: response_len clamped to the buffer.</summary>
    public int Length => _reply.Length;

    /// <summary>The reply bytes the reader covers.</summary>
    public ReadOnlySpan<byte> Bytes => _reply;

    /// <summary>result @0 (0 or a negative errno).</summary>
    public int? Result => Covers(FcBsgReply.ResultOffset, 4) ? (int)HostEndian.ReadUInt32(_reply) : null;

    /// <summary>reply_payload_rcv_len @4.</summary>
    public uint? ReceivedPayloadLength => Word(FcBsgReply.ReceivedLengthOffset);

    /// <summary>ctels_reply.status @8 as a host integer.</summary>
    public uint? RawStatus => Word(FcBsgReply.StatusOffset);

    /// <summary>ctels_reply.status @8.</summary>
    public FcCtelsStatus? Status => RawStatus is { } s ? (FcCtelsStatus)s : null;

    /// <summary>rjt_data @12..15.</summary>
    public FcBsgRejectData? RejectData => Covers(FcBsgReply.RejectDataOffset, 4)
        ? new FcBsgRejectData(_reply[FcBsgReply.RejectDataOffset], _reply[FcBsgReply.RejectDataOffset + 1],
            _reply[FcBsgReply.RejectDataOffset + 2], _reply[FcBsgReply.RejectDataOffset + 3])
        : null;

    /// <summary>The reply reaches qla2xxx's fw_status[3] (28 bytes).</summary>
    public bool HasFirmwareStatus => Length >= FcBsgReply.QlogicExtendedSize;

    /// <summary>fw_status[<paramref name="index"/>] (0: the firmware completion status); 0 when absent.</summary>
    public uint FirmwareStatus(int index) =>
        index is >= 0 and < FcBsgReply.FirmwareStatusWords ? Word(FcBsgReply.FirmwareStatusOffset + 4 * index) ?? 0 : 0;

    /// <summary>How many whole vendor_rsp words (from @8) the reply carries.</summary>
    public int VendorResponseCount => Math.Max(0, Length - FcBsgReply.VendorResponseOffset) / 4;

    /// <summary>vendor_rsp[<paramref name="index"/>]; 0 when absent.</summary>
    public uint VendorResponse(int index) => index < 0 ? 0 : Word(FcBsgReply.VendorResponseOffset + 4 * index) ?? 0;

    private bool Covers(int offset, int length) => offset + length <= _reply.Length;

    private uint? Word(int offset) => Covers(offset, 4) ? HostEndian.ReadUInt32(_reply[offset..]) : null;
}
