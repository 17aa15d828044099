using BsgKit.Bsg;
using BsgKit.Iscsi.Codes;
using BsgKit.Iscsi.IscsiBsg;

namespace BsgKit.Iscsi.Clients;

/// <summary>What one vendor command came back with: the completion read per docs/reference/kernel-rules.md §7, the decoded reply and the din bytes.</summary>
public sealed record IscsiVendorResult
{
    /// <summary>Every field, one line.</summary>
    public override string ToString() => BsgKit.Bsg.Text.RecordText.Of(this);

    /// <summary>The /dev/bsg/iscsi_hostN the command went to.</summary>
    public required string DevicePath { get; init; }
    /// <summary>The driver the command was built for.</summary>
    public required IscsiDriver Driver { get; init; }
    /// <summary>The command's name ("READ_FLASH").</summary>
    public required string Command { get; init; }
    /// <summary>The h_vendor.vendor_id sent (<see cref="IscsiVendorId"/>).</summary>
    public required ulong VendorId { get; init; }
    /// <summary>How SG_IO ended.</summary>
    public required BsgOutcome Outcome { get; init; }
    /// <summary>0, or the errno the ioctl failed with (#28–#31 and driver refusals).</summary>
    public int Errno { get; init; }
    /// <summary>host_byte of the driver's result: 7 (DID_ERROR) when the firmware failed the command.</summary>
    public uint TransportStatus { get; init; }
    /// <summary>The decoded iscsi_bsg_reply.</summary>
    public required IscsiBsgReplyInfo Reply { get; init; }
    /// <summary>The din bytes that were received (reply_payload_rcv_len of them).</summary>
    public required byte[] Data { get; init; }
    /// <summary>Time spent in SG_IO, measured in user space.</summary>
    public TimeSpan Duration { get; init; }

    /// <summary>True for <see cref="BsgOutcome.Completed"/> only.</summary>
    public bool IsSuccess => Outcome == BsgOutcome.Completed;
}
