using System.CommandLine;
using System.CommandLine.Parsing;

namespace BsgKit.Tool.Infrastructure;

/// <summary>
/// System.CommandLine's parse errors in our words: one line that names the input, the nearest command or option for a
/// typo, and what a value should look like — never a .NET type name or a multi-line list.
/// </summary>
internal static class ParseErrors
{
    public static string Describe(ParseResult parse, RootCommand root)
    {
        var command = parse.CommandResult.Command;
        var where = CommandPath(parse);
        if (parse.UnmatchedTokens.Count > 0)
        {
            var token = parse.UnmatchedTokens[0];
            if (token.StartsWith('-'))
            {
                var options = OptionNames(parse.CommandResult);
                return $"{where}: unknown option '{token}'{Suggest(token, options)} (see bsgkit {Help(where)} --help)";
            }
            var subcommands = command.Subcommands.Where(c => !c.Hidden).Select(c => c.Name).ToList();
            if (subcommands.Count > 0)
                return command == root
                    ? $"unknown command '{token}'{Suggest(token, subcommands)} (commands: {string.Join(", ", subcommands)})"
                    : $"{where}: unknown subcommand '{token}'{Suggest(token, subcommands)} ({where} takes: {string.Join(", ", subcommands)})";
            return $"{where}: unexpected argument '{token}' (see bsgkit {Help(where)} --help)";
        }
        var error = parse.Errors[0];
        if (error.SymbolResult is CommandResult { Command: var c } && c.Subcommands.Count > 0 && c.Action is null)
        {
            var names = c.Subcommands.Where(s => !s.Hidden).Select(s => s.Name);
            return c == root
                ? $"no command given; commands: {string.Join(", ", names)} (see bsgkit --help)"
                : $"{where} needs a subcommand: {string.Join(", ", names)} (see bsgkit {where} --help)";
        }
        if (error.SymbolResult is OptionResult o)
        {
            var name = o.IdentifierToken?.Value ?? o.Option.Name;
            var value = o.Tokens.Count > 0 ? o.Tokens[^1].Value : null;
            if (value is null && o.IdentifierToken is null && o.Option.Required) return $"{where}: {name} {o.Option.HelpName ?? "VALUE"} is required (see bsgkit {Help(where)} --help)";
            if (value is null) return $"{name} needs a value ({Expected(o.Option.ValueType, o.Option)})";
            if (AllowedValues(error.Message) is { } allowed) return $"{name} '{value}' is not one of: {allowed}";
            if (error.Message.StartsWith("Cannot parse argument", StringComparison.Ordinal))
                return $"{name} '{value}' is not {Expected(o.Option.ValueType, o.Option)}";
            return OneLine(error.Message);
        }
        if (error.SymbolResult is ArgumentResult a)
        {
            var value = a.Tokens.Count > 0 ? a.Tokens[^1].Value : null;
            if (value is null) return $"{where}: missing {a.Argument.Name}";
            if (AllowedValues(error.Message) is { } allowed) return $"{where}: {a.Argument.Name} '{value}' is not one of: {allowed}";
            if (error.Message.StartsWith("Cannot parse argument", StringComparison.Ordinal))
                return $"{where}: {a.Argument.Name} '{value}' is not {Expected(a.Argument.ValueType, null)}";
            return $"{where}: {OneLine(error.Message)}";
        }
        if (error.Message.StartsWith("Required argument missing", StringComparison.Ordinal) || error.Message.Contains("Required argument", StringComparison.Ordinal))
        {
            var missing = command.Arguments.FirstOrDefault(x => parse.GetResult(x) is null || parse.GetResult(x)!.Tokens.Count == 0);
            return $"{where}: missing {missing?.Name ?? "argument"} (see bsgkit {Help(where)} --help)";
        }
        return $"{where}: {OneLine(error.Message)} (see bsgkit {Help(where)} --help)";
    }

