namespace BsgKit.Tool.Infrastructure;

/// <summary>
/// The process around one run: its standard streams and environment variables. The program hands in the console and
/// the real environment; tests hand in their own, so nothing a test sets is visible to another test running in parallel.
/// </summary>
internal sealed class CliEnvironment
{
    private readonly TextReader? _in;
    private readonly IReadOnlyDictionary<string, string>? _variables;

    /// <param name="stdout">Where results go.</param>
    /// <param name="stderr">Where diagnostics go.</param>
    /// <param name="stdin">Where --stdin reads from; null: the console (touched only when a command reads it).</param>
    /// <param name="variables">The environment variables; null: the process's own.</param>
    public CliEnvironment(TextWriter stdout, TextWriter stderr, TextReader? stdin = null, IReadOnlyDictionary<string, string>? variables = null)
    {
        Out = stdout;
        Err = stderr;
        _in = stdin;
        _variables = variables;
    }

    public TextWriter Out { get; }
    public TextWriter Err { get; }
    public TextReader In => _in ?? Console.In;

    /// <summary>An environment variable (BSGKIT_SIMULATE, BSGKIT_SYSFS_ROOT, NO_COLOR …), or null when it is not set.</summary>
    public string? Variable(string name) => _variables is null ? Environment.GetEnvironmentVariable(name) : _variables.GetValueOrDefault(name);

    /// <summary>The same environment variables with no streams (shell completion must print nothing but its candidates).</summary>
    public CliEnvironment Silenced() => new(TextWriter.Null, TextWriter.Null, TextReader.Null, _variables);

    /// <summary>The names of the variables bsgkit reads.</summary>
    public const string SimulateVariable = "BSGKIT_SIMULATE", SysfsRootVariable = "BSGKIT_SYSFS_ROOT", DevRootVariable = "BSGKIT_DEV_ROOT", NoColorVariable = "NO_COLOR";
}
