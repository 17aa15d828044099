using BsgKit.Bsg.Codes;
using System.CommandLine;
using System.Globalization;
using BsgKit.Fc;
using BsgKit.Fc.Clients;
using BsgKit.Fc.Codes;
using BsgKit.Fc.Ct.NameServer;
using BsgKit.Tool.Infrastructure;
using BsgKit.Tool.Output;

namespace BsgKit.Tool.Commands;

/// <summary>bsgkit ns QUERY ARG…: every name-server query, several arguments per call or one per line from --stdin.</summary>
internal static class NsCommand
{
    private enum ArgKind { PortId, Wwn, Fc4Type, PortType }

    private sealed record Query(string Name, string Description, ArgKind Kind, string ValueHeader,
        Func<FcHostClient, object, CancellationToken, Task<NsAnswer>> Run);

    private static readonly Query[] Queries =
    [
        new("gpn-id", "port name (WWPN) of FC IDs", ArgKind.PortId, "WWPN",
            async (c, a, ct) => Ok(c, a) with { PortName = (await c.GpnIdAsync((FcId)a, ct)).Value.ToString() }),
        new("gnn-id", "node name (WWNN) of FC IDs", ArgKind.PortId, "WWNN",
            async (c, a, ct) => Ok(c, a) with { NodeName = (await c.GnnIdAsync((FcId)a, ct)).Value.ToString() }),
        new("gspn-id", "symbolic port name of FC IDs", ArgKind.PortId, "SYMBOLIC PORT NAME",
            async (c, a, ct) => Ok(c, a) with { SymbolicPortName = (await c.GspnIdAsync((FcId)a, ct)).Value }),
        new("gsnn-nn", "symbolic node name of node names (WWNN)", ArgKind.Wwn, "SYMBOLIC NODE NAME",
            async (c, a, ct) => Ok(c, a) with { SymbolicNodeName = (await c.GsnnNnAsync((Wwn)a, ct)).Value }),
        new("gff-id", "FC-4 features of FC IDs", ArgKind.PortId, "FC-4 FEATURES",
            async (c, a, ct) =>
            {
                var f = (await c.GffIdAsync((FcId)a, ct)).Value;
                return Ok(c, a) with { Fc4Features = f.ToString(), FcpTarget = f.IsFcpTarget, FcpInitiator = f.IsFcpInitiator };
            }),
        new("gft-id", "FC-4 types of FC IDs", ArgKind.PortId, "FC-4 TYPES",
            async (c, a, ct) => Ok(c, a) with { Fc4Types = (await c.GftIdAsync((FcId)a, ct)).Value.Names.ToList() }),
        new("gpt-id", "port type of FC IDs", ArgKind.PortId, "PORT TYPE",
            async (c, a, ct) =>
            {
                var t = (await c.GptIdAsync((FcId)a, ct)).Value;
                return Ok(c, a) with { PortType = t, PortTypeName = PortTypes.Table.NameOf(t) };
            }),
        new("gid-pn", "FC ID of port names (WWPN)", ArgKind.Wwn, "FC ID",
            async (c, a, ct) => Ok(c, a) with { PortId = (await c.GidPnAsync((Wwn)a, ct)).Value.ToString() }),
        new("gid-nn", "FC IDs of the ports of node names (WWNN)", ArgKind.Wwn, "FC IDS",
            async (c, a, ct) => IdList(c, a, (await c.GidNnAsync((Wwn)a, ct)).Value)),
        new("ga-nxt", "the name-server object after each FC ID (0x000000 = the first)", ArgKind.PortId, "NEXT OBJECT",
            async (c, a, ct) =>
            {
                var e = (await c.GaNxtAsync((FcId)a, ct)).Value;
                return Ok(c, a) with
                {
                    PortId = e.PortId.ToString(), PortName = e.PortName.ToString(), NodeName = e.NodeName.ToString(),
                    SymbolicPortName = e.SymbolicPortName, SymbolicNodeName = e.SymbolicNodeName, PortType = e.PortType,
                    PortTypeName = e.PortTypeName, Fc4Types = e.Fc4Types.Names.ToList(), FabricPortName = e.FabricPortName.ToString(),
                    ClassOfService = e.ClassOfServiceNames,
                };
            }),
        new("gid-ft", "FC IDs of the ports of FC-4 types (default FCP)", ArgKind.Fc4Type, "FC IDS",
            async (c, a, ct) => IdList(c, a, (await c.GidFtAsync(new NsFc4TypeScope((byte)a), ct)).Value)),
        new("gpn-ft", "FC IDs and WWPNs of the ports of FC-4 types (default FCP)", ArgKind.Fc4Type, "PORTS",
            async (c, a, ct) => NameList(c, a, (await c.GpnFtAsync(new NsFc4TypeScope((byte)a), ct)).Value)),
        new("gnn-ft", "FC IDs and WWNNs of the ports of FC-4 types (default FCP)", ArgKind.Fc4Type, "PORTS",
            async (c, a, ct) => NameList(c, a, (await c.GnnFtAsync(new NsFc4TypeScope((byte)a), ct)).Value)),
        new("gid-pt", "FC IDs of the ports of port types (N_Port, NL_Port, Nx_Port = all; default Nx_Port)", ArgKind.PortType, "FC IDS",
            async (c, a, ct) => IdList(c, a, (await c.GidPtAsync(new NsPortTypeScope((byte)a), ct)).Value)),
        new("gfpn-id", "fabric port name (the switch port) of FC IDs", ArgKind.PortId, "FABRIC PORT NAME",
            async (c, a, ct) => Ok(c, a) with { FabricPortName = (await c.GfpnIdAsync((FcId)a, ct)).Value.ToString() }),
        new("gcs-id", "classes of service of FC IDs", ArgKind.PortId, "CLASSES",
            async (c, a, ct) => Ok(c, a) with { ClassOfService = ClassOfService.Table.Describe((await c.GcsIdAsync((FcId)a, ct)).Value) }),
    ];

