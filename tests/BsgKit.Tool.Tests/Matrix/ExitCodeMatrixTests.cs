using System.Text.Json.Nodes;
using BsgKit.Simulator.Scenarios;
using BsgKit.Tool.Infrastructure;

namespace BsgKit.Tool.Tests.Matrix;

/// <summary>The lab without CAP_SYS_RAWIO for the caller, written once.</summary>
public sealed class NoCapLab : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"bsgkit-nocap-matrix-{Guid.NewGuid():N}.json");

    public NoCapLab()
    {
        var scenario = JsonNode.Parse(ScenarioLoader.ToJson(ScenarioLoader.Resolve("lab")))!.AsObject();
        scenario["callerLacksCapSysRawio"] = true;
        File.WriteAllText(Path, scenario.ToJsonString());
    }

    public void Dispose() => File.Delete(Path);
}

/// <summary>
/// One exit-code mapping, checked per command: every leaf with the caller lacking CAP_SYS_RAWIO (4 for anything that
/// sends a request, discover included), with -H naming no host (3), and every command taking a port with one that does
/// not exist (3, as an rport name and as an FC ID, on every driver).
/// </summary>
public class ExitCodeMatrixTests(NoCapLab lab) : IClassFixture<NoCapLab>
{
    private static readonly Personality Lab = new() { Name = "lab", Simulate = "lab", Scenario = ScenarioLoader.Resolve("lab") };

    public static TheoryData<string> Leaves() => [.. CommandMatrixTests.Leaves];

    private static MatrixCase CaseOf(string leaf) =>
        MatrixCases.All.FirstOrDefault(c => c.Path == leaf) ?? throw new Xunit.Sdk.XunitException($"`bsgkit {leaf}` is not in the matrix");

    [Theory]
    [MemberData(nameof(Leaves))]
    public async Task Without_cap_sys_rawio_every_command_that_sends_exits_4(string leaf)
    {
        var c = CaseOf(leaf);
        if (leaf == "sim run") return; // runs its own scenario (--scenario), not --simulate's
        var expected = c.NoCapCode ?? ExitCodes.Permission;
        string[] args = ["--simulate=" + lab.Path, .. leaf.Split(' '), .. c.Args(Lab)];
        var r = await CliRun.RunAsync(args);
        Assert.True(r.Code == expected, $"{string.Join(' ', args)}: exit {r.Code}, expected {expected}\n{r}");
        if (expected == ExitCodes.Permission || (c.IsCheck && expected == 3)) Assert.Contains("CAP_SYS_RAWIO", r.Err);
        var j = await CliRun.RunAsync([.. args, "-o", "json"]);
        Assert.Equal(expected, j.Code);
        if (expected == ExitCodes.Permission)
            Assert.Contains(CommandMatrixTests.Failures(j.Json), f => f.Code == ExitCodes.Permission);
    }

    [Theory]
    [MemberData(nameof(Leaves))]
    public async Task An_unknown_host_is_exit_3_for_every_command_that_takes_one(string leaf)
    {
        var c = CaseOf(leaf);
        if (c.NoSuchHostCode is not int expected) return; // takes no FC host (sim, iscsi vendor HOST)
        string[] args = ["--simulate=lab", "-H", "host9", .. leaf.Split(' '), .. c.Args(Lab)];
        var r = await CliRun.RunAsync(args);
        Assert.True(r.Code == expected, $"{string.Join(' ', args)}: exit {r.Code}, expected {expected}\n{r}");
        Assert.Contains("'host9'", Assert.Single(r.ErrLines));
        if (c.IsCheck) Assert.StartsWith("BSGKIT ", r.Out); // the check's UNKNOWN status line
        else Assert.Equal("", r.Out);
    }

    public static TheoryData<string, string, string> PortCommands()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var leaf in CommandMatrixTests.Leaves.Where(l => l.StartsWith("els ", StringComparison.Ordinal)))
            foreach (var p in new[] { "libfc", "lpfc", "qla2xxx", "zfcp", "ibmvfc" })
                foreach (var port in new[] { "rport-1:0-9", "0x010c00", "0x5005076800000000" })
                    data.Add(leaf, p, port);
        return data;
    }

    [Theory]
    [MemberData(nameof(PortCommands))]
    public async Task A_port_that_does_not_exist_is_exit_3_on_every_driver(string leaf, string personality, string port)
    {
        string[] args = ["--simulate=" + personality, .. leaf.Split(' '), port, .. leaf is "els lirr" or "els srl" ? [ExitCodes.ConfirmFlag] : Array.Empty<string>()];
        var r = await CliRun.RunAsync(args);
        Assert.True(r.Code == ExitCodes.NotFound, $"{string.Join(' ', args)}: exit {r.Code}\n{r}");
        Assert.Contains(port, Assert.Single(r.ErrLines));
    }
}
