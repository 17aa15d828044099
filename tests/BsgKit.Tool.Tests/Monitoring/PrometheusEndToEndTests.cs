using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using BsgKit.Simulator.Hosting;
using BsgKit.Tool.Monitoring;
using BsgKit.Tool.Tests.Matrix;
using Prometheus;

namespace BsgKit.Tool.Tests.Monitoring;

/// <summary>
/// The exporter on the simulated "monitoring" SAN, scraped by a real Prometheus server (Debian's package, started here
/// on loopback with its own config and storage, killed at the end): the series and values Prometheus stored, the failing
/// collector's error metric, the alert rules loaded and evaluating, and that scrapes send no bsg request (counted in the
/// simulator's kernel).
/// </summary>
public class PrometheusEndToEndTests
{
    private const string DirtyPort = "0x500507680b314ac1"; // Rx power below the low alarm; RLS raises its counters by 5
    private const int LinkErrorsPerRls = 5;

    [Fact]
    public async Task A_real_Prometheus_scrapes_the_last_snapshot_and_scrapes_send_no_bsg_request()
    {
        var binary = PrometheusTools.Require("prometheus");
        using var san = SimulatedSan.Create("monitoring");
        var refresher = new MetricsRefresher(san.Catalog, san.Transport, new RefreshOptions { SelectHosts = c => [.. c.FcHosts.OrderBy(h => h.HostNumber)] });
        await refresher.RefreshAsync(CancellationToken.None);
        var afterFirstRefresh = san.Kernel.SgIoCalls;
        Assert.True(afterFirstRefresh > 0);
        Assert.Equal(afterFirstRefresh, refresher.BsgRequests); // the exporter's own count agrees with the simulator's

        var publisher = new PrometheusPublisher(() => refresher.Latest);
        var exporterPort = MatrixCases.FreePort();
        using var exporter = new MetricServer("127.0.0.1", exporterPort, "metrics/", publisher.Registry);
        exporter.Start();

        await using var prometheus = await PrometheusServer.StartAsync(binary, $"127.0.0.1:{exporterPort}",
            Path.Combine(PrometheusTools.RepoRoot, "contrib", "prometheus", "alerts.yml"));

        // Scrapes every second, refreshes only when the test says: several scrapes of one snapshot cost no request.
        await prometheus.WaitForAsync("bsgkit_scrapes_total", v => v >= 4);
        Assert.Equal(afterFirstRefresh, san.Kernel.SgIoCalls);
        var scrapes = await prometheus.ValueAsync("bsgkit_scrapes_total");
        Assert.Equal(afterFirstRefresh, await prometheus.ValueAsync("bsgkit_bsg_requests_total"));
        var crcBefore = await prometheus.ValueAsync($"bsgkit_rport_invalid_crc_total{{host=\"host1\",wwpn=\"{DirtyPort}\"}}");

        // A second refresh: the RLS fault raised the dirty port's counters; Prometheus sees the new snapshot.
        await refresher.RefreshAsync(CancellationToken.None);
        var perRefresh = san.Kernel.SgIoCalls - afterFirstRefresh;
        Assert.Equal(afterFirstRefresh, perRefresh); // the same questions every refresh
        await prometheus.WaitForAsync("bsgkit_refreshes_total", v => v == 2);
        Assert.Equal(crcBefore + LinkErrorsPerRls, await prometheus.ValueAsync($"bsgkit_rport_invalid_crc_total{{host=\"host1\",wwpn=\"{DirtyPort}\"}}"));
        Assert.Single(await prometheus.QueryAsync($"increase(bsgkit_rport_invalid_crc_total{{host=\"host1\",wwpn=\"{DirtyPort}\"}}[5m]) > 0"));
        await prometheus.WaitForAsync("bsgkit_scrapes_total", v => v >= scrapes + 3);
        Assert.Equal(2 * afterFirstRefresh, san.Kernel.SgIoCalls); // still only the two refreshes

        // What the scenario put there, as Prometheus stored it.
        Assert.Equal(1, await prometheus.ValueAsync($"bsgkit_rport_sfp_flag{{host=\"host1\",wwpn=\"{DirtyPort}\",element=\"rx_power\",flag=\"low_alarm\"}}"));
        Assert.Equal(14e-6, await prometheus.ValueAsync($"bsgkit_rport_sfp_rx_power_watts{{host=\"host1\",wwpn=\"{DirtyPort}\"}}"), 9);
        Assert.Equal(32e-6, await prometheus.ValueAsync($"bsgkit_rport_sfp_rx_power_threshold_watts{{host=\"host1\",wwpn=\"{DirtyPort}\",threshold=\"low_warning\"}}"), 9);
        Assert.Equal(72.5, await prometheus.ValueAsync("bsgkit_rport_sfp_temperature_celsius{host=\"host1\",wwpn=\"0x500507680b324ac1\"}"), 1);
        Assert.Equal(0, await prometheus.ValueAsync("bsgkit_fc_host_up{host=\"host3\"}"));
        Assert.Equal(1, await prometheus.ValueAsync("bsgkit_fc_host_up{host=\"host1\"}"));
        Assert.Equal(3, await prometheus.ValueAsync("bsgkit_fc_host_fpin_li_total{host=\"host1\"}"));
        Assert.Equal(4, await prometheus.ValueAsync("bsgkit_nameserver_ports{host=\"host1\",fc4_type=\"fcp\"}"));
        Assert.Equal(1, await prometheus.ValueAsync("bsgkit_nameserver_ports{host=\"host1\",fc4_type=\"nvme\"}"));
        // host1 sees itself (the initiator) and the three online targets zoned with it.
        Assert.Equal(3, await prometheus.ValueAsync("bsgkit_nameserver_feature_ports{host=\"host1\",fc4_type=\"fcp\",feature=\"target\"}"));
        Assert.Equal(1, await prometheus.ValueAsync("bsgkit_nameserver_feature_ports{host=\"host1\",fc4_type=\"fcp\",feature=\"initiator\"}"));
        Assert.Equal(1, await prometheus.ValueAsync("bsgkit_fabric_switches{host=\"host1\"}"));

        // The zone server does not answer: that collector is down on both hosts that can reach it, the others are not.
        Assert.Equal(0, await prometheus.ValueAsync("bsgkit_collector_success{collector=\"zoning\",host=\"host1\"}"));
        Assert.Equal(2, await prometheus.ValueAsync("bsgkit_collector_errors_total{collector=\"zoning\",host=\"host1\"}")); // one GAZS per refresh
        Assert.Empty(await prometheus.QueryAsync("bsgkit_zoning_active_zoneset_info"));
        Assert.Equal(["nameserver", "rdp", "rls", "switches", "sysfs"],
            (await prometheus.QueryAsync("bsgkit_collector_success{host=\"host1\"} == 1")).Select(s => s.Labels["collector"]).Order());
        Assert.Equal(0, await prometheus.ValueAsync("bsgkit_collector_applicable{collector=\"rls\",host=\"host3\"}")); // link down: nothing sent

        // The alert expressions, evaluated by the real server on the real series.
        var rxLow = await prometheus.QueryAsync("bsgkit_rport_sfp_rx_power_watts < ignoring(threshold) bsgkit_rport_sfp_rx_power_threshold_watts{threshold=\"low_warning\"}");
        Assert.Equal(["0x500507680b314ac1", "0x500507680b324ac1", "0x500507680b324ac1"], rxLow.Select(s => s.Labels["wwpn"]).Order());
        // Every expression of the Grafana dashboard is valid PromQL on the real server (and most have data here).
        var withData = 0;
        foreach (var expr in PromtoolTests.DashboardExpressions())
            if ((await prometheus.QueryAsync(expr)).Count > 0) withData++;
        Assert.True(withData >= PromtoolTests.DashboardExpressions().Count / 2, $"only {withData} dashboard expressions have data");

        var rules = await prometheus.RulesAsync();
        Assert.Equal(7, rules.Count);
        Assert.All(rules, r => Assert.True(r.Health == "ok", $"rule {r.Name}: {r.Health} {r.Error}"));
    }

