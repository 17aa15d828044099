using System.Diagnostics;
using BsgKit.Bsg;
using BsgKit.Bsg.Catalog;
using BsgKit.Fc.Catalog;
using BsgKit.Fc.Clients;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using F = BsgKit.Tool.Monitoring.MetricFamilies;

namespace BsgKit.Tool.Monitoring;

/// <summary>How the refresher talks to the hosts.</summary>
internal sealed record RefreshOptions
{
    /// <summary>The hosts to collect from, chosen anew from each refresh's catalog (hosts and rports come and go).</summary>
    public required Func<FcCatalogSnapshot, IReadOnlyList<FcHostInfo>> SelectHosts { get; init; }
    /// <summary>Per-request timeout (the kernel's sg_io_v4 timeout); null: the library default.</summary>
    public uint? TimeoutMs { get; init; }
    /// <summary>Requests in flight per host at once (the driver profile may lower it: ibmvfc → 1).</summary>
    public int Parallelism { get; init; } = DefaultParallelism;
    public string? ProfileName { get; init; }
    public ILoggerFactory? LoggerFactory { get; init; }
    public IReadOnlyList<Collector> Collectors { get; init; } = Collector.All;
    /// <summary>One warning per failing collector and refresh (the exporter); `bsgkit metrics` reports failures itself.</summary>
    public bool LogFailures { get; init; } = true;

    public const int DefaultParallelism = 4, MaxParallelism = 64;
}

/// <summary>
/// Runs every collector on every selected host (collectors and hosts at once, requests bounded per host) and keeps the
/// last snapshot. Scrapes read <see cref="Latest"/>; only <see cref="RefreshAsync"/> sends bsg requests.
/// </summary>
internal sealed class MetricsRefresher(BsgNodeCatalog sysfs, IBsgTransport? transport, RefreshOptions options)
{
    private readonly CountingTransport _transport = new(transport ?? LinuxBsgTransport.Instance);
    private readonly Dictionary<(string Collector, string Host), long> _errors = [];
    private readonly ILogger _logger = options.LoggerFactory?.CreateLogger("bsgkit.exporter") ?? NullLogger.Instance;
    private const string OnlineState = "Online";
    private long _refreshes;
    private MetricsSnapshot _latest = MetricsSnapshot.Empty;

    /// <summary>The last complete snapshot (empty before the first refresh).</summary>
    public MetricsSnapshot Latest => Volatile.Read(ref _latest);

    /// <summary>Refreshes done so far.</summary>
    public long Refreshes => Interlocked.Read(ref _refreshes);

    /// <summary>SG_IO requests sent so far (every one from a refresh).</summary>
    public long BsgRequests => _transport.Requests;

    /// <summary>One refresh: a fresh catalog, every collector on every host, then the snapshot replaces the last one.</summary>
    public async Task<MetricsSnapshot> RefreshAsync(CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var catalog = FcCatalog.Scan(sysfs, sysfs.Scan());
        var hosts = options.SelectHosts(catalog);
        var sink = new SampleSink();
        var runs = await Task.WhenAll(hosts.Select(h => RefreshHostAsync(catalog, h, sink, ct))).ConfigureAwait(false);
        var flat = runs.SelectMany(r => r).OrderBy(r => r.Host, StringComparer.Ordinal).ThenBy(r => r.Collector, StringComparer.Ordinal).ToList();
        var refreshes = Interlocked.Increment(ref _refreshes);
        var takenAt = DateTimeOffset.UtcNow;

        lock (_errors)
        {
            foreach (var r in flat)
            {
                var key = (r.Collector, r.Host);
                _errors[key] = _errors.GetValueOrDefault(key) + r.Errors;
                sink.Add(F.CollectorApplicable, r.Applicable ? 1 : 0, r.Collector, r.Host);
                if (r.Applicable) sink.Add(F.CollectorSuccess, r.Ok ? 1 : 0, r.Collector, r.Host);
                sink.Add(F.CollectorDuration, r.Duration.TotalSeconds, r.Collector, r.Host);
                sink.Add(F.CollectorErrors, _errors[key], r.Collector, r.Host);
            }
        }
        sink.Add(F.BsgRequests, _transport.Requests);
        sink.Add(F.Refreshes, refreshes);
        sink.Add(F.RefreshDuration, clock.Elapsed.TotalSeconds);
        sink.Add(F.LastRefresh, takenAt.ToUnixTimeMilliseconds() / 1000.0);
        var snapshot = new MetricsSnapshot(sink.Drain(), flat, takenAt, clock.Elapsed);
        Volatile.Write(ref _latest, snapshot);
        foreach (var r in flat.Where(r => r.Errors > 0 && options.LogFailures))
            _logger.LogWarning("{Host} {Collector}: {Errors} failed request(s); first: {Error}", r.Host, r.Collector, r.Errors, r.FirstError);
        return snapshot;
    }

