using System.Diagnostics;
using System.Text.RegularExpressions;
using BsgKit.Fc;
using BsgKit.Fc.Ct.NameServer;
using BsgKit.Tool;
using BsgKit.Tool.Tests.Matrix;

namespace BsgKit.SimRun.Tests;

/// <summary>
/// Runs, once per personality, one query of every command family inside `bsgkit sim run` (bsgkit's real Linux
/// transport, real SG_IO syscalls served by the simulator) and keeps each output and exit code.
/// </summary>
public sealed class SimRunBatches : IDisposable
{
    private static readonly string BsgkitDll = Path.Combine(AppContext.BaseDirectory, "bsgkit.dll");
    private readonly Dictionary<string, Task<Dictionary<string, (int Code, string Out)>>> _runs = [];
    private readonly Lock _lock = new();
    private readonly string _dir = Directory.CreateTempSubdirectory("bsgkit-simrun-matrix-").FullName;

    public Task<Dictionary<string, (int Code, string Out)>> For(Personality p)
    {
        lock (_lock)
        {
            if (!_runs.TryGetValue(p.Name, out var run)) _runs[p.Name] = run = RunAsync(p);
            return run;
        }
    }

    private async Task<Dictionary<string, (int, string)>> RunAsync(Personality p)
    {
        var dir = Path.Combine(_dir, p.Name);
        Directory.CreateDirectory(dir);
        var script = string.Join("\n", SimRunMatrixTests.Families.Select(f =>
            $"dotnet {BsgkitDll} {string.Join(' ', f.Args(p).Select(Quote))} -o json > {dir}/{f.Name}.json 2>{dir}/{f.Name}.err; echo $? > {dir}/{f.Name}.rc"));
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { BsgkitDll, "-v", "sim", "run", "--scenario", p.Simulate, "--", "sh", "-c", script }) start.ArgumentList.Add(a);
        using var proc = Process.Start(start)!;
        var stdout = proc.StandardOutput.ReadToEndAsync();
        var stderr = proc.StandardError.ReadToEndAsync();
        await proc.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(5));
        if (proc.ExitCode != 0) throw new Xunit.Sdk.XunitException($"sim run on {p.Name} exited {proc.ExitCode}\n{await stdout}\n{await stderr}");
        var served = Regex.Match(await stderr, @"served (\d+) SG_IO");
        var results = new Dictionary<string, (int, string)> { ["served"] = (int.Parse(served.Groups[1].Value), await stderr) };
        foreach (var f in SimRunMatrixTests.Families)
            results[f.Name] = (int.Parse(File.ReadAllText($"{dir}/{f.Name}.rc").Trim()), File.ReadAllText($"{dir}/{f.Name}.json"));
        return results;
    }

    private static string Quote(string s) => "'" + s.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}

/// <summary>
/// The command × driver matrix through real syscalls: for every personality and one query per command family, the
/// answer through `sim run` (the real Linux transport) is the same JSON and exit code as in-process `--simulate`.
/// </summary>
public sealed class SimRunMatrixTests(SimRunBatches batches) : IClassFixture<SimRunBatches>
{
    public sealed record Family(string Name, Func<Personality, string[]> Args);

    private static string GpnIdHex(Personality p)
    {
        var ctIu = new byte[GpnId.RequestLength];
        GpnId.BuildRequest(ctIu, FcId.Parse(p.T1Id));
        return Convert.ToHexStringLower(ctIu);
    }

    public static IReadOnlyList<Family> Families { get; } =
    [
        new("list", _ => ["list"]),
        new("info", _ => ["info"]),
        new("ns", p => ["ns", "gpn-id", p.T1Id]),
        new("fdmi", _ => ["fdmi", "list"]),
        new("fcs", _ => ["fcs", "list"]),
        new("zone", _ => ["zone", "active"]),
        new("els", p => ["els", "rls", p.T1Id]),
        new("discover", _ => ["discover"]),
        new("raw", p => ["raw", "--msgcode", "ct", "--dout", GpnIdHex(p)]),
        new("vendor", p => ["vendor", p.Name == "qla2xxx" ? "0x17" : "6"]),
        new("iscsi", _ => ["iscsi", "list"]),
    ];

    public static TheoryData<string, string> Cells()
    {
        var data = new TheoryData<string, string>();
        foreach (var p in Personality.All.Where(p => !p.IsIscsiOnly))
            foreach (var f in Families)
                data.Add(p.Name, f.Name);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cells))]
    public async Task Through_real_syscalls_the_answer_is_the_in_process_one(string personality, string family)
    {
        var p = Personality.All.Single(x => x.Name == personality);
        var f = Families.Single(x => x.Name == family);
        var stdout = new StringWriter();
        var code = await BsgKitCli.RunAsync(["--simulate=" + p.Simulate, .. f.Args(p), "-o", "json"], stdout, new StringWriter());
        var batch = await batches.For(p);
        var (realCode, realOut) = batch[family];
        Assert.True(code == realCode, $"{family} on {personality}: exit {realCode} through sim run, {code} in-process\n{realOut}\n{batch["served"].Out}");
        Assert.Equal(SimRunTests.Normalize(stdout.ToString()), SimRunTests.Normalize(realOut));
        if (p.Cannot is null && family is not ("list" or "info" or "iscsi"))
            Assert.True(batch["served"].Code > 0, $"no SG_IO served on {personality}");
    }
}
