using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using BsgKit.Bsg;
using BsgKit.Fc;
using BsgKit.Fc.Catalog;
using BsgKit.Fc.Clients;
using BsgKit.Tool.Infrastructure;
using BsgKit.Tool.Output;

namespace BsgKit.Tool.Commands;

/// <summary>
/// bsgkit check optics|errors|ports: monitoring-plugins checks (Nagios, Icinga, Naemon, Sensu). One status line
/// "BSGKIT OPTICS WARNING - … | perfdata" on stdout and the plugin exit codes: 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN.
/// Everything that keeps a check from being made — bad input included — is UNKNOWN (3), never the tool's usual codes.
/// </summary>
internal static class CheckCommand
{
    public const string Name = "check";

    /// <summary>The plugin states (monitoring-plugins guidelines, "Plugin Return Codes").</summary>
    public const int Ok = 0, Warning = 1, Critical = 2, Unknown = 3;

    private static readonly string[] StateNames = ["OK", "WARNING", "CRITICAL", "UNKNOWN"];

    public static string StateName(int state) => StateNames[state];

    /// <summary>Which of two states wins: CRITICAL over UNKNOWN over WARNING over OK.</summary>
    public static int Worse(int a, int b) => Rank(a) >= Rank(b) ? a : b;

    private static int Rank(int state) => state switch { Critical => 3, Unknown => 2, Warning => 1, _ => 0 };

    public static Command Build(CliHost cli)
    {
        var check = new Command(Name, "Monitoring-plugins checks (exit 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN; one status line with perfdata): optics, errors, ports");
        check.Subcommands.Add(BuildOptics(cli));
        check.Subcommands.Add(BuildErrors(cli));
        check.Subcommands.Add(BuildPorts(cli));
        return check;
    }

    /// <summary>Whether a parse belongs to `bsgkit check …` (its bad input is UNKNOWN, 3).</summary>
    public static bool IsCheck(ParseResult parse)
    {
        for (var r = parse.CommandResult; r is not null; r = r.Parent as System.CommandLine.Parsing.CommandResult)
            if (r.Command.Name == Name && r.Parent is System.CommandLine.Parsing.CommandResult { Command: RootCommand }) return true;
        return false;
    }

    /// <summary>A command line `check` could not parse: the UNKNOWN status line (or document) and exit 3.</summary>
    public static int ParseFailure(ParseResult parse, string message, TextWriter stdout, bool json)
    {
        var check = parse.CommandResult.Command.Name == Name ? "" : parse.CommandResult.Command.Name;
        WriteResult(stdout, json, UnknownResult(check, message));
        return Unknown;
    }

    // ---------------------------------------------------------------- optics

    private static Command BuildOptics(CliHost cli)
    {
        var ports = PortsArgument();
        var cmd = new Command("optics", "SFP optics (RDP) of remote ports against the module's own alarm (CRITICAL) and warning (WARNING) thresholds") { ports };
        SetCheckAction(cli, cmd, async (ctx, parse, ct) =>
        {
            var result = new CheckResult("optics");
            foreach (var host in Hosts(ctx))
            {
                var client = Open(ctx, host);
                foreach (var (label, id) in await TargetsAsync(ctx, client, parse.GetValue(ports), ct))
                {
                    RdpDto rdp;
                    try
                    {
                        rdp = ElsCommand.Rdp((await client.RdpAsync(id, id, ct)).Value);
                    }
                    catch (BsgException e) when (IsPortFailure(e))
                    {
                        result.Add(new CheckItemDto(label, "rdp", StateName(Unknown)) { Detail = ExitCodes.Describe(e) }, Unknown, $"{label}: {ExitCodes.Describe(e)}");
                        continue;
                    }
                    if (rdp.Readings.Count == 0)
                    {
                        result.Add(new CheckItemDto(label, "rdp", StateName(Unknown)) { Detail = "no SFP diagnostics in the RDP answer" }, Unknown, $"{label}: no SFP diagnostics");
                        continue;
                    }
                    result.Counted++;
                    foreach (var reading in rdp.Readings) JudgeReading(result, label, reading, rdp.Thresholds.FirstOrDefault(t => t.Name == reading.Name));
                }
            }
            result.OkSummary = $"{Fmt.Count(result.Counted, "port")}, every reading within the module's thresholds";
            return result;
        });
        return cmd;
    }

