using System.CommandLine;

namespace BsgKit.Tool.Infrastructure;

public enum OutputFormat { Table, Json, Dot }

/// <summary>The options every command takes (all recursive on the root command).</summary>
internal sealed class GlobalOptions
{
    public Option<string?> Host { get; } = new("--host", "-H")
    {
        Description = "FC host: fc_host1, host1, 1, its WWPN, or all (default: the first FC host)",
        Recursive = true,
    };
    public Option<string> Output { get; } = new("--output", "-o")
    {
        Description = "Output format: table (for people) or json (for programs); discover also takes dot (Graphviz)",
        DefaultValueFactory = _ => "table",
        Recursive = true,
    };
    public Option<double?> Timeout { get; } = new("--timeout")
    {
        Description = "Per-request timeout in seconds (the kernel never waits less than 7 s)",
        Recursive = true,
    };
    public Option<string?> Driver { get; } = new("--driver")
    {
        Description = "Use this driver profile instead of the detected one (libfc, lpfc, qla2xxx, zfcp, ibmvfc, bfa, fnic, unknown)",
        Recursive = true,
    };
    public Option<bool> Verbose { get; } = new("--verbose", "-v")
    {
        Description = "Print each exchange decoded on stderr",
        Recursive = true,
    };
    public Option<bool> Debug { get; } = new("--debug", "-vv")
    {
        Description = "Print each exchange decoded and as hex (request, dout, reply, din) on stderr",
        Recursive = true,
    };
    public Option<bool> Quiet { get; } = new("--quiet", "-q")
    {
        Description = "Only errors on stderr; tables without headers",
        Recursive = true,
    };
    public Option<string?> Simulate { get; } = new("--simulate")
    {
        Description = "Run on the in-process simulated SAN: a built-in scenario (lab, libfc, lpfc, qla2xxx, zfcp, ibmvfc, iscsi, monitoring, big: `bsgkit sim list`) or a scenario file; no value = lab. Also BSGKIT_SIMULATE",
        Arity = ArgumentArity.ZeroOrOne,
        Recursive = true,
    };
    public Option<string> SysfsRoot { get; }
    public Option<string> DevRoot { get; }

    /// <param name="env">Where BSGKIT_SYSFS_ROOT / BSGKIT_DEV_ROOT are read (default: the process's environment).</param>
    public GlobalOptions(CliEnvironment? env = null)
    {
        Output.AcceptOnlyFromAmong("table", "json", "dot");
        Func<string, string?> variable = env is null ? Environment.GetEnvironmentVariable : env.Variable;
        SysfsRoot = new("--sysfs-root")
        {
            Description = "Read sysfs from this directory instead of /sys",
            DefaultValueFactory = _ => variable(CliEnvironment.SysfsRootVariable) ?? "/sys",
            Recursive = true,
            Hidden = true,
        };
        DevRoot = new("--dev-root")
        {
            Description = "Look for device nodes under this directory instead of /dev",
            DefaultValueFactory = _ => variable(CliEnvironment.DevRootVariable) ?? "/dev",
            Recursive = true,
            Hidden = true,
        };
    }

    public IEnumerable<Option> All => [Host, Output, Timeout, Driver, Verbose, Debug, Quiet, Simulate, SysfsRoot, DevRoot];
}
