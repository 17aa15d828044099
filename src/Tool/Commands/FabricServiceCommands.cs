using System.CommandLine;
using BsgKit.Fc.Clients;
using BsgKit.Fc.Ct.ConfigServer;
using BsgKit.Fc.Ct.Fdmi;
using BsgKit.Fc.Ct.ZoneServer;
using BsgKit.Fc;
using BsgKit.Tool.Infrastructure;
using BsgKit.Tool.Output;

namespace BsgKit.Tool.Commands;

/// <summary>Shared by fcs, fdmi and zone: one host, one query, JSON or table.</summary>
internal static class Single
{
    public static Command Cmd(CliHost cli, string name, string description, Argument<string>? arg, Func<CliContext, FcHostClient, string?, CancellationToken, Task> run)
    {
        var cmd = new Command(name, description);
        if (arg is not null) cmd.Arguments.Add(arg);
        cli.SetAction(cmd, async (ctx, parse, ct) =>
        {
            ctx.NoDot();
            var text = arg is null ? null : parse.GetValue(arg);
            var client = ctx.Session.OpenHost(ctx.Hosts.SelectHost());
            await run(ctx, client, text, ct);
            return ExitCodes.Ok;
        });
        return cmd;
    }

    public static Argument<string> Arg(string name, string description) => new(name) { Description = description };
}

