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
        var expected = scenario is "monitoring" ? ExitCodes.Partial : ExitCodes.Ok; // monitoring: its zone server never answers
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
    public void Every_alert_has_a_unit_test_that_expects_it_to_fire()
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
    }

    /// <summary>Every bsgkit_ name in a contrib file is one the exporter exports (fixed families, or an FPIN counter).</summary>
    internal static void OnlyExportedMetrics(string file, string text)
    {
        var known = BsgKit.Tool.Monitoring.MetricFamilies.Fixed.Select(f => f.Name).ToHashSet();
        foreach (Match m in Regex.Matches(text, @"\b(bsgkit_\w+)"))
        {
            var name = m.Groups[1].Value;
            Assert.True(known.Contains(name) || Regex.IsMatch(name, @"^bsgkit_(fc_host|rport)_fpin_\w+_total$"), $"{file} uses {name}, which the exporter does not export");
        }
    }

    /// <summary>The dashboard's expressions with its variables filled in (the end-to-end test runs them on a real Prometheus).</summary>
    internal static IReadOnlyList<string> DashboardExpressions()
    {
        using var doc = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Contrib("grafana", "bsgkit.json")));
        var list = new List<string>();
        foreach (var panel in doc.RootElement.GetProperty("panels").EnumerateArray())
            if (panel.TryGetProperty("targets", out var targets))
                foreach (var t in targets.EnumerateArray())
                    list.Add(t.GetProperty("expr").GetString()!.Replace("$instance", ".*").Replace("$host", ".*").Replace("$__rate_interval", "1m"));
        return list;
    }

    [Fact]
    public async Task The_contrib_files_name_only_exported_metrics_and_the_example_config_is_valid()
    {
        var promtool = PrometheusTools.Require("promtool");
        OnlyExportedMetrics("alerts.yml", File.ReadAllText(Contrib("prometheus", "alerts.yml")));
        var dashboard = File.ReadAllText(Contrib("grafana", "bsgkit.json"));
        OnlyExportedMetrics("bsgkit.json", dashboard);
        Assert.True(DashboardExpressions().Count >= 20);
        var config = await PrometheusTools.RunAsync(promtool, ["check", "config", Contrib("prometheus", "prometheus.yml")]);
        Assert.True(config.Code == 0, config.Out + config.Err);
        var unit = File.ReadAllText(Contrib("systemd", "bsgkit-exporter.service"));
        Assert.Contains("KillSignal=SIGTERM", unit); // the exporter's normal end: exit 0 (README), no SuccessExitStatus needed
        Assert.DoesNotContain("SuccessExitStatus", unit);
        Assert.Contains("exporter --listen ${BSGKIT_LISTEN} --interval ${BSGKIT_INTERVAL}", unit);
        var settings = File.ReadAllText(Contrib("systemd", "bsgkit-exporter.default"));
        foreach (var variable in new[] { "BSGKIT_LISTEN", "BSGKIT_INTERVAL", "BSGKIT_GLOBAL_OPTIONS", "BSGKIT_EXPORTER_OPTIONS" })
        {
            Assert.Contains("$" + (variable.Contains("OPTIONS") ? variable : "{" + variable + "}"), unit);
            Assert.Matches(new Regex($"^{variable}=", RegexOptions.Multiline), settings);
        }
        // The settings' defaults are values the exporter accepts.
        var listen = Regex.Match(settings, "^BSGKIT_LISTEN=(.*)$", RegexOptions.Multiline).Groups[1].Value;
        Assert.Equal(("+", 9780), Commands.MonitoringCommands.ParseListen(listen));
    }
}
