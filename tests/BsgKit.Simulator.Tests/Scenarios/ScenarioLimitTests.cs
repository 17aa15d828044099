using BsgKit.Fc;
using BsgKit.Simulator.Fabric;
using BsgKit.Simulator.Hosting;
using BsgKit.Simulator.Kernel;
using BsgKit.Simulator.Scenarios;

namespace BsgKit.Simulator.Tests.ScenarioFiles;

/// <summary>What a scenario may make is bounded, checked before it is made, and a failure half-way leaves nothing.</summary>
public class ScenarioLimitTests
{
    [Theory]
    [InlineData(int.MaxValue, 0)]   // (nports + 199) / 200 overflowed: one switch, then 2^31 ports and 16 GB
    [InlineData(int.MaxValue, 239)]
    [InlineData(ScenarioLimits.MaxGeneratedNPorts + 1, 0)]
    public void Generate_refuses_more_ports_than_its_limit_before_allocating_them(int nports, int switches)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => ScenarioGenerator.Generate(nports, switches));
        Assert.Contains($"at most {ScenarioLimits.MaxGeneratedNPorts:N0} N_Ports (ScenarioLimits.MaxGeneratedNPorts)", e.Message);
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 1 << 20, "allocated a fabric before refusing it");
    }

    [Fact]
    public void A_fabric_whose_tree_would_fill_dev_shm_is_refused_with_the_limit_named_and_leaves_nothing()
    {
        // sim generate --nports 100000 --switches 239: two hosts × 100,000 rports, 3.4 million files (every inode of /dev/shm).
        var s = ScenarioGenerator.Generate(100_000, 239);
        s.Hosts[0].Wwpn = $"0x2f{Random.Shared.NextInt64() & 0xFFFFFFFFFFFFFF:x14}"; // ours, to find a tree left behind
        s.Zoning!.Zones[0].Members[0] = s.Hosts[0].Wwpn;
        var before = SimTrees();
        var e = Assert.Throws<ScenarioException>(() => SimulatedSan.Create(s));
        Assert.Matches(@"ScenarioLimits\.MaxTreeFiles|has free", e.Message); // whichever is lower on this machine
        Assert.Matches(@"host[12]: ", e.Message);             // the host whose part would not fit, before it is written
        Assert.DoesNotContain(SimTrees().Except(before), root => OursFor(s)(root));
    }

    [Fact]
    public void A_tree_beyond_its_limit_is_one_error_naming_the_limit_and_no_tree_is_left()
    {
        var scenario = UniqueLab();
        var before = SimTrees();
        var e = Assert.Throws<ScenarioException>(() =>
            new SimulatedSan(scenario, new SimFabric(scenario, new SimClock()), rootDirectory: null, maxTreeFiles: 100));
        Assert.Contains("the limit of 100 files (ScenarioLimits.MaxTreeFiles)", e.Message);
        Assert.DoesNotContain(SimTrees().Except(before), root => OursFor(scenario)(root));
    }

    [Fact]
    public void A_scenario_that_fails_while_its_tree_is_built_leaves_no_tree_behind()
    {
        var scenario = UniqueLab();
        var fabric = new FailingSecondLogin(new SimFabric(scenario, new SimClock()), Wwn.Parse(scenario.Hosts[0].Wwpn));
        Assert.Throws<InvalidOperationException>(() => new SimulatedSan(scenario, fabric));
        Assert.NotNull(fabric.TreeSeen);              // the first host was written …
        Assert.False(Directory.Exists(fabric.TreeSeen)); // … and removed with the rest
    }

    [Fact]
    public void Device_images_are_allocated_as_they_are_written_not_when_declared()
    {
        var scenario = new Scenario { Name = "images" };
        for (var i = 0; i < 20; i++)
            scenario.IscsiHosts.Add(new IscsiHostSpec
            {
                Host = 10 + i, Driver = "qla4xxx", InitiatorName = $"iqn.2026-01.test:h{i}",
                Flash = "fill:67108864:ff", Nvram = "fill:67108864:00", Acb = "fill:67108864:00",
            });
        ScenarioLoader.Validated(scenario, "images");
        var before = GC.GetTotalAllocatedBytes(precise: true);
        using var san = SimulatedSan.Create(scenario);
        Assert.True(GC.GetTotalAllocatedBytes(precise: true) - before < 256L << 20, "3.75 GiB of images were allocated eagerly");
        var flash = san.IscsiHosts[0].Flash;
        Assert.Equal(64 << 20, flash.Length);
        var tail = new byte[16];
        flash.Read(flash.Length - 16, tail);
        Assert.All(tail, b => Assert.Equal(0xff, b));
        flash.Write(100_000, [1, 2, 3]);
        Assert.Equal(64 * 1024, flash.AllocatedBytes); // one page
        var back = new byte[5];
        flash.Read(99_999, back);
        Assert.Equal(new byte[] { 0xff, 1, 2, 3, 0xff }, back);
    }

    [Fact]
    public void Images_beyond_the_total_limit_are_one_validation_error()
    {
        var scenario = new Scenario { Name = "images" };
        for (var i = 0; i < 40; i++)
            scenario.IscsiHosts.Add(new IscsiHostSpec { Host = 10 + i, Driver = "qla4xxx", InitiatorName = "iqn.x", Flash = "fill:67108864:ff", Nvram = "fill:67108864:00", Acb = "fill:67108864:00" });
        var errors = ScenarioValidator.Validate(scenario);
        Assert.Single(errors, e => e.Contains("ScenarioLimits.MaxImageBytes"));
    }

    /// <summary>The lab with a first host WWPN no other test uses, so its tree can be told apart.</summary>
    private static Scenario UniqueLab()
    {
        var lab = ScenarioLoader.Resolve("lab");
        lab.Hosts[0].Wwpn = $"0x2f{Random.Shared.NextInt64() & 0xFFFFFFFFFFFFFF:x14}";
        return lab;
    }

    private static HashSet<string> SimTrees() =>
        Directory.Exists("/dev/shm") ? Directory.EnumerateDirectories("/dev/shm", "bsgkit-sim-*").ToHashSet() : [];

    /// <summary>A tree of this scenario: it names the lab's first host WWPN (other tests' trees may come and go meanwhile).</summary>
    private static Func<string, bool> OursFor(Scenario s) => root =>
        Directory.Exists(Path.Combine(root, "sys", "class", "fc_host")) &&
        Directory.EnumerateFiles(Path.Combine(root, "sys", "class", "fc_host"), "port_name", SearchOption.AllDirectories)
            .Any(f => File.ReadAllText(f).Trim() == $"0x{Wwn.Parse(s.Hosts[0].Wwpn).Value:x16}");

    /// <summary>Lets the first host log in, then fails: by then that host's part of the tree is written.</summary>
    private sealed class FailingSecondLogin(ISimFabric inner, Wwn firstHost) : ISimFabric
    {
        private int _logins;
        public string? TreeSeen { get; private set; }
        public SimClock Clock => inner.Clock;
        public Faults.FaultInjector Faults => inner.Faults;

        public FabricLogin Login(Wwn portName, Wwn nodeName, int domain, int switchPort, string symbolicName, HostSpec? fdmiSource, bool registerFdmi)
        {
            if (++_logins == 2)
            {
                TreeSeen = SimTrees().FirstOrDefault(root => Directory.EnumerateFiles(root, "port_name", SearchOption.AllDirectories)
                    .Any(f => File.ReadAllText(f).Trim() == $"0x{firstHost.Value:x16}"));
                throw new InvalidOperationException("the second FLOGI failed");
            }
            return inner.Login(portName, nodeName, domain, switchPort, symbolicName, fdmiSource, registerFdmi);
        }

        public IReadOnlyList<RemotePortView> PortsVisibleTo(FcId source) => inner.PortsVisibleTo(source);
        public ExchangeResult Exchange(FcId source, FcId destination, FrameType type, ReadOnlySpan<byte> request, Span<byte> response) =>
            inner.Exchange(source, destination, type, request, response);
    }
}
