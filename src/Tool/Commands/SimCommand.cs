using System.CommandLine;
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
            var scenario = ScenarioLoader.Validated(ScenarioGenerator.Generate(n, parse.GetValue(switches), parse.GetValue(seed)), "generated");
            ctx.Out.WriteLine(ScenarioLoader.ToJson(scenario));
            return Task.FromResult(ExitCodes.Ok);
        });
        sim.Subcommands.Add(list);
        sim.Subcommands.Add(show);
        sim.Subcommands.Add(generate);
        return sim;
    }
}
