using System.CommandLine;
using BsgKit.Bsg;
using Microsoft.Extensions.Logging;

namespace BsgKit.Tool.Infrastructure;

/// <summary>
/// What a command body receives for one invocation: the parsed <see cref="Options"/>, the <see cref="Output"/> sink,
/// the <see cref="Session"/> (machine, transport, catalogs, clients), the <see cref="Hosts"/> resolver, the logger,
/// stdin and the interrupt. It only wires them together; the shorthands below forward to them.
/// </summary>
internal sealed class CliContext : IDisposable
{
    public CliContext(ParseResult parse, GlobalOptions g, CliEnvironment env, CliInterrupt? interrupt = null)
    {
        Options = new CliOptions(parse, g, env); // validates first, so a bad value leaves nothing behind
        Output = new OutputSink(env, Options.Format);
        In = env.In;
        Interrupt = interrupt ?? new CliInterrupt();
        var level = Options.Quiet ? LogLevel.Error : Options.Verbosity switch { 2 => LogLevel.Trace, 1 => LogLevel.Debug, _ => LogLevel.Warning };
        LoggerFactory = new StderrLoggerFactory(new StderrLoggerProvider(env.Err, level));
        Logger = LoggerFactory.CreateLogger("bsgkit");
        Session = new CliSession(Options, env.Err, LoggerFactory);
        if (Options.TimeoutMs is uint ms && TimeSpan.FromMilliseconds(ms) < BsgConstants.MinimumTimeout)
            Logger.LogWarning("--timeout {Timeout} s is below the kernel's {Floor} s floor; the kernel waits at least that long",
                ms / 1000.0, BsgConstants.MinimumTimeout.TotalSeconds);
    }

    public CliOptions Options { get; }
    public OutputSink Output { get; }
    public CliSession Session { get; }
    private HostResolver? _hosts;

    /// <summary>What -H, HOST and PORT arguments name (created on first use: it reads -H).</summary>
    public HostResolver Hosts => _hosts ??= new(Session.FcCatalog, Session.IscsiCatalog, Options.HostSpec, Options.ScenarioName, Options.CommandPath);
    public ILoggerFactory LoggerFactory { get; }
    public ILogger Logger { get; }

    /// <summary>Where --stdin reads from (the injected reader, else the console).</summary>
    public TextReader In { get; }

    /// <summary>SIGINT / SIGTERM: commands print what they have done and let the OperationCanceledException through.</summary>
    public CliInterrupt Interrupt { get; }
    public bool IsInterrupted => Interrupt.IsRaised;

    // Shorthands for what nearly every command uses.
    public TextWriter Out => Output.Out;
    public TextWriter Err => Output.Err;
    public bool Json => Output.Json;
    public bool Quiet => Options.Quiet;
    public int Verbosity => Options.Verbosity;
    public void NoDot() => Output.NoDot();

    public void Dispose()
    {
        Session.Dispose();
        LoggerFactory.Dispose();
    }
}
