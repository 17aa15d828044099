using System.CommandLine;
using System.Reflection;
using BsgKit.Simulator.Hosting;
using BsgKit.Simulator.Hosting.Syscall;
using BsgKit.Simulator.Scenarios;
using BsgKit.Tool.Infrastructure;
using BsgKit.Tool.Output;

namespace BsgKit.Tool.Commands;

/// <summary>bsgkit sim list|show|generate: the simulated SAN's scenarios.</summary>
internal static class SimCommand
{
    public static Command Build(CliHost cli)
    {
        var sim = new Command("sim", "Scenarios for the simulated SAN (--simulate NAME|FILE)");
        var list = new Command("list", "The built-in scenarios");
        cli.SetAction(list, (ctx, _, _) =>
        {
            var items = ScenarioLoader.BuiltIns.Select(b => new ScenarioDto(b.Name, b.Description)).ToList();
            JsonOutput.Emit(ctx, items, CliJsonContext.Default.ListScenarioDto, () =>
            {
                var t = new TableWriter("SCENARIO", "DESCRIPTION");
                foreach (var i in items) t.Row(i.Name, i.Description);
                t.Write(ctx.Out, !ctx.Quiet);
            });
            return Task.FromResult(ExitCodes.Ok);
        });
        var name = new Argument<string>("SCENARIO") { Description = "a built-in name or a scenario file" };
        var show = new Command("show", "Print a scenario as JSON (a starting point for your own)") { name };
        cli.SetAction(show, (ctx, parse, _) =>
        {
            ctx.Out.WriteLine(ScenarioLoader.ToJson(ScenarioLoader.Resolve(parse.GetValue(name))));
            return Task.FromResult(ExitCodes.Ok);
        });
        var nports = new Option<int>("--nports") { Description = "N_Ports in the fabric", DefaultValueFactory = _ => 100 };
        var switches = new Option<int>("--switches") { Description = "switches (0: chosen from the size)", DefaultValueFactory = _ => 0 };
        var seed = new Option<int>("--seed") { Description = "random seed", DefaultValueFactory = _ => 1 };
        var generate = new Command("generate", "Generate a scenario of any size as JSON") { nports, switches, seed };
        cli.SetAction(generate, (ctx, parse, _) =>
        {
            var n = parse.GetValue(nports);
            if (n < 0) throw CliException.Usage($"--nports {n}: must not be negative");
            var sw = parse.GetValue(switches);
            if (sw > ScenarioGenerator.MaxSwitches)
                throw CliException.Usage($"--switches {sw}: a fabric has at most {ScenarioGenerator.MaxSwitches} switches (one per domain ID; FC-SW domain IDs are 1..{ScenarioGenerator.MaxSwitches})");
            var scenario = ScenarioLoader.Validated(ScenarioGenerator.Generate(n, parse.GetValue(switches), parse.GetValue(seed)), "generated");
            ctx.Out.WriteLine(ScenarioLoader.ToJson(scenario));
            return Task.FromResult(ExitCodes.Ok);
        });
        sim.Subcommands.Add(list);
        sim.Subcommands.Add(show);
        sim.Subcommands.Add(generate);
        sim.Subcommands.Add(BuildRun(cli));
        return sim;
    }

    /// <summary>
    /// bsgkit sim run --scenario S [--driver NAME] -- COMMAND [ARGS…]: COMMAND runs unmodified, its SG_IO
    /// served by the simulator through real syscalls (seccomp user notification); exits with its status.
    /// </summary>
    private static Command BuildRun(CliHost cli)
    {
        var scenario = new Option<string>("--scenario") { Description = "built-in scenario name or scenario file", DefaultValueFactory = _ => ScenarioLoader.DefaultName };
        var command = new Argument<string[]>("COMMAND") { Description = "the program and its arguments (after --)", Arity = ArgumentArity.OneOrMore };
        var run = new Command("run", "Run a program against the simulated SAN through real SG_IO syscalls (needs root)") { scenario, command };
        cli.SetAction(run, async (ctx, parse, ct) =>
        {
            if (SyscallServer.CheckMachine() is { } why) throw new CliException(ExitCodes.Transport, why);
            var s = ScenarioLoader.Resolve(parse.GetValue(scenario));
            if (ctx.Driver is { } driver)
            {
                // --driver here picks the simulated personality of every FC host; profile names (libfc) mean their driver (fcoe).
                var procName = BsgKit.Simulator.Lld.FcLldFactory.KnownDrivers.Contains(driver.ToLowerInvariant()) ? driver.ToLowerInvariant()
                    : Fc.Profiles.FcDriverProfiles.ByName(driver).Name switch { "libfc" or "unknown" => "fcoe", var n => n };
                foreach (var h in s.Hosts) h.Driver = procName;
                s = ScenarioLoader.Validated(s, $"{s.Name} with --driver {driver}");
            }
            using var san = SimulatedSan.Create(s);
            var server = new SyscallServer(san);
            var rc = await server.RunAsync(LauncherCommand(), parse.GetValue(command)!, ctx.Err, ct);
            if (ctx.Verbosity > 0)
            {
                var st = server.Stats;
                ctx.Err.WriteLine($"bsgkit sim run: served {st.Served} SG_IO request(s), {st.Failed} failed with an errno, {st.PassedToKernel} passed to the real kernel, {st.CallerGone} caller(s) gone");
            }
            return rc;
        });
        return run;
    }

    /// <summary>How to start this program's hidden launcher: the apphost, or dotnet with bsgkit.dll.</summary>
    internal static IReadOnlyList<string> LauncherCommand()
    {
        var exe = Environment.ProcessPath ?? "dotnet";
        var toolDll = typeof(SimCommand).Assembly.Location;
        if (Path.GetFileName(exe) == "bsgkit") return [exe, SimExecCommand.Name];
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH")
                     ?? (Path.GetFileNameWithoutExtension(exe) == "dotnet" ? exe : "dotnet");
        return [dotnet, toolDll, SimExecCommand.Name];
    }
}

/// <summary>The hidden launcher side of sim run (never typed by people; see SimExecLauncher).</summary>
internal static class SimExecCommand
{
    public const string Name = "__sim-exec";

    /// <summary>args: SOCKET SYS-CLASS DEV-BSG STAGE -- COMMAND [ARGS…]</summary>
    public static int Run(string[] args, TextWriter stderr)
    {
        var separator = Array.IndexOf(args, "--");
        if (separator != 4)
        {
            stderr.WriteLine($"bsgkit: {Name} is internal to `bsgkit sim run`");
            return ExitCodes.Usage;
        }
        return SimExecLauncher.Run(args[0], args[1], args[2], args[3], args[(separator + 1)..], stderr);
    }
}
