using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using BsgKit.Bsg;
using BsgKit.Fc.Clients;
using BsgKit.Fc.Codes;
using BsgKit.Fc.Els;
using BsgKit.Fc;
using BsgKit.Tool.Infrastructure;
using BsgKit.Tool.Output;

namespace BsgKit.Tool.Commands;

/// <summary>bsgkit els …: ELS to a remote port (rport-H:C-N, FC ID or WWPN) from a host.</summary>
internal static class ElsCommand
{
    public static Command Build(CliHost cli)
    {
        var els = new Command("els", "Extended link services to a port: echo/ping, rls, rnid, rpsc, adisc, rtv, rdp, lirr, rpl, rps, srl");
        els.Subcommands.Add(BuildPing(cli, "echo", "ELS ECHO round trips, like ping: per-reply RTT, loss and min/avg/max/mdev"));
        els.Subcommands.Add(BuildPing(cli, "ping", "Same as echo"));
        Add(els, cli, "rls", "Read Link Error Status: the port's link error counters", null, async (c, d, _, ct) =>
        {
            var r = await c.RlsAsync(d, d, ct);
            return Report(c, Rls.Name, d, r.Exchange) with { Rls = Lesb(r.Value) };
        });
        Add(els, cli, "rnid", "Request Node Identification Data (general topology format)", null, async (c, d, _, ct) =>
        {
            var r = await c.RnidAsync(d, cancellationToken: ct);
            var v = r.Value;
            var g = v.GeneralTopology;
            return Report(c, Rnid.Name, d, r.Exchange) with
            {
                Rnid = new RnidDto(v.Format, v.FormatName, Fmt.Wwn(v.Wwpn), Fmt.Wwn(v.Wwnn))
                {
                    VendorUniqueId = g?.VendorUniqueIdText, AssociatedType = g?.AssociatedTypeName, PhysicalPortNumber = g?.PhysicalPortNumber,
                    AttachedNodes = g?.AttachedNodeCount, NodeManagement = g?.NodeManagementName, IpAddress = g?.IpAddress?.ToString(),
                    SpecificData = g is null && v.SpecificData.Length > 0 ? Fmt.Hex(v.SpecificData) : null,
                },
            };
        });
        Add(els, cli, "rpsc", "Report Port Speed Capabilities", null, async (c, d, _, ct) =>
        {
            var r = await c.RpscAsync(d, ct);
            return Report(c, Rpsc.Name, d, r.Exchange) with { Rpsc = new RpscDto(r.Value.Select(e => Speed(e.SpeedCapabilities, e.OperatingSpeed)).ToList()) };
        });
        Add(els, cli, "adisc", "Discover Address: the port's hard address, WWPN, WWNN and N_Port ID", null, async (c, d, _, ct) =>
        {
            var h = c.Host;
            var mine = new AdiscParameters(h.PortId ?? default, h.PortName ?? default, h.NodeName ?? default, h.PortId ?? default);
            var r = await c.AdiscAsync(d, mine, ct);
            var v = r.Value;
            return Report(c, Adisc.Name, d, r.Exchange) with { Adisc = new AdiscDto(v.HardAddress.ToString(), v.Wwpn.ToString(), v.Wwnn.ToString(), v.NPortId.ToString()) };
        });
        Add(els, cli, "rtv", "Read Timeout Value: R_A_TOV, E_D_TOV, R_T_TOV", null, async (c, d, _, ct) =>
        {
            var r = await c.RtvAsync(d, ct);
            var v = r.Value;
            return Report(c, Rtv.Name, d, r.Exchange) with
            {
                Rtv = new RtvDto(v.RaTovMilliseconds, v.EdTov.TotalMilliseconds, v.RtTov.TotalMilliseconds, v.TimeoutQualifierNames.ToList()),
            };
        });
        Add(els, cli, "rdp", "Read Diagnostic Parameters: SFP optics (°C, V, mA, µW, dBm) with alarm and warning flags, speed, link errors", null, async (c, d, _, ct) =>
        {
            var r = await c.RdpAsync(d, d, ct);
            return Report(c, BsgKit.Fc.Els.Rdp.Name, d, r.Exchange) with { Rdp = Rdp(r.Value) };
        });
        var function = new Option<byte>("--function") { Description = "LIRR registration function: 1 set conditional, 2 set unconditional, 255 clear", DefaultValueFactory = _ => 1 };
        var format = new Option<byte>("--format") { Description = "LIRR: RLIR format", DefaultValueFactory = _ => 0 };
        Add(els, cli, "lirr", $"Link Incident Record Registration (registers this host at the port: refused without {ExitCodes.ConfirmFlag})", [function, format], async (c, d, p, ct) =>
        {
            var r = await c.LirrAsync(d, new LirrRequest(p.GetValue(function), p.GetValue(format)), ct);
            return Report(c, Lirr.Name, d, r.Exchange);
        });
        var max = new Option<ushort>("--max") { Description = "RPL: most port blocks to return", DefaultValueFactory = _ => 64 };
        var start = new Option<uint>("--start") { Description = "RPL: first port index", DefaultValueFactory = _ => 0 };
        Add(els, cli, "rpl", "Read Port List (of a switch)", [max, start], async (c, d, p, ct) =>
        {
            var r = await c.RplAsync(d, new RplRequest(p.GetValue(max), p.GetValue(start)), ct);
            var v = r.Value;
            return Report(c, Rpl.Name, d, r.Exchange) with
            {
                Rpl = new RplDto(v.ListLength, v.FirstIndex, v.Blocks.Select(b => new RplBlockDto(b.PhysicalPortNumber, b.PortId.ToString(), b.Wwpn.ToString())).ToList()),
            };
        });
        var wwpn = new Option<string?>("--wwpn") { Description = "RPS: ask about this WWPN instead of the destination" };
        var physical = new Option<uint?>("--port-number") { Description = "RPS: ask about this physical port number" };
        Add(els, cli, "rps", "Read Port Status: port status and link error counters", [wwpn, physical], async (c, d, p, ct) =>
        {
            var req = p.GetValue(wwpn) is { } w ? RpsRequest.ForWwpn(Wwn.Parse(w))
                : p.GetValue(physical) is uint n ? RpsRequest.ForPhysicalPort(n) : RpsRequest.ForDestinationId();
            var r = await c.RpsAsync(d, req, ct);
            var v = r.Value;
            return Report(c, Rps.Name, d, r.Exchange) with { Rps = new RpsDto(v.Flags, v.PortStatus, v.PortStatusNames.ToList(), Lesb(v.Lesb)) };
        });
        var flag = new Option<byte>("--flag") { Description = "SRL flag (0: scan all loops)", DefaultValueFactory = _ => 0 };
        var flagParam = new Option<uint>("--flag-parameter") { Description = "SRL flag parameter", DefaultValueFactory = _ => 0 };
        Add(els, cli, "srl", $"Scan Remote Loop (the fabric initializes the remote loop: refused without {ExitCodes.ConfirmFlag})", [flag, flagParam], async (c, d, p, ct) =>
        {
            var r = await c.SrlAsync(d, new SrlRequest(p.GetValue(flag), p.GetValue(flagParam)), ct);
            return Report(c, Srl.Name, d, r.Exchange);
        });
        return els;
    }

