using BsgKit.KernelLane;

namespace BsgKit.KernelLane.Tests;

/// <summary>
/// The fabric mode's cases against the simulator's libfc personality, compared with what the real kernel answered
/// through `bsgkit sim fcf` in the lane (tests/KernelLane/real-observations-fabric.txt). Runs everywhere, no qemu.
/// </summary>
public sealed class FabricDifferentialTests(FabricDifferentialTests.SimulatedFabric fabric) : IClassFixture<FabricDifferentialTests.SimulatedFabric>
{
    /// <summary>One simulated fabric for all cases, disposed (its tree removed) when they are done.</summary>
    public sealed class SimulatedFabric : IDisposable
    {
        public SimTarget Sim { get; } = new(fabric: true);
        public void Dispose() => Sim.Dispose();
    }

    public static TheoryData<string> CaseNames()
    {
        var data = new TheoryData<string>();
        foreach (var c in FabricCases.All) data.Add(c.Name);
        return data;
    }

    private static readonly Lazy<Dictionary<string, Observation>> Recorded = new(() =>
        Observation.ParseAll(File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "real-observations-fabric.txt"))));

    [Fact]
    public void The_fabric_suite_has_at_least_30_new_cases_with_names_of_their_own()
    {
        Assert.True(FabricCases.All.Count >= 30, $"{FabricCases.All.Count} cases");
        var names = FabricCases.All.Select(c => c.Name).ToList();
        Assert.Equal(names.Count, names.Distinct().Count());
        Assert.Empty(names.Intersect(LaneCases.All.Select(c => c.Name)));
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Simulator_agrees_with_the_recorded_real_kernel_in_fabric_mode(string name)
    {
        Assert.True(Recorded.Value.TryGetValue(name, out var real), $"no recorded real-kernel observation for {name}");
        var observed = LaneCases.Run(fabric.Sim, FabricCases.All.Single(c => c.Name == name));
        var unknown = Differential.Compare(name, real!, observed).Where(d => !d.Known).ToList();
        Assert.True(unknown.Count == 0, string.Join("\n", unknown));
    }
}
