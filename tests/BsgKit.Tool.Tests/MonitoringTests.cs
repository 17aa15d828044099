using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using BsgKit.Simulator.Scenarios;
using BsgKit.Tool.Infrastructure;

namespace BsgKit.Tool.Tests;

/// <summary>Scenario files made from a built-in one with edits, deleted with the fixture.</summary>
public sealed class ScenarioFiles : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), $"bsgkit-monitoring-{Guid.NewGuid():N}");

    public ScenarioFiles() => Directory.CreateDirectory(_dir);

    public string Dir => _dir;

    /// <summary>The built-in <paramref name="builtIn"/> with <paramref name="edit"/> applied, as a file.</summary>
    public string Make(string name, Action<JsonObject> edit, string builtIn = "lab")
    {
        var json = JsonNode.Parse(ScenarioLoader.ToJson(ScenarioLoader.Resolve(builtIn)))!.AsObject();
        edit(json);
        var path = Path.Combine(_dir, name + ".json");
        File.WriteAllText(path, json.ToJsonString());
        return path;
    }

    public string PathOf(string name) => Path.Combine(_dir, name);

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}

/// <summary>check optics|errors|ports: every plugin state from a scenario that produces it, the status line and perfdata.</summary>
public class CheckTests(ScenarioFiles files) : IClassFixture<ScenarioFiles>
{
    /// <summary>"BSGKIT OPTICS WARNING - text | label=value[UOM];warn;crit;min;max …" (monitoring-plugins guidelines).</summary>
    private static readonly Regex StatusLine = new(@"^BSGKIT (OPTICS|ERRORS|PORTS) (OK|WARNING|CRITICAL|UNKNOWN) - [^|\n]+( \| ('[^']+'|[^ ='|]+)=-?[0-9.]+(c|s|%|B)?(;[^; ]*){0,4}( ('[^']+'|[^ ='|]+)=-?[0-9.]+(c|s|%|B)?(;[^; ]*){0,4})*)?\n$");

    private static JsonArray Nports(JsonObject s) => s["nports"]!.AsArray();

    private static void AssertPlugin(CliRun r, int code, string check, string state, string? text = null)
    {
        Assert.True(r.Code == code, $"exit {r.Code}, expected {code}\n{r}");
        Assert.Matches(StatusLine, r.Out);
        Assert.StartsWith($"BSGKIT {check} {state} - ", r.Out);
        if (text is not null) Assert.Contains(text, r.Out);
    }

    [Fact]
    public async Task Optics_within_the_thresholds_is_ok_with_the_module_thresholds_as_ranges()
    {
        var r = await CliRun.SimAsync("check", "optics");
        AssertPlugin(r, 0, "OPTICS", "OK", "0x500507680b214ac1_rx_power_uW=520;32:1585;16:1995");
    }

    [Fact]
    public async Task Optics_past_a_warning_threshold_is_warning_and_past_an_alarm_critical()
    {
        // Rx power 25 µW: below the low warning (32) but above the low alarm (16).
        var warn = files.Make("optics-warn", s => Nports(s)[0]!["sfp"]!["rxPowerUw"] = 25);
        var r = await CliRun.RunAsync("--simulate=" + warn, "check", "optics");
        AssertPlugin(r, 1, "OPTICS", "WARNING", "0x500507680b214ac1 rx_power 25 µW below low warning 32 µW");
        var j = (await CliRun.RunAsync("--simulate=" + warn, "check", "optics", "-o", "json")).Json;
        Assert.Equal("WARNING", j.GetProperty("state").GetString());
        Assert.Contains(j.GetProperty("items").EnumerateArray(), i => i.GetProperty("what").GetString() == "rx_power" && i.GetProperty("state").GetString() == "WARNING");

        // Temperature 80 °C: past the high alarm (75) — and a warning elsewhere does not hide it.
        var crit = files.Make("optics-crit", s =>
        {
            Nports(s)[0]!["sfp"]!["rxPowerUw"] = 25;
            Nports(s)[2]!["sfp"]!["temperatureC"] = 80;
        });
        r = await CliRun.RunAsync("--simulate=" + crit, "check", "optics");
        AssertPlugin(r, 2, "OPTICS", "CRITICAL", "temperature 80 °C above high alarm 75 °C");
        Assert.True(r.Out.IndexOf("above high alarm", StringComparison.Ordinal) < r.Out.IndexOf("below low warning", StringComparison.Ordinal), "the worst problem first");
    }

