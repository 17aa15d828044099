using BsgKit.Fc.Catalog;
using BsgKit.Fc.Clients;
using BsgKit.Fc.Codes;
using BsgKit.Fc.Discovery;
using BsgKit.Simulator.Hosting;
using BsgKit.Simulator.Scenarios;

namespace BsgKit.Simulator.Tests.EndToEnd;

/// <summary>
/// The bulk discovery plan against the per-attribute plan it replaces, on every built-in FC scenario: the same
/// snapshot (Detail equals the old plan; Standard equals it without per-switch-port state; Brief in the fields it
/// promises), and the request counts each level costs, per command, derived from the fabric itself.
/// </summary>
public class DiscoveryPlanTests(DiscoveryPlanTests.BigFabric big) : IClassFixture<DiscoveryPlanTests.BigFabric>
{
    public static TheoryData<string> SmallScenarios => new() { "lab", "libfc", "lpfc", "qla2xxx", "zfcp", "ibmvfc" };

    /// <summary>The big scenario is built once; each plan runs once on it.</summary>
    public sealed class BigFabric : IDisposable
    {
        private readonly SimulatedSan _san = SimulatedSan.Create("big");
        private readonly Dictionary<(int, DiscoveryPlan, DiscoveryLevel), Task<FabricSnapshot>> _runs = [];
        private readonly Lock _lock = new();

        public Scenario Scenario => _san.Scenario;

        public Task<FabricSnapshot> Discover(int host, DiscoveryPlan plan, DiscoveryLevel level)
        {
            lock (_lock)
            {
                if (!_runs.TryGetValue((host, plan, level), out var run))
                    _runs[(host, plan, level)] = run = DiscoverOn(_san, host, plan, level);
                return run;
            }
        }

        public void Dispose() => _san.Dispose();
    }

    private static async Task<FabricSnapshot> DiscoverOn(SimulatedSan san, int host, DiscoveryPlan plan, DiscoveryLevel level)
    {
        var catalog = FcCatalog.Scan(san.Catalog);
        using var client = FcHostClient.Open(catalog, host, new FcClientOptions { Transport = san.Transport, TimeoutMs = 2000 });
        return await FabricDiscovery.DiscoverAsync(client, new FabricDiscoveryOptions { Plan = plan, Level = level });
    }

    private static async Task<FabricSnapshot> Discover(Scenario scenario, DiscoveryPlan plan, DiscoveryLevel level, int host = 1)
    {
        using var san = SimulatedSan.Create(scenario);
        return await DiscoverOn(san, host, plan, level);
    }

    private static Task<FabricSnapshot> Discover(string scenario, DiscoveryPlan plan, DiscoveryLevel level, int host = 1) =>
        Discover(ScenarioLoader.Resolve(scenario), plan, level, host);

    // ------------------------------------------------------------------ what "the same snapshot" means

    private static string Attached(FabricSwitchPort p) => string.Join(",", p.AttachedPorts.Select(a => $"{a.PortName}/{a.PortType:x2}").Order());

    private static IEnumerable<string> SwitchLines(FabricSnapshot s, bool portState, bool fPortAttachments, bool ports = true) =>
        s.Switches.OrderBy(x => x.Name.Value).SelectMany(x =>
            new[] { $"{x.Name} {x.ElementType} {x.DomainId} {(ports ? $"{x.LogicalName} {x.Info}" : "")}" }.Concat(ports
                ? x.Ports.Select(p => $"  {p.PortName} {p.PortType:x2} {p.ModuleType} {p.TxType} " +
                                      (portState ? $"{p.PhysicalPortNumber} {p.State} " : "") +
                                      (fPortAttachments || p.PortType == PortTypes.EPort ? Attached(p) : ""))
                : []));

    private static IEnumerable<string> NPortLines(FabricSnapshot s, bool brief = false) =>
        s.NPorts.Select(n => brief
            ? $"{n.PortId} {n.PortName} {n.NodeName} {n.PortType} {n.Fc4Types} {n.Fc4Features}"
            : $"{n.PortId} {n.PortName} {n.NodeName} {n.PortType} {n.Fc4Types} {n.Fc4Features} {n.SymbolicPortName}|{n.SymbolicNodeName} {n.FabricPortName}");

