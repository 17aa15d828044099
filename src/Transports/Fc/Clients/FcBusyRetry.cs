namespace BsgKit.Fc.Clients;

/// <summary>
/// Bounded exponential backoff for busy answers: up to <see cref="MaxAttempts"/> sends, waiting
/// <see cref="FirstDelay"/>, then twice as long each time, never more than <see cref="MaxDelay"/>.
/// </summary>
public sealed record FcBusyRetry(int MaxAttempts, TimeSpan FirstDelay, TimeSpan MaxDelay)
{
    /// <summary>4 attempts, 50 ms, 100 ms, 200 ms apart (FC-FS: a busy frame asks the originator to retry later).</summary>
    public static readonly FcBusyRetry Default = new(4, TimeSpan.FromMilliseconds(50), TimeSpan.FromSeconds(2));

    /// <summary>One attempt: busy is reported at once.</summary>
    public static readonly FcBusyRetry None = new(1, TimeSpan.Zero, TimeSpan.Zero);

    /// <summary>The wait after attempt <paramref name="attempt"/> (1-based).</summary>
    public TimeSpan DelayAfter(int attempt)
    {
        var ticks = FirstDelay.Ticks * Math.Pow(2, Math.Clamp(attempt - 1, 0, 30));
        return TimeSpan.FromTicks((long)Math.Min(ticks, MaxDelay.Ticks));
    }
}
