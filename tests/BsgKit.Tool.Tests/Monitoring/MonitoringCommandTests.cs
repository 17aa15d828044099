using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using BsgKit.Tool.Infrastructure;
using BsgKit.Tool.Monitoring;
using BsgKit.Tool.Tests.Matrix;

namespace BsgKit.Tool.Tests.Monitoring;

/// <summary>bsgkit metrics and bsgkit exporter: exit codes, bad input, the atomic textfile, signals, and what a scrape costs.</summary>
public class MonitoringCommandTests
{
    private static void UsageError(CliRun r, string words)
    {
        Assert.True(r.Code == ExitCodes.Usage, r.ToString());
        Assert.Contains(words, Assert.Single(r.ErrLines));
        Assert.Equal("", r.Out);
    }

    [Theory]
    [InlineData("nope", "'nope'")]
    [InlineData("127.0.0.1", "'127.0.0.1'")]
    [InlineData(":0", "port from 1 to 65535")]
    [InlineData("127.0.0.1:65536", "port from 1 to 65535")]
    [InlineData("300.1.1.1:9780", "'300.1.1.1' is not an IP address")]
    [InlineData("example.com:9780", "'example.com' is not an IP address")]
    public async Task A_bad_listen_address_is_exit_2_before_anything_is_sent(string listen, string words) =>
        UsageError(await CliRun.SimAsync("exporter", "--listen", listen), words);

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("NaN")]
    [InlineData("86401")]
    public async Task A_bad_interval_is_exit_2(string interval) =>
        UsageError(await CliRun.SimAsync("exporter", "--interval", interval), "--interval");

    [Theory]
    [InlineData("metrics")]
    [InlineData("exporter")]
    public async Task A_bad_parallelism_is_exit_2(string command)
    {
        UsageError(await CliRun.SimAsync(command, "--parallel", "0"), "--parallel 0");
        UsageError(await CliRun.SimAsync(command, "--parallel", "65"), "--parallel 65");
    }

    [Fact]
    public async Task The_output_file_must_be_a_file_in_an_existing_directory()
    {
        var dir = Directory.CreateTempSubdirectory("bsgkit-textfile-").FullName;
        try
        {
            UsageError(await CliRun.SimAsync("metrics", "--output-file", dir), "not a directory");
            UsageError(await CliRun.SimAsync("metrics", "--output-file", Path.Combine(dir, "no", "such.prom")), "no such directory");
            Assert.Empty(Directory.EnumerateFileSystemEntries(dir));
        }
        finally { Directory.Delete(dir, recursive: true); }
    }

    [Fact]
    public async Task The_output_file_is_replaced_atomically_and_nothing_else_is_left()
    {
        var dir = Directory.CreateTempSubdirectory("bsgkit-textfile-").FullName;
        var file = Path.Combine(dir, "bsgkit.prom");
        try
        {
            await File.WriteAllTextAsync(file, "# an older file\n");
            var r = await CliRun.SimAsync("metrics", "--output-file", file);
            Assert.True(r.Code == ExitCodes.Ok, r.ToString());
            Assert.Equal("", r.Out);
            Assert.Equal([file], Directory.EnumerateFileSystemEntries(dir));
            var text = await File.ReadAllTextAsync(file);
            Assert.Contains("bsgkit_fc_host_info{host=\"host1\",wwpn=\"0x10000090fa8c0a01\"", text);
            Assert.DoesNotContain("an older file", text);
            // The same series as on stdout (values of the self-metrics differ: durations).
            var stdout = await CliRun.SimAsync("metrics");
            Assert.Equal(Names(stdout.Out), Names(text));
        }
        finally { Directory.Delete(dir, recursive: true); }

        static IEnumerable<string> Names(string text) => text.Split('\n').Where(l => l.Length > 0 && l[0] != '#').Select(l => l[..l.LastIndexOf(' ')]);
    }

    [Fact]
    public async Task Metrics_on_the_monitoring_scenario_is_exit_7_naming_the_failing_collector_and_prints_the_rest()
    {
        var r = await CliRun.RunAsync("--simulate", "monitoring", "metrics");
        Assert.True(r.Code == ExitCodes.Partial, r.ToString());
        var failures = r.ErrLines.Where(l => l.StartsWith("bsgkit: metrics: ", StringComparison.Ordinal)).ToList();
        Assert.Equal(["bsgkit: metrics: host1 zoning: GAZS: GAZS to 0xfffffa: no response (the driver timed out waiting for an answer)",
                      "bsgkit: metrics: host2 zoning: GAZS: GAZS to 0xfffffa: no response (the driver timed out waiting for an answer)"], failures);
        Assert.Contains("bsgkit_collector_success{collector=\"zoning\",host=\"host1\"} 0\n", r.Out);
        Assert.Contains("bsgkit_collector_success{collector=\"rdp\",host=\"host1\"} 1\n", r.Out);
        Assert.Contains("bsgkit_rport_sfp_flag{host=\"host1\",rport=\"rport-1:0-2\",wwpn=\"0x500507680b314ac1\",fc_id=\"0x010a00\",element=\"rx_power\",flag=\"low_alarm\"} 1\n", r.Out);
        Assert.Contains("bsgkit_fc_host_up{host=\"host3\",wwpn=\"0x10000090fa8c0c03\"} 0\n", r.Out);
        Assert.Contains("bsgkit_fc_host_fpin_cn_credit_stall_total{host=\"host1\",wwpn=\"0x10000090fa8c0c01\"} 1\n", r.Out);

        var j = await CliRun.RunAsync("--simulate", "monitoring", "metrics", "-o", "json");
        Assert.Equal(ExitCodes.Partial, j.Code);
        var zoning = j.Json.GetProperty("collectors").EnumerateArray().Single(c => c.GetProperty("host").GetString() == "host1" && c.GetProperty("collector").GetString() == "zoning");
        Assert.False(zoning.GetProperty("ok").GetBoolean());
        Assert.Equal(ExitCodes.Timeout, zoning.GetProperty("exitCode").GetInt32());
        var linkDown = j.Json.GetProperty("collectors").EnumerateArray().Single(c => c.GetProperty("host").GetString() == "host3" && c.GetProperty("collector").GetString() == "rls");
        Assert.False(linkDown.GetProperty("applicable").GetBoolean());
        Assert.Equal("host3: port_state is Linkdown; nothing is sent", linkDown.GetProperty("notApplicable").GetString());
    }

    [Fact]
    public async Task A_port_that_declines_RDP_has_no_optics_and_is_no_error_but_other_rejects_are()
    {
        var scenario = System.Text.Json.Nodes.JsonNode.Parse(BsgKit.Simulator.Scenarios.ScenarioLoader.ToJson(BsgKit.Simulator.Scenarios.ScenarioLoader.Resolve("lab")))!.AsObject();
        scenario["faults"] = new System.Text.Json.Nodes.JsonArray(
            new System.Text.Json.Nodes.JsonObject { ["kind"] = "reject", ["command"] = "RDP", ["target"] = "0x010a00", ["scope"] = "els", ["reason"] = 0x0B },
            new System.Text.Json.Nodes.JsonObject { ["kind"] = "reject", ["command"] = "RLS", ["target"] = "0x010a00", ["scope"] = "els", ["reason"] = 0x09 });
        var path = Path.Combine(Path.GetTempPath(), $"bsgkit-declines-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, scenario.ToJsonString());
        try
        {
            var r = await CliRun.RunAsync("--simulate", path, "metrics");
            Assert.True(r.Code == ExitCodes.Partial, r.ToString());
            Assert.DoesNotContain("bsgkit_rport_sfp_temperature_celsius{host=\"host1\",rport=\"rport-1:0-2\"", r.Out); // declined: no series
            Assert.Contains("bsgkit_rport_sfp_temperature_celsius{host=\"host1\",rport=\"rport-1:0-3\"", r.Out);
            Assert.Contains("bsgkit_collector_success{collector=\"rdp\",host=\"host1\"} 1\n", r.Out);
            Assert.Contains("bsgkit_collector_success{collector=\"rls\",host=\"host1\"} 0\n", r.Out); // "unable to perform" is a failure
            Assert.Contains("bsgkit: metrics: host1 rls: RLS 0x010a00 (rport-1:0-2): ", Assert.Single(r.ErrLines));
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public async Task An_address_in_use_is_exit_6_and_the_other_listener_keeps_its_port()
    {
        var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        try
        {
            var port = ((IPEndPoint)taken.LocalEndpoint).Port;
            var r = await CliRun.SimAsync("exporter", "--listen", $"127.0.0.1:{port}");
            Assert.True(r.Code == ExitCodes.Transport, r.ToString());
            Assert.StartsWith($"bsgkit: cannot listen on 127.0.0.1:{port}: ", Assert.Single(r.ErrLines));
        }
        finally { taken.Stop(); }
    }

    [Theory]
    [InlineData(2, "SIGINT")]
    [InlineData(15, "SIGTERM")]
    public async Task The_exporter_stops_cleanly_on_a_signal_with_exit_0(int signal, string name)
    {
        var port = MatrixCases.FreePort();
        using var interrupt = new CliInterrupt();
        var run = CliRun.RunAsync(["--simulate", "lab", "exporter", "--listen", $"127.0.0.1:{port}"], null, interrupt);
        using var http = new HttpClient();
        await ScrapeAsync(http, port, run);
        interrupt.Raise(signal);
        var r = await run;
        Assert.True(r.Code == ExitCodes.Ok, r.ToString()); // a server's normal end (README)
        Assert.StartsWith($"bsgkit: exporter: serving http://127.0.0.1:{port}/metrics, refreshing every 60 s (", Assert.Single(r.ErrLines));
        Assert.Equal($"bsgkit exporter: stopped by {name}: 1 refresh(es), 1 scrape(s), 22 bsg request(s)\n", r.Out);
        await Assert.ThrowsAsync<HttpRequestException>(() => http.GetStringAsync($"http://127.0.0.1:{port}/metrics"));
    }

    [Fact]
    public async Task Scrapes_serve_the_last_snapshot_and_the_refresh_loop_runs_on_its_interval()
    {
        var port = MatrixCases.FreePort();
        using var interrupt = new CliInterrupt();
        var run = CliRun.RunAsync(["--simulate", "lab", "exporter", "--listen", $"127.0.0.1:{port}", "--interval", "3600"], null, interrupt);
        using var http = new HttpClient();
        try
        {
            var first = await ScrapeAsync(http, port, run);
            var texts = new List<string> { first };
            for (var i = 0; i < 5; i++) texts.Add(await http.GetStringAsync($"http://127.0.0.1:{port}/metrics"));
            // Six scrapes, one refresh: the request count never moves, the scrape count does.
            Assert.All(texts, t => Assert.Equal(Value(first, "bsgkit_bsg_requests_total"), Value(t, "bsgkit_bsg_requests_total")));
            Assert.All(texts, t => Assert.Equal(1, Value(t, "bsgkit_refreshes_total")));
            Assert.Equal(Enumerable.Range(1, 6).Select(i => (double)i), texts.Select(t => Value(t, "bsgkit_scrapes_total")));
        }
        finally
        {
            interrupt.Raise(15);
            await run;
        }

        // A short interval: refreshes go on by themselves (bounded wait, no timing asserted).
        port = MatrixCases.FreePort();
        using var fast = new CliInterrupt();
        run = CliRun.RunAsync(["--simulate", "lab", "exporter", "--listen", $"127.0.0.1:{port}", "--interval", "0.05"], null, fast);
        try
        {
            var text = await ScrapeAsync(http, port, run);
            for (var i = 0; i < 400 && Value(text, "bsgkit_refreshes_total") < 3; i++)
            {
                await Task.Delay(25);
                text = await http.GetStringAsync($"http://127.0.0.1:{port}/metrics");
            }
            Assert.True(Value(text, "bsgkit_refreshes_total") >= 3, text);
            var perRefresh = Value(text, "bsgkit_bsg_requests_total") / Value(text, "bsgkit_refreshes_total");
            Assert.Equal(22, perRefresh); // the lab: the same 22 requests every refresh, whatever the scrapes
        }
        finally
        {
            fast.Raise(15);
            Assert.Equal(ExitCodes.Ok, (await run).Code);
        }
    }

    private static async Task<string> ScrapeAsync(HttpClient http, int port, Task<CliRun> run)
    {
        for (var attempt = 0; attempt < 1200 && !run.IsCompleted; attempt++)
        {
            try { return await http.GetStringAsync($"http://127.0.0.1:{port}/metrics"); }
            catch (HttpRequestException) { await Task.Delay(25); }
        }
        Assert.Fail($"the exporter never answered on port {port}: {(run.IsCompleted ? run.Result.ToString() : "still running")}");
        return "";
    }

    private static double Value(string text, string series)
    {
        var m = Regex.Match(text, $@"^{Regex.Escape(series)} (\S+)$", RegexOptions.Multiline);
        Assert.True(m.Success, $"no {series} in\n{text}");
        return double.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task A_counter_that_goes_back_starts_a_new_series_and_a_port_that_left_loses_its_series()
    {
        var f = MetricFamilies.RportInvalidCrc;
        string[] a = ["host1", "rport-1:0-2", "0x500507680b314ac1", "0x010a00"], b = ["host1", "rport-1:0-3", "0x500507680b324ac1", "0x010b00"];
        var snapshot = new MetricsSnapshot([new(f, a, 10), new(f, b, 4)], [], DateTimeOffset.UnixEpoch, TimeSpan.Zero);
        var publisher = new PrometheusPublisher(() => snapshot);
        Assert.Contains("rport=\"rport-1:0-2\",wwpn=\"0x500507680b314ac1\",fc_id=\"0x010a00\"} 10\n", await TextAsync(publisher));
        snapshot = new MetricsSnapshot([new(f, a, 3)], [], DateTimeOffset.UnixEpoch, TimeSpan.Zero);
        var text = await TextAsync(publisher);
        Assert.Contains("rport=\"rport-1:0-2\",wwpn=\"0x500507680b314ac1\",fc_id=\"0x010a00\"} 3\n", text);
        Assert.DoesNotContain("rport-1:0-3", text);
        Assert.Contains("bsgkit_scrapes_total 2\n", text);
    }

    private static async Task<string> TextAsync(PrometheusPublisher p)
    {
        using var s = new MemoryStream();
        await p.WriteTextAsync(s, CancellationToken.None);
        return Encoding.UTF8.GetString(s.ToArray());
    }

    [Fact]
    public void Every_metric_family_is_documented_in_docs_metrics_md()
    {
        var doc = File.ReadAllText(Path.Combine(PrometheusTools.RepoRoot, "docs", "metrics.md"));
        foreach (var family in MetricFamilies.Fixed)
            Assert.True(doc.Contains($"`{family.Name}`", StringComparison.Ordinal), $"docs/metrics.md does not describe {family.Name}");
        Assert.Equal(MetricFamilies.Fixed.Count, MetricFamilies.Fixed.Select(x => x.Name).Distinct().Count());
    }
}