    private static void AssertSame(FabricSnapshot old, FabricSnapshot bulk)
    {
        Assert.True(old.IsComplete, string.Join("; ", old.Errors.Select(e => e.Operation + " " + e.Message)));
        Assert.True(bulk.IsComplete, string.Join("; ", bulk.Errors.Select(e => e.Operation + " " + e.Message)));
        switch (bulk.Level)
        {
            case DiscoveryLevel.Detail:
                Assert.Equal(SwitchLines(old, true, true), SwitchLines(bulk, true, true));
                Assert.Equal(NPortLines(old), NPortLines(bulk));
                break;
            case DiscoveryLevel.Standard:
                Assert.Equal(SwitchLines(old, false, false), SwitchLines(bulk, false, false));
                Assert.All(bulk.Switches.SelectMany(x => x.Ports), p => Assert.Null(p.State));
                Assert.Equal(NPortLines(old), NPortLines(bulk));
                // An F_Port's attached ports are the listed N_Ports behind it: the old answer, minus what the host cannot see.
                var listed = old.NPorts.Select(n => n.PortName).ToHashSet();
                var oldPorts = old.Switches.SelectMany(x => x.Ports).ToDictionary(p => p.PortName);
                foreach (var p in bulk.Switches.SelectMany(x => x.Ports).Where(p => p.PortType != PortTypes.EPort))
                    Assert.Equal(oldPorts[p.PortName].AttachedPorts.Where(a => listed.Contains(a.PortName)).Select(a => a.PortName).Order(),
                        p.AttachedPorts.Select(a => a.PortName).Order());
                break;
            default:
                Assert.Equal(SwitchLines(old, false, false, ports: false), SwitchLines(bulk, false, false, ports: false));
                Assert.Equal(NPortLines(old, brief: true), NPortLines(bulk, brief: true));
                Assert.All(bulk.NPorts, n => Assert.Null(n.SymbolicPortName));
                break;
        }
    }

    // ------------------------------------------------------------------ the cost, derived from the fabric

    /// <summary>What each level must cost, per command, from the old snapshot (what the host sees) and the scenario.</summary>
    private static Dictionary<string, int> ExpectedCounts(FabricSnapshot old, DiscoveryLevel level)
    {
        var s = old.Switches.Count;
        var switchPorts = old.Switches.Sum(x => x.Ports.Count);
        var ePorts = old.Switches.SelectMany(x => x.Ports).Count(p => p.PortType == PortTypes.EPort);
        var n = old.NPorts.Count;
        var featureTypes = old.NPorts.SelectMany(p => p.Fc4Types!.Types).Distinct().Count();
        var expected = new Dictionary<string, int> { ["GIEL"] = 1, ["GDID"] = s, ["GID_FF"] = 4 * featureTypes };
        if (level == DiscoveryLevel.Brief)
        {
            expected["GPN_FT"] = 1;
            expected["GNN_FT"] = 1;
            expected["GID_PT"] = 3;                              // N_Port, NL_Port, F/NL_Port
            expected["GID_FT"] = Fc4Types.Table.Entries.Count() - 1;   // every other FC-4 type BsgKit knows
            return expected;
        }
        expected["GPN_FT"] = 1;
        expected["GA_NXT"] = n;
        expected["GIELN"] = expected["GIEIL"] = expected["GPL"] = s;
        expected["GAPNL"] = level == DiscoveryLevel.Detail ? switchPorts : ePorts;
        if (level == DiscoveryLevel.Detail) expected["GPPN"] = expected["GPS"] = switchPorts;
        return expected;
    }

