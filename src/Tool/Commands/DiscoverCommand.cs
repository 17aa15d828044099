using System.CommandLine;
using BsgKit.Fc.Codes;
using BsgKit.Fc.Ct.ConfigServer;
using BsgKit.Fc.Ct.ZoneServer;
using BsgKit.Fc.Discovery;
using BsgKit.Tool.Infrastructure;
using BsgKit.Tool.Output;

namespace BsgKit.Tool.Commands;

/// <summary>bsgkit discover: the whole fabric (switches, ISLs, N_Ports) as a table, JSON or Graphviz; partial results plus failures.</summary>
internal static class DiscoverCommand
{
    public static Command Build(CliHost cli)
    {
        var noSwitches = new Option<bool>("--no-switches") { Description = "Skip the configuration server (switches, ports, ISLs)" };
        var parallel = new Option<int>("--parallel") { Description = "Requests in flight at once (the driver may allow fewer)", DefaultValueFactory = _ => 4 };
        var brief = new Option<bool>("--brief")
        {
            Description = "Only N_Port IDs, WWPN, WWNN, port type, FC-4 types and features, and switch domains: bulk listings only (tens of requests for thousands of ports)",
        };
        var detail = new Option<bool>("--detail") { Description = "Also each switch port's number, state and attached ports as the switch lists them (GPPN, GPS, GAPNL per port)" };
        var plan = new Option<string>("--plan")
        {
            Description = "How to ask: bulk (listings and one GA_NXT per N_Port, the default) or per-attribute (one query per attribute per port; for comparison)",
            DefaultValueFactory = _ => "bulk",
        };
        plan.AcceptOnlyFromAmong("bulk", "per-attribute");
        var level = new Option<string>("--level")
        {
            Description = "With -o dot: ports (switches, ISLs and every N_Port) or switches (switches and ISLs, N_Port counts per switch)",
            DefaultValueFactory = _ => "ports",
        };
        level.AcceptOnlyFromAmong("ports", "switches");
        var zoning = new Option<bool>("--zoning") { Description = "Also read the active zone set (GAZS) into the snapshot" };
        var diff = new Option<string?>("--diff") { Description = "Compare with this earlier snapshot (discover -o json) and print what changed: exit 0 equal, 1 different", HelpName = "BEFORE.json" };
        var cmd = new Command("discover", "The whole fabric from one host: switches, ISLs and N_Ports (-o table|json|dot); exit 7 with the failures listed when only part of it answered")
        {
            noSwitches, parallel, brief, detail, plan, level, zoning, diff,
        };
        cli.SetAction(cmd, async (ctx, parse, ct) =>
        {
            // -H all: one snapshot per host (a JSON array, one table or graph after the other); otherwise one host.
            if (parse.GetValue(brief) && parse.GetValue(detail))
                throw CliException.Usage("--brief and --detail ask for opposite things: choose one");
            var switchesOnly = parse.GetValue(level) == "switches";
            if (parse.GetResult(level) is { Implicit: false } && ctx.Output.Format != OutputFormat.Dot)
                throw CliException.Usage("--level shapes the graph: use it with -o dot");
            var beforePath = parse.GetValue(diff);
            // The earlier snapshot is read first: a file that is not one is a usage error before anything is sent.
            var before = beforePath is null ? null : DiffCommand.Read(beforePath);
            if (before is not null && ctx.Output.Format == OutputFormat.Dot) throw CliException.Usage("discover --diff prints a table or JSON, not -o dot");
            var withZoning = parse.GetValue(zoning) || before?.Any(b => b.Zoning is not null) == true;
            var hosts = ctx.Hosts.AllHosts ? ctx.Hosts.SelectHosts() : [ctx.Hosts.SelectHost()];
            var options = new FabricDiscoveryOptions
            {
                IncludeSwitches = !parse.GetValue(noSwitches),
                MaxParallelism = Math.Max(1, parse.GetValue(parallel)),
                Level = parse.GetValue(brief) ? DiscoveryLevel.Brief : parse.GetValue(detail) ? DiscoveryLevel.Detail : DiscoveryLevel.Standard,
                Plan = parse.GetValue(plan) == "per-attribute" ? DiscoveryPlan.PerAttribute : DiscoveryPlan.Bulk,
            };
            var results = new List<DiscoverDto>();
            var codes = new List<int>();
            foreach (var host in hosts)
            {
                using var progress = new DiscoveryProgressDisplay(ctx.Output.ErrIsTerminal && !ctx.Quiet ? ctx.Err : null);
                FabricSnapshot snap;
                try
                {
                    var client = ctx.Session.OpenHost(host);
                    // A driver BsgKit cannot drive (bfa) fails every query the same way: that is the answer, not a partial fabric.
                    if (client.Profile.UnsupportedReason is { } cannot)
                        throw new Fc.Clients.FcNotSupportedException(client.DevicePath, $"{client.Profile}: {cannot}", "this driver cannot be used through generic FC bsg passthrough");
                    snap = await FabricDiscovery.DiscoverAsync(client, options, progress, ctx.LoggerFactory.CreateLogger("bsgkit.discover"), ct);
                }
                catch (OperationCanceledException) when (ctx.IsInterrupted)
                {
                    progress.Clear();
                    Emit(ctx, results, hosts.Count > 1, switchesOnly);
                    // What was done: the finished hosts above, and how far this one got (FabricDiscovery keeps no partial snapshot).
                    ctx.Err.WriteLine($"bsgkit: discover {host.Name}: stopped during {progress.Summary}");
                    throw;
                }
                catch (Exception e) when (hosts.Count > 1 && e is BsgKit.Bsg.BsgException)
                {
                    codes.Add(CliHost.Fail(ctx, $"discover {host.Name}", e));
                    continue;
                }
                progress.Clear();
                var (dto, code) = Judge(ctx, ToDto(host.Name, snap), snap);
                if (withZoning) (dto, code) = await AddZoningAsync(ctx.Session.OpenHost(host), dto, code, ct);
                results.Add(dto);
                codes.Add(code);
            }
            if (before is not null)
            {
                foreach (var d in results)
                    foreach (var e in d.Errors.Distinct()) ctx.Err.WriteLine($"bsgkit: {(hosts.Count > 1 ? d.Host + " " : "")}{e.Operation} {e.Subject}: {e.Error}");
                if (results.Count == 0) return codes.FirstOrDefault(c => c != ExitCodes.Ok, ExitCodes.Partial);
                var now = hosts.Count > 1 ? "now (" + string.Join(", ", results.Select(r => r.Host)) + ")" : $"now ({results[0].Host})";
                var changes = DiffCommand.Compare(beforePath!, before, now, results);
                DiffCommand.Emit(ctx, changes);
                // A discovery that failed in part is that failure's code (the diff of what answered is printed); else like diff.
                var failed = codes.FirstOrDefault(c => c != ExitCodes.Ok, ExitCodes.Ok);
                return failed != ExitCodes.Ok ? failed : changes.Equal ? DiffCommand.Equal : DiffCommand.Different;
            }
            Emit(ctx, results, hosts.Count > 1, switchesOnly);
            foreach (var d in results)
                foreach (var e in d.Errors.Distinct()) ctx.Err.WriteLine($"bsgkit: {(hosts.Count > 1 ? d.Host + " " : "")}{e.Operation} {e.Subject}: {e.Error}");
            if (codes.All(c => c == ExitCodes.Ok)) return ExitCodes.Ok;
            return codes.Count == 1 ? codes[0] : codes.Any(c => c is ExitCodes.Ok or ExitCodes.Partial) ? ExitCodes.Partial : codes.First(c => c != ExitCodes.Ok);
        });
        return cmd;
    }

