using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace BsgKit.SimRun.Tests;

/// <summary>
/// `bsgkit sim run`: unmodified programs — fcoe-utils and bsgkit's own real Linux transport — served by the
/// simulator through real SG_IO syscalls. Needs root (CI runs as root) and fcoe-utils (.ci/run installs it).
/// </summary>
public sealed class SimRunTests
{
    private static readonly string BsgkitDll = Path.Combine(AppContext.BaseDirectory, "bsgkit.dll");

    private sealed record Result(int Code, string Out, string Err)
    {
        public override string ToString() => $"exit {Code}\n--- stdout\n{Out}\n--- stderr\n{Err}";
    }

    private static async Task<Result> Bsgkit(TimeSpan timeout, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(BsgkitDll);
        foreach (var a in args) start.ArgumentList.Add(a);
        using var p = Process.Start(start)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout);
        try { await p.WaitForExitAsync(cts.Token); }
        catch (OperationCanceledException)
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException($"bsgkit {string.Join(' ', args)} did not finish in {timeout}");
        }
        return new Result(p.ExitCode, await stdout, await stderr);
    }

    private static Task<Result> SimRun(string scenario, params string[] command) =>
        Bsgkit(TimeSpan.FromSeconds(120), ["-v", "sim", "run", "--scenario", scenario, "--", .. command]);

    private static string[] Self(params string[] args) => ["dotnet", BsgkitDll, .. args];

    private static void RequireFcoeUtils() =>
        Assert.True(File.Exists("/usr/sbin/fcnsq"), "fcoe-utils is not installed: apt-get install fcoe-utils (.ci/run does)");

    private static long Served(Result r) =>
        long.Parse(Regex.Match(r.Err, @"served (\d+) SG_IO").Groups[1].Value);

    [Fact]
    public async Task Fcnsq_prints_the_simulated_wwpn_on_the_libfc_personality()
    {
        RequireFcoeUtils();
        var r = await SimRun("libfc", "fcnsq", "host1", "--gpn", "0x010500");
        Assert.True(r.Code == 0, r.ToString());
        Assert.Contains("Port Name: 50060e8007e0a100", r.Out);
        Assert.Equal(1, Served(r));
    }

    [Fact]
    public async Task Fcrls_prints_the_simulated_lesb_counters()
    {
        RequireFcoeUtils();
        // lab: rport-1:0-2 is array1 port1, whose scenario LESB has link failure 1 and loss of sync 4.
        var r = await SimRun("lab", "fcrls", "--port", "rport-1:0-2");
        Assert.True(r.Code == 0, r.ToString());
        Assert.Matches(@"Link Failure Count\s+= 1\b", r.Out);
        Assert.Matches(@"Virtual Link Failure Count\s+= 4\b", r.Out); // fcrls names LESB word 2 the FCoE way
    }

    [Theory]
    [InlineData("libfc", "fcoe")]
    [InlineData("fcoe", "fcoe")]
    [InlineData("zfcp", "zfcp")]
    public async Task Sim_run_takes_driver_profile_names_as_everywhere_else(string driver, string procName)
    {
        // --driver libfc is accepted by every command; sim run turns the profile name into the driver it simulates.
        var r = await Bsgkit(TimeSpan.FromSeconds(120), ["-v", "--driver", driver, "sim", "run", "--scenario", "lpfc", "--", .. Self("list", "-o", "json")]);
        Assert.True(r.Code == 0, r.ToString());
        var host = JsonDocument.Parse(r.Out).RootElement.GetProperty("fcHosts")[0];
        Assert.Equal(procName, host.GetProperty("driver").GetString());
    }

    public static TheoryData<string[]> Families => new()
    {
        new[] { "ns", "gpn-id", "0x010a00" },
        new[] { "ns", "gid-pn", "0x500507680b214ac1" },
        new[] { "fcs", "list" },
        new[] { "fdmi", "list" },
        new[] { "zone", "active" },
        new[] { "els", "rls", "0x010a00" },
        new[] { "els", "rnid", "0x010a00" },
    };

    [Theory]
    [MemberData(nameof(Families))]
    public async Task The_real_linux_transport_under_sim_run_gives_the_same_json_as_simulate(string[] query)
    {
        var inProcess = await Bsgkit(TimeSpan.FromSeconds(60), ["--simulate", "lab", .. query, "-o", "json"]);
        Assert.True(inProcess.Code == 0, inProcess.ToString());
        var throughSyscalls = await SimRun("lab", Self([.. query, "-o", "json"]));
        Assert.True(throughSyscalls.Code == 0, throughSyscalls.ToString());
        Assert.True(Served(throughSyscalls) > 0, throughSyscalls.ToString());
        Assert.Equal(Normalize(inProcess.Out), Normalize(throughSyscalls.Out));
    }

    /// <summary>Drops the timing fields (measured per run), keeps everything the fabric said.</summary>
    internal static string Normalize(string json)
    {
        var node = JsonNode.Parse(json)!;
        Strip(node);
        return node.ToJsonString();
    }

    private static void Strip(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var key in o.Select(kv => kv.Key).ToList())
                    if (Regex.IsMatch(key, "(?i)(ms|millis|duration|rtt|elapsed|time)$")) o.Remove(key);
                    else Strip(o[key]);
                break;
            case JsonArray a:
                foreach (var item in a) Strip(item);
                break;
        }
    }

    [Fact]
    public async Task Fc_host_client_allocates_nothing_per_request_on_real_sg_io_under_sim_run()
    {
        // The issue-12 target: 0 B per steady-state GPN_ID through FcHostClient, here on the real ioctl (LinuxBsgTransport)
        // that a library user's program makes, served by sim run — not only on the in-process transport.
        const int Count = 5000;
        var probe = Path.Combine(AppContext.BaseDirectory, "bsgkit-probe.dll");
        var r = await SimRun("libfc", "dotnet", probe, "alloc", "1", "0x010500", Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(r.Code == 0, r.ToString());
        var bytes = long.Parse(Regex.Match(r.Out, @"bytes (\d+)").Groups[1].Value);
        Assert.True(bytes == 0, $"{bytes} B allocated by {Count} GPN_ID ({(double)bytes / Count:0.#} B per request)\n{r}");
        Assert.Equal(long.Parse(Regex.Match(r.Out, @"served (\d+)").Groups[1].Value), Served(r)); // each on the real syscall
    }

    [Fact]
    public async Task Signals_during_requests_never_run_a_request_twice()
    {
        var pidFile = Path.GetTempFileName();
        var ids = Enumerable.Repeat("0x010500", 300).ToArray();
        var run = SimRun("libfc", "sh", "-c", $"echo $$ > {pidFile}; exec dotnet {BsgkitDll} ns gpn-id {string.Join(' ', ids)} -o json");
        // Pelt the child with signals that have handlers (SA_RESTART) while it issues its 300 SG_IOs.
        var pid = 0;
        var sent = 0;
        while (!run.IsCompleted)
        {
            if (pid == 0 && int.TryParse(File.ReadAllText(pidFile).Trim(), out var p)) pid = p;
            if (pid != 0)
            {
                foreach (var signal in new[] { "CONT", "WINCH" })
                    if (Process.Start(new ProcessStartInfo("kill", $"-{signal} {pid}") { RedirectStandardError = true })!.WaitForExit(1000)) sent++;
            }
            await Task.Delay(5);
        }
        var r = await run;
        Assert.True(r.Code == 0, r.ToString());
        var results = JsonDocument.Parse(r.Out).RootElement.GetProperty("results");
        Assert.Equal(300, results.GetArrayLength());
        Assert.All(results.EnumerateArray(), e => Assert.True(e.GetProperty("ok").GetBoolean()));
        Assert.Equal(300, Served(r)); // exactly once each
        Assert.True(sent > 0, "no signal reached the child");
        File.Delete(pidFile);
    }

    /// <summary>ioctl's syscall number as /proc/PID/task/TID/syscall prints it (asm-generic on arm64, 16 on x86-64).</summary>
    internal static readonly int IoctlSyscall =
        System.Runtime.InteropServices.RuntimeInformation.ProcessArchitecture == System.Runtime.InteropServices.Architecture.Arm64 ? 29 : 16;

    /// <summary>
    /// A syscall line of a thread inside ioctl(fd, SG_IO = 0x2285, …); the same text is a .NET regex and a grep basic
    /// regex, so the C# checks and the shell scripts of the tests wait on one pattern.
    /// </summary>
    internal static readonly string InSgIoPattern = $"^{IoctlSyscall} 0x[0-9a-f][0-9a-f]* 0x2285 ";

    /// <summary>Whether a thread of <paramref name="pid"/> sits in ioctl(fd, SG_IO = 0x2285, …).</summary>
    private static bool InSgIo(int pid)
    {
        try
        {
            foreach (var task in Directory.EnumerateDirectories($"/proc/{pid}/task"))
            {
                try { if (Regex.IsMatch(File.ReadAllText(Path.Combine(task, "syscall")), InSgIoPattern)) return true; }
                catch (IOException) { } // that thread just ended
            }
        }
        catch (IOException) { } // the process is not there (yet, or any more)
        return false;
    }

    /// <summary>Waits until <paramref name="pid"/> is inside SG_IO; fails (never decides) if sim run ends first or the guard runs out.</summary>
    private static async Task WaitUntilInSgIo(Func<int> pid, Task<Result> run)
    {
        using var guard = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        while (!(pid() is > 0 and var p && InSgIo(p)))
        {
            if (run.IsCompleted) Assert.Fail($"sim run ended before its child issued SG_IO:\n{await run}");
            await Task.Delay(20, guard.Token); // a poll interval; the guard throws on a hang
        }
    }

    [Fact]
    public async Task A_child_killed_in_the_middle_of_a_request_leaves_no_stuck_server()
    {
        // A request that would take an hour of real time (realDelays, timeout fault ending in the silent IOERR): a
        // server that kept serving its dead caller would outlive SimRun's 120 s hang guard many times over, so no
        // clock needs to be read. The kill comes once the child is seen inside SG_IO (a state, not a fixed wait).
        var scenarioFile = Path.Combine(Path.GetTempPath(), $"bsgkit-slow-{Guid.NewGuid():N}.json");
        var show = await Bsgkit(TimeSpan.FromSeconds(60), "sim", "show", "libfc");
        var scenario = JsonNode.Parse(show.Out)!.AsObject();
        scenario["realDelays"] = true;
        scenario["faults"] = new JsonArray(new JsonObject { ["kind"] = "timeout", ["target"] = "0x50060e8007e0a100", ["mode"] = "ioerr" });
        File.WriteAllText(scenarioFile, scenario.ToJsonString());
        var pidFile = Path.GetTempFileName();
        try
        {
            var run = SimRun(scenarioFile, "sh", "-c", $"echo $$ > {pidFile}; exec dotnet {BsgkitDll} els echo -c 1 --timeout 3600 0x010500");
            var pid = 0;
            await WaitUntilInSgIo(() => pid = int.TryParse(File.ReadAllText(pidFile).Trim(), out var p) ? p : 0, run);
            Process.Start("kill", $"-KILL {pid}")!.WaitForExit();
            var r = await run;
            Assert.True(r.Code == 128 + 9, r.ToString());
            Assert.True(r.Err.Contains("1 caller(s) gone") && Served(r) == 0, r.ToString()); // it was inside: abandoned, not answered
        }
        finally
        {
            File.Delete(scenarioFile);
            File.Delete(pidFile);
        }
    }

    [Fact]
    public async Task Sg_io_on_a_file_that_is_not_a_simulated_node_gets_the_kernels_own_enotty()
    {
        // The child's catalog points at a copy of a tree outside /dev/bsg: those files are not simulated nodes.
        var root = Directory.CreateTempSubdirectory("bsgkit-notnode-").FullName;
        Directory.CreateDirectory(Path.Combine(root, "sys", "class", "bsg", "fc_host1"));
        File.WriteAllText(Path.Combine(root, "sys", "class", "bsg", "fc_host1", "dev"), "248:0\n");
        foreach (var (dir, file, value) in new[]
        {
            ("fc_host/host1", "port_name", "0x2000001b21aa0001"), ("fc_host/host1", "node_name", "0x1000001b21aa0001"),
            ("fc_host/host1", "port_id", "0x010100"), ("fc_host/host1", "port_state", "Online"), ("scsi_host/host1", "proc_name", "fcoe"),
        })
        {
            Directory.CreateDirectory(Path.Combine(root, "sys", "class", dir));
            File.WriteAllText(Path.Combine(root, "sys", "class", dir, file), value + "\n");
        }
        Directory.CreateDirectory(Path.Combine(root, "dev", "bsg"));
        File.WriteAllBytes(Path.Combine(root, "dev", "bsg", "fc_host1"), []);
        var r = await SimRun("libfc", Self("--sysfs-root", Path.Combine(root, "sys"), "--dev-root", Path.Combine(root, "dev"), "ns", "gpn-id", "0x010500"));
        Assert.True(r.Code == 6, r.ToString());
        Assert.Contains("ENOTTY (25)", r.Err);
        Assert.Contains("1 passed to the real kernel", r.Err);
        Directory.Delete(root, recursive: true);
    }
}

