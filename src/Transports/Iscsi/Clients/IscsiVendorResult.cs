using BsgKit.Bsg;
using BsgKit.Iscsi.Codes;
using BsgKit.Iscsi.IscsiBsg;

namespace BsgKit.Iscsi.Clients;

/// <summary>What one vendor command came back with: the completion read per docs/reference/kernel-rules.md §7, the decoded reply and the din bytes.</summary>
public sealed record IscsiVendorResult
{
    public override string ToString() => BsgKit.Bsg.Text.RecordText.Of(this);

    public required string DevicePath { get; init; }
    public required IscsiDriver Driver { get; init; }
    public required string Command { get; init; }
    public required ulong VendorId { get; init; }
    public required BsgOutcome Outcome { get; init; }
    /// <summary>0, or the errno the ioctl failed with (#28–#31 and driver refusals).</summary>
    public int Errno { get; init; }
    /// <summary>host_byte of the driver's result: 7 (DID_ERROR) when the firmware failed the command.</summary>
    public uint TransportStatus { get; init; }
    public required IscsiBsgReplyInfo Reply { get; init; }
    /// <summary>The din bytes that were received (reply_payload_rcv_len of them).</summary>
    public required byte[] Data { get; init; }
    public TimeSpan Duration { get; init; }

    public bool IsSuccess => Outcome == BsgOutcome.Completed;
}
