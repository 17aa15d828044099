using System.Diagnostics;
using System.Text.RegularExpressions;
using BsgKit.Tool.Infrastructure;
using BsgKit.Tool.Tests.Matrix;

namespace BsgKit.Tool.Tests;

/// <summary>
/// discover's new options on every personality (the matrix enumerates commands, not options: these are its cells for
/// --brief, --detail and --plan per-attribute), their usage errors, the request counts in table and JSON, and the
/// switch-level Graphviz view of the big fabric.
/// </summary>
public partial class DiscoverPlanCliTests
{
    public static TheoryData<string, string> OptionCells()
    {
        var data = new TheoryData<string, string>();
        foreach (var p in Personality.All)
            foreach (var option in new[] { "--brief", "--detail", "--plan=per-attribute" })
                data.Add(p.Name, option);
        return data;
    }

    [Theory]
    [MemberData(nameof(OptionCells))]
    public async Task Every_level_and_plan_on_every_personality(string personality, string option)
    {
        var p = Personality.All.Single(x => x.Name == personality);
        var r = await CliRun.RunAsync("--simulate=" + p.Simulate, "discover", option, "-o", "json");
        if (p.IsIscsiOnly)
        {
            Assert.True(r.Code == ExitCodes.NotFound, r.ToString());
            return;
        }
        if (p.Cannot is { } cannot)
        {
            Assert.True(r.Code == ExitCodes.Transport, r.ToString());
            Assert.Contains(cannot, r.Err);
            return;
        }
        Assert.True(r.Code == ExitCodes.Ok, r.ToString());
        var d = r.Json;
        Assert.True(d.GetProperty("complete").GetBoolean());
        Assert.Equal(p.VisibleIds.Count, d.GetProperty("nPorts").GetArrayLength());
        var t1 = d.GetProperty("nPorts").EnumerateArray().Single(x => x.GetProperty("portId").GetString() == p.T1Id);
        Assert.Equal(p.T1Wwpn, t1.GetProperty("portName").GetString());
        Assert.Equal(p.T1Wwnn, t1.GetProperty("nodeName").GetString());
        var byCommand = d.GetProperty("requestsByCommand").EnumerateObject().ToDictionary(x => x.Name, x => x.Value.GetInt32());
        Assert.Equal(d.GetProperty("requests").GetInt32(), byCommand.Values.Sum());
        switch (option)
        {
            case "--brief":
                Assert.Equal("brief", d.GetProperty("level").GetString());
                Assert.False(byCommand.ContainsKey("GA_NXT"));
                Assert.False(byCommand.ContainsKey("GPL"));
                Assert.True(t1.TryGetProperty("symbolicPortName", out var spn) is false || spn.ValueKind == System.Text.Json.JsonValueKind.Null);
                break;
            case "--detail":
                Assert.Equal("detail", d.GetProperty("level").GetString());
                Assert.True(byCommand["GPS"] > 0);
                Assert.Equal(p.T1.SymbolicPortName, t1.GetProperty("symbolicPortName").GetString());
                break;
            default:
                Assert.Equal("per-attribute", d.GetProperty("plan").GetString());
                Assert.Equal(p.VisibleIds.Count, byCommand["GNN_ID"]);
                break;
        }
    }

    [Fact]
    public async Task The_table_says_what_discovery_cost()
    {
        var r = await CliRun.SimAsync("discover");
        Assert.True(r.Code == 0, r.ToString());
        Assert.Matches(@"CT requests: \d+ \(.*GA_NXT 3.*\) — standard, bulk", r.Out);
        var old = await CliRun.SimAsync("discover", "--plan", "per-attribute");
        Assert.Contains("— standard, per-attribute", old.Out);
        Assert.Contains("GNN_ID 3", old.Out);
        var quiet = await CliRun.SimAsync("-q", "discover");
        Assert.DoesNotContain("CT requests", quiet.Out);
    }

