using BsgKit.Fuzz;

namespace BsgKit.Simulator.Tests.Fuzz;

/// <summary>
/// A slice of the fuzz harness (tests/Fuzz, a million inputs per family from run-fuzz.sh) in every test run: each
/// decoder family gets a few thousand mutated real messages and may throw only what it documents.
/// </summary>
[Collection(nameof(FuzzSlice))]
public class FuzzSliceTests
{
    public static TheoryData<string> Families()
    {
        var data = new TheoryData<string>();
        foreach (var f in FuzzRunner.Families) data.Add(f);
        return data;
    }

    [Theory]
    [MemberData(nameof(Families))]
    public async Task A_slice_of_each_family_throws_only_documented_exceptions(string family)
    {
        var report = await FuzzRunner.RunAsync(family, inputs: 3000, seed: 16);
        Assert.Equal(3000, report.Inputs);
        Assert.True(report.FailureCount == 0, string.Join("\n", report.Failures.Select(f => $"{f.Target}: {f.Exception}: {f.Message} at {f.StackTop}\ninput {f.InputHex}")));
    }

    [Fact]
    public void Every_ct_and_els_parser_is_found_and_has_real_traffic_to_mutate()
    {
        var corpus = Corpus.Shared;
        var ct = ParserFamilies.Ct(corpus);
        var els = ParserFamilies.Els(corpus);
        Assert.True(ct.Count > 100, $"{ct.Count} CT parsers"); // NS, FCS, FDMI, zone server: requests and accepts
        Assert.True(els.Count > 30, $"{els.Count} ELS parsers");
        Assert.All(ct.Concat(els), t => Assert.NotEmpty(t.Seeds));
    }
}

/// <summary>Runs alone: a CPU-heavy slice must not slow the other tests down.</summary>
[CollectionDefinition(nameof(FuzzSlice), DisableParallelization = true)]
public sealed class FuzzSlice;
