using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Serialization;
using BsgKit.Tool.Help;
using BsgKit.Tool.Infrastructure;

namespace BsgKit.Tool.Commands;

/// <summary>bsgkit man and bsgkit completion: documentation generated from the command tree.</summary>
internal static class HelpCommands
{
    public static Command BuildMan(CliHost cli, Func<RootCommand> root)
    {
        var man = new Command("man", "Print the bsgkit(1) manual page (roff) generated from the command tree: `bsgkit man | man -l -`");
        cli.SetAction(man, (ctx, _, _) =>
        {
            ctx.NoDot();
            var page = ManPage.Render(root());
            if (ctx.Json) ctx.Out.WriteLine(JsonSerializer.Serialize(new ManPageDto("bsgkit.1", "roff", page), HelpJsonContext.Relaxed.ManPageDto));
            else ctx.Out.Write(page);
            return Task.FromResult(ExitCodes.Ok);
        });
        return man;
    }

    public static Command BuildCompletion(CliHost cli)
    {
        var shell = new Argument<string>("SHELL") { Description = "bash, zsh or fish" };
        shell.AcceptOnlyFromAmong([.. CompletionScripts.Shells]);
        var completion = new Command("completion",
            "Print a shell completion script (commands, options, scenario names, hosts and remote ports): source <(bsgkit completion bash)") { shell };
        cli.SetAction(completion, (ctx, parse, _) =>
        {
            ctx.NoDot();
            var name = parse.GetValue(shell)!;
            var script = CompletionScripts.For(name);
            if (ctx.Json) ctx.Out.WriteLine(JsonSerializer.Serialize(new CompletionScriptDto(name, script), HelpJsonContext.Relaxed.CompletionScriptDto));
            else ctx.Out.Write(script);
            return Task.FromResult(ExitCodes.Ok);
        });
        return completion;
    }
}

/// <summary>bsgkit man -o json.</summary>
internal sealed record ManPageDto(string Name, string Format, string Page);

/// <summary>bsgkit completion SHELL -o json.</summary>
internal sealed record CompletionScriptDto(string Shell, string Script);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(ManPageDto))]
[JsonSerializable(typeof(CompletionScriptDto))]
internal sealed partial class HelpJsonContext : JsonSerializerContext
{
    private static HelpJsonContext? _relaxed;

    /// <summary>Non-ASCII text (°C, µW in the page) as itself, as every bsgkit document writes it.</summary>
    public static HelpJsonContext Relaxed => _relaxed ??= new(new JsonSerializerOptions(Default.Options)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