    /// <summary>The active zone set into the snapshot; a zone server that does not answer is one more failed query (exit 7).</summary>
    private static async Task<(DiscoverDto, int)> AddZoningAsync(Fc.Clients.FcHostClient client, DiscoverDto dto, int code, CancellationToken ct)
    {
        try
        {
            var set = (await client.GazsAsync(ct)).Value;
            return (dto with { Zoning = new ZoningDto(set.Name, set.Zones.Select(z => new ZoneDto(z.Name, z.Members.Select(ZoneCommand.Member).ToList())).ToList()) }, code);
        }
        catch (Fc.Clients.FcException e)
        {
            var error = new ErrorDto(Gazs.Name, "zone server", ExitCodes.Describe(e)) { Status = e.Exchange?.Status.ToString(), ExitCode = ExitCodes.Classify(e) };
            return (dto with { Errors = [.. dto.Errors, error], Complete = false }, code == ExitCodes.Ok ? ExitCodes.Partial : code);
        }
    }

    /// <summary>The exit code of one snapshot: 0 complete, 7 partial, else what the first failure was (the one mapping).</summary>
    private static (DiscoverDto Dto, int Code) Judge(CliContext ctx, DiscoverDto dto, FabricSnapshot snap)
    {
        // The driver cannot route CT to the management server at all (no request was sent, e.g. lpfc without a
        // 0xFFFFFA rport): the switches are unknowable from this host, which is not a failure of the fabric.
        var unreachable = dto.Errors.Where(e => e.Status is null && e.Operation == Giel.Name).ToList();
        if (unreachable.Count > 0)
        {
            ctx.Logger.LogWarningLine($"{dto.Host}: switches not discovered: {unreachable[0].Error} (the configuration server is not reachable through {snap.Profile})");
            dto = dto with { Errors = dto.Errors.Except(unreachable).ToList(), Complete = snap.ListingComplete && dto.Errors.Count == unreachable.Count };
        }
        if (dto.Complete) return (dto, ExitCodes.Ok);
        if (dto.NPorts.Count > 0 || dto.Switches.Count > 0) return (dto, ExitCodes.Partial);
        var first = snap.Errors.FirstOrDefault(e => !unreachable.Any(u => u.Operation == e.Operation && u.Subject == e.Subject));
        return (dto, first?.Error is { } error ? ExitCodes.Classify(error) : ExitCodes.Partial);
    }