    private static void JudgeReading(CheckResult result, string port, RdpReadingDto r, RdpThresholdDto? t)
    {
        var state = Ok;
        string? why = null;
        var flags = r.Flags.Concat(t?.Transgressed ?? []).ToList();
        if (t is not null)
        {
            if (r.Value > t.HighAlarm || r.Value < t.LowAlarm) (state, why) = (Critical, r.Value > t.HighAlarm ? $"above high alarm {Num(t.HighAlarm)} {r.Unit}" : $"below low alarm {Num(t.LowAlarm)} {r.Unit}");
            else if (r.Value > t.HighWarning || r.Value < t.LowWarning) (state, why) = (Warning, r.Value > t.HighWarning ? $"above high warning {Num(t.HighWarning)} {r.Unit}" : $"below low warning {Num(t.LowWarning)} {r.Unit}");
        }
        // The module's own flags count too (it may judge with values the descriptor rounds).
        if (state != Critical && flags.Any(f => f.Contains("alarm", StringComparison.OrdinalIgnoreCase))) (state, why) = (Critical, string.Join(", ", flags).ToLowerInvariant());
        else if (state == Ok && flags.Count > 0) (state, why) = (Warning, string.Join(", ", flags).ToLowerInvariant());
        var name = Snake(r.Name);
        result.Add(new CheckItemDto(port, name, StateName(state)) { Value = r.Value, Unit = r.Unit, Detail = why },
            state, state == Ok ? null : $"{port} {name} {Num(r.Value)} {r.Unit} {why}");
        result.Perf.Add(new PerfDatumDto($"{port}_{name}_{AsciiUnit(r.Unit)}", r.Value)
        {
            Warning = t is null ? null : $"{Num(t.LowWarning)}:{Num(t.HighWarning)}",
            Critical = t is null ? null : $"{Num(t.LowAlarm)}:{Num(t.HighAlarm)}",
        });
    }

    /// <summary>One port did not answer (timeout, reject, busy, transport): that port is UNKNOWN. Permission and "cannot" end the check.</summary>
    private static bool IsPortFailure(BsgException e) => e is not FcNotSupportedException && ExitCodes.Classify(e) != ExitCodes.Permission;

    private static string AsciiUnit(string unit) => unit switch { "°C" => "C", "µW" => "uW", _ => unit };

    /// <summary>"txPower" → "tx_power".</summary>
    private static string Snake(string camel)
    {
        var sb = new StringBuilder();
        foreach (var c in camel)
        {
            if (char.IsUpper(c)) sb.Append('_').Append(char.ToLowerInvariant(c));
            else sb.Append(c);
        }
        return sb.ToString();
    }

    // ---------------------------------------------------------------- errors

    /// <summary>The counters compared, as RLS and the LESB name them, with the fc_host statistics file of each.</summary>
    private static readonly (string Key, string SysfsName)[] LinkCounters =
    [
        ("linkFailure", "link_failure_count"), ("lossOfSync", "loss_of_sync_count"), ("lossOfSignal", "loss_of_signal_count"),
        ("primitiveSequenceProtocolError", "prim_seq_protocol_err_count"), ("invalidTransmissionWord", "invalid_tx_word_count"),
        ("invalidCrc", "invalid_crc_count"),
    ];

    public const int StateFileVersion = 1;
    public const string LocalSubject = "local";

