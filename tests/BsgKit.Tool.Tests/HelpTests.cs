using System.CommandLine;
using System.Diagnostics;
using BsgKit.Tool.Help;
using BsgKit.Tool.Infrastructure;

namespace BsgKit.Tool.Tests;

/// <summary>
/// Help that teaches: examples under every command's --help (one central table, checked against the tree so a new
/// command fails here until it has some), the generated man page, and completion from the catalog.
/// </summary>
public class HelpTests
{
    private static RootCommand Root() => BsgKitCli.BuildRoot(new CliHost(new GlobalOptions(), new CliEnvironment(TextWriter.Null, TextWriter.Null), new CliInterrupt()));

    private static readonly IReadOnlyList<CommandNode> Commands = CommandTree.Visible(Root());

    public static TheoryData<string> CommandPaths() => [.. Commands.Select(c => c.Path)];

    [Fact]
    public void Every_command_of_the_tree_has_one_or_two_examples()
    {
        var missing = Commands.Where(c => HelpExamples.For(c.Path).Count == 0).Select(c => $"`{c.FullName}`").ToList();
        Assert.True(missing.Count == 0,
            $"no --help examples for {string.Join(", ", missing)}: add one or two to HelpExamples.Table (src/Tool/Help/HelpExamples.cs) " +
            $"under the command path ({string.Join(", ", Commands.Where(c => HelpExamples.For(c.Path).Count == 0).Select(c => $"[\"{c.Path}\"]"))})");
        var tooMany = Commands.Where(c => HelpExamples.For(c.Path).Count > 2).Select(c => c.FullName).ToList();
        Assert.True(tooMany.Count == 0, $"more than two examples for {string.Join(", ", tooMany)}: keep the one or two that teach most");
        Assert.True(Commands.Count >= 60, $"only {Commands.Count} commands found");
    }

    [Fact]
    public void Every_example_key_is_a_command_of_the_tree()
    {
        var stale = HelpExamples.Table.Keys.Except(Commands.Select(c => c.Path)).ToList();
        Assert.True(stale.Count == 0, $"HelpExamples.Table has examples for commands that do not exist: {string.Join(", ", stale.Select(s => $"\"{s}\""))}");
    }

    /// <summary>The words of an example after "bsgkit" (what the shell adds around it — sudo, a pipe, a redirection, source &lt;(…) — cut off).</summary>
    internal static string[] Args(HelpExample e)
    {
        var line = e.CommandLine;
        var start = line.IndexOf("bsgkit ", StringComparison.Ordinal);
        Assert.True(start >= 0 && (start == 0 || line[..start] is "sudo " or "source <("), $"example '{e.CommandLine}' does not start with bsgkit, sudo bsgkit or source <(bsgkit");
        line = line[start..];
        foreach (var cut in new[] { " | ", " > ", ")" })
            if (line.IndexOf(cut, StringComparison.Ordinal) is var i and >= 0) line = line[..i];
        return line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1..];
    }

    public static TheoryData<string, string> Examples()
    {
        var data = new TheoryData<string, string>();
        foreach (var (path, examples) in HelpExamples.Table)
            foreach (var e in examples) data.Add(path, e.CommandLine);
        return data;
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Every_example_parses_as_its_own_command(string path, string commandLine)
    {
        var root = Root();
        var e = HelpExamples.For(path).Single(x => x.CommandLine == commandLine);
        var parse = root.Parse(BsgKitCli.JoinSimulateValue(Args(e), root));
        Assert.True(parse.Errors.Count == 0, $"'{commandLine}' (an example of `bsgkit {path}`) does not parse: {string.Join("; ", parse.Errors.Select(x => x.Message))}");
        // A group's examples run one of its subcommands; a leaf's run the leaf itself.
        var runs = CommandTree.PathOf(parse);
        Assert.True(runs == path || path.Length == 0 || runs.StartsWith(path + " ", StringComparison.Ordinal),
            $"'{commandLine}' runs `bsgkit {runs}`, but it is listed as an example of `bsgkit {path}`");
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public async Task Every_example_that_runs_on_the_simulated_san_exits_0(string path, string commandLine)
    {
        var e = HelpExamples.For(path).Single(x => x.CommandLine == commandLine);
        if (!e.Runs) return; // needs root, an interface or a pipe: parsed above, run by hand
        // A bound, not a speed check: an example that serves until interrupted must say Runs = false.
        using var interrupt = new CliInterrupt();
        using var guard = new Timer(_ => interrupt.Raise(2), null, TimeSpan.FromSeconds(60), Timeout.InfiniteTimeSpan);
        var r = await CliRun.RunAsync(Args(e), null, interrupt);
        Assert.False(interrupt.IsRaised, $"'{commandLine}' did not finish within 60 s; an example that runs until interrupted needs Runs = false");
        Assert.True(r.Code == ExitCodes.Ok, $"the example '{commandLine}' of `bsgkit {path}` exits {r.Code}:\n{r}");
        Assert.NotEqual("", r.Out);
    }

    [Theory]
    [MemberData(nameof(CommandPaths))]
    public async Task Help_of_every_command_ends_with_its_examples(string path)
    {
        var r = await CliRun.RunAsync([.. path.Split(' ', StringSplitOptions.RemoveEmptyEntries), "--help"]);
        Assert.Equal(ExitCodes.Ok, r.Code);
        var examples = r.Out.IndexOf("\nExamples:\n", StringComparison.Ordinal);
        Assert.True(examples > 0, $"bsgkit {path} --help has no Examples section:\n{r.Out}");
        Assert.True(examples > r.Out.IndexOf("Usage:", StringComparison.Ordinal), "the examples come after the usage");
        foreach (var e in HelpExamples.For(path))
        {
            Assert.Contains("  " + e.CommandLine + "\n", r.Out[examples..]);
            Assert.Contains(e.What, r.Out[examples..]);
        }
    }

    [Fact]
    public async Task The_man_page_lists_every_command_the_exit_codes_and_the_json_notes()
    {
        var r = await CliRun.RunAsync("man");
        Assert.Equal(ExitCodes.Ok, r.Code);
        var page = r.Out;
        Assert.StartsWith(".TH BSGKIT 1 ", page);
        foreach (var c in Commands.Skip(1))
            Assert.Contains($".SS \"{ManPage.Text(ManPage.Synopsis(c))}\"\n", page);
        var exit = page[page.IndexOf(".SH EXIT STATUS", StringComparison.Ordinal)..page.IndexOf(".SH JSON OUTPUT", StringComparison.Ordinal)];
        foreach (var (code, meaning) in ExitCodes.All) Assert.Contains($".TP\n.B {code}\n{ManPage.Text(meaning)}\n", exit);
        Assert.Contains("\"exitCode\": N", page);
        Assert.DoesNotContain("\n.SS \"bsgkit sim exec", page); // hidden commands stay out
        // Every line is text or one of the requests the generator writes; no text line starts with a control character.
        string[] requests = [".TH", ".SH", ".SS", ".TP", ".PP", ".RS", ".RE", ".nf", ".fi", ".B", ".I", ".BR"];
        Assert.All(page.Split('\n'), l => Assert.True(!l.StartsWith('\'') && (!l.StartsWith('.') || requests.Contains(l.Split(' ')[0])), $"roff line '{l}'"));
    }

    [Fact]
    public async Task The_man_page_renders_with_man()
    {
        Assert.True(File.Exists("/usr/bin/man"), "man is not installed: apt-get install man-db (.ci/run does)");
        var file = Path.Combine(Path.GetTempPath(), $"bsgkit-{Guid.NewGuid():N}.1");
        try
        {
            await File.WriteAllTextAsync(file, (await CliRun.RunAsync("man")).Out);
            var (code, output, errors) = Run("man", ["-l", file], new() { ["MANWIDTH"] = "100", ["MAN_KEEP_FORMATTING"] = "", ["MANPAGER"] = "cat", ["PAGER"] = "cat" });
            Assert.True(code == 0, $"man -l exit {code}: {errors}");
            Assert.True(errors.Trim().Length == 0, $"man -l warned: {errors}");
            foreach (var c in Commands.Skip(1)) Assert.Contains(c.FullName, output);
            Assert.Contains("EXIT STATUS", output);
            Assert.Contains("JSON OUTPUT", output);
        }
        finally { File.Delete(file); }
    }

    public static TheoryData<string, string, string> CompletionCases() => new()
    {
        { "bsgkit --simulate lab els rl", "rls", "a subcommand" },
        { "bsgkit --simulate l", "libfc", "a scenario name" },
        { "bsgkit sim show ", "zfcp", "a scenario name argument" },
        { "bsgkit --simulate lab -H ", "host2", "an FC host" },
        { "bsgkit --simulate lab -H 0x10", "0x10000090fa8c0a02", "an FC host by WWPN" },
        { "bsgkit --simulate lab els rls rport-1", "rport-1:0-2", "a remote port" },
        { "bsgkit --simulate lab -H host2 els rdp rport-", "rport-2:0-3", "a remote port of -H's host" },
        { "bsgkit --simulate=iscsi iscsi vendor ", "host3", "an iSCSI host with a bsg node" },
        { "bsgkit completion ", "fish", "a shell" },
    };

    [Theory]
    [MemberData(nameof(CompletionCases))]
    public async Task The_completer_offers_commands_scenarios_hosts_and_remote_ports(string line, string expected, string what)
    {
        var r = await CliRun.RunAsync($"[suggest:{line.Length}]", line);
        Assert.True(r.Code == 0, r.ToString());
        Assert.True(r.Out.Split('\n').Contains(expected), $"completing '{line}' does not offer {what} '{expected}':\n{r.Out}");
    }

    [Fact]
    public async Task Remote_ports_of_another_host_are_not_offered_when_h_names_one()
    {
        var line = "bsgkit --simulate lab -H host2 els rls rport-";
        var r = await CliRun.RunAsync($"[suggest:{line.Length}]", line);
        Assert.DoesNotContain("rport-1:0-2", r.Out);
    }

    [Fact]
    public async Task The_bash_script_completes_through_the_real_shell()
    {
        var dir = Path.Combine(Path.GetTempPath(), $"bsgkit-completion-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        try
        {
            // `bsgkit` on PATH runs the built tool, as an installed one would.
            var dll = Path.Combine(AppContext.BaseDirectory, "bsgkit.dll");
            var shim = Path.Combine(dir, "bsgkit");
            await File.WriteAllTextAsync(shim, $"#!/bin/sh\nexec dotnet '{dll}' \"$@\"\n");
            if (OperatingSystem.IsLinux()) File.SetUnixFileMode(shim, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            var script = Path.Combine(dir, "bsgkit.bash");
            await File.WriteAllTextAsync(script, (await CliRun.RunAsync("completion", "bash")).Out);
            var probe = $$"""
                source '{{script}}'
                COMP_WORDS=(bsgkit --simulate lab els rl); COMP_CWORD=4; _bsgkit_complete; echo "1:${COMPREPLY[*]}"
                COMP_WORDS=(bsgkit --simulate lab -H ''); COMP_CWORD=4; _bsgkit_complete; echo "2:${COMPREPLY[*]}"
                COMP_LINE='bsgkit --simulate lab els rls rport-1:0'; COMP_POINT=${#COMP_LINE}; COMP_WORDS=(bsgkit --simulate lab els rls rport-1 : 0); COMP_CWORD=7
                _bsgkit_complete; echo "3:${COMPREPLY[*]}"
                complete -p bsgkit
                """;
            var (code, output, errors) = Run("bash", ["-c", probe], new() { ["PATH"] = dir + ":" + Environment.GetEnvironmentVariable("PATH") });
            Assert.True(code == 0, $"bash exit {code}: {errors}\n{output}");
            var lines = output.Split('\n');
            Assert.Contains("1:rls", lines);
            Assert.Contains(lines, l => l.StartsWith("2:", StringComparison.Ordinal) && l.Contains("host1") && l.Contains("0x10000090fa8c0a01"));
            // bash already has "rport-1:" (':' breaks words), so the candidates are what follows it.
            Assert.Contains(lines, l => l.StartsWith("3:", StringComparison.Ordinal) && l.Contains("0-2") && !l.Contains("rport-1:0-2"));
            Assert.Contains("complete -o default -F _bsgkit_complete bsgkit", output);
        }
        finally { Directory.Delete(dir, recursive: true); }
    }

    [Theory]
    [InlineData("zsh", "compdef _bsgkit bsgkit")]
    [InlineData("fish", "complete -c bsgkit")]
    public async Task Each_shell_gets_its_own_script(string shell, string registers)
    {
        var r = await CliRun.RunAsync("completion", shell);
        Assert.Equal(ExitCodes.Ok, r.Code);
        Assert.Contains(registers, r.Out);
        Assert.Contains("[suggest:", r.Out);
    }

    [Fact]
    public async Task An_unknown_shell_is_a_usage_error()
    {
        var r = await CliRun.RunAsync("completion", "tcsh");
        Assert.Equal(ExitCodes.Usage, r.Code);
        Assert.Contains("tcsh", r.Err);
        Assert.Equal("", r.Out);
    }

    private static (int Code, string Out, string Err) Run(string file, string[] args, Dictionary<string, string> env)
    {
        var psi = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        foreach (var a in args) psi.ArgumentList.Add(a);
        foreach (var (k, v) in env) psi.Environment[k] = v;
        using var p = Process.Start(psi)!;
        p.StandardInput.Close();
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        p.WaitForExit();
        return (p.ExitCode, stdout.Result, stderr.Result);
    }
}

public class VersionTests
{
    [Fact]
    public async Task Version_prints_the_package_version_and_commit_without_building_the_command_tree()
    {
        var fast = await CliRun.RunAsync("--version");
        Assert.Equal(ExitCodes.Ok, fast.Code);
        Assert.Equal(ManPage.InformationalVersion + "\n", fast.Out.ReplaceLineEndings("\n"));
        Assert.Matches(@"^\d+\.\d+\.\d+", fast.Out);
        Assert.Equal("", fast.Err);
    }
}
