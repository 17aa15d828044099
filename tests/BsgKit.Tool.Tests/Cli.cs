using System.Text.Json;
using BsgKit.Tool;
using BsgKit.Tool.Infrastructure;

namespace BsgKit.Tool.Tests;

/// <summary>Runs the real entry point in-process and captures stdout, stderr and the exit code.</summary>
internal sealed record CliRun(int Code, string Out, string Err)
{
    public static async Task<CliRun> RunAsync(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = await BsgKitCli.RunAsync(args, stdout, stderr);
        return new CliRun(code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>With --stdin text and/or an interrupt the test raises.</summary>
    public static async Task<CliRun> RunAsync(string[] args, string? stdin, CliInterrupt? interrupt = null, TextWriter? stdoutSpy = null)
    {
        var stdout = stdoutSpy ?? new StringWriter();
        var stderr = new StringWriter();
        var code = await BsgKitCli.RunAsync(args, stdout, stderr, stdin is null ? null : new StringReader(stdin), interrupt);
        return new CliRun(code, stdout.ToString()!, stderr.ToString());
    }

    /// <summary>With environment variables of its own (nothing process-wide) and optional --stdin text.</summary>
    public static async Task<CliRun> RunAsync(string[] args, IReadOnlyDictionary<string, string> environment, TextReader? stdin = null)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = await BsgKitCli.RunAsync(args, new CliEnvironment(stdout, stderr, stdin, environment), null);
        return new CliRun(code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>On the lab scenario reading --stdin from <paramref name="stdin"/>.</summary>
    public static Task<CliRun> SimAsync(string[] args, TextReader stdin) => RunAsync(["--simulate", "lab", .. args], new Dictionary<string, string>(), stdin);

    public static Task<CliRun> SimAsync(params string[] args) => RunAsync(["--simulate", "lab", .. args]);

    public JsonElement Json => JsonDocument.Parse(Out).RootElement;

    public string[] ErrLines => Err.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    public override string ToString() => $"exit {Code}\n--- stdout\n{Out}\n--- stderr\n{Err}";
}
