using System.CommandLine;
using System.Globalization;
using System.Net;
using BsgKit.Fc.Catalog;
using BsgKit.Tool.Infrastructure;
using BsgKit.Tool.Monitoring;
using BsgKit.Tool.Output;
using Prometheus;

namespace BsgKit.Tool.Commands;

/// <summary>
/// bsgkit exporter (a Prometheus /metrics endpoint refreshed on its own interval) and bsgkit metrics (one refresh, printed
/// or written atomically for node_exporter's textfile collector). Metric names: docs/metrics.md.
/// </summary>
internal static class MonitoringCommands
{
    public const string DefaultListen = ":9780";
    public const double DefaultIntervalSeconds = 60, MaxIntervalSeconds = 86_400;

    public static Command BuildExporter(CliHost cli)
    {
        var listen = new Option<string>("--listen") { Description = "ADDR:PORT to serve /metrics on (:PORT or 0.0.0.0:PORT for every address)", DefaultValueFactory = _ => DefaultListen };
        var interval = new Option<double>("--interval") { Description = "Seconds between refreshes (bsg requests are sent only then; scrapes serve the last snapshot)", DefaultValueFactory = _ => DefaultIntervalSeconds };
        var parallel = ParallelOption();
        var cmd = new Command("exporter", "Prometheus exporter: fc_host statistics, port states, remote-port link errors (RLS), SFP optics (RDP), name server, zoning and switch counts of every FC host (or those -H names) on http://ADDR:PORT/metrics; runs until SIGINT/SIGTERM, then exits 0")
        {
            listen, interval, parallel,
        };
        cli.SetAction(cmd, async (ctx, parse, ct) =>
        {
            ctx.NoDot();
            var (host, port) = ParseListen(parse.GetValue(listen)!);
            var seconds = ParseInterval(parse.GetValue(interval));
            var refresher = CreateRefresher(ctx, parse.GetValue(parallel));
            var first = await refresher.RefreshAsync(ct);
            if (AllRequestsDenied(first) is { } denied) throw new CliException(ExitCodes.Permission, denied);
            var publisher = new PrometheusPublisher(() => refresher.Latest);
            var server = new MetricServer(host, port, "metrics/", publisher.Registry);
            try
            {
                server.Start();
            }
            catch (HttpListenerException e)
            {
                server.Dispose();
                throw new CliException(ExitCodes.Transport, $"cannot listen on {parse.GetValue(listen)}: {e.Message}");
            }
            try
            {
                if (!ctx.Quiet)
                    ctx.Err.WriteLine($"bsgkit: exporter: serving http://{(host == "+" ? "0.0.0.0" : host)}:{port}/metrics, refreshing every {Fmt.Num(seconds)} s " +
                                      $"({first.Samples.Count} series from {first.Runs.Select(r => r.Host).Distinct().Count()} host(s), first refresh {first.Duration.TotalSeconds:0.###} s)");
                using var timer = new PeriodicTimer(TimeSpan.FromSeconds(seconds));
                try
                {
                    while (await timer.WaitForNextTickAsync(ct))
                    {
                        try { await refresher.RefreshAsync(ct); }
                        catch (Exception e) when (e is not OperationCanceledException)
                        {
                            ctx.Err.WriteLine($"bsgkit: exporter: refresh failed (the last snapshot is still served): {ExitCodes.Describe(e)}");
                        }
                    }
                }
                catch (OperationCanceledException) when (ctx.IsInterrupted)
                {
                    // A server's normal end (README "Exit codes"): stop listening, say what it did, exit 0.
                }
                var stopped = new ExporterStoppedDto(ctx.Interrupt.SignalName, refresher.Refreshes, publisher.Scrapes, refresher.BsgRequests);
                JsonOutput.Emit(ctx, stopped, static c => c.ExporterStoppedDto, () => ctx.Out.WriteLine(
                    $"bsgkit exporter: stopped by {stopped.Signal}: {stopped.Refreshes} refresh(es), {stopped.Scrapes} scrape(s), {stopped.BsgRequests} bsg request(s)"));
                return ExitCodes.Ok;
            }
            finally
            {
                await server.StopAsync();
                server.Dispose();
            }
        });
        return cmd;
    }

