using BsgKit.Fc;
using BsgKit.Fc.Codes;
using BsgKit.Fc.Ct;
using BsgKit.Fc.Ct.NameServer;
using BsgKit.Simulator.Fabric;
using BsgKit.Simulator.Kernel;
using BsgKit.Simulator.Scenarios;

namespace BsgKit.Simulator.Tests.Fabric;

public class LargeFabricTests
{
    private const int Ports = 10_000;
    // Speed is measured in tests/Benchmarks (bench-request-path.sh, NameServerBenchmarks); here: what was built and asked.
    private static readonly Lazy<(Scenario Scenario, SimFabric Fabric, FcId Host)> Fabric = new(() =>
    {
        var scenario = ScenarioGenerator.Generate(Ports);
        var fabric = new SimFabric(scenario, new SimClock());
        var host = scenario.Hosts[0];
        var login = fabric.Login(Wwn.Parse(host.Wwpn), Wwn.Parse(host.Wwnn), host.Domain, host.Port, host.SymbolicName!, host, true);
        return (scenario, fabric, login.PortId);
    });

    [Fact]
    public void Generated_scenario_is_unique_and_every_port_is_registered()
    {
        var (scenario, fabric, _) = Fabric.Value;
        Assert.Equal(Ports, scenario.NPorts.Count);
        Assert.Equal(Ports, scenario.NPorts.Select(p => p.Wwpn).Distinct().Count());
        Assert.Equal(Ports, scenario.NPorts.Select(p => (p.Domain, p.Port, p.Alpa)).Distinct().Count());
        Assert.Equal(Ports + 1, fabric.RegisteredPortCount);
        Assert.Equal(scenario.Switches[0].Wwn, fabric.FabricName.ToColonString());
    }

    [Fact]
    public void Gpn_ft_with_a_big_enough_buffer_lists_every_zoned_port()
    {
        var (scenario, fabric, host) = Fabric.Value;
        var expected = 1 + scenario.NPorts.Count(p => p.Fc4Types.Contains("FCP"));
        var request = new byte[64];
        var n = GpnFt.BuildRequest(request, new NsFc4TypeScope(Fc4Types.Fcp), CtIuHeader.MaxResponseBytes);
        var response = new byte[CtIuHeader.MaxResponseBytes];
        var result = fabric.Exchange(host, FcId.DirectoryServer, FrameType.Ct, request.AsSpan(0, n), response);
        var list = GpnFt.ParseAccept(response.AsSpan(0, result.ResponseLength));
        Assert.True(list.IsComplete); // one request lists the whole fabric
        Assert.Equal(expected, list.Entries.Count);
        Assert.Equal(expected * NsPortNameList.EntrySize + CtIuHeader.Size, result.ResponseLength);
    }

    [Fact]
    public void Gid_ft_at_the_qla2xxx_size_is_truncated_and_domain_paging_completes_it()
    {
        var (scenario, fabric, host) = Fabric.Value;
        var response = new byte[GidFt.DefaultMaxResponseBytes];
        var request = new byte[64];
        var n = GidFt.BuildRequest(request, new NsFc4TypeScope(Fc4Types.Fcp));
        var first = GidFt.ParseAccept(response.AsSpan(0, fabric.Exchange(host, FcId.DirectoryServer, FrameType.Ct, request.AsSpan(0, n), response).ResponseLength));
        Assert.Equal(2048, first.PortIds.Count);
        Assert.False(first.LastEntrySeen);
        Assert.True(first.ResidualWords > 0);

        var all = new HashSet<FcId>();
        foreach (var sw in scenario.Switches)
        {
            n = GidFt.BuildRequest(request, new NsFc4TypeScope(Fc4Types.Fcp, (byte)sw.Domain));
            var page = GidFt.ParseAccept(response.AsSpan(0, fabric.Exchange(host, FcId.DirectoryServer, FrameType.Ct, request.AsSpan(0, n), response).ResponseLength));
            Assert.True(page.IsComplete);
            all.UnionWith(page.PortIds);
        }
        Assert.Equal(1 + scenario.NPorts.Count(p => p.Fc4Types.Contains("FCP")), all.Count);
    }

    [Fact]
    public void Ga_nxt_walk_covers_the_fabric_and_wraps_around()
    {
        var (_, fabric, host) = Fabric.Value;
        var request = new byte[64];
        var response = new byte[GaNxt.AcceptLength];
        var id = new FcId(0);
        FcId? first = null;
        var count = 0;
        var previous = 0u;
        while (true)
        {
            var n = GaNxt.BuildRequest(request, id);
            var result = fabric.Exchange(host, FcId.DirectoryServer, FrameType.Ct, request.AsSpan(0, n), response);
            var entry = GaNxt.ParseAccept(response.AsSpan(0, result.ResponseLength));
            if (entry.PortId == first) break;
            first ??= entry.PortId;
            Assert.True(entry.PortId.Value > previous || count == 0);
            previous = entry.PortId.Value;
            id = entry.PortId;
            count++;
            Assert.True(count <= Ports + 1);
        }
        Assert.Equal(Ports + 1, count);
    }

    [Fact]
    public void A_target_sees_only_its_zone_block_and_the_hosts()
    {
        var (scenario, fabric, _) = Fabric.Value;
        var target = fabric.FindPort(Wwn.Parse(scenario.NPorts[100].Wwpn))!;
        var visible = fabric.PortsVisibleTo(target.Id);
        Assert.Equal(ScenarioGenerator.TargetsPerZone - 1 + 1, visible.Count);   // its block minus itself, plus the logged-in host
    }
}