    [Fact]
    public async Task Optics_that_cannot_be_read_are_unknown()
    {
        // Every RDP times out: nothing could be judged.
        var timeout = files.Make("optics-timeout", s => s["faults"] = new JsonArray(new JsonObject { ["kind"] = "timeout", ["command"] = "RDP", ["mode"] = "etimedout" }));
        var r = await CliRun.RunAsync("--simulate=" + timeout, "check", "optics");
        AssertPlugin(r, 3, "OPTICS", "UNKNOWN");
        // A driver that cannot send ELS: UNKNOWN naming why, not exit 6.
        var bfa = files.Make("optics-bfa", s => s["hosts"]![0]!["driver"] = "bfa", "libfc");
        r = await CliRun.RunAsync("--simulate=" + bfa, "check", "optics");
        AssertPlugin(r, 3, "OPTICS", "UNKNOWN", "bfa");
        Assert.StartsWith("bsgkit: ", Assert.Single(r.ErrLines));
    }

    [Theory]
    [InlineData("--bogus")]
    [InlineData("--timeout", "-1")]
    [InlineData("-H", "host9")]
    [InlineData("--driver", "nonsense")]
    [InlineData("0x0a0a0a0a")]
    public async Task Bad_input_in_check_mode_is_unknown_3(params string[] extra)
    {
        var r = await CliRun.SimAsync(["check", "optics", .. extra]);
        AssertPlugin(r, 3, "OPTICS", "UNKNOWN");
        Assert.StartsWith("bsgkit: ", Assert.Single(r.ErrLines));
        var j = await CliRun.SimAsync(["check", "optics", .. extra, "-o", "json"]);
        Assert.Equal(3, j.Code);
        Assert.False(j.Json.GetProperty("ok").GetBoolean());
        Assert.Equal(3, j.Json.GetProperty("exitCode").GetInt32());
        Assert.Equal("UNKNOWN", j.Json.GetProperty("state").GetString());
    }

    [Fact]
    public async Task A_check_without_subcommand_or_with_a_missing_required_option_is_unknown()
    {
        var r = await CliRun.SimAsync("check");
        Assert.Equal(3, r.Code);
        Assert.StartsWith("BSGKIT UNKNOWN - check needs a subcommand", r.Out);
        r = await CliRun.SimAsync("check", "errors");
        AssertPlugin(r, 3, "ERRORS", "UNKNOWN", "--state FILE is required");
    }

    [Fact]
    public async Task Errors_first_run_writes_the_state_then_increments_are_judged()
    {
        var state = files.PathOf("errors-state.json");
        var before = files.Make("errors-before", _ => { });
        var r = await CliRun.RunAsync("--simulate=" + before, "check", "errors", "--state", state);
        AssertPlugin(r, 0, "ERRORS", "OK", "first run");
        Assert.True(File.Exists(state));
        using (var doc = JsonDocument.Parse(File.ReadAllText(state)))
            Assert.Equal(12u, doc.RootElement.GetProperty("ports").GetProperty("0x500507680b214ac1").GetProperty("invalidTransmissionWord").GetUInt32());

        // The same counters again: OK.
        r = await CliRun.RunAsync("--simulate=" + before, "check", "errors", "--state", state);
        AssertPlugin(r, 0, "ERRORS", "OK", "no counter went up");

        // CRC up by 3 on the array port (warning 1, critical 10): WARNING.
        var warn = files.Make("errors-warn", s => Nports(s)[0]!["lesb"]!["invalidCrc"] = 3);
        r = await CliRun.RunAsync("--simulate=" + warn, "check", "errors", "--state", state, "--critical", "10");
        AssertPlugin(r, 1, "ERRORS", "WARNING", "0x500507680b214ac1 invalid_crc +3");
        Assert.Contains("0x500507680b214ac1_invalid_crc=3c", r.Out);

        // Invalid transmission words up by 20 and the host's own CRC counter up by 11: CRITICAL, both named.
        var crit = files.Make("errors-crit", s =>
        {
            Nports(s)[0]!["lesb"]!["invalidCrc"] = 3;
            Nports(s)[0]!["lesb"]!["invalidTransmissionWord"] = 32;
            s["hosts"]![0]!["lesb"] = new JsonObject { ["invalidCrc"] = 11 };
        });
        r = await CliRun.RunAsync("--simulate=" + crit, "check", "errors", "--state", state);
        AssertPlugin(r, 2, "ERRORS", "CRITICAL", "0x500507680b214ac1 invalid_transmission_word +20");
        Assert.Contains("host1 invalid_crc +11", r.Out);

        // No temporary file is left beside the state.
        Assert.Equal([Path.GetFileName(state)], Directory.GetFiles(files.Dir, "errors-state*").Concat(Directory.GetFiles(files.Dir, ".errors-state*")).Select(Path.GetFileName));
    }

