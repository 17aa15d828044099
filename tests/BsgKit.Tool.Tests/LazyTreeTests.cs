using System.CommandLine;
using BsgKit.Tool.Help;
using BsgKit.Tool.Infrastructure;

namespace BsgKit.Tool.Tests;

/// <summary>
/// One run builds only the top-level commands its arguments name (the rest of the tree is most of a query's start-up):
/// what it builds must be the whole tree's command, and what the parser tells the user must not change.
/// </summary>
public class LazyTreeTests
{
    private static CliHost Host() => new(new GlobalOptions(), new CliEnvironment(TextWriter.Null, TextWriter.Null), new CliInterrupt());

    private static readonly RootCommand Whole = BsgKitCli.BuildRoot(Host());

    /// <summary>A command's shape: every path below it with its options and arguments.</summary>
    private static List<string> Shape(Command c) =>
        [.. CommandTree.All(c).Select(n => $"{n.Path}|{string.Join(",", n.Command.Options.Select(o => o.Name))}|{string.Join(",", n.Command.Arguments.Select(a => a.Name))}|{n.Command.Action is not null}")];

    public static TheoryData<string> TopLevelNames() => [.. Whole.Subcommands.Select(c => c.Name)];

    [Theory]
    [MemberData(nameof(TopLevelNames))]
    public void A_run_naming_one_command_builds_that_command_whole_and_only_names_the_others(string name)
    {
        var root = BsgKitCli.BuildRoot(Host(), ["--simulate", "lab", name, "x"]);
        Assert.Equal(Whole.Subcommands.Select(c => c.Name), root.Subcommands.Select(c => c.Name));
        if (name is "man" or "completion")
        {
            Assert.Equal(Shape(Whole), Shape(root)); // they read every command
            return;
        }
        Assert.Equal(Shape(Whole.Subcommands.Single(c => c.Name == name)), Shape(root.Subcommands.Single(c => c.Name == name)));
        foreach (var other in root.Subcommands.Where(c => c.Name != name))
        {
            Assert.Empty(other.Subcommands);
            Assert.Empty(other.Options);
            Assert.Empty(other.Arguments);
            Assert.Null(other.Action);
        }
    }

    [Theory]
    [InlineData]
    [InlineData("--help")]
    [InlineData("--simulate", "lab")]
    [InlineData("nss", "gpn-id")]
    [InlineData("[suggest:5]", "bsgkit ns gp")]
    [InlineData("man")]
    [InlineData("completion", "bash")]
    [InlineData("--simulate", "lab", "ns", "man")]
    public void Root_help_directives_man_completion_and_unknown_commands_get_the_whole_tree(params string[] args)
    {
        var root = BsgKitCli.BuildRoot(Host(), args);
        Assert.Equal(Shape(Whole), Shape(root));
    }

    [Theory]
    [InlineData("ns", "gpn-idd", "0x010a00")]
    [InlineData("ns")]
    [InlineData("iscsi")]
    [InlineData("ns", "gpn-id", "0x010a00", "--bogus")]
    [InlineData("--bogus", "ns", "gpn-id", "0x010a00")]
    [InlineData("zone", "lst")]
    [InlineData("els", "rls", "--port")]
    [InlineData("--simulate", "iscsi", "iscsi", "list", "-o", "yaml")]
    [InlineData("--simulate", "lab", "sim", "bogus", "list")]
    [InlineData("discover", "--level", "nowhere")]
    [InlineData("check", "link", "--warn")]
    public void Parse_errors_read_the_same_as_with_the_whole_tree(params string[] args)
    {
        static string? Error(RootCommand root, string[] args)
        {
            var parse = root.Parse(BsgKitCli.JoinSimulateValue(args, root), new ParserConfiguration { ResponseFileTokenReplacer = null });
            return ParseErrors.StrayOption(parse) ?? (parse.Errors.Count > 0 ? ParseErrors.Describe(parse, root) : null);
        }
        var whole = Error(BsgKitCli.BuildRoot(Host()), args);
        Assert.NotNull(whole);
        Assert.Equal(whole, Error(BsgKitCli.BuildRoot(Host(), args), args));
    }
}
