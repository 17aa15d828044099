using BsgKit.Bsg.Catalog;

namespace BsgKit.Simulator.Kernel;

/// <summary>Queue limits bsg-lib derives from the SCSI host (max_sectors, sg_tablesize, max_bsg_segments).</summary>
public readonly record struct QueueLimits(int MaxBytes, int MaxSegments)
{
    /// <summary>1 MiB per request, 128 segments: the block layer defaults the simulated LLDs start from.</summary>
    public static QueueLimits Default => new(1024 * 1024, 128);

    /// <summary>Pages a user buffer spans: each is one scatter-gather segment (nothing merges user pages).</summary>
    public static int SegmentsOf(ulong address, int length) =>
        length <= 0 ? 0 : (int)(((address + (ulong)length - 1) >> 12) - (address >> 12) + 1);
}

/// <summary>
/// One simulated /dev/bsg node with its own request queue (tag set of 128). Subclasses are the transport
/// classes' job_fn: fc_bsg_dispatch (fc_host), fc_bsg_dispatch_prep (rport), iscsi_bsg_host_dispatch.
/// </summary>
public abstract class SimNode
{
    /// <summary>A bsg node called <paramref name="name"/> ("fc_host1", "rport-1:0-2").</summary>
    protected SimNode(string name, BsgNodeKind kind)
    {
        Name = name;
        Kind = kind;
    }

    /// <summary>The node name under /dev/bsg.</summary>
    public string Name { get; }
    /// <summary>fc_host, rport or iscsi_host.</summary>
    public BsgNodeKind Kind { get; }
    /// <summary>The node's tag set, made on first use: a big fabric has tens of thousands of nodes, most never asked.</summary>
    public RequestSlotTable Queue => _queue ?? Interlocked.CompareExchange(ref _queue, new RequestSlotTable(), null) ?? _queue;

    private RequestSlotTable? _queue;
    /// <summary>The queue limits buffer mapping checks against (max bytes, max segments).</summary>
    public virtual QueueLimits Limits => QueueLimits.Default;

    /// <summary>The queue is being torn down: open() fails with ENXIO (docs/reference/kernel-rules.md #1).</summary>
    public bool Dying { get; set; }

    /// <summary>major:minor written to /sys/class/bsg/NAME/dev.</summary>
    public string DeviceNumber { get; set; } = "0:0";

    /// <summary>
    /// job_fn: returns 0 when the job was taken (completed now, or later by the LLD / timeout), non-zero to
    /// end the request with BLK_STS_IOERR — the silent IOERR path (result stays 0).
    /// </summary>
    public abstract int Dispatch(BsgJob job);

    /// <summary>The request timed out (the LLD never completed it). Return 0 if the job is now completed.</summary>
    public virtual int OnTimeout(BsgJob job) => -1;
}