    /// <summary>
    /// An option-looking token the parser bound to an argument (`ns gpn-id --bogus`, `els rls -x`): commands whose
    /// arguments take any number of values would otherwise read it as an FC ID or a port. Tokens after `--` are the
    /// child's (sim run) and stay arguments.
    /// </summary>
    public static string? StrayOption(ParseResult parse)
    {
        var afterDoubleDash = new HashSet<Token>(ReferenceEqualityComparer.Instance);
        var seen = false;
        foreach (var t in parse.Tokens)
        {
            if (t.Type == TokenType.DoubleDash) seen = true;
            else if (seen) afterDoubleDash.Add(t);
        }
        foreach (var a in parse.CommandResult.Children.OfType<ArgumentResult>())
            foreach (var t in a.Tokens)
                if (!afterDoubleDash.Contains(t) && t.Value.Length > 1 && t.Value[0] == '-' && !char.IsAsciiDigit(t.Value[1]) && t.Value[1] != '.')
                    return $"{CommandPath(parse)}: unknown option '{t.Value}'{Suggest(t.Value, OptionNames(parse.CommandResult))} (see bsgkit {CommandPath(parse)} --help)";
        return null;
    }

    /// <summary>"els rls", "ns gpn-id", or "bsgkit" for the root.</summary>
    public static string CommandPath(ParseResult parse)
    {
        var names = new List<string>();
        for (SymbolResult? r = parse.CommandResult; r is CommandResult c; r = c.Parent)
            if (c.Parent is not null) names.Insert(0, c.Command.Name);
        return names.Count == 0 ? "bsgkit" : string.Join(" ", names);
    }

    /// <summary>Whether -o json was asked for (read leniently: the error may be in another option).</summary>
    public static bool WantsJson(ParseResult parse, GlobalOptions g)
    {
        var r = parse.GetResult(g.Output);
        return r is { Tokens.Count: > 0 } && r.Tokens[^1].Value == "json";
    }

    /// <summary>"table, json, dot" from System.CommandLine's multi-line "Must be one of:" message.</summary>
    private static string? AllowedValues(string message)
    {
        var i = message.IndexOf("Must be one of:", StringComparison.Ordinal);
        if (i < 0) return null;
        return string.Join(", ", message[(i + 15)..].Split(['\n', '\t', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(v => v.Trim('\'')));
    }

    private static string Help(string where) => where == "bsgkit" ? "" : where;

    private static IEnumerable<string> OptionNames(CommandResult c)
    {
        var names = new List<string>();
        for (SymbolResult? r = c; r is CommandResult cr; r = cr.Parent)
            foreach (var o in cr.Command.Options)
                if (!o.Hidden && (ReferenceEquals(r, c) || o.Recursive)) { names.Add(o.Name); names.AddRange(o.Aliases); }
        return names.Distinct();
    }

    private static string Expected(Type type, Option? option)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        if (t == typeof(double) || t == typeof(float)) return option?.Name == "--timeout" ? "a number of seconds (e.g. 20 or 0.5)" : "a number (e.g. 1 or 0.5)";
        if (t == typeof(int)) return $"a whole number (at most {int.MaxValue})";
        if (t == typeof(uint)) return $"a whole number 0..{uint.MaxValue}";
        if (t == typeof(ushort)) return $"a whole number 0..{ushort.MaxValue}";
        if (t == typeof(byte)) return "a whole number 0..255";
        if (t == typeof(bool)) return "true or false";
        if (t == typeof(string) && option?.HelpName is { } help) return help;
        return "valid here";
    }

    /// <summary>" (did you mean 'list'?)" for the candidate nearest by edit distance, when it is near enough.</summary>
    internal static string Suggest(string token, IEnumerable<string> candidates)
    {
        var t = token.TrimStart('-').ToLowerInvariant();
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var c in candidates)
        {
            var d = Distance(t, c.TrimStart('-').ToLowerInvariant());
            if (d < bestDistance) (best, bestDistance) = (c, d);
        }
        return best is not null && bestDistance <= Math.Max(1, Math.Min(3, t.Length / 2)) ? $" (did you mean '{best}'?)" : "";
    }

    /// <summary>Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps (lsit → list is 1).</summary>
    internal static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
            }
        return d[a.Length, b.Length];
    }

    private static string OneLine(string s) => string.Join(" ", s.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
}