/// <summary>bsgkit fcs …: the fabric configuration server (switches, their ports, FPNG).</summary>
internal static class FcsCommand
{
    public static Command Build(CliHost cli)
    {
        var fcs = new Command("fcs", "Fabric configuration server (0xFFFFFA): switches, switch ports, port state and speed, fabric ping (FPNG)");
        fcs.Subcommands.Add(Single.Cmd(cli, "list", "Interconnect elements (GIEL) with domain, name and vendor", null, async (ctx, c, _, ct) =>
        {
            var elements = (await c.GielAsync(ct)).Value;
            var list = new List<SwitchDto>();
            foreach (var e in elements) list.Add(await Describe(c, e.Name, e.TypeName, ct));
            var dto = new FcsElementsDto(c.Host.Name, list);
            JsonOutput.Emit(ctx, dto, static c => c.FcsElementsDto, () =>
            {
                var t = new TableWriter("DOMAIN", "ELEMENT", "TYPE", "NAME", "VENDOR", "MODEL", "RELEASE", "MANAGEMENT");
                foreach (var s in list) t.Row(s.DomainId?.ToString(), s.Name, s.Type, s.LogicalName, s.Vendor, s.Model, s.Release, string.Join(", ", s.ManagementAddresses ?? []));
                t.Write(ctx.Out, !ctx.Quiet);
            });
        }));
        fcs.Subcommands.Add(Single.Cmd(cli, "ports", "The ports of a switch (GPL, GPPN, GPS, GAPNL)", Single.Arg("ELEMENT", "switch WWN"), async (ctx, c, a, ct) =>
        {
            var name = Wwn.Parse(a!);
            var sw = await Describe(c, name, (await c.GietAsync(name, ct)).Value.ToString(), ct);
            var ports = (await c.GplAsync(name, ct)).Value;
            foreach (var p in ports)
            {
                var number = await Try(() => c.GppnAsync(p.PortName, ct));
                var state = await Try(() => c.GpsAsync(p.PortName, ct));
                var attached = await Try(() => c.GapnlAsync(p.PortName, ct));
                sw.Ports.Add(new SwitchPortDto(p.PortName.ToString(), p.PortTypeName)
                {
                    PhysicalPortNumber = number.Ok ? number.Value : null, State = state.Ok ? state.Value.StateName : null,
                    ModuleType = p.ModuleTypeName, TxType = p.TxTypeName,
                    Attached = attached.Ok ? attached.Value!.Select(x => new AttachedPortDto(x.PortName.ToString(), x.PortTypeName)).ToList() : [],
                });
            }
            JsonOutput.Emit(ctx, sw, static c => c.SwitchDto, () =>
            {
                var t = new TableWriter("PORT", "WWN", "TYPE", "STATE", "MODULE", "ATTACHED");
                foreach (var p in sw.Ports) t.Row(p.PhysicalPortNumber?.ToString(), p.PortName, p.PortType, p.State, p.ModuleType, string.Join(", ", p.Attached.Select(x => $"{x.PortName} ({x.PortType})")));
                t.Write(ctx.Out, !ctx.Quiet);
            });
        }));
        fcs.Subcommands.Add(Single.Cmd(cli, "port", "One port (switch port WWN or N_Port WWPN): type, number, state, speed, attached ports", Single.Arg("PORT", "WWN"), async (ctx, c, a, ct) =>
        {
            var name = Wwn.Parse(a!);
            var type = (await c.GptAsync(name, ct)).Value;
            var number = await Try(() => c.GppnAsync(name, ct));
            var state = await Try(() => c.GpsAsync(name, ct));
            var speed = await Try(() => c.GpscAsync(name, ct));
            var attached = await Try(() => c.GapnlAsync(name, ct));
            var dto = new FcsPortDto(c.Host.Name, name.ToString())
            {
                PortType = Fc.Codes.PortTypes.Table.NameOf(type), PhysicalPortNumber = number.Ok ? number.Value : null,
                State = state.Ok ? state.Value.StateName : null, Speed = speed.Ok ? speed.Value.OperatingSpeedName : null,
                SpeedCapabilities = speed.Ok ? speed.Value.CapabilityNames : null,
                Attached = attached.Ok ? attached.Value!.Select(x => new AttachedPortDto(x.PortName.ToString(), x.PortTypeName)).ToList() : [],
            };
            JsonOutput.Emit(ctx, dto, static c => c.FcsPortDto, () => TableWriter.KeyValues(ctx.Out,
            [
                ("Port", dto.PortName), ("Type", dto.PortType), ("Physical port", dto.PhysicalPortNumber?.ToString()), ("State", dto.State),
                ("Speed", dto.Speed), ("Capabilities", dto.SpeedCapabilities),
                ("Attached", dto.Attached.Count == 0 ? null : string.Join(", ", dto.Attached.Select(x => $"{x.PortName} ({x.PortType})"))),
            ]));
        }));
        var port = new Argument<string>("TARGET") { Description = "WWPN or FC ID of the port to ping through the fabric" };
        var count = new Option<int>("--count", "-c") { Description = "Requests to send", DefaultValueFactory = _ => 5 };
        var interval = new Option<double>("--interval", "-i") { Description = "Seconds between requests", DefaultValueFactory = _ => 1.0 };
        var ping = new Command("ping", "Fabric ping (FPNG): the fabric checks the target is logged in, online and zoned with this host") { port, count, interval };
        cli.SetAction(ping, async (ctx, parse, ct) =>
        {
            ctx.NoDot();
            var spec = parse.GetValue(port)!.Trim();
            var n = parse.GetValue(count);
            if (n < 1) throw CliException.Usage($"--count {n}: must be at least 1");
            var gap = parse.GetValue(interval);
            if (gap < 0 || !double.IsFinite(gap)) throw CliException.Usage($"--interval {Fmt.Num(gap)}: must be a non-negative number of seconds");
            var byId = !spec.Contains(':') && (spec.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? spec.Length - 2 : spec.Length) <= 6;
            FcId id = default;
            Wwn wwn = default;
            if (byId) id = FcId.Parse(spec);
            else wwn = Wwn.Parse(spec);
            var client = ctx.Session.OpenHost(ctx.Hosts.SelectHost());
            return await PingLoop.RunAsync(ctx, client.Host.Name, Fpng.Name, byId ? id.ToString() : wwn.ToString(), n, gap, false, 4, async (seq, c) =>
            {
                var r = byId ? await client.FpngAsync(id, (uint)seq, c) : await client.FpngAsync(wwn, (uint)seq, c);
                if (r.Value != (uint)seq) throw new CliException(ExitCodes.Transport, $"FPNG token {r.Value} came back for {seq}");
                return (r.Exchange.Duration, 4);
            }, ct);
        });
        fcs.Subcommands.Add(ping);
        return fcs;
    }

    private readonly record struct Maybe<T>(bool Ok, T? Value);