    /// <summary>A Prometheus server on loopback with a temporary config and storage directory; disposing kills it and removes both.</summary>
    private sealed class PrometheusServer : IAsyncDisposable
    {
        private readonly Process _process;
        private readonly string _dir;
        private readonly HttpClient _http = new();
        private readonly string _api;

        private PrometheusServer(Process process, string dir, string listen)
        {
            _process = process;
            _dir = dir;
            _api = $"http://{listen}";
        }

        public static async Task<PrometheusServer> StartAsync(string binary, string target, string rules)
        {
            var dir = Directory.CreateTempSubdirectory("bsgkit-prometheus-").FullName;
            var listen = $"127.0.0.1:{MatrixCases.FreePort()}";
            File.Copy(rules, Path.Combine(dir, "alerts.yml"));
            await File.WriteAllTextAsync(Path.Combine(dir, "prometheus.yml"), $"""
                global:
                  scrape_interval: 1s
                  evaluation_interval: 1s
                rule_files: [alerts.yml]
                scrape_configs:
                  - job_name: bsgkit
                    static_configs:
                      - targets: ["{target}"]
                """);
            var psi = new ProcessStartInfo(binary)
            {
                RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = dir,
            };
            foreach (var a in new[] { "--config.file=" + Path.Combine(dir, "prometheus.yml"), "--storage.tsdb.path=" + Path.Combine(dir, "data"),
                         "--web.listen-address=" + listen, "--log.level=warn" })
                psi.ArgumentList.Add(a);
            var process = Process.Start(psi)!;
            var log = Path.Combine(dir, "prometheus.log");
            process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (log) File.AppendAllText(log, e.Data + "\n"); };
            process.OutputDataReceived += (_, e) => { };
            process.BeginErrorReadLine();
            process.BeginOutputReadLine();
            var server = new PrometheusServer(process, dir, listen);
            try
            {
                await server.WaitReadyAsync();
                return server;
            }
            catch
            {
                await server.DisposeAsync();
                throw;
            }
        }

