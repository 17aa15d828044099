using System.Collections.Concurrent;

namespace BsgKit.Tool.Monitoring;

/// <summary>One sample: a family, its label values (in the family's label order) and the value.</summary>
internal readonly record struct MetricSample(MetricFamily Family, string[] LabelValues, double Value);

/// <summary>How one collector did on one host in one refresh.</summary>
internal sealed record CollectorRun(string Collector, string Host, bool Applicable, int Errors, TimeSpan Duration)
{
    /// <summary>The first failure (one line) and its exit code; null when nothing failed or the driver cannot do it.</summary>
    public string? FirstError { get; init; }
    public int? FirstErrorCode { get; init; }
    /// <summary>Why the collector did not run (the driver cannot do it).</summary>
    public string? NotApplicable { get; init; }
    public bool Ok => Applicable && Errors == 0;
}

/// <summary>What one refresh found: every sample, and how every collector did. Immutable once built.</summary>
internal sealed record MetricsSnapshot(IReadOnlyList<MetricSample> Samples, IReadOnlyList<CollectorRun> Runs, DateTimeOffset TakenAt, TimeSpan Duration)
{
    public static MetricsSnapshot Empty { get; } = new([], [], DateTimeOffset.UnixEpoch, TimeSpan.Zero);
}

/// <summary>Where collectors put samples (thread-safe: collectors of several hosts run at once).</summary>
internal sealed class SampleSink
{
    private readonly ConcurrentQueue<MetricSample> _samples = new();

    public void Add(MetricFamily family, double value, params string[] labels)
    {
        if (labels.Length != family.Labels.Length)
            throw new InvalidOperationException($"{family.Name}: {labels.Length} label values for {family.Labels.Length} labels");
        if (double.IsNaN(value)) return; // an unknown element type: nothing to say
        _samples.Enqueue(new MetricSample(family, labels, value));
    }

    /// <summary>The samples in a stable order (family, then labels), so the text output is the same for the same state.</summary>
    public List<MetricSample> Drain()
    {
        var list = _samples.ToList();
        list.Sort(static (a, b) =>
        {
            var c = string.CompareOrdinal(a.Family.Name, b.Family.Name);
            if (c != 0) return c;
            for (var i = 0; i < a.LabelValues.Length; i++)
            {
                c = string.CompareOrdinal(a.LabelValues[i], b.LabelValues[i]);
                if (c != 0) return c;
            }
            return 0;
        });
        return list;
    }
}