    [Fact]
    public async Task Errors_under_a_link_errors_fault_go_up_between_runs_with_an_increment_threshold()
    {
        var state = files.PathOf("errors-fault-state.json");
        await CliRun.SimAsync("check", "errors", "--state", state, "0x010a00");
        // Each RLS bumps every counter by 4 (link failures by one): warning 2, critical 5 → WARNING.
        var fault = files.Make("errors-fault", s => s["faults"] = new JsonArray(new JsonObject { ["kind"] = "linkErrors", ["target"] = "0x500507680b214ac1", ["command"] = "RLS", ["amount"] = 4 }));
        var r = await CliRun.RunAsync("--simulate=" + fault, "check", "errors", "--state", state, "-w", "2", "-c", "5", "0x010a00");
        AssertPlugin(r, 1, "ERRORS", "WARNING", "invalid_crc +4");
    }

    [Fact]
    public async Task A_state_file_that_is_not_one_is_unknown_and_left_as_it_was()
    {
        var state = files.PathOf("not-a-state.json");
        File.WriteAllText(state, "{\"hello\": 1}");
        var r = await CliRun.SimAsync("check", "errors", "--state", state);
        AssertPlugin(r, 3, "ERRORS", "UNKNOWN", $"{state}: not a bsgkit check state file");
        Assert.Equal("{\"hello\": 1}", File.ReadAllText(state));
        File.WriteAllText(state, "garbage");
        r = await CliRun.SimAsync("check", "errors", "--state", state);
        AssertPlugin(r, 3, "ERRORS", "UNKNOWN", state);

        // Another host's state: UNKNOWN, not a comparison of different ports.
        var other = files.PathOf("host2-state.json");
        await CliRun.SimAsync("-H", "host2", "check", "errors", "--state", other);
        r = await CliRun.SimAsync("check", "errors", "--state", other);
        AssertPlugin(r, 3, "ERRORS", "UNKNOWN", "the state of host2");

        r = await CliRun.SimAsync("check", "errors", "--state", Path.Combine(files.Dir, "no-such-dir", "s.json"));
        AssertPlugin(r, 3, "ERRORS", "UNKNOWN", "no directory");
    }

    [Fact]
    public async Task Ports_offline_by_count_and_the_host_link()
    {
        AssertPlugin(await CliRun.SimAsync("check", "ports"), 0, "PORTS", "OK", "rports_online=2;;;0;2");
        // host2 sees array1 port2 go Not Present: one remote port not online is WARNING (default -w 1 -c 2).
        var one = files.Make("ports-one", s => Nports(s)[1]!["online"] = false);
        var r = await CliRun.RunAsync("--simulate=" + one, "-H", "host2", "check", "ports");
        AssertPlugin(r, 1, "PORTS", "WARNING", "rport-2:0-3 (0x500507680b224ac1) Not Present");
        r = await CliRun.RunAsync("--simulate=" + one, "-H", "host2", "check", "ports", "-c", "1");
        AssertPlugin(r, 2, "PORTS", "CRITICAL");
        var two = files.Make("ports-two", s =>
        {
            Nports(s)[1]!["online"] = false;
            Nports(s)[3]!["online"] = false;
        });
        r = await CliRun.RunAsync("--simulate=" + two, "-H", "all", "check", "ports");
        AssertPlugin(r, 2, "PORTS", "CRITICAL", "2 remote ports not online");
        // Ports that vanished are not in sysfs at all: --min-online catches them.
        r = await CliRun.SimAsync("check", "ports", "--min-online", "3");
        AssertPlugin(r, 2, "PORTS", "CRITICAL", "fewer than --min-online 3");
        var down = files.Make("ports-down", s => s["hosts"]![0]!["portState"] = "Linkdown");
        r = await CliRun.RunAsync("--simulate=" + down, "check", "ports");
        AssertPlugin(r, 2, "PORTS", "CRITICAL", "host1 is Linkdown");
    }