    private static Command BuildErrors(CliHost cli)
    {
        var ports = PortsArgument();
        var state = new Option<string>("--state") { Description = "State file: the counters of the previous run (written atomically; the first run only writes it)", Required = true, HelpName = "FILE" };
        var warning = new Option<long>("--warning", "-w") { Description = "WARNING when a counter went up by at least this much since the previous run", DefaultValueFactory = _ => 1 };
        var critical = new Option<long>("--critical", "-c") { Description = "CRITICAL when a counter went up by at least this much", DefaultValueFactory = _ => 10 };
        var cmd = new Command("errors", "Link error counters (RLS of remote ports, the host's fc_host statistics) against the previous run's state file") { ports, state, warning, critical };
        SetCheckAction(cli, cmd, async (ctx, parse, ct) =>
        {
            var (warn, crit) = (parse.GetValue(warning), parse.GetValue(critical));
            if (warn < 1 || crit < 1) throw CliException.Usage($"--warning {warn} / --critical {crit}: increments of at least 1");
            if (crit < warn) throw CliException.Usage($"--critical {crit} is below --warning {warn}");
            var path = parse.GetValue(state)!;
            var host = ctx.Hosts.SelectHost();
            var previous = ReadState(path);
            var hostWwpn = Fmt.Wwn(host.PortName);
            if (previous is not null && previous.HostWwpn != hostWwpn)
                throw CliException.Usage($"{path}: the state of {previous.Host} ({previous.HostWwpn ?? "no WWPN"}), not of {host.Name} ({hostWwpn}); give each host its own --state file");
            var client = Open(ctx, host);
            var result = new CheckResult("errors") { StateFile = path, PreviousSample = previous?.Time };
            var now = new CheckStateDto(StateFileVersion, host.Name, hostWwpn, DateTimeOffset.UtcNow);
            // The host's own port: fc_host statistics (sysfs, no request).
            var problems = new List<string>();
            var stats = FcHostStatistics.Read(ctx.Session.Connect(), host.HostNumber, problems).ToDictionary();
            var local = LinkCounters.Where(c => stats.ContainsKey(c.SysfsName)).ToDictionary(c => c.Key, c => stats[c.SysfsName]);
            if (local.Count > 0)
            {
                foreach (var (k, v) in local) now.Local[k] = v;
                Compare(result, $"{host.Name}", previous?.Local, local, warn, crit);
            }
            var remote = 0;
            foreach (var (label, id) in await TargetsAsync(ctx, client, parse.GetValue(ports), ct))
            {
                Dictionary<string, ulong> counters;
                string key;
                try
                {
                    var r = await client.RlsAsync(id, id, ct);
                    var l = ElsCommand.Lesb(r.Value);
                    counters = new Dictionary<string, ulong>
                    {
                        ["linkFailure"] = l.LinkFailure, ["lossOfSync"] = l.LossOfSync, ["lossOfSignal"] = l.LossOfSignal,
                        ["primitiveSequenceProtocolError"] = l.PrimitiveSequenceProtocolError, ["invalidTransmissionWord"] = l.InvalidTransmissionWord,
                        ["invalidCrc"] = l.InvalidCrc,
                    };
                    key = label;
                }
                catch (BsgException e) when (IsPortFailure(e))
                {
                    result.Add(new CheckItemDto(label, "rls", StateName(Unknown)) { Detail = ExitCodes.Describe(e) }, Unknown, $"{label}: {ExitCodes.Describe(e)}");
                    // Its previous counters stay in the state, so the next run compares with them.
                    if (previous?.Ports.TryGetValue(label, out var kept) == true) now.Ports[label] = kept;
                    continue;
                }
                now.Ports[key] = counters;
                remote++;
                Compare(result, label, previous?.Ports.GetValueOrDefault(key), counters, warn, crit);
            }
            if (result.Counted == 0 && result.State == Unknown) return result; // nothing read: the old state stays as it was
            WriteStateAtomically(path, now);
            var what = (local.Count > 0 ? $"{host.Name} and " : "") + Fmt.Count(remote, "remote port");
            result.OkSummary = previous is null
                ? $"first run: counters of {what} written to {path}; increments are judged from the next run"
                : $"{what}, no counter went up by {warn} or more since {previous.Time:yyyy-MM-dd HH:mm:ss}Z";
            return result;
        });
        return cmd;
    }

    private static void Compare(CheckResult result, string subject, Dictionary<string, ulong>? before, Dictionary<string, ulong> now, long warn, long crit)
    {
        result.Counted++;
        foreach (var (key, value) in now)
        {
            var name = Snake(key);
            if (before is null || !before.TryGetValue(key, out var old))
            {
                result.Add(new CheckItemDto(subject, name, StateName(Ok)) { Value = value, Detail = "first sample" }, Ok, null);
                result.Perf.Add(new PerfDatumDto($"{subject}_{name}", value) { Uom = "c" });
                continue;
            }
            // A counter that went down was reset (a reset_statistics, a driver reload): everything it holds is new.
            var reset = value < old;
            var delta = reset ? value : value - old;
            var state = delta >= (ulong)crit ? Critical : delta >= (ulong)warn ? Warning : Ok;
            result.Add(new CheckItemDto(subject, name, StateName(state)) { Value = delta, Detail = reset ? $"counter reset (was {old}, now {value})" : $"{old} → {value}" },
                state, state == Ok ? null : $"{subject} {name} +{delta}");
            result.Perf.Add(new PerfDatumDto($"{subject}_{name}", value) { Uom = "c" });
        }
    }

