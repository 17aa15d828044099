using System.Text.Json.Nodes;
using BsgKit.Bsg;
using BsgKit.Simulator.Hosting;
using BsgKit.Tool.Infrastructure;

namespace BsgKit.Tool.Tests;

/// <summary>A lab copy with injected faults, written once for the exit-code tests.</summary>
public sealed class FaultyLab : IDisposable
{
    public string Path { get; }

    public FaultyLab()
    {
        var show = CliRun.RunAsync("sim", "show", "lab").GetAwaiter().GetResult();
        var scenario = JsonNode.Parse(show.Out)!.AsObject();
        scenario["name"] = "faulty-lab";
        scenario["faults"] = new JsonArray(
            // CT faults apply to the server the request goes to (the name server); "after" lets the first ones through.
            new JsonObject { ["kind"] = "reject", ["command"] = "GNN_ID", ["target"] = "0xfffffc" },
            new JsonObject { ["kind"] = "reject", ["command"] = "GPN_ID", ["target"] = "0xfffffc", ["after"] = 1 },
            new JsonObject { ["kind"] = "reject", ["command"] = "GSPN_ID", ["target"] = "0xfffffc", ["after"] = 1 },
            // The second switch's GIEIL fails: discover's bulk plan (which never asks GSPN_ID) is partial too.
            new JsonObject { ["kind"] = "reject", ["command"] = "GIEIL", ["target"] = "0xfffffa", ["after"] = 1 },
            new JsonObject { ["kind"] = "timeout", ["command"] = "RLS", ["mode"] = "etimedout" },
            new JsonObject { ["kind"] = "timeout", ["command"] = "RNID", ["mode"] = "ioerr" });
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"bsgkit-faulty-lab-{Guid.NewGuid():N}.json");
        File.WriteAllText(Path, scenario.ToJsonString());
    }

    public void Dispose() => File.Delete(Path);
}

/// <summary>One test per exit-code class, and bad input: exit 2 or 3 with one line on stderr naming the input.</summary>
public class ExitCodeTests(FaultyLab lab) : IClassFixture<FaultyLab>
{
    private Task<CliRun> Faulty(params string[] args) => CliRun.RunAsync(["--simulate", lab.Path, .. args]);

    [Fact]
    public async Task Exit_0_ok()
    {
        var r = await Faulty("ns", "gpn-id", "0x010a00");
        Assert.True(r.Code == ExitCodes.Ok, r.ToString());
        Assert.Equal("", r.Err);
    }

    [Fact]
    public async Task Exit_1_rejected_by_the_fabric()
    {
        var r = await Faulty("ns", "gnn-id", "0x010a00");
        Assert.True(r.Code == ExitCodes.Rejected, r.ToString());
        Assert.Single(r.ErrLines);
        Assert.Contains("rejected", r.Err);
        var els = await CliRun.SimAsync("raw", "--msgcode", "els", "--dest", "0x010a00", "--dout", "ff000000");
        Assert.True(els.Code == ExitCodes.Rejected, els.ToString());
        Assert.Contains("LS_RJT", els.Out);
    }

    [Fact]
    public async Task Exit_2_usage()
    {
        var r = await CliRun.SimAsync("ns", "gpn-id", "--no-such-option");
        Assert.Equal(ExitCodes.Usage, r.Code);
        Assert.Single(r.ErrLines);
        var none = await CliRun.SimAsync("ns", "gpn-id");
        Assert.Equal(ExitCodes.Usage, none.Code);
    }

    [Fact]
    public async Task Exit_3_no_such_host_or_port()
    {
        var r = await CliRun.SimAsync("-H", "host9", "ns", "gpn-id", "0x010a00");
        Assert.Equal(ExitCodes.NotFound, r.Code);
        Assert.Equal("bsgkit: no FC host matches 'host9' (FC hosts: host1, host2)", Assert.Single(r.ErrLines));
        var port = await CliRun.SimAsync("els", "rls", "rport-1:0-9");
        Assert.Equal(ExitCodes.NotFound, port.Code);
        Assert.Contains("rport-1:0-9", Assert.Single(port.ErrLines));
        var wwpn = await CliRun.SimAsync("els", "rls", "0x5005076800000000");
        Assert.Equal(ExitCodes.NotFound, wwpn.Code);
        Assert.Contains("0x5005076800000000", Assert.Single(wwpn.ErrLines));
    }