    private static void Emit(CliContext ctx, List<DiscoverDto> results, bool manyHosts, bool switchesOnly)
    {
        switch (ctx.Output.Format)
        {
            case OutputFormat.Json when manyHosts: JsonOutput.Write(ctx.Out, results, static c => c.ListDiscoverDto); break;
            case OutputFormat.Json: foreach (var d in results) JsonOutput.Write(ctx.Out, d, static c => c.DiscoverDto); break;
            case OutputFormat.Dot:
                foreach (var d in results)
                    if (switchesOnly) WriteSwitchDot(ctx.Out, d);
                    else WriteDot(ctx.Out, d);
                break;
            default:
                for (var i = 0; i < results.Count; i++)
                {
                    if (i > 0 && !ctx.Quiet) ctx.Out.WriteLine();
                    PrintTable(ctx, results[i]);
                }
                break;
        }
    }

    /// <summary>
    /// The progress line on a terminal: redrawn at most 10 times a second, and never backwards (reports from parallel
    /// queries arrive out of order). Also remembers how far discovery got, for the line printed on Ctrl-C.
    /// </summary>
    internal sealed class DiscoveryProgressDisplay(TextWriter? terminal, Func<long>? clockMs = null) : IProgress<DiscoveryProgress>, IDisposable
    {
        public const int MinimumRedrawIntervalMs = 100;
        private readonly Lock _lock = new();
        private readonly Func<long> _clock = clockMs ?? (() => Environment.TickCount64);
        private string _phase = "name server";
        private int _completed, _total;
        private long _lastDraw = long.MinValue;

        public int Redraws { get; private set; }

        public string Summary
        {
            get
            {
                lock (_lock)
                    return _phase switch
                    {
                        "ports" => $"describing the N_Ports: {_completed} of {_total} done",
                        "switches" when _total > 1 || _completed > 0 => $"describing the switches: {_completed} of {_total} done",
                        "switches" => "the switch listing (GIEL)",
                        _ => "the name-server listing (no N_Port described yet)",
                    };
            }
        }

        public void Report(DiscoveryProgress p)
        {
            lock (_lock)
            {
                if (p.Phase != _phase) (_phase, _completed, _total) = (p.Phase, p.Completed, p.Total);
                else if (p.Completed > _completed || p.Total != _total) (_completed, _total) = (Math.Max(_completed, p.Completed), p.Total);
                else return; // an older report overtaken by a newer one
                var now = _clock();
                var last = _completed == _total && _total > 0;
                if (terminal is null || (!last && _lastDraw != long.MinValue && now - _lastDraw < MinimumRedrawIntervalMs)) return;
                Draw(now);
            }
        }

        private void Draw(long now)
        {
            terminal!.Write($"\r\e[K{_phase}: {_completed}/{_total}");
            _lastDraw = now;
            Redraws++;
        }

        public void Clear()
        {
            lock (_lock)
            {
                if (terminal is not null && Redraws > 0) terminal.Write("\r\e[K");
            }
        }

        public void Dispose() => Clear();
    }

