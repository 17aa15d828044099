using System.CommandLine;
using System.Reflection;
using System.Text;
using BsgKit.Tool.Infrastructure;

namespace BsgKit.Tool.Help;

/// <summary>
/// bsgkit(1) in roff, generated from the command tree (so it lists exactly the commands there are, with their
/// arguments, options and examples), the exit-code table (<see cref="ExitCodes.All"/>) and the JSON conventions.
/// </summary>
internal static class ManPage
{
    /// <summary>What --version prints: the package version and the commit ("0.1.0+9459d55…").</summary>
    public static string InformationalVersion =>
        typeof(ManPage).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0";

    /// <summary>The package version without the commit ("0.1.0").</summary>
    public static string Version => InformationalVersion.Split('+')[0];

    private static readonly string[] JsonNotes =
    [
        "With \\fB\\-o json\\fR every command prints exactly one JSON document on stdout (camelCase names; absent values are omitted, never null); diagnostics stay on stderr and the exit code says how it went.",
        "FC IDs are written \"0x010a00\" (0x and 6 lower-case hex digits); WWNs \"0x500507680b214ac1\" (0x and 16 hex digits). Input takes 1\\(en6 hex digits for an FC ID and exactly 16 hex digits (or 8 colon-separated pairs) for a WWN.",
        "Speeds read as sysfs writes them (\"32 Gbit\"); readings carry their unit in a field of their own (value + unit: \\(deC, V, mA, \\(*mW); durations are in milliseconds (durationMs, rttMs).",
        "A command that fails as a whole prints {\"ok\": false, \"error\": \"<the stderr line>\", \"exitCode\": N, \"command\": \"els rls\"}; a command with several items (ns, ping, discover, raw, vendor) keeps going and marks each failed item the same way.",
        "With \\fB\\-H all\\fR, ns tags each result with its host, and info and discover print an array with one document per host. An interrupted command completes the document printed so far and marks it \"interrupted\": true.",
        "Every document's shape is described in docs/cli-json.md in the BsgKit repository.",
    ];

    public static string Render(RootCommand root)
    {
        var s = new StringBuilder();
        s.Append(".TH BSGKIT 1 \"\" \"bsgkit ").Append(Version).Append("\" \"User Commands\"\n");
        s.Append(".SH NAME\nbsgkit \\- Fibre Channel and iSCSI HBA queries through Linux BSG passthrough\n");
        s.Append(".SH SYNOPSIS\n.B bsgkit\n[\\fIOPTIONS\\fR] \\fICOMMAND\\fR [\\fIARGUMENTS\\fR]\n");
        s.Append(".SH DESCRIPTION\n");
        foreach (var line in BsgKitCli.Description.Split('\n')) s.Append(Text(line)).Append("\n.PP\n");
        s.Append("Every command has examples under \\fBbsgkit\\fR \\fICOMMAND\\fR \\fB\\-\\-help\\fR. Sending requests on real hardware needs root or CAP_SYS_RAWIO; listing reads sysfs only.\n");

        s.Append(".SH OPTIONS\nThese options are taken by every command.\n");
        foreach (var o in root.Options.Where(o => !o.Hidden)) Option(s, o);

        s.Append(".SH COMMANDS\n");
        foreach (var node in CommandTree.Visible(root).Skip(1)) Command(s, node);

        s.Append(".SH EXIT STATUS\n");
        foreach (var (code, meaning) in ExitCodes.All) s.Append(".TP\n.B ").Append(code).Append('\n').Append(Text(meaning)).Append('\n');

        s.Append(".SH JSON OUTPUT\n");
        foreach (var note in JsonNotes) s.Append(note).Append("\n.PP\n");

        s.Append(".SH ENVIRONMENT\n");
        s.Append(".TP\n.B BSGKIT_SIMULATE\nA scenario name or file: as \\fB\\-\\-simulate\\fR, for every command.\n");
        s.Append(".TP\n.B NO_COLOR\nNo colour in tables on a terminal.\n");
        s.Append(".SH FILES\n.TP\n.I /dev/bsg/fc_hostN, /dev/bsg/rport\\-H:C\\-N, /dev/bsg/iscsi_hostN\nThe bsg nodes requests are sent on.\n");
        s.Append(".TP\n.I /sys/class/fc_host, /sys/class/fc_remote_ports, /sys/class/iscsi_host, /sys/class/bsg\nWhere hosts, remote ports and nodes are found.\n");
        s.Append(".SH SEE ALSO\n.BR fcnsq (8),\n.BR fcrls (8),\n.BR fcping (8)\n");
        return s.ToString();
    }

    private static void Command(StringBuilder s, CommandNode node)
    {
        var c = node.Command;
        s.Append(".SS \"").Append(Text(Synopsis(node))).Append("\"\n");
        if (!string.IsNullOrWhiteSpace(c.Description)) s.Append(Text(c.Description)).Append('\n');
        if (c.Subcommands.Any(x => !x.Hidden))
            s.Append(".PP\nSubcommands: ").Append(Text(string.Join(", ", c.Subcommands.Where(x => !x.Hidden).Select(x => x.Name)))).Append(".\n");
        foreach (var a in c.Arguments.Where(a => !a.Hidden))
            s.Append(".TP\n.I ").Append(Text(a.Name)).Append('\n').Append(Text(a.Description ?? "")).Append('\n');
        foreach (var o in CommandTree.OwnOptions(c)) Option(s, o);
        var examples = HelpExamples.For(node.Path);
        if (examples.Count > 0)
        {
            s.Append(".PP\nExamples:\n");
            foreach (var e in examples)
                s.Append(".RS\n.nf\n").Append(Text(e.CommandLine)).Append("\n.fi\n.RS\n").Append(Text(e.What)).Append("\n.RE\n.RE\n");
        }
    }

    /// <summary>"bsgkit ns gpn-id [ARG...]".</summary>
    public static string Synopsis(CommandNode node)
    {
        var parts = new List<string> { node.FullName };
        if (node.Command.Subcommands.Any(x => !x.Hidden)) parts.Add("COMMAND");
        foreach (var a in node.Command.Arguments.Where(a => !a.Hidden))
        {
            var many = a.Arity.MaximumNumberOfValues > 1 ? "..." : "";
            parts.Add(a.Arity.MinimumNumberOfValues == 0 ? $"[{a.Name}{many}]" : $"{a.Name}{many}");
        }
        return string.Join(' ', parts);
    }

    private static void Option(StringBuilder s, Option o)
    {
        var names = string.Join(", ", o.Aliases.Append(o.Name).Where(n => n.StartsWith('-') && n != "-?").Distinct()
            .OrderBy(n => n.StartsWith("--", StringComparison.Ordinal)).ThenBy(n => n.Length).Select(n => $"\\fB{Text(n)}\\fR"));
        var takesValue = o.ValueType != typeof(bool) && o.Arity.MaximumNumberOfValues > 0;
        var value = takesValue ? $" \\fI{Text((o.HelpName ?? o.Name.TrimStart('-')).ToUpperInvariant())}\\fR" : "";
        s.Append(".TP\n").Append(names).Append(value).Append('\n').Append(Text(o.Description ?? "")).Append('\n');
    }

    /// <summary>Text as roff: backslashes and hyphens escaped, no line starting with a control character.</summary>
    public static string Text(string text)
    {
        var t = text.Replace("\\", "\\e", StringComparison.Ordinal).Replace("-", "\\-", StringComparison.Ordinal);
        var lines = t.Split('\n').Select(l => l.StartsWith('.') || l.StartsWith('\'') ? "\\&" + l : l);
        return string.Join('\n', lines);
    }
}
