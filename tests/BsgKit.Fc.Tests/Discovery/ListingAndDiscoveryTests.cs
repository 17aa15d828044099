using BsgKit.Fc.Clients;
using BsgKit.Fc.Codes;
using BsgKit.Fc.Ct.ConfigServer;
using BsgKit.Fc.Discovery;
using BsgKit.Fc.Tests.Support;

namespace BsgKit.Fc.Tests.Discovery;

public class ListingAndDiscoveryTests
{
    private static FakeFabric TwoDomains(int perDomain)
    {
        var f = new FakeFabric();
        for (var d = 1; d <= 2; d++)
            for (var i = 0; i < perDomain; i++)
                f.Ports.Add(new FakePort(new FcId((uint)(d << 16 | (i / 200 + 1) << 8 | i % 200)), new Wwn((ulong)(uint)(d << 20 | i) | 0x2100_0000_0000_0000UL),
                    new Wwn((ulong)(uint)(d << 20 | i) | 0x2000_0000_0000_0000UL)));
        return f;
    }

    [Fact]
    public async Task A_small_fabric_is_listed_with_one_request()
    {
        var rig = new Rig(FakeFabric.WithPorts(10));
        using var host = rig.Host("fcoe");
        var result = await NameServerListing.ListAsync(host);
        Assert.Equal(NameServerListingMethod.FullFabric, result.Method);
        Assert.True(result.IsComplete);
        Assert.Equal(10, result.Ports.Count);
        Assert.Equal(1, result.Requests);
        Assert.All(result.Ports, p => Assert.NotNull(p.PortName));
    }

    [Fact]
    public async Task Truncation_at_2048_entries_on_qla2xxx_retries_per_domain()
    {
        var rig = new Rig(TwoDomains(1500), ReplyStyle.QlogicComplete);
        rig.Fabric.EntryCap = 2048;
        using var host = rig.Host("qla2xxx");
        var result = await NameServerListing.ListAsync(host, new NameServerListingOptions { WithPortNames = false });
        Assert.Equal(NameServerListingMethod.Scoped, result.Method);
        Assert.True(result.IsComplete);
        Assert.Equal(3000, result.Ports.Count);
        Assert.Contains(result.Notes, n => n.Contains("truncated"));
        Assert.Equal(1 + 239, result.Requests);
    }

    [Fact]
    public async Task A_domain_still_truncated_is_split_per_area()
    {
        var rig = new Rig(TwoDomains(1000), ReplyStyle.QlogicComplete);
        rig.Fabric.EntryCap = 300;
        using var host = rig.Host("qla2xxx");
        var result = await NameServerListing.ListAsync(host);
        Assert.Equal(NameServerListingMethod.Scoped, result.Method);
        var extra = result.Ports.Where(p => p.PortId.Area == 0 || p.PortId.Area > 5 || p.PortId.Port >= 200 || p.PortId.Domain is < 1 or > 2).ToList();
        Assert.True(extra.Count == 0, string.Join(",", extra.Select(e => e.PortId + "/" + e.PortName)));
        Assert.Equal(2000, result.Ports.Count);
        Assert.True(result.IsComplete);
    }

    [Fact]
    public async Task Rejected_scoped_queries_fall_back_to_a_GA_NXT_walk_that_stops_when_it_wraps()
    {
        var rig = new Rig(FakeFabric.WithPorts(40));
        rig.Fabric.EntryCap = 16;
        rig.Fabric.RejectScopedQueries = true;
        using var host = rig.Host("fcoe");
        var result = await NameServerListing.ListAsync(host);
        Assert.Equal(NameServerListingMethod.GaNxtWalk, result.Method);
        Assert.True(result.IsComplete);
        Assert.Equal(40, result.Ports.Count);
        // 1 full + 1 rejected domain query + 40 steps + the step that came back to the first port.
        Assert.Equal(1 + 1 + 41, result.Requests);
    }

    [Fact]
    public async Task A_GA_NXT_walk_that_never_repeats_stops_at_its_bound()
    {
        var rig = new Rig(FakeFabric.WithPorts(50));
        rig.Fabric.EntryCap = 4;
        rig.Fabric.RejectScopedQueries = true;
        using var host = rig.Host("fcoe");
        var result = await NameServerListing.ListAsync(host, new NameServerListingOptions { MaxWalkSteps = 10 });
        Assert.Equal(NameServerListingMethod.GaNxtWalk, result.Method);
        Assert.False(result.IsComplete);
        Assert.Contains(result.Notes, n => n.Contains("bound"));
        Assert.True(result.Ports.Count >= 10);
    }

