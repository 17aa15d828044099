using System.CommandLine;
using BsgKit.Tool.Commands;
using BsgKit.Tool.Help;
using BsgKit.Tool.Infrastructure;
using BsgKit.Tool.Output;

namespace BsgKit.Tool;

/// <summary>The bsgkit command line: builds the command tree and runs it.</summary>
public static class BsgKitCli
{
    public const string Description =
        "bsgkit: Fibre Channel HBA queries through Linux BSG passthrough (name server, configuration server, FDMI, zoning, ELS, discovery), and iSCSI offload HBA vendor commands.\n" +
        "Results go to stdout (-o table|json), diagnostics to stderr. Runs on the built-in simulated SAN with --simulate [SCENARIO].";

    /// <summary>Runs bsgkit with <paramref name="args"/>; returns the exit code (see <see cref="ExitCodes"/>).</summary>
    public static Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr) => RunAsync(args, stdout, stderr, null, null);

    /// <summary>
    /// Runs bsgkit reading --stdin from <paramref name="stdin"/> (default: the console) and stopping, with what was done so
    /// far plus one "interrupted" line, when <paramref name="interrupt"/> is raised (the program passes SIGINT and SIGTERM).
    /// </summary>
    internal static Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, TextReader? stdin, CliInterrupt? interrupt) =>
        RunAsync(args, new CliEnvironment(stdout, stderr, stdin), interrupt);

    /// <summary>Runs bsgkit in <paramref name="env"/>: its streams and its environment variables (tests hand in their own).</summary>
    internal static async Task<int> RunAsync(string[] args, CliEnvironment env, CliInterrupt? interrupt)
    {
        var (stdout, stderr) = (env.Out, env.Err);
        // The launcher of `sim run` execs the user's program; it must not build the command tree first.
        if (args.Length > 0 && args[0] == SimExecCommand.Name) return SimExecCommand.Run(args[1..], stderr);
        // Cold start: the version needs no command tree (System.CommandLine would build all of it to print this line).
        if (args is ["--version"])
        {
            stdout.WriteLine(Help.ManPage.InformationalVersion);
            await stdout.FlushAsync().ConfigureAwait(false);
            return ExitCodes.Ok;
        }
        var g = new GlobalOptions(env);
        var cli = new CliHost(g, env, interrupt ?? new CliInterrupt());
        var root = BuildRoot(cli, args);

        // @FILE is ours (--dout @FILE), not a response file.
        var parse = root.Parse(JoinSimulateValue(args, root), new ParserConfiguration { ResponseFileTokenReplacer = null });
        var stray = ParseErrors.StrayOption(parse);
        if (parse.Errors.Count > 0 || stray is not null)
        {
            var message = stray ?? ParseErrors.Describe(parse, root);
            stderr.WriteLine($"bsgkit: {message}");
            // A monitoring plugin's bad input is UNKNOWN (3) with a status line, not the usage error (2).
            if (CheckCommand.IsCheck(parse))
            {
                var unknown = CheckCommand.ParseFailure(parse, message, stdout, ParseErrors.WantsJson(parse, g));
                await stdout.FlushAsync().ConfigureAwait(false);
                return unknown;
            }
            if (ParseErrors.WantsJson(parse, g)) JsonOutput.Write(stdout, new ErrorRecordDto(ParseErrors.CommandPath(parse), message, ExitCodes.Usage), static c => c.ErrorRecordDto);
            await stdout.FlushAsync().ConfigureAwait(false);
            return ExitCodes.Usage;
        }
        // Signals are ours (CliInterrupt), so System.CommandLine must not install its own termination handling.
        var config = new InvocationConfiguration { Output = stdout, Error = stderr, ProcessTerminationTimeout = null };
        var code = await parse.InvokeAsync(config, cli.Interrupt.Token).ConfigureAwait(false);
        await stdout.FlushAsync().ConfigureAwait(false);
        return code;
    }

    /// <summary>The top-level commands in help order, by name, so one run builds only the commands its arguments name.</summary>
    private static readonly (string Name, Func<CliHost, Func<RootCommand>, Command> Build)[] TopLevel =
    [
        ("list", static (cli, _) => ListCommand.Build(cli)),
        ("info", static (cli, _) => ListCommand.BuildInfo(cli)),
        ("ns", static (cli, _) => NsCommand.Build(cli)),
        ("fdmi", static (cli, _) => FdmiCommand.Build(cli)),
        ("fcs", static (cli, _) => FcsCommand.Build(cli)),
        ("zone", static (cli, _) => ZoneCommand.Build(cli)),
        ("els", static (cli, _) => ElsCommand.Build(cli)),
        ("discover", static (cli, _) => DiscoverCommand.Build(cli)),
        ("diff", static (cli, _) => DiffCommand.Build(cli)),
        ("check", static (cli, _) => CheckCommand.Build(cli)),
        ("exporter", static (cli, _) => MonitoringCommands.BuildExporter(cli)),
        ("metrics", static (cli, _) => MonitoringCommands.BuildMetrics(cli)),
        ("raw", static (cli, _) => RawCommand.Build(cli)),
        ("vendor", static (cli, _) => VendorCommand.Build(cli)),
        ("iscsi", static (cli, _) => IscsiCommand.Build(cli)),
        ("sim", static (cli, _) => SimCommand.Build(cli)),
        ("man", static (cli, root) => HelpCommands.BuildMan(cli, root)),
        ("completion", static (cli, _) => HelpCommands.BuildCompletion(cli)),
    ];

    /// <summary>The whole command tree (the command × driver matrix test enumerates its leaves).</summary>
    internal static RootCommand BuildRoot(CliHost cli) => BuildRoot(cli, null);

    /// <summary>
    /// The command tree for one run with <paramref name="args"/> (null: the whole tree). Building all of it is most of a
    /// query's start-up, so only the top-level commands whose names appear among the arguments are built; the others
    /// are stand-ins that carry just their name, which is all the parser and its errors ("unknown command 'x' (commands:
    /// …)", the nearest name) can use of a command the arguments do not name. The root's help, directives (completion
    /// asks with `[suggest:N] "LINE"`), `man` and `completion` read every command, so they get the whole tree.
    /// </summary>
    internal static RootCommand BuildRoot(CliHost cli, string[]? args)
    {
        var root = new RootCommand(Description + "\n\n" + ExitCodes.HelpText);
        foreach (var o in cli.G.All) root.Options.Add(o);
        var whole = args is null || NeedsWholeTree(args);
        foreach (var (name, build) in TopLevel)
            root.Subcommands.Add(whole || Array.IndexOf(args!, name) >= 0 ? build(cli, () => root) : new Command(name));
        // After every command is in: examples under each --help, completions from the catalog (both by command path and name).
        HelpExamples.Attach(root);
        Completions.Attach(root, cli);
        return root;
    }

    private static bool NeedsWholeTree(string[] args)
    {
        var named = false;
        foreach (var a in args)
        {
            if (a.StartsWith('[') || a is "man" or "completion") return true;
            foreach (var c in TopLevel) named |= c.Name == a;
        }
        return !named;
    }

    /// <summary>
    /// --simulate takes an optional value, so a scenario named like a command (`iscsi`) would be parsed as that command:
    /// `--simulate iscsi iscsi list` becomes `--simulate=iscsi iscsi list` when the command name appears again later.
    /// `--simulate iscsi list` stays the lab's `iscsi list`; `--simulate=iscsi` always works.
    /// </summary>
    internal static string[] JoinSimulateValue(string[] args, RootCommand root)
    {
        var end = Array.IndexOf(args, "--");
        if (end < 0) end = args.Length;
        for (var i = 0; i + 1 < end; i++)
        {
            if (args[i] != "--simulate") continue;
            var value = args[i + 1];
            var command = root.Subcommands.FirstOrDefault(c => c.Name == value);
            if (command is null) return args;
            // `--simulate iscsi iscsi list` (the name again later) or `--simulate iscsi els rls …` (a command that is not one
            // of iscsi's subcommands follows): the value is the scenario.
            var again = Array.IndexOf(args, value, i + 2, end - i - 2) >= 0;
            var next = i + 2 < end ? args[i + 2] : null;
            var otherCommandFollows = next is not null && command.Subcommands.All(c => c.Name != next) && root.Subcommands.Any(c => c.Name == next);
            if (!again && !otherCommandFollows) return args;
            return [.. args[..i], "--simulate=" + value, .. args[(i + 2)..]];
        }
        return args;
    }
}

