using BsgKit.Fc.Clients;

namespace BsgKit.Fc.Tests.Clients;

/// <summary>The per-host request gate: its bound, its wake-ups, and cancellation while waiting.</summary>
public class FcGateTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public void Holds_at_most_its_slots()
    {
        using var gate = new FcGate(2);
        Assert.True(gate.TryEnter());
        Assert.True(gate.TryEnter());
        Assert.False(gate.TryEnter());
        gate.Release();
        Assert.True(gate.TryEnter());
        Assert.False(gate.TryEnter());
    }

    [Fact]
    public async Task A_waiter_gets_the_slot_that_is_released()
    {
        using var gate = new FcGate(1);
        Assert.True(gate.TryEnter());
        var waiting = gate.WaitAsync(CancellationToken.None);
        Assert.False(waiting.IsCompleted);
        Assert.False(gate.TryEnter());
        gate.Release();
        await waiting.WaitAsync(Patience);
        Assert.False(gate.TryEnter()); // the waiter holds it
        gate.Release();
        Assert.True(gate.TryEnter());
    }

    [Fact]
    public async Task A_cancelled_wait_takes_no_slot_and_the_next_waiter_is_still_woken()
    {
        using var gate = new FcGate(1);
        Assert.True(gate.TryEnter());
        using var cts = new CancellationTokenSource();
        var cancelled = gate.WaitAsync(cts.Token);
        var next = gate.WaitAsync(CancellationToken.None);
        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        Assert.False(next.IsCompleted);
        gate.Release();
        await next.WaitAsync(Patience);
        gate.Release();
        Assert.True(gate.TryEnter());
        Assert.False(gate.TryEnter());
    }

    [Fact]
    public async Task An_already_cancelled_token_is_refused_even_with_a_free_slot()
    {
        using var gate = new FcGate(1);
        var refused = gate.WaitAsync(new CancellationToken(canceled: true));
        Assert.True(refused.IsCanceled);
        await Assert.ThrowsAsync<TaskCanceledException>(() => refused);
        Assert.True(gate.TryEnter()); // the slot was not taken
    }

    [Fact]
    public async Task Many_concurrent_callers_never_exceed_the_slots_and_all_get_through()
    {
        const int Slots = 3, Callers = 16, Rounds = 200;
        using var gate = new FcGate(Slots);
        var inside = 0;
        var most = 0;
        var done = 0;
        var tasks = Enumerable.Range(0, Callers).Select(i => Task.Run(async () =>
        {
            for (var r = 0; r < Rounds; r++)
            {
                if (r % 2 != 0 || !gate.TryEnter()) await gate.WaitAsync(CancellationToken.None);
                var now = Interlocked.Increment(ref inside);
                InterlockedMax(ref most, now);
                if ((r + i) % 7 == 0) await Task.Yield();
                Interlocked.Decrement(ref inside);
                gate.Release();
                Interlocked.Increment(ref done);
            }
        })).ToArray();
        await Task.WhenAll(tasks).WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal(Callers * Rounds, done);
        Assert.InRange(most, 1, Slots);
        for (var s = 0; s < Slots; s++) Assert.True(gate.TryEnter());
        Assert.False(gate.TryEnter());
    }

    private static void InterlockedMax(ref int target, int value)
    {
        for (var seen = Volatile.Read(ref target); value > seen; seen = Volatile.Read(ref target))
            if (Interlocked.CompareExchange(ref target, value, seen) == seen) return;
    }
}
