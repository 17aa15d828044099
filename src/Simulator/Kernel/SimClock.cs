namespace BsgKit.Simulator.Kernel;

/// <summary>
/// Simulated time. Requests advance it by their simulated latency instead of sleeping, so a 7 s timeout
/// costs nothing in a test; a scenario with RealDelays also sleeps.
/// </summary>
public sealed class SimClock
{
    private long _ticks;

    public bool RealDelays { get; init; }

    public TimeSpan Now => TimeSpan.FromTicks(Interlocked.Read(ref _ticks));

    public void Advance(TimeSpan by)
    {
        if (by <= TimeSpan.Zero) return;
        Interlocked.Add(ref _ticks, by.Ticks);
        if (RealDelays) Thread.Sleep(by);
    }
}
