namespace BsgKit.KernelLane;

/// <summary>One field where the kernel and the simulator disagree.</summary>
public sealed record Disagreement(string Case, string Field, string Real, string Sim, string? KnownReason)
{
    public bool Known => KnownReason is not null;

    public override string ToString() => Known
        ? $"KNOWN {Case}.{Field}: real={Cut(Real)} sim={Cut(Sim)} ({KnownReason})"
        : $"DIFF  {Case}.{Field}: real={Cut(Real)} sim={Cut(Sim)}";

    private static string Cut(string s) => s.Length <= 300 ? s : s[..300] + $"… ({s.Length} chars)";
}

/// <summary>
/// Compares real and simulated observations field by field. Differences that are understood and accepted are
/// listed here, per case and field, with the reason; docs/kernel-lane.md explains each one. Everything else fails.
/// </summary>
public static class Differential
{
    /// <summary>(case, field) → why the simulator legitimately differs. "*" as the case matches every case.</summary>
    public static readonly IReadOnlyDictionary<(string Case, string Field), string> KnownDifferences =
        new Dictionary<(string, string), string>
        {
            [("rpt-ct-silent-ioerr", "reply")] =
                "silent IOERR: the kernel copies out bsg-lib's per-request reply buffer untouched; blk-mq handed this " +
                "request a tag whose buffer was still zero (kzalloc), the simulator reuses its one request slot and so " +
                "shows the previous reply's stale bytes on purpose (docs/reference/kernel-rules.md §4: clients must not trust the reply " +
                "when result and rcv_len are 0). Every other field of the case agrees.",
        };

    public static string? KnownReason(string caseName, string field) =>
        KnownDifferences.TryGetValue((caseName, field), out var r) ? r
        : KnownDifferences.TryGetValue(("*", field), out r) ? r : null;

    public static List<Disagreement> Compare(string caseName, Observation real, Observation sim)
    {
        var list = new List<Disagreement>();
        foreach (var f in Observation.FieldNames)
        {
            var r = real.Field(f);
            var s = sim.Field(f);
            if (r != s) list.Add(new Disagreement(caseName, f, r, s, KnownReason(caseName, f)));
        }
        return list;
    }
}