    private static ElsReport Report(FcHostClient c, string cmd, FcId d, FcExchangeResult x) =>
        new(c.Host.Name, cmd, d.ToString()) { DurationMs = Math.Round(x.Duration.TotalMilliseconds, 3) };

    internal static LesbDto Lesb(Lesb l) => new(l.LinkFailureCount, l.LossOfSyncCount, l.LossOfSignalCount,
        l.PrimitiveSequenceProtocolErrorCount, l.InvalidTransmissionWordCount, l.InvalidCrcCount);

    private static SpeedDto Speed(ushort caps, ushort op) =>
        new(caps, Fc.Codes.PortSpeeds.Link.NamesOf(caps).ToList(), op, Fc.Codes.PortSpeeds.Link.Find(op) ?? $"unknown (0x{op:x4})");

    private static Argument<string> PortArg() => new("PORT") { Description = "remote port: rport-H:C-N, FC ID (0x010a00) or WWPN" };

    /// <summary>The ELS verbs that change state at the destination (StateChangingRequests marks them); they take the confirmation flag.</summary>
    private static readonly HashSet<string> Writes = ["lirr", "srl"];

    private static void Add(Command parent, CliHost cli, string name, string description, Option[]? options,
        Func<FcHostClient, FcId, ParseResult, CancellationToken, Task<ElsReport>> run)
    {
        var port = PortArg();
        var cmd = new Command(name, description) { port };
        foreach (var o in options ?? []) cmd.Options.Add(o);
        var yes = Writes.Contains(name) ? new Option<bool>(ExitCodes.ConfirmFlag) { Description = "send it although it changes state at the destination" } : null;
        if (yes is not null) cmd.Options.Add(yes);
        // The link counters and the optics are what one watches.
        var watch = name is "rls" or "rdp" ? WatchOptions.AddTo(cmd) : null;
        CommandBody action = async (ctx, parse, ct) =>
        {
            ctx.NoDot();
            var spec = parse.GetValue(port)!;
            var client = ctx.Session.OpenHost(ctx.Hosts.SelectHostFor(spec), allowStateChanges: yes is not null && parse.GetValue(yes));
            var dest = await ctx.Hosts.ResolvePortAsync(client, spec, ct, mustExist: true);
            var report = await run(client, dest, parse, ct);
            JsonOutput.Emit(ctx, report, static c => c.ElsReport, () => Print(ctx, report));
            return ExitCodes.Ok;
        };
        cli.SetAction(cmd, watch is null ? action : watch.Wrap(action));
        parent.Subcommands.Add(cmd);
    }

