namespace BsgKit.Fc.Clients;

/// <summary>
/// The per-host request gate: a counting semaphore whose uncontended enter and release are one interlocked operation
/// each (SemaphoreSlim takes and leaves a monitor for both, a measurable part of a GPN_ID's cost in the client). Waiters
/// park in a SemaphoreSlim used only to wake them; a caller arriving while others wait queues behind them.
/// </summary>
internal sealed class FcGate(int slots) : IDisposable
{
    private int _free = slots;
    private int _waiting;
    private readonly SemaphoreSlim _wake = new(0);

    /// <summary>Takes a slot if one is free and nobody is waiting for one.</summary>
    public bool TryEnter() => Volatile.Read(ref _waiting) == 0 && TryTake();

    /// <summary>Takes a slot, waiting for one; cancelled (TaskCanceledException, no slot taken) as SemaphoreSlim.WaitAsync is.</summary>
    public Task WaitAsync(CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested) return Task.FromCanceled(cancellationToken);
        return TryEnter() ? Task.CompletedTask : WaitForSlotAsync(cancellationToken);
    }

    private async Task WaitForSlotAsync(CancellationToken cancellationToken)
    {
        // Counted as waiting before looking again: a Release from now on sees it and wakes a waiter, so none is missed.
        // A wake that finds the slot taken again (or left over from a waiter that took a slot without it) just loops.
        Interlocked.Increment(ref _waiting);
        try
        {
            while (!TryTake()) await _wake.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            Interlocked.Decrement(ref _waiting);
        }
    }

    private bool TryTake()
    {
        for (var free = Volatile.Read(ref _free); free > 0; free = Volatile.Read(ref _free))
            if (Interlocked.CompareExchange(ref _free, free - 1, free) == free) return true;
        return false;
    }

    /// <summary>Gives a slot back, waking a waiter if there is one.</summary>
    public void Release()
    {
        Interlocked.Increment(ref _free);
        if (Volatile.Read(ref _waiting) > 0) _wake.Release();
    }

    public void Dispose() => _wake.Dispose();
}