        private string Log => File.Exists(Path.Combine(_dir, "prometheus.log")) ? File.ReadAllText(Path.Combine(_dir, "prometheus.log")) : "";

        private async Task WaitReadyAsync()
        {
            for (var attempt = 0; attempt < 600; attempt++)
            {
                if (_process.HasExited) Assert.Fail($"prometheus exited with {_process.ExitCode}:\n{Log}");
                try
                {
                    using var r = await _http.GetAsync(_api + "/-/ready");
                    if (r.IsSuccessStatusCode) return;
                }
                catch (HttpRequestException) { }
                await Task.Delay(100);
            }
            Assert.Fail($"prometheus did not become ready:\n{Log}");
        }

        public sealed record Series(Dictionary<string, string> Labels, double Value);

        public async Task<List<Series>> QueryAsync(string promql)
        {
            using var doc = JsonDocument.Parse(await _http.GetStringAsync(_api + "/api/v1/query?query=" + Uri.EscapeDataString(promql)));
            var data = doc.RootElement.GetProperty("data");
            Assert.Equal("vector", data.GetProperty("resultType").GetString());
            return [.. data.GetProperty("result").EnumerateArray().Select(s => new Series(
                s.GetProperty("metric").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!),
                double.Parse(s.GetProperty("value")[1].GetString()!, CultureInfo.InvariantCulture)))];
        }

        /// <summary>The one series the query selects (fails naming the query when there are none or several).</summary>
        public async Task<double> ValueAsync(string promql)
        {
            var result = await QueryAsync(promql);
            Assert.True(result.Count == 1, $"{promql}: {result.Count} series");
            return result[0].Value;
        }

        /// <summary>Waits (bounded: 60 s of scrapes) until the single series satisfies <paramref name="done"/>.</summary>
        public async Task WaitForAsync(string promql, Func<double, bool> done)
        {
            List<Series> last = [];
            for (var attempt = 0; attempt < 600; attempt++)
            {
                last = await QueryAsync(promql);
                if (last.Count == 1 && done(last[0].Value)) return;
                await Task.Delay(100);
            }
            Assert.Fail($"{promql} never got there (last: {string.Join(", ", last.Select(s => s.Value))}):\n{Log}");
        }

        public sealed record Rule(string Name, string Health, string? Error);

        public async Task<List<Rule>> RulesAsync()
        {
            // A rule reports its health after its first evaluation (every second).
            for (var attempt = 0; ; attempt++)
            {
                using var doc = JsonDocument.Parse(await _http.GetStringAsync(_api + "/api/v1/rules"));
                var rules = doc.RootElement.GetProperty("data").GetProperty("groups").EnumerateArray()
                    .SelectMany(g => g.GetProperty("rules").EnumerateArray())
                    .Select(r => new Rule(r.GetProperty("name").GetString()!, r.GetProperty("health").GetString()!,
                        r.TryGetProperty("lastError", out var e) ? e.GetString() : null)).ToList();
                if (rules.All(r => r.Health != "unknown") || attempt >= 100) return rules;
                await Task.Delay(100);
            }
        }

        public async ValueTask DisposeAsync()
        {
            _http.Dispose();
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
            _process.Dispose();
            Directory.Delete(_dir, recursive: true);
        }
    }
}
