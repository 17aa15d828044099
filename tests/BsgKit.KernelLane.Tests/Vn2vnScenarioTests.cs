using BsgKit.KernelLane;
using BsgKit.Simulator.Scenarios;

namespace BsgKit.KernelLane.Tests;

public sealed class Vn2vnScenarioTests
{
    [Fact]
    public void The_lane_scenario_is_valid_and_gives_each_port_an_rport_of_the_other()
    {
        var scenario = SimTarget.Vn2vnScenario();
        Assert.Empty(ScenarioValidator.Validate(scenario));
        using var sim = new SimTarget();
        var a = sim.San.FindHost(1)!;
        var b = sim.San.FindHost(2)!;
        Assert.Equal(0x2b48u, a.PortId.Value); // 0x00 + the WWPN's (MAC's) low 16 bits
        Assert.Equal(0xba7du, b.PortId.Value);
        Assert.Equal(b.PortId, Assert.Single(a.RemotePorts).PortId);
        Assert.Equal(a.PortId, Assert.Single(b.RemotePorts).PortId);
        Assert.NotNull(sim.San.FindNode("0:0:0:0"));
        Assert.NotNull(sim.San.FindNode("rport-1:0-0"));
        Assert.NotNull(sim.San.FindNode("rport-2:0-0"));
    }

    [Fact]
    public void Vn2vn_needs_libfc_drivers()
    {
        var scenario = SimTarget.Vn2vnScenario();
        scenario.Hosts[0].Driver = "lpfc";
        Assert.Contains(ScenarioValidator.Validate(scenario), e => e.Contains("vn2vn"));
    }

    [Fact]
    public void Scenario_json_reads_vn2vn_and_scsi_debug()
    {
        const string json = """
            { "name": "v", "vn2vn": true, "switches": [ { "domain": 1, "wwn": "0x1000000000000001" } ],
              "hosts": [ { "host": 1, "driver": "fcoe", "wwpn": "0x2000000000000001", "wwnn": "0x1000000000000001", "domain": 1, "port": 1 } ],
              "scsiDebug": { "host": 0 } }
            """;
        var s = System.Text.Json.JsonSerializer.Deserialize(json, ScenarioJsonContext.Default.Scenario)!;
        Assert.True(s.Vn2vn);
        Assert.Equal(0, s.ScsiDebug!.Host);
        Assert.Equal("scsi_debug", s.ScsiDebug.Product);
    }
}
