using Prometheus;

namespace BsgKit.Tool.Monitoring;

/// <summary>
/// The snapshot as prometheus-net metrics in a registry of our own (no process or runtime metrics): before every
/// collection (a scrape, or `bsgkit metrics`) the latest snapshot is applied, so a scrape sends no bsg request and
/// always sees one whole refresh. Series that a new snapshot no longer has (a remote port gone) are removed.
/// </summary>
internal sealed class PrometheusPublisher
{
    private readonly Func<MetricsSnapshot> _latest;
    private readonly MetricFactory _factory;
    private readonly Dictionary<string, Gauge> _gauges = [];
    private readonly Dictionary<string, Counter> _counters = [];
    private readonly Dictionary<string, HashSet<LabelKey>> _published = [];
    private readonly Counter _scrapes;
    private readonly object _sync = new();
    private MetricsSnapshot? _applied;

    public PrometheusPublisher(Func<MetricsSnapshot> latest)
    {
        _latest = latest;
        Registry = Metrics.NewCustomRegistry();
        _factory = Metrics.WithCustomRegistry(Registry);
        _scrapes = _factory.CreateCounter(MetricFamilies.Scrapes.Name, MetricFamilies.Scrapes.Help);
        Registry.AddBeforeCollectCallback(BeforeCollect);
    }

    public CollectorRegistry Registry { get; }

    /// <summary>Collections served so far (scrapes, or the one of `bsgkit metrics`).</summary>
    public long Scrapes => (long)_scrapes.Value;

    /// <summary>The exposition text (the classic Prometheus text format, what the textfile collector reads).</summary>
    public async Task WriteTextAsync(Stream stream, CancellationToken ct)
    {
        await Registry.CollectAndExportAsTextAsync(stream, ct).ConfigureAwait(false);
    }

    private void BeforeCollect()
    {
        lock (_sync)
        {
            _scrapes.Inc();
            var snapshot = _latest();
            if (ReferenceEquals(snapshot, _applied)) return;
            Apply(snapshot);
            _applied = snapshot;
        }
    }

    private void Apply(MetricsSnapshot snapshot)
    {
        var now = new Dictionary<string, HashSet<LabelKey>>();
        foreach (var s in snapshot.Samples)
        {
            var f = s.Family;
            var key = new LabelKey(s.LabelValues);
            if (!(now.TryGetValue(f.Name, out var set) ? set : now[f.Name] = []).Add(key)) continue; // a duplicate: first one wins
            if (f.Kind == MetricKind.Gauge)
            {
                var g = Gauge(f);
                if (f.Labels.Length == 0) g.Set(s.Value);
                else g.WithLabels(s.LabelValues).Set(s.Value);
            }
            else
            {
                var c = Counter(f);
                if (f.Labels.Length == 0) { c.IncTo(s.Value); continue; } // the exporter's own counters only grow
                var child = c.WithLabels(s.LabelValues);
                if (s.Value < child.Value)
                {
                    // The device's counter went back (a reset or a replaced port): a new series start, as Prometheus expects.
                    c.RemoveLabelled(s.LabelValues);
                    child = c.WithLabels(s.LabelValues);
                }
                child.IncTo(s.Value);
            }
        }
        foreach (var (name, old) in _published)
        {
            now.TryGetValue(name, out var current);
            foreach (var key in old)
            {
                if (current?.Contains(key) == true || key.Values.Length == 0) continue;
                if (_gauges.TryGetValue(name, out var g)) g.RemoveLabelled(key.Values);
                else if (_counters.TryGetValue(name, out var c)) c.RemoveLabelled(key.Values);
            }
        }
        _published.Clear();
        foreach (var (name, set) in now) _published[name] = set;
    }

    private Gauge Gauge(MetricFamily f)
    {
        if (!_gauges.TryGetValue(f.Name, out var g))
            _gauges[f.Name] = g = _factory.CreateGauge(f.Name, f.Help, f.Labels);
        return g;
    }

    private Counter Counter(MetricFamily f)
    {
        if (!_counters.TryGetValue(f.Name, out var c))
            _counters[f.Name] = c = _factory.CreateCounter(f.Name, f.Help, f.Labels);
        return c;
    }

    /// <summary>Label values compared by content.</summary>
    private readonly record struct LabelKey(string[] Values)
    {
        public bool Equals(LabelKey other) => Values.AsSpan().SequenceEqual(other.Values);
        public override int GetHashCode()
        {
            var h = new HashCode();
            foreach (var v in Values) h.Add(v);
            return h.ToHashCode();
        }
    }
}
