using System.Diagnostics;
using BsgKit.Fuzz;

// dotnet BsgKit.Fuzz.dll [--inputs N] [--seed S] [FAMILY…]   (tests/Fuzz/run-fuzz.sh: a million inputs per family)
// Exit 0: every input decoded or failed with a documented exception; 1: something else was thrown (printed with its input).
long inputs = 1_000_000;
var seed = 1;
var families = new List<string>();
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--inputs" when i + 1 < args.Length && long.TryParse(args[i + 1], out var n) && n > 0: inputs = n; i++; break;
        case "--seed" when i + 1 < args.Length && int.TryParse(args[i + 1], out var s): seed = s; i++; break;
        case var f when FuzzRunner.Families.Contains(f): families.Add(f); break;
        default:
            Console.Error.WriteLine($"bsgkit-fuzz: '{args[i]}': usage: [--inputs N] [--seed S] [{string.Join('|', FuzzRunner.Families)}]…");
            return 2;
    }
}
if (families.Count == 0) families.AddRange(FuzzRunner.Families);
var corpus = Corpus.Shared;
Console.WriteLine($"corpus: {corpus.Exchanges.Count:N0} frame exchanges, {corpus.FcSgIo.Count:N0} FC and {corpus.IscsiSgIo.Count:N0} iSCSI SG_IO; seed {seed}");
var failed = 0L;
var total = 0L;
foreach (var family in families)
{
    var watch = Stopwatch.StartNew();
    var report = await FuzzRunner.RunAsync(family, inputs, seed);
    Console.WriteLine($"{report} in {watch.Elapsed.TotalSeconds:F0} s");
    foreach (var f in report.Failures)
        Console.WriteLine($"  UNDOCUMENTED {f.Target}: {f.Exception}: {f.Message}\n    at {f.StackTop}\n    input {(f.InputHex.Length > 1024 ? f.InputHex[..1024] + "…" : f.InputHex)}");
    failed += report.FailureCount;
    total += report.Inputs;
}
Console.WriteLine($"total: {total:N0} inputs, {failed:N0} undocumented exceptions");
return failed == 0 ? 0 : 1;