    [Fact]
    public void Perfdata_leaves_out_trailing_empty_fields_and_quotes_labels_with_spaces()
    {
        Assert.Equal("a=1", Commands.CheckCommand.Perfdata(new Output.PerfDatumDto("a", 1)));
        Assert.Equal("a=1c", Commands.CheckCommand.Perfdata(new Output.PerfDatumDto("a", 1) { Uom = "c" }));
        Assert.Equal("a=1;;2", Commands.CheckCommand.Perfdata(new Output.PerfDatumDto("a", 1) { Critical = "2" }));
        Assert.Equal("'a b''c'=0.5;1:2;0:3;0;9", Commands.CheckCommand.Perfdata(new Output.PerfDatumDto("a b'c", 0.5) { Warning = "1:2", Critical = "0:3", Min = 0, Max = 9 }));
    }
}

/// <summary>--watch on info, els rls, els rdp and ns: samples, JSON Lines, counters changing, the terminal redraw, Ctrl-C.</summary>
public class WatchTests(ScenarioFiles files) : IClassFixture<ScenarioFiles>
{
    private static List<JsonElement> Lines(CliRun r)
    {
        var lines = r.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        return [.. lines.Select(l => JsonDocument.Parse(l).RootElement)];
    }

    public static TheoryData<string[]> Watched() =>
    [
        ["info"], ["els", "rls", "0x010a00"], ["els", "rdp", "0x010a00"], ["ns", "gpn-id", "0x010a00"], ["ns", "gid-ft"],
    ];

    [Theory]
    [MemberData(nameof(Watched))]
    public async Task Count_samples_one_json_document_per_line(string[] command)
    {
        foreach (var format in new[] { "json", "table" }) // a pipe gets JSON Lines whatever -o says
        {
            var r = await CliRun.SimAsync([.. command, "--watch", "--count", "3", "--interval", "5", "-o", format]);
            Assert.True(r.Code == 0, r.ToString());
            var lines = Lines(r);
            Assert.Equal([1, 2, 3], lines.Select(l => l.GetProperty("sample").GetInt32()));
            Assert.All(lines, l => Assert.Equal(string.Join(' ', command.TakeWhile(c => !c.StartsWith("0x", StringComparison.Ordinal))), l.GetProperty("command").GetString()));
            Assert.All(lines, l => Assert.Equal(JsonValueKind.Object, l.GetProperty("data").ValueKind));
        }
    }

    [Fact]
    public async Task Rls_counters_go_up_sample_by_sample_under_a_link_errors_fault()
    {
        var fault = files.Make("watch-fault", s => s["faults"] = new JsonArray(new JsonObject { ["kind"] = "linkErrors", ["target"] = "0x500507680b214ac1", ["command"] = "RLS", ["amount"] = 2 }));
        var r = await CliRun.RunAsync("--simulate=" + fault, "els", "rls", "0x010a00", "--watch", "--count", "4", "-o", "json");
        Assert.Equal(0, r.Code);
        var crc = Lines(r).Select(l => l.GetProperty("data").GetProperty("rls").GetProperty("invalidCrc").GetUInt32()).ToList();
        Assert.Equal([2u, 4u, 6u, 8u], crc);
    }

    [Fact]
    public async Task Info_samples_carry_the_fc_host_statistics()
    {
        var r = await CliRun.SimAsync("info", "--watch", "--count", "2");
        var stats = Lines(r).Select(l => l.GetProperty("data").GetProperty("statistics")).ToList();
        Assert.All(stats, s => Assert.True(s.GetProperty("rx_frames").GetUInt64() > 0));
    }

    [Fact]
    public async Task A_failing_sample_is_recorded_and_the_watch_goes_on()
    {
        // The second RLS times out: sample 2 is its error record, samples 1 and 3 are answers; the last sample's code is the exit code.
        var fault = files.Make("watch-timeout", s => s["faults"] = new JsonArray(new JsonObject { ["kind"] = "timeout", ["command"] = "RLS", ["after"] = 1, ["count"] = 1, ["mode"] = "etimedout" }));
        var r = await CliRun.RunAsync("--simulate=" + fault, "els", "rls", "0x010a00", "--watch", "--count", "3");
        Assert.Equal(0, r.Code);
        var lines = Lines(r);
        Assert.Equal([0, ExitCodes.Timeout, 0], lines.Select(l => l.GetProperty("exitCode").GetInt32()));
        Assert.False(lines[1].GetProperty("data").GetProperty("ok").GetBoolean());
        Assert.Contains("bsgkit: sample 2: ", Assert.Single(r.ErrLines));
    }

