namespace BsgKit.Simulator.Kernel;

/// <summary>
/// Simulated time. Requests advance it by their simulated latency instead of sleeping, so a 7 s timeout
/// costs nothing in a test; a scenario with RealDelays also sleeps.
/// </summary>
public sealed class SimClock
{
    private long _ticks;

    /// <summary>Sleep for simulated latencies in wall-clock time too (demos); tests leave it off.</summary>
    public bool RealDelays { get; init; }

    /// <summary>Simulated time since the clock started.</summary>
    public TimeSpan Now => TimeSpan.FromTicks(Interlocked.Read(ref _ticks));

    /// <summary>
    /// Moves simulated time on; with real delays also sleeps, in short slices, stopping early once
    /// <paramref name="stillWanted"/> says the caller has gone (a killed process must not keep the server busy).
    /// </summary>
    public void Advance(TimeSpan by, Func<bool>? stillWanted = null)
    {
        if (by <= TimeSpan.Zero) return;
        Interlocked.Add(ref _ticks, by.Ticks);
        if (!RealDelays) return;
        ServingThread.BeforeBlocking(); // a sleeping request must not hold up the next caller
        var until = DateTime.UtcNow + by;
        for (var left = by; left > TimeSpan.Zero; left = until - DateTime.UtcNow)
        {
            Thread.Sleep(left < Slice ? left : Slice);
            if (stillWanted != null && !stillWanted()) return;
        }
    }

    private static readonly TimeSpan Slice = TimeSpan.FromMilliseconds(50);
}