/// <summary>What every command body receives.</summary>
internal delegate Task<int> CommandBody(CliContext ctx, ParseResult parse, CancellationToken cancellationToken);

/// <summary>Shared by the command builders: the global options and the one place errors become exit codes.</summary>
internal sealed class CliHost(GlobalOptions g, CliEnvironment env, CliInterrupt interrupt)
{
    public GlobalOptions G => g;
    public CliInterrupt Interrupt => interrupt;
    public CliEnvironment Environment => env;
    public TextWriter Out => env.Out;
    public TextWriter Err => env.Err;

    /// <summary>The context of one invocation in this host's environment (validates the global options).</summary>
    public CliContext CreateContext(ParseResult parse) => new(parse, g, env, interrupt);

    public void SetAction(Command command, CommandBody body) => command.SetAction(async (parse, ct) =>
    {
        CliContext? ctx = null;
        try
        {
            ctx = CreateContext(parse);
            return await body(ctx, parse, ct).ConfigureAwait(false);
        }
        catch (Exception e) when (interrupt.IsRaised && e is OperationCanceledException)
        {
            // The command printed what it had done; this is the one line that says why it stopped.
            await env.Out.FlushAsync(CancellationToken.None).ConfigureAwait(false);
            env.Err.WriteLine($"bsgkit: interrupted ({interrupt.SignalName})");
            return interrupt.ExitCode;
        }
        catch (Exception e)
        {
            var message = ExitCodes.Describe(e, withHint: ctx?.Verbosity > 0);
            var code = ExitCodes.Classify(e);
            env.Err.WriteLine("bsgkit: " + message);
            if (ctx?.Json == true || (ctx is null && ParseErrors.WantsJson(parse, g)))
                JsonOutput.Write(env.Out, new ErrorRecordDto(parse.CommandResult.Command.Name == "" ? "bsgkit" : CommandPath(parse), message, code), static c => c.ErrorRecordDto);
            return code;
        }
        finally
        {
            ctx?.Dispose();
        }
    });

    private static string CommandPath(ParseResult parse) => ParseErrors.CommandPath(parse);

    /// <summary>Reports a failed item of a multi-item command on stderr and returns its exit code.</summary>
    public static int Fail(CliContext ctx, string what, Exception e)
    {
        ctx.Err.WriteLine($"bsgkit: {what}: {ExitCodes.Describe(e, ctx.Verbosity > 0)}");
        return ExitCodes.Classify(e);
    }
}