    /// <summary>The previous run's state; null when the file does not exist (the first run). Anything else wrong is a usage error naming the file.</summary>
    internal static CheckStateDto? ReadState(string path)
    {
        if (!File.Exists(path))
        {
            if (Directory.Exists(path)) throw CliException.Usage($"{path}: a directory, not a state file");
            var dir = Path.GetDirectoryName(Path.GetFullPath(path));
            if (dir is not null && !Directory.Exists(dir)) throw CliException.Usage($"--state {path}: no directory {dir} to write the state file in");
            return null;
        }
        var bytes = InputLimits.ReadFile(path, path, 64L * 1024 * 1024, "larger than any check state file");
        CheckStateDto? state;
        try
        {
            state = JsonSerializer.Deserialize(bytes, JsonOutput.Context.CheckStateDto);
        }
        catch (JsonException e)
        {
            throw CliException.Usage($"{path}: not a bsgkit check state file ({e.Message.Split(". ")[0]}); remove it to start again");
        }
        if (state is null || state.Version != StateFileVersion || state.Ports is null || state.Local is null)
            throw CliException.Usage($"{path}: not a bsgkit check state file (version {state?.Version.ToString(CultureInfo.InvariantCulture) ?? "missing"}, expected {StateFileVersion}); remove it to start again");
        return state;
    }