    /// <summary>Refreshes every <paramref name="interval"/> until cancelled (the first refresh is the caller's).</summary>
    public async Task RunAsync(TimeSpan interval, CancellationToken ct)
    {
        using var timer = new PeriodicTimer(interval);
        while (await timer.WaitForNextTickAsync(ct).ConfigureAwait(false))
            await RefreshAsync(ct).ConfigureAwait(false);
    }

    private async Task<CollectorRun[]> RefreshHostAsync(FcCatalogSnapshot catalog, FcHostInfo host, SampleSink sink, CancellationToken ct)
    {
        var rports = catalog.RemotePorts.Where(r => r.HostNumber == host.HostNumber).ToList();
        FcHostClient? client = null;
        string? unavailable = null;
        // A port that is not Online cannot reach the fabric: the bsg collectors wait (bsgkit_fc_host_up says why).
        if (host.PortState != OnlineState) unavailable = $"{host.Name}: port_state is {host.PortState ?? "unknown"}; nothing is sent";
        else try
        {
            client = FcHostClient.Open(host, rports, new FcClientOptions
            {
                Transport = _transport,
                ProfileName = options.ProfileName,
                TimeoutMs = options.TimeoutMs,
                Logger = options.LoggerFactory?.CreateLogger("bsgkit.fc"),
            });
            if (client.Profile.UnsupportedReason is { } reason) unavailable = $"{host.Name} ({client.Profile}): {reason}";
        }
        catch (Exception e) when (e is FcException or BsgException)
        {
            unavailable = Infrastructure.ExitCodes.Describe(e);
        }
        try
        {
            var parallel = client is null ? 1 : client.Profile.SerializeRequests ? 1 : Math.Max(1, Math.Min(options.Parallelism, client.Profile.MaxParallelRequests));
            using var gate = new SemaphoreSlim(parallel);
            var scope = new HostScope(host, rports, unavailable is null ? client : null, unavailable, gate, sink, sysfs);
            return await Task.WhenAll(options.Collectors.Select(c => RunAsync(c, scope, ct))).ConfigureAwait(false);
        }
        finally
        {
            client?.Dispose();
        }
    }

    private static async Task<CollectorRun> RunAsync(Collector collector, HostScope scope, CancellationToken ct)
    {
        if (collector.SendsRequests && scope.Client is null)
            return new CollectorRun(collector.Name, scope.HostName, Applicable: false, 0, TimeSpan.Zero) { NotApplicable = scope.ClientUnavailable };
        var clock = Stopwatch.StartNew();
        var errors = new RunErrors();
        try
        {
            await collector.CollectAsync(scope, errors, ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            errors.Fail(collector.Name, e); // a collector's own defect stays in that collector
        }
        var applicable = errors.NotApplicable is null || errors.Count > 0;
        return new CollectorRun(collector.Name, scope.HostName, applicable, errors.Count, clock.Elapsed)
        {
            FirstError = errors.First, FirstErrorCode = errors.FirstCode, NotApplicable = errors.NotApplicable,
        };
    }

    /// <summary>Counts the SG_IO requests that reach the transport (the scrape-cost figure: a scrape adds none).</summary>
    private sealed class CountingTransport(IBsgTransport inner) : IBsgTransport
    {
        private long _requests;
        public long Requests => Interlocked.Read(ref _requests);

        public BsgNodeChannel Open(string devicePath) => inner.Open(devicePath);

        public bool NeverBlocks => inner.NeverBlocks;

        public int Execute(BsgNodeChannel channel, ref SgIoV4 header, ReadOnlySpan<MemoryRegion> handedOver)
        {
            Interlocked.Increment(ref _requests);
            return inner.Execute(channel, ref header, handedOver);
        }
    }
}