    private static void Print(CliContext ctx, ElsReport r)
    {
        if (!ctx.Quiet) ctx.Out.WriteLine($"{r.Command} {r.Destination} from {r.Host}: accepted ({r.DurationMs:0.###} ms)");
        if (r.Rls is { } l) PrintLesb(ctx.Out, l);
        if (r.Rnid is { } n)
            TableWriter.KeyValues(ctx.Out,
            [
                ("Format", $"{Fmt.Code((uint)n.Format)} ({n.FormatName})"), ("WWPN", n.Wwpn), ("WWNN", n.Wwnn), ("Vendor unique ID", n.VendorUniqueId),
                ("Associated type", n.AssociatedType), ("Physical port", n.PhysicalPortNumber?.ToString()), ("Attached nodes", n.AttachedNodes?.ToString()),
                ("Node management", n.NodeManagement), ("IP address", n.IpAddress), ("Specific data", n.SpecificData),
            ], "  ");
        if (r.Rpsc is { Ports: var s })
        {
            var t = new TableWriter("PORT", "OPERATING", "CAPABILITIES");
            for (var i = 0; i < s.Count; i++) t.Row(i.ToString(CultureInfo.InvariantCulture), s[i].OperatingName, string.Join(", ", s[i].CapabilityNames));
            t.Write(ctx.Out, !ctx.Quiet);
        }
        if (r.Adisc is { } a)
            TableWriter.KeyValues(ctx.Out, [("N_Port ID", a.PortId), ("Hard address", a.HardAddress), ("WWPN", a.Wwpn), ("WWNN", a.Wwnn)], "  ");
        if (r.Rtv is { } v)
            TableWriter.KeyValues(ctx.Out,
            [
                ("R_A_TOV", $"{v.RaTovMs} ms"), ("E_D_TOV", $"{Fmt.Num(v.EdTovMs, "0.######")} ms"), ("R_T_TOV", $"{Fmt.Num(v.RtTovMs)} ms"),
                ("Qualifiers", v.Qualifiers.Count == 0 ? "none" : string.Join(", ", v.Qualifiers)),
            ], "  ");
        if (r.Rdp is { } d) PrintRdp(ctx, d);
        if (r.Rpl is { } p)
        {
            if (!ctx.Quiet) ctx.Out.WriteLine($"  list length {p.ListLength}, first index {p.FirstIndex}");
            var t = new TableWriter("PHYSICAL PORT", "FC ID", "WWPN");
            foreach (var b in p.Ports) t.Row(b.PhysicalPort.ToString(), b.PortId, b.Wwpn);
            t.Write(ctx.Out, !ctx.Quiet);
        }
        if (r.Rps is { } ps)
        {
            TableWriter.KeyValues(ctx.Out, [("Port status", ps.PortStatusNames.Count == 0 ? Fmt.Code((uint)ps.PortStatus, 4) : string.Join(", ", ps.PortStatusNames)),
                .. LesbPairs(ps.Lesb)], "  ");
        }
    }

    internal static void PrintLesb(TextWriter w, LesbDto l) => TableWriter.KeyValues(w, LesbPairs(l), "  ");

    private static (string, string?)[] LesbPairs(LesbDto l) =>
    [
        ("Link failure", l.LinkFailure.ToString()), ("Loss of sync", l.LossOfSync.ToString()), ("Loss of signal", l.LossOfSignal.ToString()),
        ("Primitive sequence protocol error", l.PrimitiveSequenceProtocolError.ToString()),
        ("Invalid transmission word", l.InvalidTransmissionWord.ToString()), ("Invalid CRC", l.InvalidCrc.ToString()),
    ];

    internal static RdpDto Rdp(RdpAccept a)
    {
        var elements = a.OpticalElements;
        List<string> FlagsFor(int type) => elements.Where(e => e.ElementType == type).SelectMany(e => e.TransgressionNames).ToList();
        var readings = new List<RdpReadingDto>();
        if (a.SfpDiagnostics is { } s)
        {
            RdpReadingDto Reading(int type, double value, int digits) =>
                new(RdpDescriptors.OpticalElementKeys.NameOf((uint)type), Math.Round(value, digits), RdpOpticalElementDescriptor.UnitOf(type)) { Flags = FlagsFor(type) };
            readings.Add(Reading(RdpDescriptors.Temperature, s.TemperatureCelsius, 2));
            readings.Add(Reading(RdpDescriptors.Voltage, s.SupplyVoltageVolts, 4));
            readings.Add(Reading(RdpDescriptors.TxBias, s.TxBiasMilliamps, 3));
            readings.Add(Reading(RdpDescriptors.TxPower, s.TxPowerMicrowatts, 1) with { Dbm = Dbm(s.TxPowerMicrowatts) });
            readings.Add(Reading(RdpDescriptors.RxPower, s.RxPowerMicrowatts, 1) with { Dbm = Dbm(s.RxPowerMicrowatts) });
        }
        var known = new HashSet<Type>
        {
            typeof(RdpSfpDiagnosticsDescriptor), typeof(RdpOpticalElementDescriptor), typeof(RdpPortSpeedDescriptor), typeof(RdpLinkErrorStatusDescriptor),
            typeof(RdpPortNamesDescriptor), typeof(RdpOpticalProductDescriptor), typeof(RdpBufferCreditDescriptor), typeof(RdpLinkServiceDescriptor),
        };
        return new RdpDto(readings, elements.Select(e => new RdpThresholdDto(RdpDescriptors.OpticalElementKeys.NameOf((uint)e.ElementType), e.ThresholdUnit, Round(e.HighAlarmValue),
            Round(e.LowAlarmValue), Round(e.HighWarningValue), Round(e.LowWarningValue), e.TransgressionNames.ToList())).ToList())
        {
            TransceiverType = a.SfpDiagnostics?.TransceiverTypeName,
            ConnectorType = a.SfpDiagnostics?.ConnectorTypeName,
            PortSpeed = a.PortSpeed is { } p ? Speed(p.SpeedCapabilities, p.OperatingSpeed) : null,
            Lesb = a.LinkErrorStatus is { } l ? Lesb(l.Lesb) : null,
            DiagnosticPortWwpn = Fmt.Wwn(a.DiagnosticPortNames?.Wwpn),
            AttachedPortWwpn = Fmt.Wwn(a.AttachedPortNames?.Wwpn),
            OpticalVendor = a.OpticalProduct?.Vendor,
            OpticalModel = a.OpticalProduct?.Model,
            OpticalSerialNumber = a.OpticalProduct?.SerialNumber,
            BufferCredit = a.BufferCredit?.PortBbCredit,
            OtherDescriptors = a.Descriptors.Where(d => !known.Contains(d.GetType())).Select(d => d.TagName).ToList(),
        };
    }

    private static double Round(double v) => double.IsFinite(v) ? Math.Round(v, 4) : 0;

    private static double? Dbm(double microwatts) => microwatts > 0 ? Math.Round(10 * Math.Log10(microwatts / 1000.0), 2) : null;

    private static void PrintRdp(CliContext ctx, RdpDto d)
    {
        TableWriter.KeyValues(ctx.Out,
        [
            ("Transceiver", d.TransceiverType), ("Connector", d.ConnectorType), ("Optics", d.OpticalVendor is null ? null : $"{d.OpticalVendor} {d.OpticalModel} S/N {d.OpticalSerialNumber}"),
            ("Port speed", d.PortSpeed is { } s ? $"{s.OperatingName} (capable of {string.Join(", ", s.CapabilityNames)})" : null),
            ("Port WWPN", d.DiagnosticPortWwpn), ("Attached WWPN", d.AttachedPortWwpn), ("BB credit", d.BufferCredit?.ToString()),
        ], "  ");
        if (d.Readings.Count > 0)
        {
            var t = new TableWriter("SFP", "VALUE", "DBM", "STATUS");
            foreach (var r in d.Readings)
            {
                var label = RdpDescriptors.OpticalElementKeys.TryGetCode(r.Name, out var type) ? RdpDescriptors.OpticalElementTypes.NameOf(type) : r.Name;
                var status = r.Flags.Count == 0 ? "ok" : string.Join(", ", r.Flags);
                if (r.Flags.Any(f => f.Contains("alarm", StringComparison.OrdinalIgnoreCase))) status = ctx.Output.Red(status);
                t.Row(label, $"{Fmt.Num(r.Value, "0.###")} {r.Unit}", r.Dbm is double db ? $"{Fmt.Num(db, "0.00")} dBm" : "", status);
            }
            t.Write(ctx.Out, !ctx.Quiet);
        }
        if (d.Lesb is { } l) PrintLesb(ctx.Out, l);
    }

    // ---- ping ----

    private static Command BuildPing(CliHost cli, string name, string description)
    {
        var port = PortArg();
        var count = new Option<int>("--count", "-c") { Description = "Requests to send", DefaultValueFactory = _ => 5 };
        var interval = new Option<double>("--interval", "-i") { Description = "Seconds between requests (0 allowed; not slept on the simulator beyond 10 ms)", DefaultValueFactory = _ => 1.0 };
        var size = new Option<int>("--size", "-s") { Description = $"Echo data bytes (0..{Echo.MaxDataLength})", DefaultValueFactory = _ => 56 };
        var flood = new Option<bool>("--flood", "-f") { Description = "Send back to back and print only the summary (-o json: only failed replies are listed)" };
        var cmd = new Command(name, description) { port, count, interval, size, flood };
        cli.SetAction(cmd, async (ctx, parse, ct) =>
        {
            ctx.NoDot();
            var n = parse.GetValue(count);
            var gap = parse.GetValue(flood) ? 0 : parse.GetValue(interval);
            var bytes = parse.GetValue(size);
            if (n < 1) throw CliException.Usage($"--count {n}: must be at least 1");
            if (gap < 0 || !double.IsFinite(gap)) throw CliException.Usage($"--interval {Fmt.Num(gap)}: must be a non-negative number of seconds");
            if (bytes < 0 || bytes > Echo.MaxDataLength) throw CliException.Usage($"--size {bytes}: must be 0..{Echo.MaxDataLength}");
            var spec = parse.GetValue(port)!;
            var client = ctx.Session.OpenHost(ctx.Hosts.SelectHostFor(spec));
            var dest = await ctx.Hosts.ResolvePortAsync(client, spec, ct, mustExist: true);
            var data = new byte[bytes];
            return await PingLoop.RunAsync(ctx, client.Host.Name, "ELS ECHO", dest.ToString(), n, gap, parse.GetValue(flood), bytes, async (seq, c) =>
            {
                for (var i = 0; i < data.Length; i++) data[i] = (byte)(seq + i);
                var r = await client.EchoAsync(dest, data, c);
                if (!r.Value.AsSpan().SequenceEqual(data)) throw new CliException(ExitCodes.Transport, $"echoed data differ from what was sent ({r.Value.Length} bytes back, {data.Length} sent)");
                return (r.Exchange.Duration, r.Value.Length + Echo.HeaderLength);
            }, ct);
        });
        return cmd;
    }
}

/// <summary>Running min / mean / max / mean deviation (Welford): O(1) memory however many replies.</summary>
internal struct RttStatistics
{
    public long Count { get; private set; }
    public double Min { get; private set; }
    public double Max { get; private set; }
    public double Mean { get; private set; }
    private double _m2;

    public void Add(double value)
    {
        Count++;
        if (Count == 1) { Min = Max = value; }
        else { Min = Math.Min(Min, value); Max = Math.Max(Max, value); }
        var delta = value - Mean;
        Mean += delta / Count;
        _m2 += delta * (value - Mean);
    }

    /// <summary>The population standard deviation, what ping calls mdev.</summary>
    public readonly double StandardDeviation => Count == 0 ? 0 : Math.Sqrt(Math.Max(0, _m2 / Count));
}

/// <summary>
/// The ping loop shared by els echo and fcs ping: per-reply lines, loss and RTT statistics kept as running values, and
/// -o json streamed reply by reply, so memory stays flat however long it runs. Ctrl-C prints the summary so far.
/// </summary>
internal static class PingLoop
{
    public static async Task<int> RunAsync(CliContext ctx, string host, string what, string target, int count, double interval, bool flood, int size,
        Func<int, CancellationToken, Task<(TimeSpan Rtt, int Bytes)>> send, CancellationToken ct)
    {
        var stats = new RttStatistics();
        var failures = 0;
        var firstFailure = 0;
        var sent = 0;
        var table = !ctx.Json && !flood && !ctx.Quiet;
        using var json = ctx.Json ? new PingJson(ctx.Out, host, what, target) : null;
        var headed = false;
        void Header()
        {
            if (table && !headed) ctx.Out.WriteLine($"{what} {target} from {host}: {size} data bytes");
            headed = true;
        }
        var interrupted = false;
        try
        {
            for (var seq = 1; seq <= count; seq++)
            {
                if (seq > 1 && interval > 0)
                    await Task.Delay(TimeSpan.FromSeconds(ctx.Options.IsSimulated ? Math.Min(interval, 0.01) : interval), ct);
                sent++;
                try
                {
                    var (rtt, bytes) = await send(seq, ct);
                    Header();
                    var ms = Math.Round(rtt.TotalMilliseconds, 3);
                    stats.Add(ms);
                    if (!flood) json?.Reply(new PingReply(seq, true, ms, bytes));
                    if (table) ctx.Out.WriteLine($"{bytes} bytes from {target}: seq={seq} time={Fmt.Num(ms, "0.000")} ms");
                }
                catch (FcNotSupportedException) when (sent == 1)
                {
                    throw; // nothing can be sent at all (bfa, fnic, a missing route): one error, no statistics
                }
                catch (Exception e) when (e is BsgException or CliException)
                {
                    Header();
                    var code = ExitCodes.Classify(e);
                    if (failures++ == 0) firstFailure = code;
                    json?.Reply(new PingReply(seq, false, null, 0) { Error = ExitCodes.Describe(e), ExitCode = code });
                    ctx.Err.WriteLine($"bsgkit: seq={seq}: {ExitCodes.Describe(e)}");
                    if (code is ExitCodes.Permission or ExitCodes.Usage or ExitCodes.NotFound) break;
                }
            }
        }
        catch (OperationCanceledException) when (ctx.IsInterrupted)
        {
            // The request in flight when the signal came has no answer: it counts as sent, not as lost.
            interrupted = true;
            if (sent > stats.Count + failures) sent--;
        }
        var received = (int)stats.Count;
        var loss = sent == 0 ? 0 : Math.Round(100.0 * (sent - received) / sent, 1);
        RttSummary? summary = received == 0 ? null
            : new RttSummary(stats.Min, Math.Round(stats.Mean, 3), stats.Max, Math.Round(stats.StandardDeviation, 3));
        if (json is not null) json.Finish(sent, received, sent - received, loss, summary, interrupted);
        else
        {
            if (!ctx.Quiet) ctx.Out.WriteLine($"--- {target} {what} statistics ---");
            ctx.Out.WriteLine($"{sent} transmitted, {received} received, {Fmt.Num(loss, "0.#")}% loss");
            if (summary is { } s)
                ctx.Out.WriteLine($"rtt min/avg/max/mdev = {Fmt.Num(s.Min, "0.000")}/{Fmt.Num(s.Avg, "0.000")}/{Fmt.Num(s.Max, "0.000")}/{Fmt.Num(s.Mdev, "0.000")} ms");
        }
        if (interrupted) throw new OperationCanceledException(ct);
        return failures == 0 ? ExitCodes.Ok : received > 0 ? ExitCodes.Partial : firstFailure;
    }

    /// <summary>The ping document written as it goes: header, one reply at a time, then the totals.</summary>
    private sealed class PingJson : IDisposable
    {
        private readonly TextWriter _out;
        private readonly System.Buffers.ArrayBufferWriter<byte> _buffer = new();
        private readonly Utf8JsonWriter _w;

        public PingJson(TextWriter output, string host, string command, string target)
        {
            _out = output;
            _w = new Utf8JsonWriter(_buffer, new JsonWriterOptions { Indented = true, Encoder = JsonOutput.Context.Options.Encoder });
            _w.WriteStartObject();
            _w.WriteString("host", host);
            _w.WriteString("command", command);
            _w.WriteString("target", target);
            _w.WriteStartArray("replies");
            // Nothing reaches stdout until the first reply: a command that fails before any prints only its error record.
        }

        public void Reply(PingReply reply)
        {
            JsonSerializer.Serialize(_w, reply, JsonOutput.Context.PingReply);
            Flush();
        }

        public void Finish(int transmitted, int received, int errors, double loss, RttSummary? rtt, bool interrupted)
        {
            _w.WriteEndArray();
            _w.WriteNumber("transmitted", transmitted);
            _w.WriteNumber("received", received);
            _w.WriteNumber("errors", errors);
            _w.WriteNumber("lossPercent", loss);
            if (rtt is not null)
            {
                _w.WritePropertyName("rttMs");
                JsonSerializer.Serialize(_w, rtt, JsonOutput.Context.RttSummary);
            }
            if (interrupted) _w.WriteBoolean("interrupted", true);
            _w.WriteEndObject();
            Flush();
            _out.WriteLine();
        }

        private void Flush()
        {
            _w.Flush();
            _out.Write(System.Text.Encoding.UTF8.GetString(_buffer.WrittenSpan));
            _buffer.Clear();
        }

        public void Dispose() => _w.Dispose();
    }
}