    private static async Task<Maybe<T>> Try<T>(Func<ValueTask<FcResponse<T>>> q)
    {
        try { return new Maybe<T>(true, (await q()).Value); }
        catch (FcException) { return new Maybe<T>(false, default); }
    }

    private static async Task<SwitchDto> Describe(FcHostClient c, Wwn name, string type, CancellationToken ct)
    {
        var domain = await Try(() => c.GdidAsync(name, ct));
        var logical = await Try(() => c.GielnAsync(name, ct));
        var info = await Try(() => c.GieilAsync(name, ct));
        var mgmt = await Try(() => c.GmalAsync(name, ct));
        return new SwitchDto(name.ToString(), type)
        {
            DomainId = domain.Ok ? domain.Value : null, LogicalName = logical.Value, Vendor = info.Value?.Vendor, Model = info.Value?.Model,
            Release = info.Value?.Release, ManagementAddresses = mgmt.Value?.ToList(),
        };
    }
}

/// <summary>bsgkit fdmi …: what HBAs registered with the fabric's management server.</summary>
internal static class FdmiCommand
{
    public static Command Build(CliHost cli)
    {
        var fdmi = new Command("fdmi", "Fabric-Device Management Interface: registered HBAs (GRHL), HBA attributes and ports (GHAT, GRPL), port attributes (GPAT)");
        fdmi.Subcommands.Add(Single.Cmd(cli, "list", "Registered HBA identifiers (GRHL)", null, async (ctx, c, _, ct) =>
        {
            var dto = new FdmiHbasDto(c.Host.Name, (await c.GrhlAsync(ct)).Value.Select(w => w.ToString()).ToList());
            JsonOutput.Emit(ctx, dto, static c => c.FdmiHbasDto, () =>
            {
                var t = new TableWriter("HBA IDENTIFIER");
                foreach (var h in dto.Hbas) t.Row(h);
                t.Write(ctx.Out, !ctx.Quiet);
            });
        }));
        fdmi.Subcommands.Add(Single.Cmd(cli, "hba", "An HBA's attributes and registered ports (GHAT)", Single.Arg("HBA", "HBA identifier (WWN, as fdmi list prints)"), async (ctx, c, a, ct) =>
        {
            var v = (await c.GhatAsync(Wwn.Parse(a!), ct)).Value;
            var dto = new FdmiHbaDto(c.Host.Name, Wwn.Parse(a!).ToString(), v.Ports.Select(p => p.ToString()).ToList(), Attrs(v.Attributes));
            JsonOutput.Emit(ctx, dto, static c => c.FdmiHbaDto, () =>
            {
                TableWriter.KeyValues(ctx.Out, dto.Attributes.Select(x => (x.Name, (string?)x.Value)).Append(("Ports", string.Join(", ", dto.Ports))));
            });
        }));
        fdmi.Subcommands.Add(Single.Cmd(cli, "port", "A port's attributes (GPAT)", Single.Arg("WWPN", "port name"), async (ctx, c, a, ct) =>
        {
            var w = Wwn.Parse(a!);
            var dto = new FdmiPortDto(c.Host.Name, w.ToString(), Attrs((await c.GpatAsync(w, ct)).Value));
            JsonOutput.Emit(ctx, dto, static c => c.FdmiPortDto, () =>
                TableWriter.KeyValues(ctx.Out, dto.Attributes.Select(x => (x.Name, (string?)x.Value))));
        }));
        return fdmi;
    }

    private static List<FdmiAttributeDto> Attrs(IReadOnlyList<FdmiAttribute> list) =>
        list.Select(a => new FdmiAttributeDto(a.Type, a.TypeName, a.DisplayValue)).ToList();
}

