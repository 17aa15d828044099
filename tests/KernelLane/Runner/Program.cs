using BsgKit.KernelLane;

// The lane's runner. In the guest (BSGKIT_KERNEL_LANE=1): every case against the real kernel and the simulator,
// compared field by field; prints PASS/FAIL per case, every disagreement with its field name, the real
// observations (the record docs/kernel-lane.md and the unit tests use), and "LANE-SUITE-RESULT: N passed, M failed".
// --mode fabric runs the fabric cases (fcoe logged in to `bsgkit sim fcf`) and then the independent checks.
// Elsewhere: --sim prints the simulator's observations only (nothing is compared, and it says so).
var simOnly = args.Contains("--sim");
var modeIndex = Array.IndexOf(args, "--mode");
var mode = modeIndex >= 0 && modeIndex + 1 < args.Length ? args[modeIndex + 1] : "vn2vn";
if (mode is not ("vn2vn" or "fabric"))
{
    Console.Error.WriteLine($"--mode {mode}: must be vn2vn or fabric");
    return 2;
}
var fabric = mode == "fabric";
var cases = fabric ? FabricCases.All : LaneCases.All;
if (!simOnly && !RealTarget.Enabled)
{
    Console.Error.WriteLine($"{RealTarget.EnableVariable}=1 is not set: no real /dev/bsg FC nodes to compare against " +
                            "(run tests/KernelLane/run-lane.sh, or pass --sim to print the simulator's observations)");
    return 2;
}

using var sim = new SimTarget(fabric);
if (simOnly)
{
    foreach (var c in cases) Console.Write(LaneCases.Run(sim, c).Format(c.Name));
    Console.WriteLine($"simulator only ({mode}): {cases.Count} cases observed, nothing compared");
    return 0;
}

using var real = new RealTarget(fabric);
Console.WriteLine($"lane topology ({mode}): real A={real.PortIdA} B={real.PortIdB}; sim A={sim.PortIdA} B={sim.PortIdB}");
int passed = 0, failed = 0, known = 0;
var record = new System.Text.StringBuilder();
foreach (var c in cases)
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
var prefix = fabric ? "REAL-OBS-FABRIC " : "REAL-OBS ";
Console.WriteLine($"---- real-kernel observations ({mode}; tests/KernelLane/real-observations{(fabric ? "-fabric" : "")}.txt format)");
foreach (var line in record.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries)) Console.WriteLine(prefix + line);
var checks = 0;
var checksFailed = 0;
if (fabric)
{
    (checks, checksFailed) = FabricChecks.Run(real, sim);
}
Console.WriteLine($"LANE-SUITE-RESULT: {mode}: {passed} passed, {failed} failed, {known} known difference(s), {cases.Count} cases" +
                  (fabric ? $"; {checks - checksFailed}/{checks} independent checks passed" : ""));
return failed == 0 && checksFailed == 0 ? 0 : 1;