    [Theory]
    [InlineData("--brief and --detail ask for opposite things", "discover", "--brief", "--detail")]
    [InlineData("--level shapes the graph: use it with -o dot", "discover", "--level", "switches")]
    [InlineData("--plan", "discover", "--plan", "fast")]
    [InlineData("--level", "discover", "-o", "dot", "--level", "racks")]
    public async Task Bad_combinations_are_usage_errors(string expected, params string[] args)
    {
        var r = await CliRun.SimAsync(args);
        Assert.True(r.Code == ExitCodes.Usage, r.ToString());
        Assert.Single(r.ErrLines);
        Assert.Contains(expected, r.Err);
        Assert.DoesNotContain("graph fabric", r.Out);
    }

    [Fact]
    public async Task The_lab_as_switches_left_to_right()
    {
        var r = await CliRun.SimAsync("discover", "-o", "dot", "--level", "switches");
        Assert.True(r.Code == 0, r.ToString());
        Assert.Contains("rankdir=LR;", r.Out);
        Assert.Equal(2, SwitchNode().Matches(r.Out).Count);
        Assert.Single(IslEdge().Matches(r.Out));
        Assert.Contains("lab-sw-a\\ndomain 1\\n3 N_Ports", r.Out);
        Assert.DoesNotContain("\"0x010a00\"", r.Out);
        AssertGraphvizAccepts(r.Out);
        var ports = await CliRun.SimAsync("discover", "-o", "dot");
        Assert.Contains("rankdir=LR;", ports.Out);
        AssertGraphvizAccepts(ports.Out);
    }

    [Fact]
    public async Task Big_as_switches_is_50_boxes_and_its_ring_of_ISLs()
    {
        var r = await CliRun.RunAsync("--simulate", "big", "discover", "--brief", "-o", "dot", "--level", "switches");
        Assert.True(r.Code == 0, r.ToString());
        // --brief asks no port list, so no ISLs: the switch view of big needs the default level.
        Assert.Equal(50, SwitchNode().Matches(r.Out).Count);
        var full = await CliRun.RunAsync("--simulate", "big", "discover", "-o", "dot", "--level", "switches");
        Assert.True(full.Code == 0, full.ToString());
        Assert.StartsWith("graph fabric {", full.Out);
        Assert.Contains("rankdir=LR;", full.Out);
        Assert.Equal(50, SwitchNode().Matches(full.Out).Count);
        var edges = IslEdge().Matches(full.Out).Select(m => (m.Groups[1].Value, m.Groups[2].Value)).ToList();
        Assert.Equal(50, edges.Count);   // the generated ring: switch d to switch d % 50 + 1
        Assert.Equal(50, edges.SelectMany(e => new[] { e.Item1, e.Item2 }).Distinct().Count());
        Assert.All(edges.SelectMany(e => new[] { e.Item1, e.Item2 }).GroupBy(x => x), g => Assert.Equal(2, g.Count()));
        var counts = NPortCount().Matches(full.Out).Sum(m => int.Parse(m.Groups[1].Value.Replace(",", "")));
        Assert.Equal(8_975, counts);
        AssertGraphvizAccepts(full.Out);
    }

    [GeneratedRegex(@"^  ""0x[0-9a-f]{16}"" \[label=", RegexOptions.Multiline)]
    private static partial Regex SwitchNode();

    [GeneratedRegex(@"^  ""(0x[0-9a-f]{16})"" -- ""(0x[0-9a-f]{16})"" \[label=""(?:ISL|\d+ ISLs)""", RegexOptions.Multiline)]
    private static partial Regex IslEdge();

    [GeneratedRegex(@"\\n([\d,]+) N_Ports?""\];", RegexOptions.Multiline)]
    private static partial Regex NPortCount();

    /// <summary>`dot -Tsvg` must accept the graph. Without Graphviz the test fails, naming the package (.ci/run installs it).</summary>
    private static void AssertGraphvizAccepts(string graph)
    {
        var dot = new[] { "/usr/bin/dot", "/usr/local/bin/dot" }.FirstOrDefault(File.Exists);
        Assert.True(dot is not null, "Graphviz `dot` is not installed: apt-get install graphviz (.ci/run does)");
        var psi = new ProcessStartInfo(dot, "-Tsvg") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(psi)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        process.StandardInput.Write(graph);
        process.StandardInput.Close();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"dot -Tsvg: exit {process.ExitCode}: {errors.Result}");
        Assert.Contains("<svg", output.Result);
        Assert.Equal("", errors.Result.Trim());
    }
}
