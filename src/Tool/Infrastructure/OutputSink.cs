using BsgKit.Tool.Output;

namespace BsgKit.Tool.Infrastructure;

/// <summary>Where output goes and in what form: stdout (redirectable per --watch sample), stderr, table / JSON / dot, colour.</summary>
internal sealed class OutputSink
{
    public OutputSink(CliEnvironment env, OutputFormat format)
    {
        Out = env.Out;
        Err = env.Err;
        Format = format;
        Colour = ReferenceEquals(env.Out, Console.Out) && !Console.IsOutputRedirected && env.Variable(CliEnvironment.NoColorVariable) is null;
        ErrIsTerminal = ReferenceEquals(env.Err, Console.Error) && !Console.IsErrorRedirected;
    }

    public TextWriter Out { get; private set; }
    public TextWriter Err { get; }
    public OutputFormat Format { get; private set; }
    public bool Json => Format == OutputFormat.Json;
    public bool Colour { get; }
    public bool ErrIsTerminal { get; }

    /// <summary>stdout is a terminal (the console, not redirected); tests set <see cref="TerminalOverride"/>.</summary>
    public bool OutIsTerminal => TerminalOverride.Value ?? (ReferenceEquals(Out, Console.Out) && !Console.IsOutputRedirected);

    /// <summary>Lets a test treat its stdout as a terminal (per async flow, so parallel tests do not see it).</summary>
    internal static readonly AsyncLocal<bool?> TerminalOverride = new();

    /// <summary>--watch on a pipe: JSON documents whatever -o said.</summary>
    public void UseJson() => Format = OutputFormat.Json;

    /// <summary>--watch: stdout goes to <paramref name="sample"/> until the returned scope ends (a sample is drawn whole).</summary>
    public IDisposable RedirectOut(TextWriter sample)
    {
        var previous = Out;
        Out = sample;
        return new Scope(() => Out = previous);
    }

    public string Bold(string s) => Colour ? $"\e[1m{s}\e[0m" : s;
    public string Red(string s) => Colour ? $"\e[31m{s}\e[0m" : s;

    /// <summary>Rejects -o dot for commands that have no graph to draw.</summary>
    public void NoDot()
    {
        if (Format == OutputFormat.Dot) throw CliException.Usage("-o dot is only for `bsgkit discover`; use table or json");
    }
}

/// <summary>Runs its action once, when disposed.</summary>
internal sealed class Scope(Action end) : IDisposable
{
    private Action? _end = end;
    public void Dispose() => Interlocked.Exchange(ref _end, null)?.Invoke();
}