    [Fact]
    public async Task On_a_terminal_the_screen_is_cleared_and_redrawn_and_an_unchanged_sample_rewrites_only_the_header()
    {
        CliRun r;
        Infrastructure.OutputSink.TerminalOverride.Value = true;
        try
        {
            r = await CliRun.SimAsync("info", "--watch", "--count", "3");
        }
        finally
        {
            Infrastructure.OutputSink.TerminalOverride.Value = null;
        }
        Assert.Equal(0, r.Code);
        Assert.Equal(1, Regex.Count(r.Out, Regex.Escape("\e[H\e[2J")));        // drawn once: the samples are the same
        Assert.Equal(3, Regex.Count(r.Out, Regex.Escape("\e[H")));             // and the header redrawn for each
        Assert.Equal(3, Regex.Count(r.Out, "Every 2 s: bsgkit info   sample [123]"));
        Assert.Contains("Statistics (fc_host/statistics):", r.Out);
        Assert.DoesNotContain("{", r.Out);
    }

    [Fact]
    public async Task Ctrl_c_stops_the_watch_with_130_after_the_samples_so_far()
    {
        using var interrupt = new CliInterrupt();
        var spy = new InterruptAfterLines(interrupt, 2);
        var r = await CliRun.RunAsync(["--simulate=lab", "ns", "gid-ft", "--watch", "-o", "json"], null, interrupt, spy);
        Assert.Equal(ExitCodes.Interrupted, r.Code);
        Assert.True(Lines(r).Count >= 2);
        Assert.Equal("bsgkit: interrupted (SIGINT)", r.ErrLines[^1]);
    }

    [Theory]
    [InlineData("--interval", "1")]
    [InlineData("--count", "2")]
    public async Task Interval_and_count_without_watch_are_usage_errors(string option, string value)
    {
        var r = await CliRun.SimAsync("info", option, value);
        Assert.Equal(ExitCodes.Usage, r.Code);
        Assert.Contains("--watch", Assert.Single(r.ErrLines));
    }

    [Theory]
    [InlineData("--interval", "0.01")]
    [InlineData("--interval", "NaN")]
    [InlineData("--count", "0")]
    public async Task Bad_watch_values_are_usage_errors(string option, string value)
    {
        var r = await CliRun.SimAsync("els", "rls", "0x010a00", "--watch", option, value);
        Assert.Equal(ExitCodes.Usage, r.Code);
        Assert.Contains(option, Assert.Single(r.ErrLines));
        Assert.Equal("", r.Out);
    }

    [Fact]
    public async Task Watch_with_stdin_is_a_usage_error()
    {
        var r = await CliRun.RunAsync(["--simulate=lab", "ns", "gpn-id", "--stdin", "--watch"], "0x010a00\n");
        Assert.Equal(ExitCodes.Usage, r.Code);
        Assert.Contains("--stdin", Assert.Single(r.ErrLines));
    }

    [Fact]
    public async Task A_port_that_does_not_exist_stops_the_watch_at_once()
    {
        var r = await CliRun.SimAsync("els", "rdp", "0x0a0a00", "--watch", "--count", "5");
        Assert.Equal(ExitCodes.NotFound, r.Code);
        Assert.Single(r.ErrLines);
    }

    /// <summary>A stdout that raises SIGINT once it has seen <paramref name="lines"/> newlines (a user pressing Ctrl-C).</summary>
    private sealed class InterruptAfterLines(CliInterrupt interrupt, int lines) : StringWriter
    {
        private int _seen;

        public override void Write(char value)
        {
            base.Write(value);
            if (value == '\n' && ++_seen == lines) interrupt.Raise(2);
        }

        public override void Write(string? value)
        {
            foreach (var c in value ?? "") Write(c);
        }

        public override void WriteLine(string? value)
        {
            Write(value);
            Write('\n');
        }
    }
}