    internal static DiscoverDto ToDto(string host, FabricSnapshot s)
    {
        var switches = s.Switches.OrderBy(x => x.DomainId ?? 255).Select(sw => new SwitchDto(sw.Name.ToString(), sw.ElementTypeName)
        {
            DomainId = sw.DomainId, LogicalName = sw.LogicalName, Vendor = sw.Info?.Vendor, Model = sw.Info?.Model, Release = sw.Info?.Release,
            Ports = sw.Ports.Select(p => new SwitchPortDto(p.PortName.ToString(), p.PortTypeName)
            {
                PhysicalPortNumber = p.PhysicalPortNumber, State = p.State?.StateName,
                ModuleType = GsConfigServerObjects.PortModuleTypes.NameOf(p.ModuleType), TxType = GsConfigServerObjects.PortTxTypes.NameOf(p.TxType),
                Attached = p.AttachedPorts.Select(a => new AttachedPortDto(a.PortName.ToString(), a.PortTypeName)).ToList(),
            }).ToList(),
        }).ToList();
        // ISLs: an E_Port whose attached port is another switch's port; each link once.
        var owner = new Dictionary<string, SwitchDto>();
        foreach (var sw in switches) foreach (var p in sw.Ports) owner[p.PortName] = sw;
        var isls = new List<IslDto>();
        var seen = new HashSet<string>();
        foreach (var sw in switches)
            foreach (var p in sw.Ports)
                foreach (var a in p.Attached)
                    if (owner.TryGetValue(a.PortName, out var other) && other != sw)
                    {
                        var key = string.CompareOrdinal(p.PortName, a.PortName) < 0 ? p.PortName + a.PortName : a.PortName + p.PortName;
                        if (seen.Add(key)) isls.Add(new IslDto(sw.Name, p.PortName, other.Name, a.PortName));
                    }
        var nports = s.NPorts.Select(n => new NPortDto(n.PortId.ToString())
        {
            PortName = Fmt.Wwn(n.PortName), NodeName = Fmt.Wwn(n.NodeName), PortType = n.PortTypeName, Fc4Types = n.Fc4Types?.Names.ToList(),
            Fc4Features = n.Fc4Features?.ToString(), SymbolicPortName = n.SymbolicPortName, SymbolicNodeName = n.SymbolicNodeName,
            FabricPortName = Fmt.Wwn(n.FabricPortName),
            Switch = n.FabricPortName is { } fp && owner.TryGetValue(fp.ToString(), out var sw) ? sw.Name
                : switches.FirstOrDefault(x => x.DomainId == n.PortId.Domain)?.Name,
        }).ToList();
        return new DiscoverDto(host, s.DevicePath, s.Profile, Math.Round(s.Duration.TotalMilliseconds, 1), s.IsComplete)
        {
            ListingMethod = s.ListingMethod?.ToString(), Switches = switches, Isls = isls, NPorts = nports,
            Level = s.Level.ToString().ToLowerInvariant(), Plan = s.Plan == DiscoveryPlan.PerAttribute ? "per-attribute" : "bulk",
            Requests = s.Requests, RequestsByCommand = new Dictionary<string, int>(s.RequestCounts), Notes = s.Notes.Select(CliAdvice.Rewrite).ToList(),
            Errors = s.Errors.Select(e => new ErrorDto(e.Operation, e.Subject, CliAdvice.Rewrite(e.Message))
            {
                Status = e.Status?.ToString(), ExitCode = e.Error is { } x ? ExitCodes.Classify(x) : null,
            }).ToList(),
        };
    }

    private static void PrintTable(CliContext ctx, DiscoverDto d)
    {
        var header = !ctx.Quiet;
        if (header)
            ctx.Out.WriteLine(ctx.Output.Bold($"Fabric seen from {d.Host} ({d.Profile}): {Fmt.Count(d.Switches.Count, "switch", "switches")}, " +
                                       $"{Fmt.Count(d.Isls.Count, "ISL")}, {Fmt.Count(d.NPorts.Count, "N_Port")}{(d.Complete ? "" : ", INCOMPLETE")}"));
        if (d.Switches.Count > 0)
        {
            if (header) ctx.Out.WriteLine();
            var t = new TableWriter("DOMAIN", "SWITCH", "NAME", "VENDOR", "MODEL", "RELEASE", "PORTS");
            foreach (var s in d.Switches) t.Row(s.DomainId?.ToString(), s.Name, s.LogicalName, s.Vendor, s.Model, s.Release, s.Ports.Count.ToString());
            t.Write(ctx.Out, header);
        }
        if (d.Isls.Count > 0)
        {
            if (header) ctx.Out.WriteLine();
            var t = new TableWriter("ISL FROM", "PORT", "TO", "PORT");
            foreach (var i in d.Isls) t.Row(Label(d, i.FromSwitch), i.FromPort, Label(d, i.ToSwitch), i.ToPort);
            t.Write(ctx.Out, header);
        }
        if (d.NPorts.Count > 0)
        {
            if (header) ctx.Out.WriteLine();
            var t = new TableWriter("FC ID", "WWPN", "WWNN", "TYPE", "FC-4", "FEATURES", "SWITCH", "SYMBOLIC PORT NAME");
            foreach (var n in d.NPorts)
                t.Row(n.PortId, n.PortName, n.NodeName, n.PortType, n.Fc4Types is { } f ? string.Join(",", f) : null, n.Fc4Features,
                    n.Switch is { } s ? Label(d, s) : null, n.SymbolicPortName);
            t.Write(ctx.Out, header);
        }
        if (header)
        {
            ctx.Out.WriteLine();
            ctx.Out.WriteLine(RequestLine(d));
            foreach (var n in d.Notes) ctx.Out.WriteLine($"Note: {n}");
        }
    }