    /// <summary>Writes the state beside its final name and renames it over the old one: a reader sees the old or the new file, never half of one.</summary>
    internal static void WriteStateAtomically(string path, CheckStateDto state)
    {
        var full = Path.GetFullPath(path);
        var temp = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Environment.ProcessId}.tmp");
        try
        {
            using (var f = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None))
            {
                JsonSerializer.Serialize(f, state, JsonOutput.Context.CheckStateDto);
                f.Flush(flushToDisk: true);
            }
            File.Move(temp, full, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            File.Delete(temp);
            throw new CliException(ExitCodes.Transport, $"--state {path}: cannot write the state file ({e.Message})");
        }
    }

    // ---------------------------------------------------------------- ports

    private static Command BuildPorts(CliHost cli)
    {
        var warning = new Option<int>("--warning", "-w") { Description = "WARNING when at least this many remote ports are not online", DefaultValueFactory = _ => 1 };
        var critical = new Option<int>("--critical", "-c") { Description = "CRITICAL when at least this many remote ports are not online", DefaultValueFactory = _ => 2 };
        var minimum = new Option<int?>("--min-online") { Description = "CRITICAL when fewer remote ports than this are online (ports that vanished from sysfs)" };
        var cmd = new Command("ports", "Host port and remote port states from sysfs (no request is sent): host link down is CRITICAL, remote ports not online by count") { warning, critical, minimum };
        SetCheckAction(cli, cmd, (ctx, parse, _) =>
        {
            var (warn, crit, min) = (parse.GetValue(warning), parse.GetValue(critical), parse.GetValue(minimum));
            if (warn < 1 || crit < 1) throw CliException.Usage($"--warning {warn} / --critical {crit}: counts of at least 1");
            if (crit < warn) throw CliException.Usage($"--critical {crit} is below --warning {warn}");
            if (min is < 0) throw CliException.Usage($"--min-online {min}: must not be negative");
            var result = new CheckResult("ports");
            var hosts = Hosts(ctx);
            var rports = hosts.SelectMany(h => ctx.Session.FcCatalog().RemotePorts.Where(r => r.HostNumber == h.HostNumber && r.PortId is not { IsWellKnown: true })).ToList();
            var offline = rports.Where(r => !r.IsOnline).ToList();
            var online = rports.Count - offline.Count;
            // The remote ports that are not online are judged together, by how many they are.
            var offlineState = offline.Count >= crit ? Critical : offline.Count >= warn ? Warning : Ok;
            foreach (var host in hosts)
            {
                var state = host.PortState ?? "unknown";
                var up = state == "Online";
                result.Add(new CheckItemDto(host.Name, "port_state", StateName(up ? Ok : Critical)) { Detail = state }, up ? Ok : Critical, up ? null : $"{host.Name} is {state}");
            }
            foreach (var r in rports)
            {
                var marginal = r.PortState == "Marginal";
                var state = !r.IsOnline ? offlineState : marginal ? Warning : Ok;
                result.Add(new CheckItemDto($"{r.Name} {Fmt.Wwn(r.PortName) ?? "?"}", "port_state", StateName(state)) { Detail = r.PortState ?? "unknown" },
                    marginal ? Warning : Ok, marginal ? $"{r.Name} ({Fmt.Wwn(r.PortName)}) is Marginal" : null);
            }
            if (offline.Count > 0)
                result.Add(null, offlineState, $"{Fmt.Count(offline.Count, "remote port")} not online: {string.Join(", ", offline.Select(r => $"{r.Name} ({Fmt.Wwn(r.PortName) ?? "?"}) {r.PortState ?? "unknown"}"))}");
            if (min is int m && online < m) result.Add(null, Critical, $"{online} remote ports online, fewer than --min-online {m}");
            var total = online + offline.Count;
            result.Counted = total;
            result.Perf.Add(new PerfDatumDto("rports_online", online) { Critical = min is int mm ? $"{mm}:" : null, Min = 0, Max = total });
            result.Perf.Add(new PerfDatumDto("rports_not_online", offline.Count) { Warning = (warn - 1).ToString(CultureInfo.InvariantCulture), Critical = (crit - 1).ToString(CultureInfo.InvariantCulture), Min = 0, Max = total });
            result.OkSummary = $"{string.Join(", ", hosts.Select(h => $"{h.Name} {h.PortState}"))}, {Fmt.Count(online, "remote port")} online";
            return Task.FromResult(result);
        });
        return cmd;
    }

    // ---------------------------------------------------------------- shared

    private static Argument<string[]> PortsArgument() => new("PORT")
    {
        Description = "remote ports (rport-H:C-N, FC ID or WWPN); default: every online remote port of the host that is not a fabric address",
        Arity = ArgumentArity.ZeroOrMore,
    };

    private static IReadOnlyList<FcHostInfo> Hosts(CliContext ctx) => ctx.Hosts.AllHosts ? ctx.Hosts.SelectHosts() : [ctx.Hosts.SelectHost()];

    private static FcHostClient Open(CliContext ctx, FcHostInfo host)
    {
        var client = ctx.Session.OpenHost(host);
        // bfa, fnic: nothing can be asked, so nothing can be judged.
        if (client.Profile.UnsupportedReason is { } cannot)
            throw new FcNotSupportedException(client.DevicePath, $"{client.Profile}: {cannot}", "this driver cannot be used through generic FC bsg passthrough");
        return client;
    }

    /// <summary>The ports to ask, labelled by WWPN (stable across FC ID changes), else by FC ID.</summary>
    private static async Task<List<(string Label, FcId Id)>> TargetsAsync(CliContext ctx, FcHostClient client, string[]? specs, CancellationToken ct)
    {
        var list = new List<(string, FcId)>();
        if (specs is { Length: > 0 })
        {
            foreach (var spec in specs)
            {
                var id = await ctx.Hosts.ResolvePortAsync(client, spec, ct, mustExist: true).ConfigureAwait(false);
                var known = ctx.Session.FcCatalog().RemotePorts.FirstOrDefault(r => r.HostNumber == client.HostNumber && r.PortId == id);
                list.Add((Fmt.Wwn(known?.PortName) ?? id.ToString(), id));
            }
            return list;
        }
        foreach (var r in ctx.Session.FcCatalog().RemotePorts.Where(r => r.HostNumber == client.HostNumber && r.IsOnline && r.PortId is { IsWellKnown: false }))
            list.Add((Fmt.Wwn(r.PortName) ?? r.PortId!.Value.ToString(), r.PortId!.Value));
        if (list.Count == 0) throw CliException.NotFound($"{client.Host.Name} has no online remote ports to check");
        return list;
    }

    private static string Num(double v) => v.ToString("0.####", CultureInfo.InvariantCulture);

    /// <summary>What a check found: its items, perfdata and the state they add up to.</summary>
    internal sealed class CheckResult(string check)
    {
        public string Check { get; } = check;
        public int State { get; private set; } = Ok;
        public List<CheckItemDto> Items { get; } = [];
        public List<PerfDatumDto> Perf { get; } = [];
        /// <summary>The problems, worst first when printed.</summary>
        public List<(int State, string Text)> Problems { get; } = [];
        /// <summary>Ports (or counters' owners) actually read.</summary>
        public int Counted { get; set; }
        public string OkSummary { get; set; } = "";
        public string? StateFile { get; init; }
        public DateTimeOffset? PreviousSample { get; init; }

        public void Add(CheckItemDto? item, int state, string? problem)
        {
            if (item is not null) Items.Add(item);
            State = Worse(State, state);
            if (problem is not null) Problems.Add((state, problem));
        }

        public CheckDto ToDto()
        {
            // Nothing could be read at all: UNKNOWN whatever else was found.
            var state = Counted == 0 && Problems.Count > 0 && Problems.All(p => p.State == Unknown) ? Unknown : State;
            var summary = state == Ok ? OkSummary : string.Join("; ", Problems.OrderByDescending(p => Rank(p.State)).Select(p => p.Text));
            return new CheckDto(Check, StateName(state), state, summary)
            {
                Ok = state != Unknown, Error = state == Unknown ? summary : null,
                Items = Items, Perfdata = Perf, StateFile = StateFile, PreviousSample = PreviousSample,
            };
        }
    }

    private static CheckDto UnknownResult(string check, string message) =>
        new(check, StateName(Unknown), Unknown, message) { Ok = false, Error = message };

    /// <summary>"BSGKIT OPTICS WARNING - summary | perfdata" (or the JSON document).</summary>
    private static void WriteResult(TextWriter w, bool json, CheckDto dto)
    {
        if (json)
        {
            JsonOutput.Write(w, dto, static c => c.CheckDto);
            return;
        }
        var line = new StringBuilder("BSGKIT ");
        if (dto.Check.Length > 0) line.Append(dto.Check.ToUpperInvariant()).Append(' ');
        // One line: the summary may hold newlines only if a message did; plugins show the first line.
        line.Append(dto.State).Append(" - ").Append(dto.Summary.Replace('\n', ' ').Replace('|', '/'));
        if (dto.Perfdata.Count > 0) line.Append(" | ").Append(string.Join(' ', dto.Perfdata.Select(Perfdata)));
        w.WriteLine(line.ToString());
    }

    /// <summary>'label'=value[UOM];warn;crit;min;max with trailing empty fields left out (monitoring-plugins guidelines).</summary>
    internal static string Perfdata(PerfDatumDto p)
    {
        var label = p.Label.Any(c => c is ' ' or '=' or '\'') ? "'" + p.Label.Replace("'", "''", StringComparison.Ordinal) + "'" : p.Label;
        var fields = new[] { p.Warning ?? "", p.Critical ?? "", p.Min is double min ? Num(min) : "", p.Max is double max ? Num(max) : "" };
        var used = fields.Length;
        while (used > 0 && fields[used - 1].Length == 0) used--;
        var text = $"{label}={Num(p.Value)}{p.Uom}";
        return used == 0 ? text : text + ";" + string.Join(';', fields[..used]);
    }

    /// <summary>Like <see cref="CliHost.SetAction"/>, except that every failure is UNKNOWN (3) with its status line.</summary>
    private static void SetCheckAction(CliHost cli, Command command, Func<CliContext, ParseResult, CancellationToken, Task<CheckResult>> body) =>
        command.SetAction(async (parse, ct) =>
        {
            CliContext? ctx = null;
            var check = command.Name;
            var json = ParseErrors.WantsJson(parse, cli.G);
            try
            {
                ctx = cli.CreateContext(parse);
                ctx.NoDot();
                var dto = (await body(ctx, parse, ct).ConfigureAwait(false)).ToDto();
                if (dto.State == StateName(Unknown)) cli.Err.WriteLine($"bsgkit: check {check}: {dto.Summary}");
                WriteResult(cli.Out, ctx.Json, dto);
                return dto.ExitCode;
            }
            catch (Exception e) when (cli.Interrupt.IsRaised && e is OperationCanceledException)
            {
                cli.Err.WriteLine($"bsgkit: interrupted ({cli.Interrupt.SignalName})");
                return cli.Interrupt.ExitCode;
            }
            catch (Exception e)
            {
                var message = ExitCodes.Describe(e, withHint: ctx?.Verbosity > 0);
                cli.Err.WriteLine("bsgkit: " + message);
                WriteResult(cli.Out, ctx?.Json ?? json, UnknownResult(check, message));
                return Unknown;
            }
            finally
            {
                ctx?.Dispose();
            }
        });
}