    public static Command BuildMetrics(CliHost cli)
    {
        var file = new Option<string?>("--output-file") { Description = "Write the exposition text into FILE atomically (a temporary file in its directory, then rename) for node_exporter's textfile collector (name it *.prom)" };
        var parallel = ParallelOption();
        var cmd = new Command("metrics", "One refresh of the exporter's metrics of every FC host (or those -H names; Prometheus text format) to stdout or --output-file; -o json for the samples as JSON; exit 7 when a collector failed (the rest is printed)")
        {
            file, parallel,
        };
        cli.SetAction(cmd, async (ctx, parse, ct) =>
        {
            ctx.NoDot();
            var path = parse.GetValue(file);
            if (path is not null && (path.Length == 0 || Directory.Exists(path))) throw CliException.Usage($"--output-file '{path}': give a file name, not a directory");
            var refresher = CreateRefresher(ctx, parse.GetValue(parallel), logFailures: false);
            var snapshot = await refresher.RefreshAsync(ct);
            var publisher = new PrometheusPublisher(() => snapshot);
            using var text = new MemoryStream();
            await publisher.WriteTextAsync(text, ct);
            if (path is not null) WriteAtomically(path, text);
            if (ctx.Json) JsonOutput.Write(ctx.Out, ToDto(snapshot, refresher.BsgRequests), static c => c.MetricsDto);
            else if (path is null) ctx.Out.Write(System.Text.Encoding.UTF8.GetString(text.GetBuffer(), 0, (int)text.Length));
            foreach (var r in snapshot.Runs.Where(r => r.Errors > 0))
                ctx.Err.WriteLine($"bsgkit: metrics: {r.Host} {r.Collector}: {r.FirstError}{(r.Errors > 1 ? $" ({r.Errors} failed requests)" : "")}");
            return ExitCodeOf(snapshot);
        });
        return cmd;
    }

    private static Option<int> ParallelOption() => new("--parallel")
    {
        Description = "Requests in flight per host at once (the driver may allow fewer)",
        DefaultValueFactory = _ => RefreshOptions.DefaultParallelism,
    };

    /// <summary>The refresher for the hosts -H names (every FC host without -H: a monitor wants them all).</summary>
    private static MetricsRefresher CreateRefresher(CliContext ctx, int parallel, bool logFailures = true)
    {
        if (parallel is < 1 or > RefreshOptions.MaxParallelism) throw CliException.Usage($"--parallel {parallel}: must be 1 to {RefreshOptions.MaxParallelism}");
        var all = ctx.Hosts.HostSpec is null || ctx.Hosts.AllHosts;
        var chosen = (all ? ctx.Hosts.SelectHosts("all") : ctx.Hosts.SelectHosts()).Select(h => h.HostNumber).ToHashSet();
        return new MetricsRefresher(ctx.Session.Connect(), ctx.Session.Transport(), new RefreshOptions
        {
            SelectHosts = c => [.. c.FcHosts.Where(h => all || chosen.Contains(h.HostNumber)).OrderBy(h => h.HostNumber)],
            TimeoutMs = ctx.Options.TimeoutMs,
            Parallelism = parallel,
            ProfileName = ctx.Options.Driver,
            LoggerFactory = ctx.LoggerFactory,
            LogFailures = logFailures,
        });
    }