    /// <summary>"CT requests: 10,312 (GA_NXT 10,003, GAPNL 100, …) — standard, bulk": the cost, biggest first.</summary>
    internal static string RequestLine(DiscoverDto d) =>
        $"CT requests: {d.Requests:N0}" +
        (d.RequestsByCommand.Count == 0 ? "" : " (" + string.Join(", ", d.RequestsByCommand.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal)
            .Select(kv => $"{kv.Key} {kv.Value:N0}")) + ")") + $" — {d.Level}, {d.Plan}";

    private static string Label(DiscoverDto d, string switchName) =>
        d.Switches.FirstOrDefault(s => s.Name == switchName) is { } s ? s.LogicalName ?? s.Name : switchName;

    private static string Q(string s) => "\"" + s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    /// <summary>A Graphviz label: lines joined with \n (Graphviz's own escape), each line quoted.</summary>
    private static string Label(params string?[] lines) =>
        "\"" + string.Join("\\n", lines.Where(l => !string.IsNullOrEmpty(l)).Select(l => l!.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal))) + "\"";

    internal static void WriteDot(TextWriter w, DiscoverDto d)
    {
        w.WriteLine("graph fabric {");
        w.WriteLine("  rankdir=LR;");
        w.WriteLine("  node [fontname=\"Helvetica\"];");
        foreach (var s in d.Switches)
            w.WriteLine($"  {Q(s.Name)} [shape=box, label={Label(s.LogicalName ?? s.Name, s.DomainId is int dom ? $"domain {dom}" : null, s.Name)}];");
        foreach (var i in d.Isls)
            w.WriteLine($"  {Q(i.FromSwitch)} -- {Q(i.ToSwitch)} [label=\"ISL\", penwidth=2];");
        foreach (var n in d.NPorts)
        {
            w.WriteLine($"  {Q(n.PortId)} [shape=ellipse, label={Label(n.PortId, n.PortName, n.SymbolicPortName)}];");
            if (n.Switch is { } s) w.WriteLine($"  {Q(s)} -- {Q(n.PortId)};");
        }
        w.WriteLine("}");
    }

    /// <summary>
    /// The switch-level graph: one box per switch with its N_Port count, one edge per ISL (parallel ISLs between two
    /// switches become one edge labelled with their number), left to right so a ring or a core-edge fabric of dozens of
    /// switches stays readable.
    /// </summary>
    internal static void WriteSwitchDot(TextWriter w, DiscoverDto d)
    {
        w.WriteLine("graph fabric {");
        w.WriteLine("  rankdir=LR;");
        w.WriteLine("  node [fontname=\"Helvetica\", shape=box];");
        var counts = d.NPorts.Where(n => n.Switch is not null).GroupBy(n => n.Switch!).ToDictionary(g => g.Key, g => g.Count());
        foreach (var s in d.Switches)
            w.WriteLine($"  {Q(s.Name)} [label={Label(s.LogicalName ?? s.Name, s.DomainId is int dom ? $"domain {dom}" : null, Fmt.Count(counts.GetValueOrDefault(s.Name), "N_Port"))}];");
        var unplaced = d.NPorts.Count(n => n.Switch is null);
        if (unplaced > 0) w.WriteLine($"  \"unplaced\" [shape=note, label={Label(Fmt.Count(unplaced, "N_Port") + " on no known switch")}];");
        foreach (var link in d.Isls.GroupBy(i => string.CompareOrdinal(i.FromSwitch, i.ToSwitch) <= 0 ? (i.FromSwitch, i.ToSwitch) : (i.ToSwitch, i.FromSwitch)))
            w.WriteLine($"  {Q(link.Key.Item1)} -- {Q(link.Key.Item2)} [label={Q(link.Count() == 1 ? "ISL" : $"{link.Count()} ISLs")}, penwidth=2];");
        w.WriteLine("}");
    }
}
