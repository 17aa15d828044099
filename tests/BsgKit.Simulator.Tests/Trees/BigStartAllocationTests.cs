using BsgKit.Simulator.Fabric;
using BsgKit.Simulator.Hosting;
using BsgKit.Simulator.Kernel;
using BsgKit.Simulator.Scenarios;

namespace BsgKit.Simulator.Tests.Trees;

/// <summary>
/// Issue 12: a `--simulate big` start is mostly allocation (GC clearing and faulting in fresh heap), so the bytes the
/// fabric and in-memory tree build allocate are bounded here, counted on this thread (the build runs on it), not timed.
/// </summary>
public class BigStartAllocationTests
{
    /// <summary>Fabric plus in-memory sysfs for the big scenario: 78 MiB before issue 12's work, 56 MiB after.</summary>
    private const long MaxBuildBytes = 64L << 20;

    [Fact]
    public void Building_big_in_memory_allocates_under_its_bound()
    {
        var scenario = ScenarioLoader.Resolve("big");
        var before = GC.GetAllocatedBytesForCurrentThread();
        using var san = new SimulatedSan(scenario, new SimFabric(scenario, new SimClock()), SysfsStorage.Memory);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(allocated < MaxBuildBytes, $"building big allocated {allocated / 1048576.0:0.0} MiB, bound {MaxBuildBytes >> 20} MiB");
        Assert.True(san.Nodes.Count() > 20_000); // the whole tree was built, not skipped
    }

    [Fact]
    public void Ports_without_optics_of_their_own_share_one_default()
    {
        var scenario = ScenarioLoader.Resolve("big");
        var fabric = new SimFabric(scenario, new SimClock());
        var sfps = scenario.NPorts.Where(n => n.Sfp is null).Select(n => fabric.FindPort(Fc.Wwn.Parse(n.Wwpn))!.Sfp).Distinct().ToList();
        Assert.Single(sfps);
        Assert.Equal(850, sfps[0].WavelengthNm);
    }
}
