using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using BsgKit.Tool.Infrastructure;

namespace BsgKit.Tool.Tests.Matrix;

/// <summary>
/// The command × driver matrix: every leaf of bsgkit's command tree (enumerated, not listed) on every simulated FC
/// personality, on the two drivers BsgKit cannot drive, and on the iSCSI-only scenario, in table and -o json, through
/// the real entry point. Each cell asserts the exit code and the decoded value from the scenario, or the documented error.
/// </summary>
public class CommandMatrixTests
{
    /// <summary>The leaves of the command tree as "ns gpn-id", "els rls", "list" …</summary>
    public static IReadOnlyList<string> Leaves { get; } = EnumerateLeaves();

    private static IReadOnlyList<string> EnumerateLeaves()
    {
        var root = BsgKitCli.BuildRoot(new CliHost(new GlobalOptions(), new CliEnvironment(TextWriter.Null, TextWriter.Null), new CliInterrupt()));
        var leaves = new List<string>();
        void Walk(Command c, string path)
        {
            foreach (var s in c.Subcommands.Where(s => !s.Hidden))
            {
                var p = path.Length == 0 ? s.Name : $"{path} {s.Name}";
                if (s.Subcommands.Count == 0) leaves.Add(p);
                else Walk(s, p);
            }
        }
        Walk(root, "");
        return leaves;
    }

