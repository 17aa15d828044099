using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace BsgKit.SimRun.Tests;

/// <summary>
/// `sim run` under a hostile user: signals to bsgkit reach the child and bsgkit exits with the child's status
/// leaving no tree; a killed bsgkit takes its child with it; a slow request stalls nobody else; the edges of
/// bsg's ioctl surface answer as the real kernel does.
/// </summary>
public sealed class SimRunLifecycleTests
{
    private static readonly string BsgkitDll = Path.Combine(AppContext.BaseDirectory, "bsgkit.dll");
    private static readonly string ProbeDll = Path.Combine(AppContext.BaseDirectory, "bsgkit-probe.dll");

    private sealed class Running(Process process, Task<string> stdout, Task<string> stderr) : IDisposable
    {
        public Process Process => process;

        public async Task<(int Code, string Out, string Err)> WaitAsync()
        {
            // A hang guard, not a timing assertion (an orphan holding the pipes would otherwise keep the test forever).
            var guard = TimeSpan.FromMinutes(3);
            await process.WaitForExitAsync().WaitAsync(guard);
            return (process.ExitCode, await stdout.WaitAsync(guard), await stderr.WaitAsync(guard));
        }

        public void Dispose()
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
            process.Dispose();
        }
    }

    private static Running Start(params string[] args)
    {
        // Through env(1) with the forwarded signals back at their default: a runner started under nohup (SIGHUP ignored) or
        // as a background job (SIGINT/SIGQUIT ignored) would pass the ignored disposition down to the target shell, which
        // then cannot trap it (POSIX), and the test would wait for a signal the target never sees.
        var start = new ProcessStartInfo("env") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { "--default-signal=HUP,INT,TERM,QUIT", "dotnet", BsgkitDll }) start.ArgumentList.Add(a);
        foreach (var a in args) start.ArgumentList.Add(a);
        var p = Process.Start(start)!;
        return new Running(p, p.StandardOutput.ReadToEndAsync(), p.StandardError.ReadToEndAsync());
    }

    private static async Task<int> ReadPidAsync(string pidFile, Running run)
    {
        while (true)
        {
            if (File.Exists(pidFile) && int.TryParse(File.ReadAllText(pidFile).Trim(), out var pid)) return pid;
            if (run.Process.HasExited) throw new InvalidOperationException($"sim run ended early: {(await run.WaitAsync()).Err}");
            await Task.Delay(50);
        }
    }

    /// <summary>The simulated tree sim run serves from: /dev/shm/bsgkit-sim-…, holding stage-PID-… of the server.</summary>
    private static string? TreeOf(int serverPid)
    {
        foreach (var root in Directory.EnumerateDirectories("/dev/shm", "bsgkit-sim-*"))
            if (Directory.EnumerateDirectories(root, $"stage-{serverPid}-*").Any()) return root;
        return null;
    }

    private static bool Alive(int pid)
    {
        try { return !File.ReadAllText($"/proc/{pid}/stat").Split(") ")[1].StartsWith('Z'); }
        catch (IOException) { return false; } // gone (and reaped)
    }

    private static void Signal(int pid, string signal) => Process.Start("kill", $"-{signal} {pid}")!.WaitForExit();

    [Theory]
    [InlineData("TERM")]
    [InlineData("INT")]
    [InlineData("HUP")]
    public async Task A_signal_to_bsgkit_goes_to_the_child_and_bsgkit_exits_with_its_status_leaving_nothing(string signal)
    {
        var pidFile = Path.Combine(Path.GetTempPath(), $"bsgkit-sig-{Guid.NewGuid():N}");
        using var run = Start("sim", "run", "--scenario", "libfc", "--", "sh", "-c",
            $"exec >/dev/null 2>&1; trap 'exit 42' TERM INT HUP; echo $$ > {pidFile}; while :; do sleep 0.1; done");
        var child = 0;
        try
        {
            child = await ReadPidAsync(pidFile, run);
            var tree = TreeOf(run.Process.Id);
            Assert.NotNull(tree);
            Signal(run.Process.Id, signal);
            var (code, _, err) = await run.WaitAsync();
            Assert.True(code == 42, $"exit {code} (the child's trap exits 42)\n{err}");
            Assert.False(Alive(child), "the child outlived sim run");
            Assert.False(Directory.Exists(tree), $"{tree} was left behind");
        }
        finally
        {
            if (child > 0 && Alive(child)) Signal(child, "KILL");
            File.Delete(pidFile);
        }
    }

    [Fact]
    public async Task A_killed_bsgkit_takes_its_child_with_it()
    {
        var pidFile = Path.Combine(Path.GetTempPath(), $"bsgkit-kill-{Guid.NewGuid():N}");
        using var run = Start("sim", "run", "--scenario", "libfc", "--", "sh", "-c", $"exec >/dev/null 2>&1; echo $$ > {pidFile}; while :; do sleep 0.1; done");
        var child = 0;
        string? tree = null;
        try
        {
            child = await ReadPidAsync(pidFile, run);
            tree = TreeOf(run.Process.Id);
            Signal(run.Process.Id, "KILL");
            await run.Process.WaitForExitAsync();
            // The parent-death signal is delivered as the server dies; wait (on state) for the kernel to finish the child
            // off. A child that survives its server never dies: the hang guard fails the test, it decides nothing else.
            using var guard = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            try { while (Alive(child)) await Task.Delay(50, guard.Token); }
            catch (OperationCanceledException) { Assert.Fail("the child kept running without its server (every SG_IO would be ENOSYS)"); }
        }
        finally
        {
            if (child > 0 && Alive(child)) Signal(child, "KILL");
            if (tree is not null && Directory.Exists(tree)) Directory.Delete(tree, recursive: true); // SIGKILL allows no cleanup
            File.Delete(pidFile);
        }
    }

    [Fact]
    public async Task A_request_waiting_for_its_timeout_does_not_stall_an_unrelated_caller()
    {
        // realDelays and a timeout fault on 0x010500: the RLS waits its whole 60 s timeout in real time.
        var show = Start("sim", "show", "libfc");
        var scenario = JsonNode.Parse((await show.WaitAsync()).Out)!.AsObject();
        scenario["realDelays"] = true;
        scenario["faults"] = new JsonArray(new JsonObject { ["kind"] = "timeout", ["target"] = "0x50060e8007e0a100", ["mode"] = "ioerr" });
        var scenarioFile = Path.Combine(Path.GetTempPath(), $"bsgkit-slow-{Guid.NewGuid():N}.json");
        File.WriteAllText(scenarioFile, scenario.ToJsonString());
        try
        {
            // Wait (on state, not time) until the slow caller sits in its SG_IO, then ask the name server, then look
            // whether the slow one is still inside SG_IO: served one at a time, it would have been answered first.
            var script = string.Join('\n',
                $"dotnet {BsgkitDll} els rls --timeout 60 0x010500 >/dev/null 2>&1 & slow=$!",
                $"until grep -qs '{SimRunTests.InSgIoPattern}' /proc/$slow/task/*/syscall; do sleep 0.05; done",
                $"dotnet {BsgkitDll} ns gpn-id 0x010500 -o json",
                $"if grep -qs '{SimRunTests.InSgIoPattern}' /proc/$slow/task/*/syscall; then echo SLOW-STILL-WAITING >&2; fi",
                "kill -KILL $slow; wait $slow; exit 0");
            using var run = Start("-v", "sim", "run", "--scenario", scenarioFile, "--", "sh", "-c", script);
            var (code, stdout, stderr) = await run.WaitAsync();
            Assert.True(code == 0, $"exit {code}\n{stdout}\n{stderr}");
            var result = JsonDocument.Parse(stdout).RootElement.GetProperty("results")[0];
            Assert.True(result.GetProperty("ok").GetBoolean(), stdout);
            Assert.Contains("SLOW-STILL-WAITING", stderr);
        }
        finally { File.Delete(scenarioFile); }
    }

    [Fact]
    public async Task Sg_get_version_num_answers_30527_and_an_o_path_descriptor_gets_ebadf()
    {
        using var version = Start("sim", "run", "--scenario", "libfc", "--", "dotnet", ProbeDll, "version", "/dev/bsg/fc_host1");
        var v = await version.WaitAsync();
        Assert.True(v.Code == 0, v.Out + v.Err);
        Assert.Equal("value 30527", v.Out.Trim()); // block/bsg.c: SG_GET_VERSION_NUM is 30527, not ENOTTY

        using var opath = Start("-v", "sim", "run", "--scenario", "libfc", "--", "dotnet", ProbeDll, "opath", "/dev/bsg/fc_host1");
        var o = await opath.WaitAsync();
        Assert.True(o.Code == 0, o.Out + o.Err);
        Assert.Equal("errno 9", o.Out.Trim()); // an O_PATH fd has no ioctl: EBADF, from the real kernel
        Assert.Contains("1 passed to the real kernel", o.Err);
    }
}
