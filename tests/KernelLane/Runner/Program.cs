using BsgKit.KernelLane;

// The lane's runner. In the guest (BSGKIT_KERNEL_LANE=1): every case against the real kernel and the simulator,
// compared field by field; prints PASS/FAIL per case, every disagreement with its field name, the real
// observations (the record docs/kernel-lane.md and the unit tests use), and "LANE-SUITE-RESULT: N passed, M failed".
// Elsewhere: --sim prints the simulator's observations only (nothing is compared, and it says so).
var simOnly = args.Contains("--sim");
if (!simOnly && !RealTarget.Enabled)
{
    Console.Error.WriteLine($"{RealTarget.EnableVariable}=1 is not set: no real /dev/bsg FC nodes to compare against " +
                            "(run tests/KernelLane/run-lane.sh, or pass --sim to print the simulator's observations)");
    return 2;
}

using var sim = new SimTarget();
if (simOnly)
{
    foreach (var c in LaneCases.All) Console.Write(LaneCases.Run(sim, c).Format(c.Name));
    Console.WriteLine($"simulator only: {LaneCases.All.Count} cases observed, nothing compared");
    return 0;
}

using var real = new RealTarget();
Console.WriteLine($"lane topology: real A={real.PortIdA} B={real.PortIdB}; sim A={sim.PortIdA} B={sim.PortIdB}");
int passed = 0, failed = 0, known = 0;
var record = new System.Text.StringBuilder();
foreach (var c in LaneCases.All)
{
    Observation r, s;
    try
    {
        r = LaneCases.Run(real, c);
        s = LaneCases.Run(sim, c);
    }
    catch (Exception e)
    {
        failed++;
        Console.WriteLine($"FAIL {c.Name}: threw {e.GetType().Name}: {e.Message}");
        continue;
    }
    record.Append(r.Format(c.Name));
    var diffs = Differential.Compare(c.Name, r, s);
    var unknown = diffs.Where(d => !d.Known).ToList();
    known += diffs.Count - unknown.Count;
    if (unknown.Count == 0) { passed++; Console.WriteLine($"PASS {c.Name} ({c.What})"); }
    else { failed++; Console.WriteLine($"FAIL {c.Name} ({c.What})"); }
    foreach (var d in diffs) Console.WriteLine("    " + d);
}
Console.WriteLine("---- real-kernel observations (tests/KernelLane/real-observations.txt format)");
Console.Write(record.ToString().Replace("\n", "\nREAL-OBS ").Insert(0, "REAL-OBS ").TrimEnd('R', 'E', 'A', 'L', '-', 'O', 'B', 'S', ' '));
Console.WriteLine();
Console.WriteLine($"LANE-SUITE-RESULT: {passed} passed, {failed} failed, {known} known difference(s), {LaneCases.All.Count} cases");
return failed == 0 ? 0 : 1;
