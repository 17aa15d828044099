using System.CommandLine;

namespace BsgKit.Tool.Help;

/// <summary>One command of the tree with its path below the root ("" for bsgkit itself, "ns gpn-id" …).</summary>
internal sealed record CommandNode(string Path, Command Command, int Depth)
{
    /// <summary>"bsgkit ns gpn-id".</summary>
    public string FullName => Path.Length == 0 ? "bsgkit" : "bsgkit " + Path;
}

/// <summary>Walks the command tree, so help examples, the man page and completion cover every command, new ones included.</summary>
internal static class CommandTree
{
    /// <summary>The root and every visible command below it, depth first in tree order.</summary>
    public static IReadOnlyList<CommandNode> Visible(Command root)
    {
        var nodes = new List<CommandNode> { new("", root, 0) };
        void Walk(Command c, string path, int depth)
        {
            foreach (var s in c.Subcommands)
            {
                if (s.Hidden) continue;
                var p = path.Length == 0 ? s.Name : $"{path} {s.Name}";
                nodes.Add(new CommandNode(p, s, depth));
                Walk(s, p, depth + 1);
            }
        }
        Walk(root, "", 1);
        return nodes;
    }

    /// <summary>Every command, hidden ones included, depth first.</summary>
    public static IReadOnlyList<CommandNode> All(Command root)
    {
        var nodes = new List<CommandNode> { new("", root, 0) };
        void Walk(Command c, string path, int depth)
        {
            foreach (var s in c.Subcommands)
            {
                var p = path.Length == 0 ? s.Name : $"{path} {s.Name}";
                nodes.Add(new CommandNode(p, s, depth));
                Walk(s, p, depth + 1);
            }
        }
        Walk(root, "", 1);
        return nodes;
    }

    /// <summary>The path of the command a parse ended on ("" for the root).</summary>
    public static string PathOf(ParseResult parse)
    {
        var names = new List<string>();
        for (var r = parse.CommandResult; r is not null; r = r.Parent as System.CommandLine.Parsing.CommandResult)
            if (r.Parent is not null) names.Add(r.Command.Name);
        names.Reverse();
        return string.Join(' ', names);
    }

    /// <summary>The options a user can give this command: its own and the recursive ones of its ancestors, without hidden ones.</summary>
    public static IEnumerable<Option> OwnOptions(Command command) => command.Options.Where(o => !o.Hidden && !o.Recursive);
}
