namespace BsgKit.Simulator.Kernel;

/// <summary>The one state machine every request moves through, the way ublk's server tracks its tags.</summary>
public enum RequestState
{
    /// <summary>Unused; may be acquired.</summary>
    Free,
    /// <summary>Header, request and dout copied in from the caller; not yet handed to a handler.</summary>
    Fetched,
    /// <summary>A transport rule or LLD personality owns it and will complete it.</summary>
    OwnedByHandler,
    /// <summary>Completed exactly once; results are being written back to the caller.</summary>
    Completed,
}

/// <summary>
/// One tag of the fake queue: the request's buffers (reused, so the steady state allocates nothing and the
/// reply buffer keeps stale bytes like bsg-lib's) and its state.
/// </summary>
public sealed class RequestSlot
{
    private int _state; // RequestState

    internal RequestSlot(int tag)
    {
        Tag = tag;
        Job = new BsgJob(this);
    }

    /// <summary>The slot's tag: its index in the 128-entry table.</summary>
    public int Tag { get; }
    /// <summary>Where the slot is in its life (free, in flight, completing …).</summary>
    public RequestState State => (RequestState)Volatile.Read(ref _state);
    /// <summary>The slot's bsg_job, reused for every request the slot carries.</summary>
    public BsgJob Job { get; }

    /// <summary>The channel (open file) whose request this is; used to error requests out when it closes.</summary>
    public object? Owner { get; internal set; }

    /// <summary>Set when the owner went away: the request completes but nothing is written back.</summary>
    public bool Abandoned { get; internal set; }

    // Grown on first use, then reused: a fabric of 10,000 rports costs nothing for nodes nobody talks to.
    internal byte[] RequestBuffer = [];
    internal byte[] RequestPayloadBuffer = [];
    internal byte[] ReplyPayloadBuffer = [];
    private byte[]? _replyBuffer;

    /// <summary>bsg-lib's preallocated reply buffer for this tag: never zeroed, so it keeps stale bytes.</summary>
    internal byte[] ReplyBuffer => _replyBuffer ??= new byte[Bsg.BsgConstants.DefaultReplyLength];

    internal static void EnsureCapacity(ref byte[] buffer, int length)
    {
        if (buffer.Length < length) buffer = new byte[Math.Max(Math.Max(length, 64), buffer.Length * 2)];
    }

    internal bool TryTransition(RequestState from, RequestState to) =>
        Interlocked.CompareExchange(ref _state, (int)to, (int)from) == (int)from;

    /// <summary>OwnedByHandler → Completed. False (and a counted bug) for a second completion.</summary>
    internal bool TryComplete()
    {
        if (TryTransition(RequestState.OwnedByHandler, RequestState.Completed)) return true;
        Table?.ReportDoubleCompletion(this);
        return false;
    }

    internal RequestSlotTable? Table { get; set; }

    internal void ForceFree() => Volatile.Write(ref _state, (int)RequestState.Free);
}
