using System.Diagnostics;
using BsgKit.Simulator.Scenarios;

namespace BsgKit.Simulator.Fabric;

/// <summary>
/// The scenario's latency model (<see cref="LatencySpec"/>): a service time per CT request and a name-server rate
/// limit. The limit gives each name-server request the next free slot on a wall-clock schedule 1/rate apart, so a
/// burst waits its turn as on a throttling switch; the wait is added to the request's latency (slept with real delays).
/// </summary>
internal sealed class LatencyModel(LatencySpec? spec)
{
    private readonly TimeSpan _service = spec is { CtServiceTimeUs: > 0 } ? TimeSpan.FromMicroseconds(spec.CtServiceTimeUs) : TimeSpan.Zero;
    private readonly long _interval = spec is { NameServerRequestsPerSecond: > 0 } ? Math.Max(1, Stopwatch.Frequency / spec.NameServerRequestsPerSecond) : 0;
    private readonly Lock _sync = new();
    private long _nextSlot;

    /// <summary>The latency of one CT request: the service time (or <paramref name="otherwise"/>) plus, for the name server, its wait for a slot.</summary>
    public TimeSpan CtLatency(bool nameServer, TimeSpan otherwise)
    {
        var latency = _service > TimeSpan.Zero ? _service : otherwise;
        if (!nameServer || _interval == 0) return latency;
        var now = Stopwatch.GetTimestamp();
        long slot;
        lock (_sync)
        {
            slot = Math.Max(now, _nextSlot);
            _nextSlot = slot + _interval;
        }
        return latency + Stopwatch.GetElapsedTime(now, slot);
    }
}