    [Fact]
    public async Task An_empty_fabric_is_a_complete_empty_listing()
    {
        var rig = new Rig(new FakeFabric());
        using var host = rig.Host("fcoe");
        var result = await NameServerListing.ListAsync(host);
        Assert.Empty(result.Ports);
        Assert.True(result.IsComplete);
    }

    [Fact]
    public async Task Discovery_keeps_partial_results_and_reports_per_item_errors()
    {
        var fabric = FakeFabric.WithPorts(5);
        fabric.Switches.Add(new FcsInterconnectElement(new Wwn(0x1000_0000_0000_0001UL), 1));
        fabric.Switches.Add(new FcsInterconnectElement(new Wwn(0x1000_0000_0000_0002UL), 1));
        fabric.Failures.Add((GsTypes.Directory, GsNameServerCommands.GspnId, fabric.Ports[2].Id.Value));
        fabric.Failures.Add((GsTypes.Management, GsConfigServerCommands.Gieil, 0xFFFFFFFF));
        var rig = new Rig(fabric);
        using var host = rig.Host("fcoe");
        var reports = new List<DiscoveryProgress>();
        // The per-attribute plan asks GSPN_ID per port (the bulk plan gets symbolic names from GA_NXT: DiscoveryPlanTests).
        var snapshot = await FabricDiscovery.DiscoverAsync(host, new FabricDiscoveryOptions { Plan = DiscoveryPlan.PerAttribute },
            progress: new SyncProgress(reports.Add));

        Assert.Equal(5, snapshot.NPorts.Count);
        var broken = snapshot.NPorts.Single(p => p.PortId == fabric.Ports[2].Id);
        Assert.Null(broken.SymbolicPortName);
        Assert.Equal(fabric.Ports[2].Wwnn, broken.NodeName);
        Assert.All(snapshot.NPorts.Where(p => p != broken), p => Assert.NotNull(p.SymbolicPortName));
        Assert.True(snapshot.Errors.Count == 3, string.Join("\n", snapshot.Errors));
        Assert.All(snapshot.NPorts, p => Assert.True(p.Fc4Types!.Contains(Fc4Types.Fcp)));
        Assert.All(snapshot.NPorts, p => Assert.NotNull(p.FabricPortName));

        Assert.Equal(2, snapshot.Switches.Count);
        Assert.All(snapshot.Switches, s => Assert.Null(s.Info));
        Assert.All(snapshot.Switches, s => Assert.Equal(0x81, s.Ports.Single().State!.Value.PortType));
        Assert.Contains(snapshot.Switches, s => s.DomainId == 1);
        Assert.Equal(1u, snapshot.Switches[0].Ports[0].PhysicalPortNumber);

        Assert.Equal(3, snapshot.Errors.Count);   // one GSPN_ID, two GIEIL
        Assert.Contains(snapshot.Errors, e => e.Operation == "GSPN_ID" && e.Subject == fabric.Ports[2].Id.ToString());
        Assert.All(snapshot.Errors, e => Assert.Equal(FcExchangeStatus.Rejected, e.Status));
        Assert.False(snapshot.IsComplete);
        Assert.True(snapshot.ListingComplete);
        Assert.Contains(reports, r => r.Phase == "ports" && r.Completed == 5 && r.Total == 5);
        Assert.Contains(reports, r => r.Phase == "switches" && r.Completed == 2);
    }

    [Fact]
    public async Task Discovery_on_ibmvfc_runs_one_request_at_a_time()
    {
        var fabric = FakeFabric.WithPorts(4);
        var rig = new Rig(fabric);
        rig.Transport.DelayMs = 2;
        using var host = rig.Host("ibmvfc");
        var snapshot = await FabricDiscovery.DiscoverAsync(host, new FabricDiscoveryOptions { MaxParallelism = 8 });
        Assert.Equal(4, snapshot.NPorts.Count);
        Assert.Equal(1, rig.Transport.MaxInFlight);
    }

    [Fact]
    public async Task Discovery_survives_a_dead_name_server()
    {
        var rig = new Rig();
        rig.Transport.Handler = _ => new FakeAnswer { SilentIoError = true };
        using var host = rig.Host("fcoe");
        var snapshot = await FabricDiscovery.DiscoverAsync(host);
        Assert.Empty(snapshot.NPorts);
        Assert.Empty(snapshot.Switches);
        Assert.Equal(2, snapshot.Errors.Count);
        Assert.All(snapshot.Errors, e => Assert.Equal(FcExchangeStatus.NoResponse, e.Status));
    }

    private sealed class SyncProgress(Action<DiscoveryProgress> report) : IProgress<DiscoveryProgress>
    {
        private readonly Lock _lock = new();
        public void Report(DiscoveryProgress value) { lock (_lock) report(value); }
    }
}
