using System.CommandLine;
using System.CommandLine.Completions;
using BsgKit.Simulator.Scenarios;
using BsgKit.Tool.Infrastructure;

namespace BsgKit.Tool.Help;

/// <summary>
/// Completions from the catalog, attached to every option and argument of the tree by name (so new commands that take
/// a host, a port or a scenario complete too): scenario names, FC hosts (host1, WWPN), iSCSI hosts and remote ports
/// (rport-H:C-N, FC ID, WWPN) of the machine, or of the simulated SAN the command line names with --simulate.
/// </summary>
internal static class Completions
{
    internal enum Kind { Scenario, FcHost, IscsiHost, RemotePort }

    /// <summary>What an option completes to, by its name.</summary>
    private static Kind? ForOption(Option o) => o.Name switch
    {
        "--simulate" or "--scenario" => Kind.Scenario,
        "--host" => Kind.FcHost,
        "--dest" => Kind.RemotePort,
        _ => null,
    };

    /// <summary>What an argument completes to, by its name and the command it belongs to.</summary>
    private static Kind? ForArgument(Argument a, string path) => a.Name switch
    {
        "SCENARIO" => Kind.Scenario,
        "HOST" => path.StartsWith("iscsi", StringComparison.Ordinal) ? Kind.IscsiHost : Kind.FcHost,
        "PORT" or "TARGET" or "RPORT" => Kind.RemotePort,
        "ARG" when path.StartsWith("ns ", StringComparison.Ordinal) => Kind.RemotePort,
        _ => null,
    };

    public static void Attach(RootCommand root, CliHost cli)
    {
        foreach (var node in CommandTree.All(root))
        {
            foreach (var o in node.Command.Options)
                if ((node.Depth == 0 || !o.Recursive) && ForOption(o) is { } kind)
                {
                    // Help shows the value's name, not the candidates (which would mean reading the catalog for --help).
                    o.HelpName ??= o.Name.TrimStart('-');
                    o.CompletionSources.Add(c => Complete(kind, c, cli));
                }
            foreach (var a in node.Command.Arguments)
                if (ForArgument(a, node.Path) is { } kind)
                {
                    a.HelpName ??= a.Name;
                    a.CompletionSources.Add(c => Complete(kind, c, cli));
                }
        }
    }

    private static IEnumerable<CompletionItem> Complete(Kind kind, CompletionContext context, CliHost cli)
    {
        var word = context.WordToComplete;
        return Candidates(kind, context.ParseResult, cli)
            .Where(s => s.StartsWith(word, StringComparison.OrdinalIgnoreCase))
            .Distinct()
            .Select(s => new CompletionItem(s));
    }

    /// <summary>The names, read from the catalog the command line would use; nothing when it cannot be read.</summary>
    internal static IReadOnlyList<string> Candidates(Kind kind, ParseResult parse, CliHost cli)
    {
        if (kind == Kind.Scenario) return [.. ScenarioLoader.BuiltInNames];
        try
        {
            using var ctx = new CliContext(parse, cli.G, cli.Environment.Silenced());
            return kind switch
            {
                Kind.FcHost => [.. ctx.Session.FcCatalog().FcHosts.SelectMany(h => new[] { h.Name, h.PortName?.ToString() }).OfType<string>(), "all"],
                Kind.IscsiHost => [.. ctx.Session.IscsiCatalog().IscsiHosts.Where(h => h.Node?.DevicePath is not null).Select(h => h.Name)],
                _ => [.. ctx.Session.FcCatalog().RemotePorts.Where(r => SelectedHost(parse, cli) is not int n || r.HostNumber == n)
                        .SelectMany(r => new[] { r.Name, r.PortId?.ToString(), r.PortName?.ToString() }).OfType<string>()],
            };
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return []; // a completer never fails the shell: no catalog, no names
        }
    }

    /// <summary>The host number -H names (host1, fc_host1, 1), if it names one; the line being completed may have no value for it yet.</summary>
    private static int? SelectedHost(ParseResult parse, CliHost cli)
    {
        var result = parse.GetResult(cli.G.Host);
        if (result is null || result.Tokens.Count == 0) return null;
        var s = result.Tokens[0].Value.Trim();
        foreach (var prefix in new[] { "fc_host", "host" })
            if (s.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)) s = s[prefix.Length..];
        return int.TryParse(s, System.Globalization.NumberStyles.None, null, out var n) ? n : null;
    }
}
