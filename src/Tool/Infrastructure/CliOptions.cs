using System.CommandLine;
using BsgKit.Fc.Profiles;
using BsgKit.Tool.Output;

namespace BsgKit.Tool.Infrastructure;

/// <summary>The global options of one invocation, parsed and validated (a bad value is exit 2 before anything is created).</summary>
internal sealed class CliOptions
{
    /// <summary>The scenario --simulate without a value (and BSGKIT_SIMULATE=1|true|yes) means.</summary>
    public const string DefaultScenario = "lab";

    public CliOptions(ParseResult parse, GlobalOptions g, CliEnvironment env)
    {
        Format = parse.GetValue(g.Output) switch
        {
            "json" => OutputFormat.Json,
            "dot" => OutputFormat.Dot,
            _ => OutputFormat.Table,
        };
        Quiet = parse.GetValue(g.Quiet);
        Verbosity = parse.GetValue(g.Debug) ? 2 : parse.GetValue(g.Verbose) ? 1 : 0;
        if (parse.GetValue(g.Timeout) is double t)
        {
            if (!double.IsFinite(t) || t <= 0) throw CliException.Usage($"--timeout {Fmt.Num(t)}: must be a positive number of seconds");
            if (t > uint.MaxValue / 1000.0) throw CliException.Usage($"--timeout {Fmt.Num(t)}: at most {uint.MaxValue / 1000} seconds");
            TimeoutMs = (uint)Math.Max(1, Math.Round(t * 1000));
        }
        Driver = parse.GetValue(g.Driver);
        if (Driver is not null) _ = FcDriverProfiles.ByName(Driver); // ArgumentException → exit 2 naming the profile

        var sim = parse.GetResult(g.Simulate) is not null ? parse.GetValue(g.Simulate) ?? DefaultScenario : env.Variable(CliEnvironment.SimulateVariable);
        if (!string.IsNullOrWhiteSpace(sim)) ScenarioName = sim is "1" or "true" or "yes" ? DefaultScenario : sim;
        SysfsRoot = parse.GetValue(g.SysfsRoot)!;
        DevRoot = parse.GetValue(g.DevRoot)!;
        _hostSpec = new(() => parse.GetValue(g.Host)); // read when asked: completing `-H ` parses with -H still missing its value
        CommandPath = ParseErrors.CommandPath(parse);
    }

    /// <summary>-o as given; --watch on a pipe switches the sink to JSON (<see cref="OutputSink.UseJson"/>).</summary>
    public OutputFormat Format { get; }
    public bool Quiet { get; }
    /// <summary>0, 1 (-v: exchanges decoded), 2 (-vv: and as hex).</summary>
    public int Verbosity { get; }
    public uint? TimeoutMs { get; }
    /// <summary>--driver: a profile name that overrides the detected one.</summary>
    public string? Driver { get; }
    /// <summary>The simulated SAN's scenario (--simulate or BSGKIT_SIMULATE); null: the real machine.</summary>
    public string? ScenarioName { get; }
    public bool IsSimulated => ScenarioName is not null;
    public string SysfsRoot { get; }
    public string DevRoot { get; }
    private readonly Lazy<string?> _hostSpec;

    /// <summary>-H as given.</summary>
    public string? HostSpec => _hostSpec.Value;
    /// <summary>"els rls", "ns gpn-id", or "bsgkit" for the root.</summary>
    public string CommandPath { get; }
}
