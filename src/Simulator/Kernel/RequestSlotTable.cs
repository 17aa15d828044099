namespace BsgKit.Simulator.Kernel;

/// <summary>
/// A fixed table of request slots indexed by tag, like a blk-mq tag set of depth 128 with one hardware
/// queue. Acquire blocks while every tag is busy (as blk-mq does), so the 129th concurrent request waits.
/// </summary>
public sealed class RequestSlotTable
{
    private readonly RequestSlot?[] _slots; // created on first use: most queues never see more than a few at once
    private readonly SemaphoreSlim _free;
    private long _doubleCompletions;
    private long _executions;
    private int _waiting;
    private int _busy; // slots acquired and not yet released: a close with none in flight has nothing to scan

    /// <summary>A table of <paramref name="depth"/> slots (the bsg queue depth).</summary>
    public RequestSlotTable(int depth = Bsg.BsgConstants.QueueDepth)
    {
        _slots = new RequestSlot?[depth];
        _free = new SemaphoreSlim(depth, depth);
    }

    /// <summary>The number of slots.</summary>
    public int Depth => _slots.Length;

    /// <summary>Completions attempted on an already completed request (each one a bug, never a second write).</summary>
    public long DoubleCompletions => Interlocked.Read(ref _doubleCompletions);

    /// <summary>Requests that reached a handler (for exactly-once checks).</summary>
    public long Executions => Interlocked.Read(ref _executions);

    /// <summary>How many slots are not free (diagnostics; allocates nothing but scans the table).</summary>
    public int InFlight => _slots.Count(s => s is not null && s.State != RequestState.Free);

    /// <summary>Callers blocked in <see cref="Acquire"/> because every tag is busy (a test seam: ordering by state, not by sleeps).</summary>
    internal int Waiting => Volatile.Read(ref _waiting);

    /// <summary>The slot with <paramref name="tag"/>.</summary>
    public RequestSlot this[int tag] => (uint)tag < (uint)_slots.Length
        ? SlotAt(tag)
        : throw new ArgumentOutOfRangeException(nameof(tag), tag, $"tag must be 0..{_slots.Length - 1}");

    private RequestSlot SlotAt(int tag) =>
        _slots[tag] ?? Interlocked.CompareExchange(ref _slots[tag], new RequestSlot(tag) { Table = this }, null) ?? _slots[tag]!;

    /// <summary>Free → Fetched on some free tag; waits for one when all are busy.</summary>
    public RequestSlot Acquire(object owner, CancellationToken cancellationToken = default)
    {
        if (!_free.Wait(0, cancellationToken))
        {
            Interlocked.Increment(ref _waiting);
            ServingThread.BeforeBlocking(); // the tag comes back when another request is answered: someone must receive it
            try { _free.Wait(cancellationToken); }
            finally { Interlocked.Decrement(ref _waiting); }
        }
        Interlocked.Increment(ref _busy); // before any slot names its owner (AbortOwner reads it first)
        for (var tag = 0; tag < _slots.Length; tag++)
        {
            var slot = SlotAt(tag);
            if (!slot.TryTransition(RequestState.Free, RequestState.Fetched)) continue;
            slot.Owner = owner;
            slot.Abandoned = false;
            slot.Job.Reset();
            return slot;
        }
        Interlocked.Decrement(ref _busy);
        _free.Release();
        throw new InvalidOperationException("request slot table inconsistent: semaphore said a tag was free but none was");
    }

    /// <summary>Fetched → OwnedByHandler.</summary>
    public void HandOver(RequestSlot slot)
    {
        if (!slot.TryTransition(RequestState.Fetched, RequestState.OwnedByHandler))
            throw new InvalidOperationException($"tag {slot.Tag}: hand-over from state {slot.State}, expected Fetched");
        Interlocked.Increment(ref _executions);
    }

    /// <summary>Any state → Free, after the results were written back (or the request was abandoned).</summary>
    public void Release(RequestSlot slot)
    {
        slot.Owner = null;
        slot.ForceFree();
        Interlocked.Decrement(ref _busy);
        _free.Release();
    }

    /// <summary>
    /// The owner's channel closed: every request it still has in flight is marked abandoned and, if its
    /// handler never completed it, completed with <paramref name="negativeErrno"/> — never left hanging.
    /// </summary>
    public int AbortOwner(object owner, int negativeErrno)
    {
        if (Volatile.Read(ref _busy) == 0) return 0; // nothing in flight (the common close: the request is answered)
        var n = 0;
        foreach (var slot in _slots)
        {
            if (slot is null || !ReferenceEquals(slot.Owner, owner) || slot.State == RequestState.Free) continue;
            slot.Abandoned = true;
            if (slot.State == RequestState.OwnedByHandler && !slot.Job.IsDone) slot.Job.Done(negativeErrno, 0);
            n++;
        }
        return n;
    }

    internal void ReportDoubleCompletion(RequestSlot slot) => Interlocked.Increment(ref _doubleCompletions);
}