    private static NsAnswer Ok(FcHostClient c, object a) => new(c.Host.Name, Show(a), true);

    private static string Show(object a) => a switch
    {
        FcId id => id.ToString(),
        Wwn w => w.ToString(),
        _ => a.ToString()!,
    };

    private static NsAnswer IdList(FcHostClient c, object a, NsPortIdList list) => Ok(c, a) with
    {
        Ports = list.PortIds.Select(p => new NsPortDto(p.ToString(), null)).ToList(), Complete = list.IsComplete,
    };

    private static NsAnswer NameList(FcHostClient c, object a, NsPortNameList list) => Ok(c, a) with
    {
        Ports = list.Entries.Select(e => new NsPortDto(e.PortId.ToString(), e.Name.ToString())).ToList(), Complete = list.IsComplete,
    };

    public static Command Build(CliHost cli)
    {
        var ns = new Command("ns", "Name-server (directory, 0xFFFFFC) queries: several arguments per call, or one per line with --stdin");
        foreach (var q in Queries)
        {
            var args = new Argument<string[]>("ARG") { Description = ArgDescription(q.Kind), Arity = ArgumentArity.ZeroOrMore };
            var stdin = new Option<bool>("--stdin") { Description = "Read arguments from stdin, one per line" };
            var cmd = new Command(q.Name, q.Description) { args, stdin };
            var query = q;
            var watch = WatchOptions.AddTo(cmd);
            cli.SetAction(cmd, watch.Wrap((ctx, parse, ct) => RunAsync(ctx, query, parse.GetValue(args) ?? [], parse.GetValue(stdin), ct)));
            ns.Subcommands.Add(cmd);
        }
        return ns;
    }

    private static string ArgDescription(ArgKind k) => k switch
    {
        ArgKind.PortId => "FC IDs (0x010a00 or 010a00)",
        ArgKind.Wwn => "WWNs (0x500507680b214ac1 or 50:05:07:68:0b:21:4a:c1)",
        ArgKind.Fc4Type => $"FC-4 types: {Fc4Types.AliasSummary}, or a number (0x08)",
        _ => "port types: N_Port, NL_Port, Nx_Port, or a number (0x01)",
    };