    public static TheoryData<string, string, string> Cells()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var leaf in Leaves)
            foreach (var p in Personality.All)
                foreach (var format in new[] { "table", "json" })
                    data.Add(leaf, p.Name, format);
        return data;
    }

    [Fact]
    public void Every_case_names_a_command_of_the_tree()
    {
        Assert.Empty(MatrixCases.All.Select(c => c.Path).Except(Leaves));
        Assert.Equal(MatrixCases.All.Count, MatrixCases.All.Select(c => c.Path).Distinct().Count());
        Assert.True(Leaves.Count >= 50, $"only {Leaves.Count} leaves found");
    }

    /// <summary>What a cell expects once the personality's limits are applied to the case's own expectation.</summary>
    internal static Expect ExpectationFor(MatrixCase c, Personality p)
    {
        // A check cannot be made: UNKNOWN (3) whatever the reason.
        var (noHost, cannotCode) = c.IsCheck ? (3, 3) : (ExitCodes.NotFound, ExitCodes.Transport);
        if (p.IsIscsiOnly && c.NeedsFcHost) return Expect.Fail(noHost, "scenario 'iscsi' has no FC hosts");
        if (p.Cannot is { } cannot && c.SendsFc && c.Path != "vendor") return Expect.Fail(cannotCode, cannot);
        return c.Expect(p);
    }

    [Theory]
    [MemberData(nameof(Cells))]
    public async Task Cell(string leaf, string personality, string format)
    {
        var c = MatrixCases.All.FirstOrDefault(x => x.Path == leaf);
        Assert.True(c is not null, $"`bsgkit {leaf}` is not in the command × driver matrix: add it to MatrixCases.All with its expected outcome on every driver");
        if (leaf == "sim run" && !SimRunAvailable()) Assert.Fail("sim run needs root and a kernel with seccomp user notification (CI runs as root)");
        var p = Personality.All.Single(x => x.Name == personality);
        var expect = ExpectationFor(c, p);
        string[] args = ["--simulate=" + p.Simulate, .. leaf.Split(' '), .. c.Args(p)];
        if (leaf == "exporter" && expect.Code == ExitCodes.Ok)
        {
            await ExporterCellAsync(format == "json" ? [.. args, "-o", "json"] : args, expect, p);
            return;
        }
        var r = await CliRun.RunAsync(format == "json" ? [.. args, "-o", "json"] : args);
        var where = $"bsgkit {string.Join(' ', args)}{(format == "json" ? " -o json" : "")} on {p.Name}\n{r}";

        Assert.True(r.Code == expect.Code, $"exit {r.Code}, expected {expect.Code}: {where}");
        Assert.All(r.ErrLines, l => Assert.StartsWith("bsgkit: ", l));
        if (expect.Code is ExitCodes.Ok)
        {
            if (leaf == "sim run") return;
            if (format == "json")
            {
                var doc = Parse(r.Out, where);
                try { expect.Json?.Invoke(doc); }
                catch (Exception e) { throw new Xunit.Sdk.XunitException($"{e.Message}\n{where}"); }
                Assert.DoesNotContain("\\u00", r.Out); // °C, µW as themselves
            }
            else
            {
                foreach (var text in expect.Text) Assert.True(r.Out.Contains(text, StringComparison.Ordinal), $"table lacks '{text}': {where}");
                if (!leaf.StartsWith("sim ", StringComparison.Ordinal)) Assert.False(r.Out.TrimStart().StartsWith('{'), $"a table, not JSON: {where}");
            }
            return;
        }
        // A failure: one line per problem naming it, and with -o json an error record on stdout, never a bare table header.
        Assert.True(r.Err.Contains(expect.Error!, StringComparison.Ordinal), $"stderr lacks '{expect.Error}': {where}");
        if (format == "json")
        {
            // An error record ({ok: false, error, exitCode}), or the command's own document whose failed items say the same.
            var doc = Parse(r.Out, where);
            Assert.True(Failures(doc).Any(f => f.Code == expect.Code && f.Error.Contains(expect.Error!, StringComparison.Ordinal)),
                $"no {{ok: false, exitCode: {expect.Code}, error: …{expect.Error}…}} in the JSON: {where}");
        }
        else if (c.IsCheck) Assert.True(r.Out.StartsWith($"BSGKIT {leaf[6..].ToUpperInvariant()} UNKNOWN - ", StringComparison.Ordinal) && r.Out.Contains(expect.Error!, StringComparison.Ordinal) && r.Out.Count(ch => ch == '\n') == 1,
            $"a check's failure is its one UNKNOWN status line: {where}");
        else Assert.True(r.Out.Length == 0, $"nothing on stdout after a failure: {where}");
    }

    /// <summary>The leaves that take --watch (enumerated from the tree, like the leaves).</summary>
    public static IReadOnlyList<string> WatchedLeaves { get; } = EnumerateWatched();

    private static IReadOnlyList<string> EnumerateWatched()
    {
        var root = BsgKitCli.BuildRoot(new CliHost(new GlobalOptions(), new CliEnvironment(TextWriter.Null, TextWriter.Null), new CliInterrupt()));
        return [.. Leaves.Where(l => l.Split(' ').Aggregate((Command)root, (c, n) => c.Subcommands.Single(s => s.Name == n)).Options.Any(o => o.Name == "--watch"))];
    }

    public static TheoryData<string, string> WatchCells()
    {
        var data = new TheoryData<string, string>();
        foreach (var leaf in WatchedLeaves)
            foreach (var p in Personality.All)
                data.Add(leaf, p.Name);
        return data;
    }

    [Fact]
    public void The_watched_commands_are_info_els_rls_els_rdp_and_every_ns_query()
    {
        Assert.Equal(["els rdp", "els rls", "info", .. Leaves.Where(l => l.StartsWith("ns ", StringComparison.Ordinal)).Order()], WatchedLeaves.Order());
    }

    /// <summary>
    /// --watch --count 2 on every watched leaf and personality: two JSON Lines samples whose data is what the cell expects,
    /// or, for a failure that would repeat the same way (no such host, a driver that cannot), the cell's error at once.
    /// </summary>
    [Theory]
    [MemberData(nameof(WatchCells))]
    public async Task Watch_cell(string leaf, string personality)
    {
        var c = MatrixCases.All.Single(x => x.Path == leaf);
        var p = Personality.All.Single(x => x.Name == personality);
        var expect = ExpectationFor(c, p);
        string[] args = ["--simulate=" + p.Simulate, .. leaf.Split(' '), .. c.Args(p), "--watch", "--count", "2", "-o", "json"];
        var r = await CliRun.RunAsync(args);
        var where = $"bsgkit {string.Join(' ', args)} on {p.Name}\n{r}";
        Assert.True(r.Code == expect.Code, $"exit {r.Code}, expected {expect.Code}: {where}");
        var lines = r.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        if (expect.Code != ExitCodes.Ok)
        {
            // Stopped at once (the error record), or samples whose documents carry the failed items (ns reports per argument).
            var documents = lines.Length == 2 && lines[0].StartsWith("{\"sample\":", StringComparison.Ordinal)
                ? lines.Select(l => Parse(l, where).GetProperty("data")).ToList() : [Parse(r.Out, where)];
            Assert.All(documents, d => Assert.Contains(Failures(d), f => f.Code == expect.Code && f.Error.Contains(expect.Error!, StringComparison.Ordinal)));
            return;
        }
        Assert.True(lines.Length == 2, $"two samples, two lines: {where}");
        for (var i = 0; i < lines.Length; i++)
        {
            var sample = Parse(lines[i], where);
            Assert.Equal(i + 1, sample.GetProperty("sample").GetInt32());
            Assert.Equal(leaf, sample.GetProperty("command").GetString());
            Assert.Equal(0, sample.GetProperty("exitCode").GetInt32());
            try { expect.Json?.Invoke(sample.GetProperty("data")); }
            catch (Exception e) { throw new Xunit.Sdk.XunitException($"sample {i + 1}: {e.Message}\n{where}"); }
        }
    }

    /// <summary>
    /// The exporter runs until a signal: scrape /metrics once it answers, check the text, then SIGTERM, a server's normal
    /// end: exit 0 with what it did on stdout (a line, or JSON), and the listening port is free again.
    /// </summary>
    private static async Task ExporterCellAsync(string[] args, Expect expect, Personality p)
    {
        var listen = args[Array.IndexOf(args, "--listen") + 1];
        var where = $"bsgkit {string.Join(' ', args)} on {p.Name}";
        using var interrupt = new CliInterrupt();
        var run = CliRun.RunAsync(args, null, interrupt);
        using var http = new HttpClient();
        string? body = null;
        for (var attempt = 0; attempt < 1200 && body is null && !run.IsCompleted; attempt++)
        {
            try { body = await http.GetStringAsync($"http://{listen}/metrics"); }
            catch (HttpRequestException) { await Task.Delay(25); }
        }
        interrupt.Raise(15);
        var r = await run;
        Assert.True(body is not null, $"the exporter never answered on {listen}: {where}\n{r}");
        Assert.True(r.Code == expect.Code, $"exit {r.Code}, expected {expect.Code}: {where}\n{r}");
        foreach (var text in expect.Text) Assert.True(body!.Contains(text, StringComparison.Ordinal), $"/metrics lacks '{text}': {where}\n{body}");
        Assert.All(r.ErrLines, l => Assert.StartsWith("bsgkit: ", l));
        if (args.Contains("json"))
        {
            Assert.Equal("SIGTERM", r.Json.GetProperty("signal").GetString());
            Assert.True(r.Json.GetProperty("scrapes").GetInt64() >= 1, where);
        }
        else Assert.StartsWith("bsgkit exporter: stopped by SIGTERM: 1 refresh(es), ", r.Out);
        await Assert.ThrowsAsync<HttpRequestException>(() => http.GetStringAsync($"http://{listen}/metrics"));
    }

    /// <summary>Every {ok: false, error, exitCode} object in a document, at any depth.</summary>
    internal static IEnumerable<(int Code, string Error)> Failures(JsonElement e)
    {
        if (e.ValueKind == JsonValueKind.Object)
        {
            if (e.TryGetProperty("ok", out var ok) && ok.ValueKind == JsonValueKind.False
                && e.TryGetProperty("exitCode", out var code) && e.TryGetProperty("error", out var error))
                yield return (code.GetInt32(), error.GetString()!);
            foreach (var p in e.EnumerateObject())
                foreach (var f in Failures(p.Value)) yield return f;
        }
        else if (e.ValueKind == JsonValueKind.Array)
            foreach (var item in e.EnumerateArray())
                foreach (var f in Failures(item)) yield return f;
    }

    private static JsonElement Parse(string text, string where)
    {
        try { return JsonDocument.Parse(text).RootElement; }
        catch (JsonException e) { throw new Xunit.Sdk.XunitException($"stdout is not one JSON document ({e.Message}): {where}"); }
    }

    internal static bool SimRunAvailable() => Simulator.Hosting.Syscall.SyscallServer.CheckMachine() is null;
}
