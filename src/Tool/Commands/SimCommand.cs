using System.CommandLine;
using System.Reflection;
using BsgKit.Simulator.Hosting;
using BsgKit.Simulator.Hosting.Fcoe;
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
            JsonOutput.Emit(ctx, items, static c => c.ListScenarioDto, () =>
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
        sim.Subcommands.Add(BuildFcf(cli));
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
            if (SyscallServer.CheckMachine() is { } why) throw new CliException(ExitCodes.Transport, $"bsgkit sim run {why}");
            using var signals = new SignalForwarder(); // from here on a signal ends in cleanup, not in a left-behind tree
            var s = ScenarioLoader.Resolve(parse.GetValue(scenario));
            if (ctx.Options.Driver is { } driver)
            {
                // --driver here picks the simulated personality of every FC host; profile names (libfc) mean their driver (fcoe).
                var procName = BsgKit.Simulator.Lld.FcLldFactory.KnownDrivers.Contains(driver.ToLowerInvariant()) ? driver.ToLowerInvariant()
                    : Fc.Profiles.FcDriverProfiles.ByName(driver).Name switch { "libfc" or "unknown" => "fcoe", var n => n };
                foreach (var h in s.Hosts) h.Driver = procName;
                s = ScenarioLoader.Validated(s, $"{s.Name} with --driver {driver}");
            }
            using var san = SimulatedSan.Create(s);
            var server = new SyscallServer(san, signals);
            // Not the interrupt token: SIGINT/SIGTERM/SIGHUP/SIGQUIT go to the child as they are (SignalForwarder) and sim run
            // exits with the child's status; cancelling would add a SIGTERM to the child's SIGINT.
            var rc = await server.RunAsync(LauncherCommand(), parse.GetValue(command)!, ctx.Err, CancellationToken.None);
            if (ctx.Verbosity > 0)
            {
                var st = server.Stats;
                ctx.Err.WriteLine($"bsgkit sim run: served {st.Served} SG_IO request(s), {st.Failed} failed with an errno, {st.PassedToKernel} passed to the real kernel, {st.CallerGone} caller(s) gone");
            }
            return rc;
        });
        return run;
    }

    /// <summary>
    /// bsgkit sim fcf --scenario S --interface IF [--interface IF2 …]: the scenario's fabric as a software FCoE switch on
    /// real Ethernet interfaces, for real hosts running fcoe (or any FC-BB-5 ENode). Runs until SIGINT/SIGTERM.
    /// </summary>
    private static Command BuildFcf(CliHost cli)
    {
        var scenario = new Option<string>("--scenario") { Description = "built-in scenario name or scenario file", DefaultValueFactory = _ => ScenarioLoader.DefaultName };
        var interfaces = new Option<string[]>("--interface", "-i")
        {
            Description = "Ethernet interface to serve as an FCF port (repeat for more); needs root or CAP_NET_RAW",
            Arity = ArgumentArity.OneOrMore,
            AllowMultipleArgumentsPerToken = false,
        };
        var fka = new Option<int>("--fka-period") { Description = "FKA_ADV_Period in ms: advertisement and ENode keep-alive period (≥ 500)", DefaultValueFactory = _ => FcfOptions.DefaultFkaPeriodMs };
        var priority = new Option<int>("--priority") { Description = "FCF priority advertised (0-255, lower is preferred)", DefaultValueFactory = _ => FcfOptions.DefaultPriority };
        var fcf = new Command("fcf", "Serve the scenario's fabric to real hosts as a software FCoE switch (FIP, FCoE) on Ethernet interfaces")
        {
            scenario, interfaces, fka, priority,
        };
        cli.SetAction(fcf, (ctx, parse, ct) =>
        {
            var names = parse.GetValue(interfaces) ?? [];
            if (names.Length == 0) throw CliException.Usage("--interface IF is required (the Ethernet interface facing the hosts)");
            var period = parse.GetValue(fka);
            if (period < 500) throw CliException.Usage($"--fka-period {period}: must be at least 500 ms (ENodes ignore shorter periods)");
            var pri = parse.GetValue(priority);
            if (pri is < 0 or > 255) throw CliException.Usage($"--priority {pri}: must be 0..255");
            var s = ScenarioLoader.Resolve(parse.GetValue(scenario));
            if (s.Vn2vn) throw CliException.Usage($"scenario {s.Name} is VN2VN: it has no fabric to serve (use a fabric scenario)");
            var err = ctx.Err;
            var sync = new object();
            void Line(string text) { lock (sync) err.WriteLine("bsgkit sim fcf: " + text); }
            var options = new FcfOptions
            {
                FkaPeriodMs = period,
                Priority = (byte)pri,
                FrameLog = ctx.Verbosity > 0 ? Line : null,
                EventLog = ctx.Quiet ? null : Line,
            };
            FcfHost host;
            try
            {
                host = FcfHost.Open(s, names, options);
            }
            catch (FcfException e)
            {
                throw new CliException(e.Failure switch
                {
                    FcfFailure.BadInterfaceList => ExitCodes.Usage,
                    FcfFailure.NoSuchInterface => ExitCodes.NotFound,
                    _ when e.Errno is Bsg.Errno.EPERM or Bsg.Errno.EACCES => ExitCodes.Permission,
                    _ => ExitCodes.Transport,
                }, e.Message);
            }
            using (host)
            {
                var f = host.Forwarder;
                Line($"scenario {s.Name}: fabric {f.FabricName}, switch {f.SwitchName} (domain {f.Domain}), FKA {period} ms, on " +
                     string.Join(", ", host.Ports.Select(p => p.ToString())) + "; SIGINT or SIGTERM stops");
                // SIGINT/SIGTERM end the loop cleanly (virtual links cleared, sockets closed, statistics printed).
                using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
                void OnSignal(System.Runtime.InteropServices.PosixSignalContext c) { c.Cancel = true; stop.Cancel(); }
                using var sigint = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGINT, OnSignal);
                using var sigterm = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM, OnSignal);
                try
                {
                    host.Run(stop.Token);
                }
                catch (FcfException e)
                {
                    throw new CliException(ExitCodes.Transport, e.Message);
                }
                ctx.Out.WriteLine($"bsgkit sim fcf: stopped: {f.Statistics}");
            }
            return Task.FromResult(ExitCodes.Ok);
        });
        return fcf;
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

    /// <summary>args: SOCKET SYS-CLASS DEV-BSG STAGE SERVER-PID -- COMMAND [ARGS…]</summary>
    public static int Run(string[] args, TextWriter stderr)
    {
        var separator = Array.IndexOf(args, "--");
        if (separator != 5 || !int.TryParse(args[4], out var serverPid))
        {
            stderr.WriteLine($"bsgkit: {Name} is internal to `bsgkit sim run`");
            return ExitCodes.Usage;
        }
        return SimExecLauncher.Run(args[0], args[1], args[2], args[3], serverPid, args[(separator + 1)..], stderr);
    }
}
