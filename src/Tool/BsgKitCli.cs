using System.CommandLine;
using BsgKit.Tool.Commands;
using BsgKit.Tool.Infrastructure;

namespace BsgKit.Tool;

/// <summary>The bsgkit command line: builds the command tree and runs it.</summary>
public static class BsgKitCli
{
    public const string Description =
        "bsgkit: Fibre Channel HBA queries through Linux BSG passthrough (name server, configuration server, FDMI, zoning, ELS, discovery), and iSCSI offload HBA vendor commands.\n" +
        "Results go to stdout (-o table|json), diagnostics to stderr. Runs on the built-in simulated SAN with --simulate [SCENARIO].";

    /// <summary>Runs bsgkit with <paramref name="args"/>; returns the exit code (see <see cref="ExitCodes"/>).</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        // The launcher of `sim run` execs the user's program; it must not build the command tree first.
        if (args.Length > 0 && args[0] == Commands.SimExecCommand.Name) return Commands.SimExecCommand.Run(args[1..], stderr);
        var g = new GlobalOptions();
        var cli = new CliHost(g, stdout, stderr);
        var root = new RootCommand(Description + "\n\n" + ExitCodes.HelpText);
        foreach (var o in g.All) root.Options.Add(o);
        root.Subcommands.Add(ListCommand.Build(cli));
        root.Subcommands.Add(ListCommand.BuildInfo(cli));
        root.Subcommands.Add(NsCommand.Build(cli));
        root.Subcommands.Add(FdmiCommand.Build(cli));
        root.Subcommands.Add(FcsCommand.Build(cli));
        root.Subcommands.Add(ZoneCommand.Build(cli));
        root.Subcommands.Add(ElsCommand.Build(cli));
        root.Subcommands.Add(DiscoverCommand.Build(cli));
        root.Subcommands.Add(RawCommand.Build(cli));
        root.Subcommands.Add(VendorCommand.Build(cli));
        root.Subcommands.Add(IscsiCommand.Build(cli));
        root.Subcommands.Add(SimCommand.Build(cli));

        // @FILE is ours (--dout @FILE), not a response file.
        var parse = root.Parse(JoinSimulateValue(args, root), new ParserConfiguration { ResponseFileTokenReplacer = null });
        if (parse.Errors.Count > 0)
        {
            stderr.WriteLine($"bsgkit: {parse.Errors[0].Message} (see bsgkit --help)");
            return ExitCodes.Usage;
        }
        var config = new InvocationConfiguration { Output = stdout, Error = stderr };
        // `sim run` forwards SIGINT/SIGTERM to its child and exits with the child's status: no forced exit after a grace
        // period here, or the child would lose its server (SyscallServer.RunAsync handles the signals).
        if (SimCommand.ForwardsSignals(parse.CommandResult.Command)) config.ProcessTerminationTimeout = null;
        var code = await parse.InvokeAsync(config).ConfigureAwait(false);
        await stdout.FlushAsync().ConfigureAwait(false);
        return code;
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
            if (!root.Subcommands.Any(c => c.Name == value) || Array.IndexOf(args, value, i + 2, end - i - 2) < 0) return args;
            return [.. args[..i], "--simulate=" + value, .. args[(i + 2)..]];
        }
        return args;
    }
}

/// <summary>What every command body receives.</summary>
internal delegate Task<int> CommandBody(CliContext ctx, ParseResult parse, CancellationToken cancellationToken);

/// <summary>Shared by the command builders: the global options and the one place errors become exit codes.</summary>
internal sealed class CliHost(GlobalOptions g, TextWriter stdout, TextWriter stderr)
{
    public GlobalOptions G => g;

    public void SetAction(Command command, CommandBody body) => command.SetAction(async (parse, ct) =>
    {
        CliContext? ctx = null;
        try
        {
            ctx = new CliContext(parse, g, stdout, stderr);
            return await body(ctx, parse, ct).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            stderr.WriteLine("bsgkit: " + ExitCodes.Describe(e, withHint: ctx?.Verbosity > 0));
            return ExitCodes.Classify(e);
        }
        finally
        {
            ctx?.Dispose();
        }
    });

    /// <summary>Reports a failed item of a multi-item command on stderr and returns its exit code.</summary>
    public static int Fail(CliContext ctx, string what, Exception e)
    {
        ctx.Err.WriteLine($"bsgkit: {what}: {ExitCodes.Describe(e, ctx.Verbosity > 0)}");
        return ExitCodes.Classify(e);
    }
}