    private static void AssertCounts(Dictionary<string, int> expected, FabricSnapshot bulk) =>
        Assert.Equal(expected.Where(kv => kv.Value > 0).OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Key}={kv.Value}"),
            bulk.RequestCounts.Select(kv => $"{kv.Key}={kv.Value}"));

    [Theory]
    [MemberData(nameof(SmallScenarios))]
    public async Task Every_level_gives_the_old_snapshot_at_the_derived_cost(string scenario)
    {
        var old = await Discover(scenario, DiscoveryPlan.PerAttribute, DiscoveryLevel.Standard);
        // The old plan: the listing, 7 queries per N_Port, 3 per switch port.
        Assert.Equal(1 + 7 * old.NPorts.Count + 1 + 4 * old.Switches.Count + 3 * old.Switches.Sum(x => x.Ports.Count), old.Requests);
        foreach (var level in new[] { DiscoveryLevel.Brief, DiscoveryLevel.Standard, DiscoveryLevel.Detail })
        {
            var bulk = await Discover(scenario, DiscoveryPlan.Bulk, level);
            Assert.Equal(level, bulk.Level);
            AssertSame(old, bulk);
            AssertCounts(ExpectedCounts(old, level), bulk);
            Assert.Empty(bulk.Notes);
        }
    }

    [Theory]
    [InlineData(DiscoveryLevel.Brief)]
    [InlineData(DiscoveryLevel.Standard)]
    [InlineData(DiscoveryLevel.Detail)]
    public async Task Big_gives_the_old_snapshot_at_about_one_request_per_N_Port(DiscoveryLevel level)
    {
        var old = await big.Discover(1, DiscoveryPlan.PerAttribute, DiscoveryLevel.Standard);
        var bulk = await big.Discover(1, DiscoveryPlan.Bulk, level);
        AssertSame(old, bulk);
        AssertCounts(ExpectedCounts(old, level), bulk);

        var n = old.NPorts.Count;
        Assert.Equal(8_975, n);
        var switches = old.Switches.Count;
        var ePorts = old.Switches.SelectMany(x => x.Ports).Count(p => p.PortType == PortTypes.EPort);
        Assert.Equal((50, 100), (switches, ePorts));
        Assert.True(old.Requests > 90_000, $"the old plan took {old.Requests}");
        if (level == DiscoveryLevel.Standard)
            Assert.True(bulk.Requests <= 1.1 * n + 5 * switches + ePorts, $"{bulk.Requests} requests for {n} N_Ports");
        if (level == DiscoveryLevel.Brief)
            Assert.True(bulk.Requests <= 0.01 * n, $"{bulk.Requests} requests for {n} N_Ports");
    }

    [Fact]
    public async Task Big_from_qla2xxx_pages_the_listings_over_the_known_domains()
    {
        // qla2xxx takes at most 2048 entries per answer: the 8,975-port listings are paged over the 50 domains GDID named,
        // not over all 239.
        // Both hosts are in every zone: host1's old snapshot is what host2 sees too.
        var old = await big.Discover(1, DiscoveryPlan.PerAttribute, DiscoveryLevel.Standard);
        var bulk = await big.Discover(2, DiscoveryPlan.Bulk, DiscoveryLevel.Standard);
        AssertSame(old, bulk);
        Assert.Equal(NameServerListingMethod.Scoped, bulk.ListingMethod);
        Assert.Equal(1 + 50, bulk.RequestCounts["GPN_FT"]);
        Assert.Equal(old.NPorts.Count, bulk.RequestCounts["GA_NXT"]);
        var brief = await big.Discover(2, DiscoveryPlan.Bulk, DiscoveryLevel.Brief);
        AssertSame(old, brief);
        Assert.Equal(1 + 50, brief.RequestCounts["GNN_FT"]);
        Assert.True(brief.Requests < 0.05 * old.NPorts.Count, $"{brief.Requests} requests");
    }

    // ------------------------------------------------------------------ the fabric rejects a bulk command

    private static Scenario Without(string scenario, params string[] commands)
    {
        var s = ScenarioLoader.Resolve(scenario);
        s.NameServer ??= new NameServerSpec();
        s.NameServer.UnsupportedCommands.AddRange(commands);
        return s;
    }

    [Theory]
    [InlineData("GA_NXT", DiscoveryLevel.Standard, "GNN_ID")]
    [InlineData("GID_FF", DiscoveryLevel.Standard, "GFF_ID")]
    [InlineData("GPN_FT", DiscoveryLevel.Standard, "GA_NXT")]
    [InlineData("GID_FF", DiscoveryLevel.Brief, "GFF_ID")]
    [InlineData("GNN_FT", DiscoveryLevel.Brief, "GNN_ID")]
    [InlineData("GID_PT", DiscoveryLevel.Brief, "GPT_ID")]
    [InlineData("GID_FT", DiscoveryLevel.Brief, "GFT_ID")]
    [InlineData("GPN_FT", DiscoveryLevel.Brief, "GA_NXT")]
    public async Task A_rejected_bulk_command_falls_back_per_port_to_the_same_snapshot(string rejected, DiscoveryLevel level, string fallback)
    {
        foreach (var scenario in new[] { "lab", "libfc" })
        {
            var old = await Discover(scenario, DiscoveryPlan.PerAttribute, DiscoveryLevel.Standard);
            var bulk = await Discover(Without(scenario, rejected), DiscoveryPlan.Bulk, level);
            Assert.Contains(bulk.Notes, n => n.Contains(rejected, StringComparison.Ordinal));
            Assert.True(bulk.RequestCounts.GetValueOrDefault(fallback) >= old.NPorts.Count, $"{fallback}: {bulk.RequestCounts.GetValueOrDefault(fallback)}");
            if (fallback == "GA_NXT" && level == DiscoveryLevel.Brief)
            {
                // Without the listing, brief walks the name server: everything Standard knows about the N_Ports.
                Assert.Equal(NPortLines(old), NPortLines(bulk));
                continue;
            }
            AssertSame(old, bulk);
        }
    }

    [Fact]
    public async Task Without_GA_NXT_and_the_listings_discovery_is_partial_not_wrong()
    {
        var bulk = await Discover(Without("lab", "GA_NXT", "GPN_FT"), DiscoveryPlan.Bulk, DiscoveryLevel.Standard);
        Assert.False(bulk.IsComplete);
        Assert.Empty(bulk.NPorts);
        Assert.Equal(2, bulk.Switches.Count);
        Assert.NotEmpty(bulk.Errors);
    }

    [Fact]
    public async Task A_port_whose_GA_NXT_times_out_is_asked_per_attribute()
    {
        var scenario = ScenarioLoader.Resolve("lab");
        scenario.Faults.Add(new FaultSpec { Kind = "timeout", Target = "0xfffffc", Command = "GA_NXT", After = 1, Count = 1 });
        var old = await Discover("lab", DiscoveryPlan.PerAttribute, DiscoveryLevel.Standard);
        var bulk = await Discover(scenario, DiscoveryPlan.Bulk, DiscoveryLevel.Standard);
        AssertSame(old, bulk);
        Assert.Equal(1, bulk.RequestCounts["GNN_ID"]);
    }

    [Fact]
    public async Task A_failing_per_port_fallback_keeps_the_partial_result_behaviour()
    {
        var scenario = Without("lab", "GA_NXT");
        scenario.Faults.Add(new FaultSpec { Kind = "timeout", Target = "0xfffffc", Command = "GSPN_ID", Count = 1 });
        var bulk = await Discover(scenario, DiscoveryPlan.Bulk, DiscoveryLevel.Standard);
        Assert.False(bulk.IsComplete);
        var error = Assert.Single(bulk.Errors);
        Assert.Equal("GSPN_ID", error.Operation);
        Assert.Equal(3, bulk.NPorts.Count);
        Assert.Single(bulk.NPorts, n => n.SymbolicPortName is null);
    }

    [Fact]
    public async Task Rejected_GA_NXT_is_tried_once_then_the_rest_go_per_attribute()
    {
        var bulk = await Discover(Without("lab", "GA_NXT"), DiscoveryPlan.Bulk, DiscoveryLevel.Standard);
        Assert.Equal(1, bulk.RequestCounts["GA_NXT"]);
        Assert.Single(bulk.Notes, n => n.Contains("GA_NXT", StringComparison.Ordinal));
    }
}