    /// <summary>"ADDR:PORT", ":PORT", "[v6]:PORT" → the HttpListener host ("+" for every address) and port.</summary>
    internal static (string Host, int Port) ParseListen(string listen)
    {
        var s = listen.Trim();
        var colon = s.LastIndexOf(':');
        if (colon < 0 || !int.TryParse(s.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
            throw CliException.Usage($"--listen '{listen}': expected ADDR:PORT with a port from 1 to 65535 (such as 127.0.0.1:9780 or {DefaultListen})");
        var host = s[..colon];
        if (host is "" or "*" or "+" or "0.0.0.0" or "[::]") return ("+", port);
        if (host == "localhost") return (host, port);
        var bare = host.StartsWith('[') && host.EndsWith(']') ? host[1..^1] : host;
        if (!IPAddress.TryParse(bare, out var address))
            throw CliException.Usage($"--listen '{listen}': '{host}' is not an IP address (use 127.0.0.1, [::1], 0.0.0.0 or localhost)");
        return (address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{address}]" : address.ToString(), port);
    }

    internal static double ParseInterval(double seconds)
    {
        if (!double.IsFinite(seconds) || seconds <= 0 || seconds > MaxIntervalSeconds)
            throw CliException.Usage($"--interval {Fmt.Num(seconds)}: must be a positive number of seconds, at most {MaxIntervalSeconds}");
        return seconds;
    }

    /// <summary>
    /// Every request-sending collector failed with "permission denied": nothing but sysfs can ever be collected (not
    /// root, no CAP_SYS_RAWIO), which the exporter says at start instead of serving errors forever.
    /// </summary>
    private static string? AllRequestsDenied(MetricsSnapshot s)
    {
        var sending = s.Runs.Where(r => r.Applicable && r.Collector != "sysfs").ToList();
        return sending.Count > 0 && sending.All(r => r.FirstErrorCode == ExitCodes.Permission) ? sending[0].FirstError : null;
    }

    /// <summary>0 when every collector did its part; the one code when every failed collector failed the same way and none succeeded; else 7.</summary>
    internal static int ExitCodeOf(MetricsSnapshot s)
    {
        var failed = s.Runs.Where(r => r.Errors > 0).ToList();
        if (failed.Count == 0) return ExitCodes.Ok;
        var sending = s.Runs.Where(r => r.Applicable && r.Collector != "sysfs").ToList();
        var codes = failed.Select(r => r.FirstErrorCode ?? ExitCodes.Transport).Distinct().ToList();
        return sending.All(r => r.Errors > 0) && codes.Count == 1 ? codes[0] : ExitCodes.Partial;
    }

    /// <summary>A temporary file beside <paramref name="path"/>, flushed, then renamed over it: a reader sees the old file or the new one.</summary>
    private static void WriteAtomically(string path, MemoryStream text)
    {
        var full = Path.GetFullPath(path);
        var dir = Path.GetDirectoryName(full)!;
        if (!Directory.Exists(dir)) throw CliException.Usage($"--output-file '{path}': no such directory {dir}");
        var temp = Path.Combine(dir, $".{Path.GetFileName(full)}.{Environment.ProcessId}.tmp");
        try
        {
            using (var f = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None))
            {
                f.Write(text.GetBuffer(), 0, (int)text.Length);
                f.Flush(flushToDisk: true);
            }
            File.Move(temp, full, overwrite: true);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
    }

    private static MetricsDto ToDto(MetricsSnapshot s, long requests) => new(
        s.TakenAt, Math.Round(s.Duration.TotalSeconds, 6), requests,
        [.. s.Samples.GroupBy(x => x.Family).Select(g => new MetricFamilyDto(g.Key.Name, g.Key.Kind == MetricKind.Counter ? "counter" : "gauge", g.Key.Help,
            [.. g.Select(x => new MetricSampleDto(g.Key.Labels.Zip(x.LabelValues).ToDictionary(p => p.First, p => p.Second), x.Value))]))],
        [.. s.Runs.Select(r => new CollectorRunDto(r.Collector, r.Host, r.Applicable, r.Errors, Math.Round(r.Duration.TotalSeconds, 6))
        {
            Ok = r.Ok || !r.Applicable, Error = r.FirstError, ExitCode = r.Errors > 0 ? r.FirstErrorCode : null, NotApplicable = r.NotApplicable,
        })]);
}
