using BsgKit.Simulator.Hosting;
using BsgKit.Simulator.Scenarios;

namespace BsgKit.Simulator.Tests.ScenarioFiles;

public class ScenarioTests
{
    [Theory]
    [InlineData("lab")]
    [InlineData("libfc")]
    [InlineData("lpfc")]
    [InlineData("qla2xxx")]
    [InlineData("zfcp")]
    [InlineData("ibmvfc")]
    public void Built_in_scenarios_load_and_the_catalog_finds_their_hosts(string name)
    {
        using var san = SimulatedSan.Create(name);
        var snapshot = BsgKit.Fc.Catalog.FcCatalog.Scan(san.Catalog);
        Assert.Empty(snapshot.Problems);
        Assert.NotEmpty(snapshot.FcHosts);
        Assert.All(snapshot.FcHosts, h => Assert.NotNull(h.Node?.DevicePath));
        Assert.All(snapshot.FcHosts, h => Assert.Equal(san.Scenario.Hosts.First(s => s.Host == h.HostNumber).Driver, h.Driver));
        Assert.Contains(snapshot.RemotePorts, r => r.Roles.Contains("FCP Target"));
    }

    [Fact]
    public void The_lab_has_two_switches_a_dual_port_host_and_four_targets_with_zoning()
    {
        var lab = ScenarioLoader.Resolve("lab");
        Assert.Equal(2, lab.Switches.Count);
        Assert.Equal(2, lab.Hosts.Count);
        Assert.Equal(4, lab.NPorts.Count);
        using var san = SimulatedSan.Create(lab);
        // Zoned: each host port sees its two targets (plus lpfc's directory-server rport), not the others.
        foreach (var host in san.FcHosts)
            Assert.True(2 == host.RemotePorts.Count(r => r.Roles.Contains("FCP Target")),
                string.Join(", ", host.RemotePorts.Select(r => $"{r.PortId} {r.PortName} {string.Join("/", r.Roles)}")));
    }

    [Fact]
    public void The_big_scenario_is_a_generated_10000_port_fabric()
    {
        var big = ScenarioLoader.Resolve("big");
        Assert.Equal(10_000, big.NPorts.Count);
        Assert.Empty(ScenarioValidator.Validate(big));
    }

    [Fact]
    public void Unknown_names_list_the_built_ins()
    {
        var e = Assert.Throws<ScenarioException>(() => ScenarioLoader.Resolve("nosuch"));
        Assert.Contains("neither a file nor a built-in scenario", e.Message);
        Assert.Contains("lab", e.Message);
        var f = Assert.Throws<ScenarioException>(() => ScenarioLoader.Resolve("/tmp/nosuch-dir/x.json"));
        Assert.Contains("no such file", f.Message);
    }

    [Fact]
    public void Json_errors_name_the_path_and_line()
    {
        var e = Assert.Throws<ScenarioException>(() => ScenarioLoader.Parse("{\n \"name\": \"x\",\n \"hosts\": [ { \"host\": \"one\" } ]\n}", "t.json"));
        Assert.Contains("$.hosts[0].host", e.Message);
        Assert.Contains("line 3", e.Message);
        var u = Assert.Throws<ScenarioException>(() => ScenarioLoader.Parse("{ \"name\": \"x\", \"swtiches\": [] }", "t.json"));
        Assert.Contains("swtiches", u.Message);
    }

    [Fact]
    public void Validation_names_every_bad_field()
    {
        var s = ScenarioLoader.Parse("""
        {
          "name": "bad",
          "switches": [ { "domain": 1, "wwn": "0x100000051e000001", "ports": 8 }, { "domain": 1, "wwn": "nope" } ],
          "hosts": [ { "host": 1, "driver": "lpfx", "wwpn": "0x10000090fa000001", "wwnn": "0x20000090fa000001", "domain": 3, "port": 1 } ],
          "nports": [ { "wwpn": "0x10000090fa000001", "wwnn": "0x2", "domain": 1, "port": 99, "roles": ["storage"], "fc4Types": ["SCSI-3000"] } ],
          "zoning": { "activeZoneSet": "cfg", "zoneSets": [ { "name": "cfg", "zones": ["z9"] } ], "zones": [ { "name": "z1", "members": ["fcid:0x1000000"] } ] },
          "faults": [ { "kind": "explode", "mode": "slow", "target": "xyz" } ],
          "iscsiHosts": [ { "host": 1, "driver": "qla4xxx", "initiatorName": "", "flash": "abc" } ]
        }
        """, "bad.json");
        var errors = ScenarioValidator.Validate(s);
        string[] expected =
        [
            "$.switches[1].domain: domain 1 is used twice",
            "$.switches[1].wwn: 'nope' is not a WWN",
            "$.hosts[0].driver: 'lpfx' is not a known FC driver",
            "$.hosts[0].domain: no switch has domain 3",
            "$.nports[0].wwpn: WWPN 0x10000090fa000001 is used twice",
            "$.nports[0].port: port 99 is outside 0..7 on switch 1",
            "$.nports[0].roles[0]: 'storage' is not one of target, initiator",
            "$.nports[0].fc4Types[0]: 'SCSI-3000' is not an FC-4 type name",
            "$.zoning.zones[0].members[0]: 'fcid:0x1000000' is neither a WWPN nor fcid:0xDDAAPP",
            "$.zoning.zoneSets[0].zones[0]: zone 'z9' is not defined",
            "$.faults[0].kind: 'explode' is not one of",
            "$.faults[0].mode: 'slow' is not etimedout or ioerr",
            "$.faults[0].target: 'xyz' is neither a WWPN nor an FC ID",
            "$.iscsiHosts[0].host: host1 is negative or used twice",
            "$.iscsiHosts[0].initiatorName: an iSCSI host needs an initiator name",
            "$.iscsiHosts[0].flash: not an even-length hex string",
        ];
        foreach (var fragment in expected)
            Assert.True(errors.Any(e => e.Contains(fragment, StringComparison.Ordinal)), $"missing: {fragment}\nerrors:\n{string.Join("\n", errors)}");
        var ex = Assert.Throws<ScenarioException>(() => ScenarioLoader.Validated(s, "bad.json"));
        Assert.Equal(errors.Count, ex.Errors.Count);
    }

    [Fact]
    public void A_scenario_round_trips_through_json()
    {
        var lab = ScenarioLoader.Resolve("lab");
        var again = ScenarioLoader.Parse(ScenarioLoader.ToJson(lab), "round-trip");
        Assert.Equal(ScenarioLoader.ToJson(lab), ScenarioLoader.ToJson(again));
    }
}
