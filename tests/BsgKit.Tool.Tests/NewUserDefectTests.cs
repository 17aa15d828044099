using System.Diagnostics;
using System.Text.Json.Nodes;
using BsgKit.Simulator.Scenarios;
using BsgKit.Tool.Commands;
using BsgKit.Tool.Infrastructure;

namespace BsgKit.Tool.Tests;

/// <summary>
/// The defects found by trying bsgkit as a new user (issue 11), one test each, through the real entry point. The
/// command × driver matrix (Matrix/) covers the rest per command and driver.
/// </summary>
public class NewUserDefectTests
{
    /// <summary>A built-in scenario with changes, as a temporary file.</summary>
    private sealed class ScenarioFile : IDisposable
    {
        public string Path { get; }

        public ScenarioFile(string builtIn, Action<JsonObject> change)
        {
            var json = JsonNode.Parse(ScenarioLoader.ToJson(ScenarioLoader.Resolve(builtIn)))!.AsObject();
            change(json);
            Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"bsgkit-defect-{Guid.NewGuid():N}.json");
            File.WriteAllText(Path, json.ToJsonString());
        }

        public ScenarioFile(Scenario scenario)
        {
            Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"bsgkit-defect-{Guid.NewGuid():N}.json");
            File.WriteAllText(Path, ScenarioLoader.ToJson(scenario));
        }

        public void Dispose() => File.Delete(Path);
    }

    private static JsonObject Fault(string kind, string command, int count = 0, string? scope = null, string? target = null)
    {
        var f = new JsonObject { ["kind"] = kind, ["command"] = command, ["count"] = count };
        if (scope is not null) f["scope"] = scope;
        if (target is not null) f["target"] = target;
        return f;
    }

    // ---- 2. exit codes ----

    [Fact]
    public async Task A_truncated_name_server_listing_exits_7_partial()
    {
        // qla2xxx passes at most 2048 entries: a bigger fabric's GPN_FT comes back cut, complete:false.
        var scenario = ScenarioGenerator.Generate(2300);
        using var file = new ScenarioFile(scenario);
        var r = await CliRun.RunAsync("--simulate=" + file.Path, "-H", "host2", "ns", "gpn-ft", "-o", "json");
        Assert.True(r.Code == ExitCodes.Partial, r.ToString());
        var answer = r.Json.GetProperty("results")[0];
        Assert.False(answer.GetProperty("complete").GetBoolean());
        Assert.Equal(2048, answer.GetProperty("ports").GetArrayLength());
        Assert.Contains("truncated", Assert.Single(r.ErrLines));
    }

    // ---- 3. input ----

    [Theory]
    [InlineData("1")]
    [InlineData("0x5005076")]
    [InlineData("50:05:07:68:0b:21:4a")]
    public async Task A_wwn_must_be_exactly_8_bytes(string wwn)
    {
        foreach (var args in new[] { new[] { "ns", "gid-pn", wwn }, ["fdmi", "port", wwn], ["-H", wwn, "list"], ["els", "rps", "0x010a00", "--wwpn", wwn] })
        {
            if (args[0] == "-H" && wwn == "1") continue; // -H 1 is host1
            var r = await CliRun.SimAsync(args);
            Assert.True(r.Code == ExitCodes.Usage, $"{string.Join(' ', args)}: {r}");
            Assert.Contains($"'{wwn}'", Assert.Single(r.ErrLines));
        }
    }

    [Fact]
    public async Task List_with_a_host_shows_that_host_only()
    {
        var r = await CliRun.SimAsync("-H", "host2", "list", "-o", "json");
        Assert.True(r.Code == 0, r.ToString());
        Assert.Equal("host2", Assert.Single(r.Json.GetProperty("fcHosts").EnumerateArray()).GetProperty("name").GetString());
        Assert.All(r.Json.GetProperty("remotePorts").EnumerateArray(), p => Assert.Equal(2, p.GetProperty("host").GetInt32()));
        Assert.Empty(r.Json.GetProperty("iscsiHosts").EnumerateArray());
        var iscsi = await CliRun.SimAsync("-H", "host5", "list", "-o", "json");
        Assert.Equal("host5", Assert.Single(iscsi.Json.GetProperty("iscsiHosts").EnumerateArray()).GetProperty("name").GetString());
        var none = await CliRun.SimAsync("-H", "host9", "list");
        Assert.Equal(ExitCodes.NotFound, none.Code);
    }

    [Fact]
    public async Task Discover_with_all_hosts_gives_one_snapshot_per_host()
    {
        var r = await CliRun.SimAsync("-H", "all", "discover", "-o", "json");
        Assert.True(r.Code == 0, r.ToString());
        var snapshots = r.Json.EnumerateArray().ToList();
        Assert.Equal(["host1", "host2"], snapshots.Select(s => s.GetProperty("host").GetString()));
        Assert.All(snapshots, s => Assert.True(s.GetProperty("complete").GetBoolean()));
        var t = await CliRun.SimAsync("-H", "all", "discover");
        Assert.Contains("Fabric seen from host1", t.Out);
        Assert.Contains("Fabric seen from host2", t.Out);
        var one = await CliRun.SimAsync("-H", "all", "els", "rls", "0x010a00");
        Assert.Equal(ExitCodes.Usage, one.Code);
        Assert.Contains("-H all works with list, info, ns and discover", one.Err);
    }

    [Fact]
    public async Task Stdin_arguments_and_empty_stdin()
    {
        var r = await CliRun.RunAsync(["--simulate", "lab", "ns", "gpn-id", "--stdin"], "0x010a00\n# a comment\n\n010b00\n");
        Assert.True(r.Code == 0, r.ToString());
        Assert.Contains("0x500507680b214ac1", r.Out);
        Assert.Contains("0x524a937c1f7b6a00", r.Out);
        var empty = await CliRun.RunAsync(["--simulate", "lab", "ns", "gpn-id", "--stdin"], "");
        Assert.Equal(ExitCodes.Usage, empty.Code);
        Assert.Contains("--stdin: stdin had no arguments", Assert.Single(empty.ErrLines));
    }

    // ---- 4. messages ----

    [Theory]
    [InlineData("--timeout 'abc' is not a number of seconds", "--timeout", "abc", "list")]
    [InlineData("-c '99999999999' is not a whole number", "els", "ping", "-c", "99999999999", "0x010a00")]
    [InlineData("-o 'csv' is not one of: table, json, dot", "-o", "csv", "list")]
    [InlineData("unknown command 'lsit' (did you mean 'list'?)", "lsit")]
    [InlineData("ns: unknown subcommand 'gpnid' (did you mean 'gpn-id'?)", "ns", "gpnid")]
    [InlineData("els rls: unknown option '--bogus'", "els", "rls", "--bogus", "0x010a00")]
    [InlineData("no command given", new string[0])]
    [InlineData("zone needs a subcommand: active, set, sets, zones, members, caps", "zone")]
    public async Task Every_usage_error_is_one_line_naming_the_input(string expected, params string[] args)
    {
        var r = await CliRun.SimAsync(args);
        Assert.True(r.Code == ExitCodes.Usage, r.ToString());
        var line = Assert.Single(r.ErrLines);
        Assert.Contains(expected, line);
        Assert.DoesNotContain("System.", line);
        Assert.DoesNotContain("Required command was not provided", line);
    }

    [Fact]
    public async Task An_unknown_scenario_field_is_named_in_the_schema_words()
    {
        using var file = new ScenarioFile("lab", s => s["switches"]![0]!.AsObject()["portz"] = 48);
        var r = await CliRun.RunAsync("--simulate", file.Path, "list");
        Assert.Equal(ExitCodes.Usage, r.Code);
        var line = Assert.Single(r.ErrLines);
        Assert.Contains("$.switches[0].portz", line);
        Assert.Contains("unknown field 'portz' in a switch (fields: domain, name, wwn, ports,", line);
        Assert.DoesNotContain(".NET", line);
        Assert.DoesNotContain("BsgKit.Simulator", line);
    }

    // ---- 5. busy ----

    [Fact]
    public async Task Busy_answers_are_retried_and_a_persistent_one_exits_8_named_busy()
    {
        // Two F_BSY, then the answer: the library retries and the query succeeds.
        using var transient = new ScenarioFile("lab", s => s["faults"] = new JsonArray(Fault("busy", "RLS", count: 2, scope: "fabric")));
        var ok = await CliRun.RunAsync("--simulate", transient.Path, "els", "rls", "0x010a00", "-o", "json");
        Assert.True(ok.Code == 0, ok.ToString());
        Assert.Equal(4u, ok.Json.GetProperty("rls").GetProperty("lossOfSync").GetUInt32());

        using var busy = new ScenarioFile("lab", s => s["faults"] = new JsonArray(Fault("busy", "RLS", scope: "port"), Fault("busy", "GPN_ID", scope: "ct")));
        var els = await CliRun.RunAsync("--simulate", busy.Path, "els", "rls", "0x010a00");
        Assert.True(els.Code == ExitCodes.Busy, els.ToString());
        var line = Assert.Single(els.ErrLines);
        Assert.Contains("busy", line);
        Assert.Contains("P_BSY", line);
        Assert.Contains("after 4 attempts", line);
        Assert.DoesNotContain("unknown (0x00)", line);
        var ct = await CliRun.RunAsync("--simulate", busy.Path, "ns", "gpn-id", "0x010a00", "-o", "json");
        Assert.True(ct.Code == ExitCodes.Busy, ct.ToString());
        Assert.Contains("logical busy", ct.Json.GetProperty("results")[0].GetProperty("error").GetString());
    }

    [Fact]
    public async Task Qla2xxx_reports_busy_as_cs_port_busy_and_it_is_busy_too()
    {
        using var busy = new ScenarioFile("qla2xxx", s => s["faults"] = new JsonArray(Fault("busy", "RLS", scope: "fabric")));
        var r = await CliRun.RunAsync("--simulate", busy.Path, "els", "rls", "0x010500");
        Assert.True(r.Code == ExitCodes.Busy, r.ToString());
        Assert.Contains("CS_PORT_BUSY", r.Err);
    }

    // ---- 6. decoding and consistency ----

    [Fact]
    public async Task Gid_nn_with_several_node_names_says_which_fc_ids_belong_to_which()
    {
        var r = await CliRun.SimAsync("ns", "gid-nn", "0x500507680b004ac1", "0x524a937c1f7b6aff");
        Assert.True(r.Code == 0, r.ToString());
        var rows = r.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("WWNN", rows[0]);
        Assert.Contains(rows, l => l.StartsWith("0x500507680b004ac1", StringComparison.Ordinal) && l.Contains("0x010a00"));
        Assert.Contains(rows, l => l.StartsWith("0x524a937c1f7b6aff", StringComparison.Ordinal) && l.Contains("0x010b00"));
    }

    [Fact]
    public async Task A_query_that_fails_prints_no_table_header()
    {
        var r = await CliRun.SimAsync("ns", "gpn-id", "0x0a0b0c");
        Assert.Equal(ExitCodes.NotFound, r.Code); // the name server: port ID not registered
        Assert.Contains("Port ID not registered", r.Err);
        Assert.Equal("", r.Out);
    }

    // ---- 7. long runs ----

    [Fact]
    public void Discover_progress_is_throttled_to_10_per_second_and_never_goes_backwards()
    {
        var terminal = new StringWriter();
        var now = 0L;
        using var progress = new DiscoverCommand.DiscoveryProgressDisplay(terminal, () => now);
        var counts = new List<int>();
        for (var i = 1; i <= 9000; i++)
        {
            now += 1; // 9,000 reports in 9 simulated seconds
            // Parallel queries report out of order: every 10th report is an older count arriving late.
            progress.Report(new Fc.Discovery.DiscoveryProgress("ports", i % 10 == 0 && i < 9000 ? i - 5 : i, 9000, null));
        }
        Assert.InRange(progress.Redraws, 80, 95); // ~10 Hz over 9 s, plus the final count
        foreach (var frame in terminal.ToString().Split("\r\e[K", StringSplitOptions.RemoveEmptyEntries))
            counts.Add(int.Parse(frame.Split(' ')[1].Split('/')[0], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(counts.Order(), counts);
        Assert.Equal(9000, counts[^1]);
    }

    [Fact]
    public void Ping_statistics_are_running_values_equal_to_the_direct_computation()
    {
        var values = Enumerable.Range(0, 10_000).Select(i => 0.05 + (i * 7919 % 1000) / 1000.0).ToArray();
        var stats = new RttStatistics();
        foreach (var v in values) stats.Add(v);
        var mean = values.Average();
        Assert.Equal(values.Min(), stats.Min);
        Assert.Equal(values.Max(), stats.Max);
        Assert.Equal(mean, stats.Mean, 9);
        Assert.Equal(Math.Sqrt(values.Average(v => (v - mean) * (v - mean))), stats.StandardDeviation, 9);
    }

    /// <summary>A stdout that raises the interrupt after a few writes (lines, or JSON replies), as Ctrl-C during a long run would.</summary>
    private sealed class InterruptAfter(int writes, CliInterrupt interrupt, int signal) : StringWriter
    {
        private int _writes;
        public override void WriteLine(string? value)
        {
            base.WriteLine(value);
            Count();
        }

        public override void Write(string? value)
        {
            base.Write(value);
            Count();
        }

        private void Count()
        {
            if (++_writes == writes) interrupt.Raise(signal);
        }
    }

    [Theory]
    [InlineData(2, ExitCodes.Interrupted, "SIGINT")]
    [InlineData(15, ExitCodes.Terminated, "SIGTERM")]
    public async Task An_interrupted_ping_prints_its_statistics_and_one_interrupted_line(int signal, int code, string name)
    {
        using var interrupt = new CliInterrupt();
        var r = await CliRun.RunAsync(["--simulate", "lab", "els", "ping", "-c", "100000", "-i", "0", "0x010a00"], null, interrupt,
            new InterruptAfter(4, interrupt, signal));
        Assert.True(r.Code == code, r.ToString());
        Assert.Contains("--- 0x010a00 ELS ECHO statistics ---", r.Out);
        Assert.Matches(@"(\d+) transmitted, \1 received, 0% loss", r.Out);
        Assert.Equal($"bsgkit: interrupted ({name})", Assert.Single(r.ErrLines));

        using var json = new CliInterrupt();
        var j = await CliRun.RunAsync(["--simulate", "lab", "els", "ping", "-c", "100000", "-i", "0", "0x010a00", "-o", "json"], null, json,
            new InterruptAfter(10, json, signal));
        Assert.Equal(code, j.Code);
        Assert.True(j.Json.GetProperty("interrupted").GetBoolean());
        Assert.Equal(j.Json.GetProperty("replies").GetArrayLength(), j.Json.GetProperty("received").GetInt32());
    }

    [Fact]
    public async Task An_interrupted_multi_argument_query_prints_what_it_has_and_exits_130()
    {
        using var interrupt = new CliInterrupt();
        var reader = new InterruptingReader(["0x010a00", "0x010b00"], interrupt);
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = await BsgKitCli.RunAsync(["--simulate", "lab", "ns", "gpn-id", "--stdin", "-o", "json"], stdout, stderr, reader, interrupt);
        Assert.Equal(ExitCodes.Interrupted, code);
        var doc = System.Text.Json.JsonDocument.Parse(stdout.ToString()).RootElement;
        Assert.True(doc.GetProperty("interrupted").GetBoolean());
        Assert.Equal("bsgkit: interrupted (SIGINT)", stderr.ToString().Trim());
    }

    /// <summary>Gives its lines, and raises the interrupt as the input ends (Ctrl-C once everything is typed in).</summary>
    private sealed class InterruptingReader(string[] lines, CliInterrupt interrupt) : TextReader
    {
        private readonly string _text = string.Join('\n', lines) + "\n";
        private int _at;

        // --stdin reads characters (a bounded line reader), so the interrupt comes with the end of the text.
        public override int Read()
        {
            if (_at < _text.Length) return _text[_at++];
            interrupt.Raise(2);
            return -1;
        }

        public override int Peek() => _at < _text.Length ? _text[_at] : -1;
    }

    [Fact]
    public async Task Sigterm_to_the_real_process_prints_the_summary_and_exits_143()
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "bsgkit.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { dll, "--simulate", "lab", "els", "ping", "-c", "10000000", "-i", "0", "0x010a00" }) start.ArgumentList.Add(a);
        using var p = Process.Start(start)!;
        var stderr = p.StandardError.ReadToEndAsync();
        var lines = new List<string>();
        string? line;
        while ((line = await p.StandardOutput.ReadLineAsync()) is not null)
        {
            lines.Add(line);
            if (lines.Count == 5) Process.Start("kill", ["-TERM", p.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!.WaitForExit();
        }
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await p.WaitForExitAsync(cts.Token);
        Assert.True(p.ExitCode == ExitCodes.Terminated, $"exit {p.ExitCode}\n{string.Join('\n', lines)}\n{await stderr}");
        Assert.Contains(lines, l => l.Contains("transmitted", StringComparison.Ordinal));
        Assert.Equal("bsgkit: interrupted (SIGTERM)", (await stderr).Trim());
    }

    // ---- 8. write safety ----

    [Fact]
    public async Task State_changing_requests_are_refused_without_the_flag_and_say_what_they_would_do()
    {
        // RPN_ID (register the host's port name) as a raw CT_IU.
        var rpn = new byte[Fc.Ct.NameServer.RpnId.RequestLength];
        Fc.Ct.NameServer.RpnId.BuildRequest(rpn, new Fc.FcId(0x010100), new Fc.Wwn(0x10000090fa8c0a01));
        var hex = Convert.ToHexStringLower(rpn);
        var refused = await CliRun.SimAsync("raw", "--msgcode", "ct", "--dout", hex);
        Assert.True(refused.Code == ExitCodes.Usage, refused.ToString());
        var line = Assert.Single(refused.ErrLines);
        Assert.Contains("RPN_ID", line);
        Assert.Contains("registers", line);
        Assert.Contains("refused without --yes-i-mean-it (nothing was sent)", line);
        var sent = await CliRun.SimAsync("raw", "--msgcode", "ct", "--dout", hex, "--yes-i-mean-it", "-o", "json");
        Assert.Equal("Accepted", sent.Json.GetProperty("status").GetString());

        var plogi = await CliRun.SimAsync("raw", "--msgcode", "els", "--dest", "0x010a00", "--dout", "03000000" + new string('0', 224));
        Assert.Equal(ExitCodes.Usage, plogi.Code);
        Assert.Contains("PLOGI", plogi.Err);
        foreach (var verb in new[] { "lirr", "srl" })
        {
            var r = await CliRun.SimAsync("els", verb, "0x010a00", "-o", "json");
            Assert.Equal(ExitCodes.Usage, r.Code);
            Assert.Contains("--yes-i-mean-it", r.Json.GetProperty("error").GetString());
        }
    }

    // ---- 9. small ones ----

    [Fact]
    public async Task Sim_generate_explains_the_domain_limit_and_fits_large_fabrics_in_it()
    {
        var r = await CliRun.RunAsync("sim", "generate", "--switches", "300");
        Assert.Equal(ExitCodes.Usage, r.Code);
        Assert.Contains("FC-SW domain IDs are 1..239", Assert.Single(r.ErrLines));
        var big = ScenarioGenerator.Generate(100_000);
        Assert.Equal(ScenarioGenerator.MaxSwitches, big.Switches.Count);
        Assert.Empty(ScenarioValidator.Validate(big));
    }

    [Fact]
    public void The_big_scenario_is_described_by_what_it_holds()
    {
        var big = ScenarioLoader.BuiltIns.Single(b => b.Name == "big").Description;
        var s = ScenarioLoader.Resolve("big");
        Assert.Contains($"{s.Switches.Count} switches", big);
        Assert.Contains($"{s.Hosts.Count} hosts", big);
        Assert.Contains("10,000 N_Ports", big);
        Assert.Contains("8,975 FCP ports", big);
    }
}
