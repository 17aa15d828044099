using System.Text.RegularExpressions;
using BsgKit.Simulator.Scenarios;
using BsgKit.Tool.Infrastructure;

namespace BsgKit.Tool.Tests.Monitoring;

/// <summary>promtool (Debian's prometheus package) lints the exporter's output on every built-in scenario and unit-tests every alert.</summary>
public class PromtoolTests
{
    public static TheoryData<string> Scenarios() => [.. ScenarioLoader.BuiltInNames];

    [Theory]
    [MemberData(nameof(Scenarios))]
    public async Task Promtool_check_metrics_passes_on_every_built_in_scenario(string scenario)
    {
        var promtool = PrometheusTools.Require("promtool");
        // big: one of its two hosts (the other's series have the same names; the whole is 1M series and 150 MB of text).
        string[] args = scenario == "big" ? ["--simulate", scenario, "-H", "host1", "metrics"] : ["--simulate", scenario, "metrics"];
        var r = await CliRun.RunAsync(args);
        if (scenario == "iscsi")
        {
            Assert.True(r.Code == ExitCodes.NotFound, r.ToString()); // no FC host: nothing to export, said once
            Assert.Equal("bsgkit: scenario 'iscsi' has no FC hosts", Assert.Single(r.ErrLines));
            return;
        }
        var expected = scenario is "monitoring" or "big" ? ExitCodes.Partial : ExitCodes.Ok; // monitoring: the zone server; big: GAZS over 64 KiB
        Assert.True(r.Code == expected, $"exit {r.Code}, expected {expected}\n{r.Err}");
        Assert.Contains("# TYPE bsgkit_fc_host_info gauge", r.Out);
        var check = await PrometheusTools.RunAsync(promtool, ["check", "metrics"], r.Out);
        Assert.True(check.Code == 0 && check.Out.Trim().Length == 0 && check.Err.Trim().Length == 0,
            $"promtool check metrics on {scenario}: exit {check.Code}\n{check.Out}{check.Err}");
    }

    private static string Contrib(params string[] parts) => Path.Combine([PrometheusTools.RepoRoot, "contrib", .. parts]);

    [Fact]
    public async Task Promtool_accepts_the_alert_rules_and_their_unit_tests_pass()
    {
        var promtool = PrometheusTools.Require("promtool");
        var check = await PrometheusTools.RunAsync(promtool, ["check", "rules", Contrib("prometheus", "alerts.yml")]);
        Assert.True(check.Code == 0, check.Out + check.Err);
        var test = await PrometheusTools.RunAsync(promtool, ["test", "rules", "alerts.test.yml"], workingDirectory: Contrib("prometheus"));
        Assert.True(test.Code == 0 && test.Out.Contains("SUCCESS"), test.Out + test.Err);
    }

    [Fact]
    public void Every_alert_has_a_unit_test_that_expects_it_to_fire_and_every_metric_it_uses_exists()
    {
        var rules = File.ReadAllText(Contrib("prometheus", "alerts.yml"));
        var tests = File.ReadAllText(Contrib("prometheus", "alerts.test.yml"));
        var alerts = Regex.Matches(rules, @"- alert: (\w+)").Select(m => m.Groups[1].Value).ToList();
        Assert.True(alerts.Count >= 5, "alerts.yml has fewer alerts than the issue asks for");
        foreach (var alert in alerts)
        {
            // At least one evaluation where it fires (exp_labels follows), not only "stays quiet" cases.
            Assert.Matches(new Regex($@"alertname: {alert}\s+exp_alerts:\s+- exp_labels:"), tests);
        }
        var known = BsgKit.Tool.Monitoring.MetricFamilies.Fixed.Select(f => f.Name).ToHashSet();
        foreach (Match m in Regex.Matches(rules, @"\b(bsgkit_\w+)"))
            Assert.True(known.Contains(m.Groups[1].Value), $"alerts.yml uses {m.Groups[1].Value}, which the exporter does not export");
    }
}
