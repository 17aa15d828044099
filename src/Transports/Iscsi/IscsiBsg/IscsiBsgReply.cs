using BsgKit.Bsg;
namespace BsgKit.Iscsi.IscsiBsg;

/// <summary>
/// struct iscsi_bsg_reply (8 bytes; docs/reference/iscsi-bsg.md §3): result s32 @0, reply_payload_rcv_len u32 @4,
/// vendor_rsp[] u32 words from @8. Host-endian.
/// </summary>
public static class IscsiBsgReply
{
    /// <summary>sizeof(struct iscsi_bsg_reply) without vendor words.</summary>
    public const int Size = 8;
    /// <summary>Offset of result (s32): 0, a negative errno, or the driver's SCSI result (host byte in bits 16–23).</summary>
    public const int ResultOffset = 0;
    /// <summary>Offset of reply_payload_rcv_len (u32): din bytes the driver filled.</summary>
    public const int ReceivedLengthOffset = 4;
    /// <summary>Offset of vendor_rsp[] (u32 words; qla4xxx puts mailbox status here).</summary>
    public const int VendorResponseOffset = 8;

    /// <summary>Writes result, rcv_len and the vendor words; returns 8 + 4·n (the simulator's side).</summary>
    public static int Build(Span<byte> reply, int result, uint receivedLength, ReadOnlySpan<uint> vendorResponse = default)
    {
        var length = VendorResponseOffset + 4 * vendorResponse.Length;
        if (reply.Length < length)
            throw new ArgumentException($"iscsi_bsg_reply needs {length} bytes, the buffer has {reply.Length}", nameof(reply));
        HostEndian.WriteUInt32(reply, (uint)result);
        HostEndian.WriteUInt32(reply[ReceivedLengthOffset..], receivedLength);
        for (var i = 0; i < vendorResponse.Length; i++)
            HostEndian.WriteUInt32(reply[(VendorResponseOffset + 4 * i)..], vendorResponse[i]);
        return length;
    }

    /// <summary>Reads the first <paramref name="responseLength"/> bytes (sg_io_v4.response_len); absent fields are null.</summary>
    public static IscsiBsgReplyInfo Parse(ReadOnlySpan<byte> reply, int responseLength, int maxVendorWords = int.MaxValue)
    {
        var n = Math.Clamp(responseLength, 0, reply.Length);
        var r = reply[..n];
        int? result = n >= 4 ? (int)HostEndian.ReadUInt32(r) : null;
        uint? rcv = n >= 8 ? HostEndian.ReadUInt32(r[ReceivedLengthOffset..]) : null;
        var words = new uint[Math.Min(n > VendorResponseOffset ? (n - VendorResponseOffset) / 4 : 0, Math.Max(maxVendorWords, 0))];
        for (var i = 0; i < words.Length; i++) words[i] = HostEndian.ReadUInt32(r[(VendorResponseOffset + 4 * i)..]);
        return new IscsiBsgReplyInfo(n, result, rcv, words);
    }
}

/// <summary>A decoded iscsi_bsg_reply; each field is null when response_len did not reach it.</summary>
public sealed record IscsiBsgReplyInfo(int Length, int? Result, uint? ReceivedPayloadLength, uint[] VendorResponse)
{
    /// <summary>Every field, one line.</summary>
    public override string ToString() => BsgKit.Bsg.Text.RecordText.Of(this);

    /// <summary>host_byte(result): DID_OK 0, DID_ERROR 7 (qla4xxx firmware failure).</summary>
    public uint? HostByte => Result is { } r && r >= 0 ? (uint)((r >> 16) & 0xff) : null;
}