    [Fact]
    public async Task Exit_4_permission()
    {
        Assert.Equal(ExitCodes.Permission, ExitCodes.Classify(new BsgPermissionException("/dev/bsg/fc_host1", "open", Errno.EACCES)));
        // End to end on the simulator: a caller without CAP_SYS_RAWIO gets EPERM from every SG_IO.
        var show = await CliRun.RunAsync("sim", "show", "lab");
        var scenario = JsonNode.Parse(show.Out)!.AsObject();
        scenario["callerLacksCapSysRawio"] = true;
        var file = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"bsgkit-nocap-{Guid.NewGuid():N}.json");
        File.WriteAllText(file, scenario.ToJsonString());
        try
        {
            var denied = await CliRun.RunAsync("--simulate", file, "ns", "gpn-id", "0x010a00");
            Assert.True(denied.Code == ExitCodes.Permission, denied.ToString());
            Assert.Contains("CAP_SYS_RAWIO", Assert.Single(denied.ErrLines));
        }
        finally { File.Delete(file); }
        if (!OperatingSystem.IsLinux()) Assert.Fail("the real transport's half needs Linux (sysfs, /dev/bsg)");
        else await PermissionDeniedOnTheRealTransport();
    }

    /// <summary>
    /// The real transport on a simulated tree whose node the caller may not open. Root would open a mode-000 node anyway
    /// (CAP_DAC_OVERRIDE), so under root — as in CI — the command runs in a child whose capability sets lack both DAC
    /// overrides; without root it runs in process. Either way the assertions run.
    /// </summary>
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    private static async Task PermissionDeniedOnTheRealTransport()
    {
        using var san = SimulatedSan.Create("lab");
        var node = System.IO.Path.Combine(san.DevRoot, "bsg", "fc_host1");
        File.SetUnixFileMode(node, UnixFileMode.None);
        string[] args = ["--sysfs-root", san.SysRoot, "--dev-root", san.DevRoot, "-H", "host1", "vendor", "6"];
        var r = Environment.IsPrivilegedProcess ? await WithoutDacOverride(args) : await CliRun.RunAsync(args);
        Assert.True(r.Code == ExitCodes.Permission, r.ToString());
        Assert.Contains("EACCES", Assert.Single(r.ErrLines));
    }

    /// <summary>Dropped from the bounding and inheritable sets, so root's exec of dotnet does not get them back.</summary>
    private const string DacOverrides = "-dac_override,-dac_read_search";

    /// <summary>Path of setpriv(1); util-linux is Essential on Debian, so CI has it.</summary>
    private const string Setpriv = "/usr/bin/setpriv";

    /// <summary>Runs bsgkit (this build's bsgkit.dll) as root without CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH.</summary>
    private static async Task<CliRun> WithoutDacOverride(string[] args)
    {
        Assert.True(File.Exists(Setpriv), $"{Setpriv} is missing: the root half of this test drops capabilities with util-linux's setpriv");
        var start = new System.Diagnostics.ProcessStartInfo(Setpriv)
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        foreach (var a in new[] { $"--inh-caps={DacOverrides}", $"--bounding-set={DacOverrides}", "--", "dotnet",
                     System.IO.Path.Combine(AppContext.BaseDirectory, "bsgkit.dll") }.Concat(args))
            start.ArgumentList.Add(a);
        start.Environment.Remove("BSGKIT_SIMULATE"); // the real transport, whatever another test set in this process
        using var p = System.Diagnostics.Process.Start(start)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        using var guard = new CancellationTokenSource(TimeSpan.FromMinutes(2)); // a hang guard only
        await p.WaitForExitAsync(guard.Token);
        return new CliRun(p.ExitCode, await stdout, await stderr);
    }

    [Fact]
    public async Task Exit_5_timeout()
    {
        var r = await Faulty("els", "rls", "0x010a00");
        Assert.True(r.Code == ExitCodes.Timeout, r.ToString());
        Assert.Single(r.ErrLines);
    }

    [Fact]
    public async Task Exit_6_transport_or_driver_error()
    {
        var r = await Faulty("els", "rnid", "0x010a00");
        Assert.True(r.Code == ExitCodes.Transport, r.ToString());
        Assert.Single(r.ErrLines);
    }

    [Fact]
    public async Task Exit_7_partial()
    {
        var r = await Faulty("ns", "gpn-id", "0x010a00", "0x010b00", "-o", "json");
        Assert.True(r.Code == ExitCodes.Partial, r.ToString());
        var results = r.Json.GetProperty("results");
        Assert.True(results[0].GetProperty("ok").GetBoolean());
        Assert.False(results[1].GetProperty("ok").GetBoolean());
        Assert.Equal(1, results[1].GetProperty("exitCode").GetInt32());
        var d = await Faulty("discover", "--plan", "per-attribute", "-o", "json");
        Assert.True(d.Code == ExitCodes.Partial, d.ToString());
        Assert.False(d.Json.GetProperty("complete").GetBoolean());
        Assert.Contains(d.Json.GetProperty("errors").EnumerateArray(), e => e.GetProperty("operation").GetString() == "GSPN_ID");
        Assert.Equal(3, d.Json.GetProperty("nPorts").GetArrayLength()); // host1 and its two zoned targets
        var bulk = await Faulty("discover", "-o", "json");
        Assert.True(bulk.Code == ExitCodes.Partial, bulk.ToString());
        Assert.False(bulk.Json.GetProperty("complete").GetBoolean());
        var error = Assert.Single(bulk.Json.GetProperty("errors").EnumerateArray());
        Assert.Equal("GIEIL", error.GetProperty("operation").GetString());
        Assert.Equal(3, bulk.Json.GetProperty("nPorts").GetArrayLength());
        Assert.Equal(2, bulk.Json.GetProperty("switches").GetArrayLength());
        Assert.Contains("bsgkit: GIEIL ", bulk.Err);
    }

    [Theory]
    [InlineData(2, "'0x12zz' is not a WWN", "ns", "gid-pn", "0x12zz")]
    [InlineData(2, "'0x12zz' is not an FC ID", "ns", "gpn-id", "0x12zz")]
    [InlineData(2, "'50:05:07' is not a WWN", "els", "rls", "50:05:07")]
    [InlineData(3, "'host9'", "-H", "host9", "list-hosts")]
    [InlineData(2, "'zz' is not hex", "raw", "--msgcode", "ct", "--dout", "zz")]
    [InlineData(2, "'@/no/such/file.bin'", "raw", "--msgcode", "ct", "--dout", "@/no/such/file.bin")]
    [InlineData(2, "'bogus'", "--driver", "bogus", "list")]
    [InlineData(2, "'NOPE'", "ns", "gid-ft", "NOPE")]
    [InlineData(2, "interface lo is given twice", "sim", "fcf", "-i", "lo", "-i", "lo")]
    [InlineData(2, "interface 'a/b': not an interface name", "sim", "fcf", "-i", "a/b")]
    [InlineData(3, "interface bsgkit-no-if1: no such network interface", "sim", "fcf", "-i", "bsgkit-no-if1")]
    public async Task Bad_input_gives_one_line_naming_it(int code, string expected, params string[] args)
    {
        if (args.Length > 0 && args[^1] == "list-hosts") args = [.. args[..^1], "info"];
        var r = await CliRun.SimAsync(args);
        Assert.True(r.Code == code, r.ToString());
        var line = Assert.Single(r.ErrLines);
        Assert.StartsWith("bsgkit: ", line);
        Assert.Contains(expected, line);
        Assert.Equal("", r.Out);
    }

    [Fact]
    public async Task Unknown_scenario_is_a_usage_error()
    {
        var r = await CliRun.RunAsync("--simulate", "no-such-scenario", "list");
        Assert.Equal(ExitCodes.Usage, r.Code);
        Assert.Contains("'no-such-scenario'", Assert.Single(r.ErrLines));
    }

    [Fact]
    public async Task Short_timeout_warns_about_the_kernel_floor()
    {
        var r = await CliRun.SimAsync("--timeout", "2", "ns", "gpn-id", "0x010a00");
        Assert.Equal(0, r.Code);
        Assert.Contains("7 s floor", r.Err);
    }
}