    private static async Task<int> RunAsync(CliContext ctx, Query q, string[] rawArgs, bool stdin, CancellationToken ct)
    {
        ctx.NoDot();
        var texts = new List<string>(rawArgs);
        if (stdin)
        {
            var lines = await InputLimits.ReadArgumentLinesAsync(ctx.In, "--stdin", ct);
            if (lines.Count == 0 && rawArgs.Length == 0)
                throw CliException.Usage($"ns {q.Name} --stdin: stdin had no arguments (one per line; blank lines and # comments are skipped)");
            texts.AddRange(lines);
        }
        if (texts.Count == 0)
        {
            if (q.Kind == ArgKind.Fc4Type) texts.Add("FCP");
            else if (q.Kind == ArgKind.PortType) texts.Add("Nx_Port");
            else throw CliException.Usage($"ns {q.Name} needs at least one argument ({ArgDescription(q.Kind)}), or --stdin");
        }
        // Parse everything first: a malformed argument is a usage error before anything is sent.
        var parsed = texts.Select(t => (Text: t.Trim(), Value: Parse(q.Kind, t))).ToList();
        var hosts = ctx.Hosts.SelectHosts();
        var answers = new List<NsAnswer>();
        var failures = new List<int>();
        var ok = 0;
        var interrupted = false;
        try
        {
            foreach (var host in hosts)
            {
                FcHostClient client;
                try
                {
                    client = ctx.Session.OpenHost(host);
                }
                catch (Exception e) when (hosts.Count > 1 && e is BsgKit.Bsg.BsgException)
                {
                    failures.Add(CliHost.Fail(ctx, host.Name, e));
                    answers.Add(new NsAnswer(host.Name, "", false) { Error = ExitCodes.Describe(e), ExitCode = ExitCodes.Classify(e) });
                    continue;
                }
                foreach (var (text, a) in parsed)
                {
                    try
                    {
                        answers.Add((await q.Run(client, a, ct).ConfigureAwait(false)) with { Argument = a is byte ? text : Show(a) });
                        ok++;
                    }
                    catch (Exception e) when (e is BsgKit.Bsg.BsgException or CliException)
                    {
                        var code = CliHost.Fail(ctx, $"{host.Name} ns {q.Name} {text}", e);
                        failures.Add(code);
                        answers.Add(new NsAnswer(host.Name, a is byte ? text : Show(a), false) { Error = ExitCodes.Describe(e), ExitCode = code });
                    }
                }
            }
        }
        catch (OperationCanceledException) when (ctx.IsInterrupted)
        {
            interrupted = true; // print what was answered, then the one "interrupted" line
        }
        // A list the driver or the name server truncated is a partial answer: the rest of the fabric is not in it.
        var truncated = answers.Count(a => a is { Ok: true, Complete: false });
        var report = new NsReport(q.Name, answers) { Interrupted = interrupted ? true : null };
        JsonOutput.Emit(ctx, report, static c => c.NsReport, () => PrintTable(ctx, q, answers, hosts.Count > 1, parsed.Count > 1));
        foreach (var a in answers.Where(a => a is { Ok: true, Complete: false }))
            ctx.Err.WriteLine($"bsgkit: {a.Host} ns {q.Name} {a.Argument}: the list is truncated: {a.Ports?.Count} ports fit in one response, the fabric has more " +
                              "(bsgkit discover lists them all, per domain)");
        if (interrupted) throw new OperationCanceledException(ct);
        if (truncated > 0) failures.AddRange(Enumerable.Repeat(ExitCodes.Partial, truncated));
        return ExitCodes.Combine(ok, failures);
    }

