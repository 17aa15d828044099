using BsgKit.KernelLane;

namespace BsgKit.KernelLane.Tests;

public sealed class DifferentialTests
{
    public static TheoryData<string> CaseNames()
    {
        var data = new TheoryData<string>();
        foreach (var c in LaneCases.All) data.Add(c.Name);
        return data;
    }

    private static LaneCase Case(string name) => LaneCases.All.Single(c => c.Name == name);

    private static readonly Lazy<Dictionary<string, Observation>> Recorded = new(() =>
    {
        var path = Path.Combine(AppContext.BaseDirectory, "real-observations.txt");
        return Observation.ParseAll(File.ReadAllLines(path));
    });

    [Fact]
    public void The_suite_has_at_least_30_cases_with_unique_names()
    {
        Assert.True(LaneCases.All.Count >= 30, $"{LaneCases.All.Count} cases");
        Assert.Equal(LaneCases.All.Count, LaneCases.All.Select(c => c.Name).Distinct().Count());
    }

    /// <summary>
    /// Every case against the simulator, compared field by field with what the real kernel answered in the lane
    /// (tests/KernelLane/real-observations.txt, recorded from the guest). Runs everywhere, no qemu needed.
    /// </summary>
    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Simulator_agrees_with_the_recorded_real_kernel(string name)
    {
        Assert.True(Recorded.Value.TryGetValue(name, out var real), $"no recorded real-kernel observation for {name}");
        using var sim = new SimTarget();
        var observed = LaneCases.Run(sim, Case(name));
        var unknown = Differential.Compare(name, real!, observed).Where(d => !d.Known).ToList();
        Assert.True(unknown.Count == 0, string.Join("\n", unknown));
    }

    /// <summary>The same comparison live: the real ioctl in the guest against the simulator.</summary>
    [KernelLaneTheory]
    [MemberData(nameof(CaseNames))]
    public void Real_kernel_and_simulator_agree(string name)
    {
        using var real = new RealTarget();
        using var sim = new SimTarget();
        var c = Case(name);
        var unknown = Differential.Compare(name, LaneCases.Run(real, c), LaneCases.Run(sim, c)).Where(d => !d.Known).ToList();
        Assert.True(unknown.Count == 0, string.Join("\n", unknown));
    }

    [Fact]
    public void Every_known_difference_names_an_existing_case_and_field_and_gives_a_reason()
    {
        foreach (var ((c, f), reason) in Differential.KnownDifferences)
        {
            Assert.True(c == "*" || LaneCases.All.Any(x => x.Name == c), $"known difference for unknown case {c}");
            Assert.Contains(f, Observation.FieldNames);
            Assert.False(string.IsNullOrWhiteSpace(reason));
        }
    }
}
