using BsgKit.Bsg;

namespace BsgKit.Simulator.Kernel;

/// <summary>
/// The fake kernel's <c>struct bsg_job</c>: the copied-in request, the mapped payloads and the reply buffer
/// the LLD fills. Belongs to one request slot; the LLD completes it through <see cref="Done"/> exactly once.
/// </summary>
public sealed class BsgJob
{
    private readonly RequestSlot _slot;

    internal BsgJob(RequestSlot slot) => _slot = slot;

    /// <summary>The bsg node (queue) the request was issued on.</summary>
    public SimNode Node { get; internal set; } = null!;

    /// <summary>The request_len bytes copied from sg_io_v4.request (fc_bsg_request / iscsi_bsg_request).</summary>
    public ReadOnlySpan<byte> Request => _slot.RequestBuffer.AsSpan(0, RequestLength);
    /// <summary>request_len: how many request bytes were copied in.</summary>
    public int RequestLength { get; internal set; }

    /// <summary>job->request_payload: the dout buffer (or, quirk, din when only din was given).</summary>
    public ReadOnlySpan<byte> RequestPayload => _slot.RequestPayloadBuffer.AsSpan(0, RequestPayloadLength);
    /// <summary>dout_xfer_len (or din_xfer_len in the din-only quirk), in bytes.</summary>
    public int RequestPayloadLength { get; internal set; }

    /// <summary>job->reply_payload: where the LLD writes the response; copied to the caller's din.</summary>
    public Span<byte> ReplyPayload => _slot.ReplyPayloadBuffer.AsSpan(0, ReplyPayloadLength);
    /// <summary>din_xfer_len: the room for the response payload, in bytes.</summary>
    public int ReplyPayloadLength { get; internal set; }

    /// <summary>Scatter-gather segments (pages) the caller's request / reply payload buffers span.</summary>
    public int RequestPayloadSegments { get; internal set; }
    /// <summary>Scatter-gather segments (pages) of the caller's reply payload buffer.</summary>
    public int ReplyPayloadSegments { get; internal set; }

    /// <summary>How many reply-payload bytes the LLD actually wrote (what lands in the caller's din).</summary>
    public int ReplyPayloadWritten { get; set; }

    /// <summary>job->reply: 96 bytes, reused per tag and never zeroed, like bsg-lib's preallocated buffer.</summary>
    public Span<byte> Reply => _slot.ReplyBuffer;
    /// <summary>job->reply_len: how many reply bytes reach sg_io_v4.response (96 unless the LLD sets it).</summary>
    public int ReplyLength { get; set; } = BsgConstants.DefaultReplyLength;

    /// <summary>job->result as passed to bsg_job_done (0 or a negative errno, or a host byte &lt;&lt; 16).</summary>
    public int Result { get; private set; }
    /// <summary>reply_payload_rcv_len as passed to bsg_job_done: din bytes the LLD reports received.</summary>
    public uint ReplyPayloadRcvLen { get; private set; }

    /// <summary>The effective timeout (after the 7 s floor).</summary>
    public TimeSpan Timeout { get; internal set; }

    /// <summary>Simulated time this request took; the kernel advances its clock by it.</summary>
    public TimeSpan Elapsed { get; set; }

    /// <summary>bsg_job_done was called for this request.</summary>
    public bool IsDone { get; private set; }

    /// <summary>bsg_job_done(job, result, rcv_len). A second call is a bug: caught, counted, never written.</summary>
    public void Done(int result, uint replyPayloadRcvLen)
    {
        if (!_slot.TryComplete()) return;
        Result = result;
        ReplyPayloadRcvLen = replyPayloadRcvLen;
        IsDone = true;
    }

    /// <summary>The transport's failure path for docs/reference/kernel-rules.md #12, #18, #23, #28–#31: result, rcv_len 0, reply_len 4.</summary>
    public void FailWith(int negativeErrno)
    {
        ReplyLength = 4;
        System.Runtime.InteropServices.MemoryMarshal.Write(Reply, in negativeErrno); // host-endian s32
        Done(negativeErrno, 0);
    }

    internal void Reset()
    {
        Result = 0;
        ReplyPayloadRcvLen = 0;
        ReplyPayloadWritten = 0;
        ReplyLength = BsgConstants.DefaultReplyLength;
        IsDone = false;
        Elapsed = TimeSpan.Zero;
    }
}