/// <summary>A fact that needs root (to drop to another user); skipped, visibly, otherwise.</summary>
public sealed class RootFactAttribute : FactAttribute
{
    public RootFactAttribute()
    {
        if (Environment.UserName != "root") Skip = "needs root to run the test as an unprivileged user";
    }
}

[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class UnprivilegedSimRunTests
{
    /// <summary>A world-readable copy of bsgkit: the test's own output directory may sit under a 0700 temp dir.</summary>
    private static string WorldReadableApp()
    {
        var app = Directory.CreateTempSubdirectory("bsgkit-app-").FullName;
        File.SetUnixFileMode(app, (UnixFileMode)0b111_101_101);
        foreach (var f in Directory.GetFiles(AppContext.BaseDirectory))
        {
            var to = Path.Combine(app, Path.GetFileName(f));
            File.Copy(f, to);
            File.SetUnixFileMode(to, (UnixFileMode)0b110_100_100);
        }
        return app;
    }

    /// <summary>Runs bsgkit from <paramref name="app"/> as user nobody.</summary>
    private static async Task<(int Code, string Out, string Err)> AsNobody(string app, params string[] args)
    {
        var start = new ProcessStartInfo("setpriv") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { "--reuid=65534", "--regid=65534", "--clear-groups", "env", "HOME=/tmp", "DOTNET_CLI_HOME=/tmp",
                     "dotnet", Path.Combine(app, "bsgkit.dll") }.Concat(args))
            start.ArgumentList.Add(a);
        using var p = Process.Start(start)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(120));
        return (p.ExitCode, await stdout, await stderr);
    }

    [RootFact]
    public async Task An_unprivileged_user_gets_its_namespaces_from_unshare()
    {
        Assert.True(File.Exists("/usr/sbin/fcnsq"), "fcoe-utils is not installed: apt-get install fcoe-utils (.ci/run does)");
        var app = WorldReadableApp();
        try
        {
            var (code, o, e) = await AsNobody(app, "-v", "sim", "run", "--scenario", "libfc", "--", "fcnsq", "host1", "--gpn", "0x010500");
            Assert.True(code == 0, $"exit {code}\n{o}\n{e}");
            Assert.Contains("Port Name: 50060e8007e0a100", o);
            Assert.Contains("served 1 SG_IO", e);
        }
        finally { Directory.Delete(app, recursive: true); }
    }

    [RootFact]
    public async Task An_rport_directory_the_user_may_not_read_is_reported_as_unreadable_not_missing()
    {
        var app = WorldReadableApp();
        var root = Directory.CreateTempSubdirectory("bsgkit-unreadable-").FullName;
        try
        {
            File.SetUnixFileMode(root, (UnixFileMode)0b111_101_101);
            var rport = Path.Combine(root, "sys", "class", "fc_remote_ports", "rport-1:0-0");
            Directory.CreateDirectory(rport);
            foreach (var (name, value) in new[] { ("port_name", "0x500507680b214ac1"), ("node_name", "0x500507680b000ac1"), ("port_id", "0x010a00"), ("port_state", "Online") })
                File.WriteAllText(Path.Combine(rport, name), value + "\n");
            foreach (var d in Directory.GetDirectories(root, "*", SearchOption.AllDirectories)) File.SetUnixFileMode(d, (UnixFileMode)0b111_101_101);
            File.SetUnixFileMode(rport, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute); // root only
            var (code, o, e) = await AsNobody(app, "--sysfs-root", Path.Combine(root, "sys"), "--dev-root", Path.Combine(root, "dev"), "list", "-o", "json");
            Assert.True(code == 0, $"exit {code}\n{o}\n{e}");
            var problems = JsonDocument.Parse(o).RootElement.GetProperty("problems").EnumerateArray().Select(p => p.GetString()!).ToList();
            Assert.Single(problems, p => p.Contains("rport-1:0-0") && p.Contains("permission denied"));
            Assert.DoesNotContain(problems, p => p.Contains("missing"));
        }
        finally
        {
            Directory.Delete(app, recursive: true);
            Directory.Delete(root, recursive: true);
        }
    }
}
