using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using BsgKit.Bsg;
using BsgKit.Tool.Output;

namespace BsgKit.Tool.Infrastructure;

/// <summary>
/// --watch [--interval S] [--count N] for a command: the command runs once per sample. On a terminal the screen is
/// cleared and the sample drawn whole (only the header line is rewritten when nothing else changed); with -o json, or
/// when stdout is not a terminal, each sample is one JSON document on one line (JSON Lines). Ctrl-C stops it (130/143).
/// </summary>
internal sealed class WatchOptions
{
    /// <summary>The shortest interval: a watch must not load the fabric (and a terminal cannot show faster redraws).</summary>
    public const double MinimumIntervalSeconds = 0.1;
    public const double DefaultIntervalSeconds = 2;
    /// <summary>On the simulator a sample waits at most this long (tests and demos need no real waiting).</summary>
    public const double SimulatedMaximumWaitSeconds = 0.01;

    private const string ClearScreen = "\e[H\e[2J", Home = "\e[H", ClearToEndOfLine = "\e[K";

    public Option<bool> Watch { get; } = new("--watch")
    {
        Description = "Repeat every --interval seconds until Ctrl-C: redraw on a terminal; one JSON document per sample (JSON Lines) with -o json or into a pipe",
    };
    public Option<double?> Interval { get; } = new("--interval")
    {
        Description = $"--watch: seconds between samples (default {DefaultIntervalSeconds:0}, at least {MinimumIntervalSeconds})",
    };
    public Option<int?> Count { get; } = new("--count")
    {
        Description = "--watch: stop after this many samples (exit code: the last sample's)",
    };

    public static WatchOptions AddTo(Command command)
    {
        var w = new WatchOptions();
        command.Options.Add(w.Watch);
        command.Options.Add(w.Interval);
        command.Options.Add(w.Count);
        return w;
    }

    /// <summary>The body as it is without --watch, and repeated per sample with it.</summary>
    public CommandBody Wrap(CommandBody body) => async (ctx, parse, ct) =>
    {
        var interval = parse.GetValue(Interval);
        var count = parse.GetValue(Count);
        if (!parse.GetValue(Watch))
        {
            if (interval is not null || count is not null)
                throw CliException.Usage($"{(interval is not null ? "--interval" : "--count")} is for --watch (add --watch to repeat the command)");
            return await body(ctx, parse, ct).ConfigureAwait(false);
        }
        var seconds = interval ?? DefaultIntervalSeconds;
        if (!double.IsFinite(seconds) || seconds < MinimumIntervalSeconds)
            throw CliException.Usage($"--interval {Fmt.Num(seconds)}: must be at least {Fmt.Num(MinimumIntervalSeconds)} seconds");
        if (count is < 1) throw CliException.Usage($"--count {count}: must be at least 1");
        // stdin is read once; a watch would ask with no arguments from the second sample on.
        if (parse.CommandResult.Command.Options.FirstOrDefault(o => o.Name == "--stdin") is Option<bool> stdin && parse.GetValue(stdin))
            throw CliException.Usage("--watch with --stdin: give the arguments on the command line (stdin is read only once)");
        ctx.NoDot();
        return await RunAsync(ctx, parse, body, seconds, count, ct).ConfigureAwait(false);
    };

    private static async Task<int> RunAsync(CliContext ctx, ParseResult parse, CommandBody body, double seconds, int? count, CancellationToken ct)
    {
        var terminal = ctx.Output.OutIsTerminal && !ctx.Json;
        if (!terminal) ctx.Output.UseJson();
        var wait = TimeSpan.FromSeconds(ctx.Options.IsSimulated ? Math.Min(seconds, SimulatedMaximumWaitSeconds) : seconds);
        var command = ctx.Options.CommandPath;
        string? lastDrawn = null;
        var code = ExitCodes.Ok;
        for (var sample = 1; count is null || sample <= count; sample++)
        {
            if (sample > 1) await Task.Delay(wait, ct).ConfigureAwait(false);
            var time = DateTimeOffset.UtcNow;
            var buffer = new StringWriter(CultureInfo.InvariantCulture);
            string? error = null;
            using (ctx.Session.Sample())
            using (ctx.Output.RedirectOut(buffer))
            {
                try
                {
                    code = await body(ctx, parse, ct).ConfigureAwait(false);
                }
                catch (Exception e) when (IsSampleFailure(e, ctx))
                {
                    // This sample failed (a timeout, a busy fabric, a rejected request): shown, and the watch goes on.
                    code = ExitCodes.Classify(e);
                    error = ExitCodes.Describe(e, ctx.Verbosity > 0);
                    ctx.Err.WriteLine($"bsgkit: sample {sample}: {error}");
                }
            }
            if (terminal)
                lastDrawn = Draw(ctx.Out, $"Every {Fmt.Num(seconds)} s: bsgkit {command}   sample {sample}   {time:yyyy-MM-dd HH:mm:ss}Z",
                    error is null ? buffer.ToString() : buffer + $"bsgkit: {error}\n", lastDrawn);
            else WriteLine(ctx.Out, command, sample, time, code, buffer.ToString(), error);
            await ctx.Out.FlushAsync(CancellationToken.None).ConfigureAwait(false);
        }
        return code;
    }

    /// <summary>What a sample may fail with and the watch still go on; bad input, no such port, no permission and a driver that cannot stop it.</summary>
    private static bool IsSampleFailure(Exception e, CliContext ctx) =>
        !(e is OperationCanceledException && ctx.IsInterrupted)
        && e is BsgException or CliException
        && e is not Fc.Clients.FcNotSupportedException // a driver that cannot: the same every time
        && ExitCodes.Classify(e) is not (ExitCodes.Usage or ExitCodes.NotFound or ExitCodes.Permission);

    /// <summary>Clears the screen and draws the sample; when only the time changed, rewrites the header line alone.</summary>
    private static string Draw(TextWriter w, string header, string body, string? lastBody)
    {
        if (body == lastBody)
        {
            w.Write(Home + header + ClearToEndOfLine);
            return body;
        }
        w.Write(ClearScreen);
        w.WriteLine(header);
        w.WriteLine();
        w.Write(body);
        return body;
    }

    /// <summary>One line: {"sample":N,"time":…,"command":…,"exitCode":…,"data":the command's document or its error record}.</summary>
    private static void WriteLine(TextWriter w, string command, int sample, DateTimeOffset time, int code, string document, string? error)
    {
        using var stream = new MemoryStream();
        using (var j = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = false, Encoder = JsonOutput.Context.Options.Encoder }))
        {
            j.WriteStartObject();
            j.WriteNumber("sample", sample);
            j.WriteString("time", time);
            j.WriteString("command", command);
            j.WriteNumber("exitCode", code);
            j.WritePropertyName("data");
            if (error is null && document.Trim().Length > 0)
                using (var doc = JsonDocument.Parse(document)) doc.RootElement.WriteTo(j);
            else
                JsonSerializer.Serialize(j, new ErrorRecordDto(command, error ?? "no output", code), JsonOutput.Context.ErrorRecordDto);
            j.WriteEndObject();
        }
        w.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }
}