    private static void PrintTable(CliContext ctx, Query q, List<NsAnswer> answers, bool manyHosts, bool manyArgs)
    {
        var good = answers.Where(a => a.Ok).ToList();
        if (q.Kind is ArgKind.Fc4Type or ArgKind.PortType || q.Name == "gid-nn")
        {
            // Each FC ID row names the argument it answers when there are several (ns gid-nn A B).
            var named = q.Name is "gpn-ft" or "gnn-ft";
            var headers = new List<string>();
            if (manyHosts) headers.Add("HOST");
            if (manyHosts || manyArgs) headers.Add(q.Kind == ArgKind.Wwn ? "WWNN" : q.Kind == ArgKind.Fc4Type ? "FC-4 TYPE" : "PORT TYPE");
            headers.Add("FC ID");
            if (named) headers.Add(q.Name == "gpn-ft" ? "WWPN" : "WWNN");
            var t = new TableWriter([.. headers]);
            foreach (var a in good)
                foreach (var p in a.Ports ?? [])
                {
                    var row = new List<string?>();
                    if (manyHosts) row.Add(a.Host);
                    if (manyHosts || manyArgs) row.Add(a.Argument);
                    row.Add(p.PortId);
                    if (named) row.Add(p.Name);
                    t.Row([.. row]);
                }
            t.Write(ctx.Out, header: !ctx.Quiet);
            return;
        }
        if (q.Name == "ga-nxt")
        {
            var t = new TableWriter("ARG", "FC ID", "TYPE", "WWPN", "WWNN", "FC-4 TYPES", "SYMBOLIC PORT NAME");
            foreach (var a in good) t.Row(a.Argument, a.PortId, a.PortTypeName, a.PortName, a.NodeName, string.Join(", ", a.Fc4Types ?? []), a.SymbolicPortName);
            t.Write(ctx.Out, !ctx.Quiet);
            return;
        }
        if (ctx.Quiet)
        {
            foreach (var a in good) ctx.Out.WriteLine(Value(a));
            return;
        }
        if (good.Count == 0) return;
        var table = manyHosts ? new TableWriter("HOST", ArgHeader(q.Kind), q.ValueHeader) : new TableWriter(ArgHeader(q.Kind), q.ValueHeader);
        foreach (var a in good)
            if (manyHosts) table.Row(a.Host, a.Argument, Value(a));
            else table.Row(a.Argument, Value(a));
        table.Write(ctx.Out);
    }

    private static string ArgHeader(ArgKind k) => k switch { ArgKind.PortId => "FC ID", ArgKind.Wwn => "WWN", _ => "ARG" };

    private static string Value(NsAnswer a) =>
        a.PortName ?? a.NodeName ?? a.SymbolicPortName ?? a.SymbolicNodeName ?? a.PortId ?? a.FabricPortName ?? a.ClassOfService
        ?? a.Fc4Features ?? a.PortTypeName ?? (a.Fc4Types is { } t ? (t.Count == 0 ? "none" : string.Join(", ", t)) : null)
        ?? (a.Ports is { } p ? string.Join(" ", p.Select(x => x.PortId)) : "");

    private static object Parse(ArgKind kind, string text) => kind switch
    {
        ArgKind.PortId => FcId.Parse(text),
        ArgKind.Wwn => Wwn.Parse(text),
        ArgKind.Fc4Type => Fc4Types.TryParseName(text, out var type) ? type
            : ParseCode(text, Fc4Types.Table, "FC-4 type", $"{Fc4Types.AliasSummary} or a number such as 0x08"),
        _ => ParseCode(text, PortTypes.Table, "port type", "N_Port, NL_Port, Nx_Port (all) or a number such as 0x01",
            ("n", PortTypes.NPort), ("nl", PortTypes.NlPort), ("nx", PortTypes.NxPort), ("all", PortTypes.NxPort)),
    };

    private static byte ParseCode(string text, CodeTable table, string what, string examples, params (string Alias, byte Code)[] aliases)
    {
        var s = text.Trim();
        foreach (var (alias, code) in aliases)
            if (s.Equals(alias, StringComparison.OrdinalIgnoreCase)) return code;
        foreach (var (code, name) in table.Entries)
            if (s.Equals(name, StringComparison.OrdinalIgnoreCase) || s.Equals(name.Split(' ')[0], StringComparison.OrdinalIgnoreCase)) return (byte)code;
        var hex = s.StartsWith("0x", StringComparison.OrdinalIgnoreCase);
        if (byte.TryParse(hex ? s[2..] : s, hex ? NumberStyles.AllowHexSpecifier : NumberStyles.None, CultureInfo.InvariantCulture, out var b)) return b;
        throw CliException.Usage($"'{text}' is not a {what} ({examples})");
    }
}