/// <summary>bsgkit zone …: reads from the fabric zone server.</summary>
internal static class ZoneCommand
{
    public static Command Build(CliHost cli)
    {
        var zone = new Command("zone", "Fabric zone server reads: the active zone set, zone sets, zones, members, capabilities");
        zone.Subcommands.Add(Single.Cmd(cli, "active", "The active zone set with its zones and members (GAZS)", null, async (ctx, c, _, ct) =>
            EmitSet(ctx, c, (await c.GazsAsync(ct)).Value)));
        zone.Subcommands.Add(Single.Cmd(cli, "set", "A zone set from the database (GZS)", Single.Arg("NAME", "zone set name"), async (ctx, c, a, ct) =>
            EmitSet(ctx, c, (await c.GzsAsync(a!, ct)).Value)));
        zone.Subcommands.Add(Single.Cmd(cli, "sets", "Zone set names and zone counts (GZSN)", null, async (ctx, c, _, ct) =>
            EmitList(ctx, new ZoneListDto(c.Host.Name, "zoneSets", (await c.GzsnAsync(ct)).Value.Select(s => new ZoneSummaryDto(s.Name, s.ZoneCount)).ToList()), "ZONE SET", "ZONES")));
        zone.Subcommands.Add(Single.Cmd(cli, "zones", "Zones of a zone set and their member counts (GZD)", Single.Arg("SET", "zone set name"), async (ctx, c, a, ct) =>
            EmitList(ctx, new ZoneListDto(c.Host.Name, "zones", (await c.GzdAsync(a!, ct)).Value.Select(s => new ZoneSummaryDto(s.Name, s.MemberCount)).ToList()), "ZONE", "MEMBERS")));
        zone.Subcommands.Add(Single.Cmd(cli, "members", "Members of a zone (GZM)", Single.Arg("ZONE", "zone name"), async (ctx, c, a, ct) =>
        {
            var dto = new ZoneMembersDto(c.Host.Name, a!, (await c.GzmAsync(a!, ct)).Value.Select(Member).ToList());
            JsonOutput.Emit(ctx, dto, static c => c.ZoneMembersDto, () =>
            {
                var t = new TableWriter("TYPE", "MEMBER");
                foreach (var m in dto.Members) t.Row(m.Type, m.Value);
                t.Write(ctx.Out, !ctx.Quiet);
            });
        }));
        zone.Subcommands.Add(Single.Cmd(cli, "caps", "Zone server capabilities and enforcement (GZC, GEST)", null, async (ctx, c, _, ct) =>
        {
            var caps = (await c.GzcAsync(ct)).Value;
            var est = (await c.GestAsync(ct)).Value;
            var dto = new ZoneCapsDto(c.Host.Name, caps.HardZones, caps.SoftZones, caps.ZoneSetDatabase, caps.FlagNames, est.FlagNames);
            JsonOutput.Emit(ctx, dto, static c => c.ZoneCapsDto, () => TableWriter.KeyValues(ctx.Out,
                [("Capabilities", dto.Capabilities), ("Enforcement", dto.Enforcement)]));
        }));
        return zone;
    }

    internal static ZoneMemberDto Member(ZoneMember m) =>
        new(m.TypeName, m.Name is { } w ? w.ToString() : m.Address is { } a ? a.ToString() : Fmt.Hex(m.Identifier));

    private static void EmitSet(CliContext ctx, FcHostClient c, ZoneSet set)
    {
        var dto = new ZoneSetDto(c.Host.Name, set.Name, set.Zones.Select(z => new ZoneDto(z.Name, z.Members.Select(Member).ToList())).ToList());
        JsonOutput.Emit(ctx, dto, static c => c.ZoneSetDto, () =>
        {
            if (!ctx.Quiet) ctx.Out.WriteLine(ctx.Output.Bold($"zone set {dto.Name}"));
            var t = new TableWriter("ZONE", "TYPE", "MEMBER");
            foreach (var z in dto.Zones) foreach (var m in z.Members) t.Row(z.Name, m.Type, m.Value);
            t.Write(ctx.Out, !ctx.Quiet);
        });
    }

    private static void EmitList(CliContext ctx, ZoneListDto dto, string nameHeader, string countHeader) =>
        JsonOutput.Emit(ctx, dto, static c => c.ZoneListDto, () =>
        {
            var t = new TableWriter(nameHeader, countHeader);
            foreach (var i in dto.Items) t.Row(i.Name, i.Count.ToString());
            t.Write(ctx.Out, !ctx.Quiet);
        });
}
