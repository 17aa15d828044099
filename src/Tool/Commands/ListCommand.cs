using System.CommandLine;
using BsgKit.Bsg.Catalog;
using BsgKit.Fc.Catalog;
using BsgKit.Iscsi.Catalog;
using BsgKit.Fc.Profiles;
using BsgKit.Tool.Infrastructure;
using BsgKit.Tool.Output;
using Microsoft.Extensions.Logging;

namespace BsgKit.Tool.Commands;

/// <summary>bsgkit list, bsgkit info HOST: what sysfs says about the FC and iSCSI hosts, remote ports and bsg nodes.</summary>
internal static class ListCommand
{
    public static Command Build(CliHost cli)
    {
        var list = new Command("list", "List FC hosts, remote ports (roles, state, FC ID, WWPN), iSCSI hosts, drivers and bsg nodes");
        cli.SetAction(list, (ctx, _, _) => Task.FromResult(List(ctx)));
        return list;
    }

    public static Command BuildInfo(CliHost cli)
    {
        var hostArg = new Argument<string?>("HOST") { Description = "fc_host1, host1, 1 or a WWPN (default: -H or the first FC host)", Arity = ArgumentArity.ZeroOrOne };
        var info = new Command("info", "Everything sysfs says about one FC host: attributes, statistics (fc_host/statistics), remote ports") { hostArg };
        var watch = WatchOptions.AddTo(info);
        cli.SetAction(info, watch.Wrap((ctx, parse, _) =>
        {
            ctx.NoDot();
            var spec = parse.GetValue(hostArg) ?? ctx.Hosts.HostSpec;
            var hosts = ctx.Hosts.SelectHosts(spec);
            var problems = new List<string>();
            var dtos = hosts.Select(h => Host(h) with
            {
                RemotePorts = ctx.Session.FcCatalog().RemotePorts.Where(r => r.HostNumber == h.HostNumber).Select(Rport).ToList(),
                Statistics = FcHostStatistics.Read(ctx.Session.Connect(), h.HostNumber, problems).ToDictionary(),
            }).ToList();
            foreach (var p in problems.Distinct()) ctx.Logger.LogInformation("statistics: {Problem}", p);
            // -H all (or HOST all): one JSON array of hosts; one host: the object.
            if (ctx.Json && spec?.Trim().Equals("all", StringComparison.OrdinalIgnoreCase) == true) JsonOutput.Write(ctx.Out, dtos, static c => c.ListFcHostDto);
            else if (ctx.Json) JsonOutput.Write(ctx.Out, dtos[0], static c => c.FcHostDto);
            else
                for (var i = 0; i < dtos.Count; i++)
                {
                    if (i > 0) ctx.Out.WriteLine();
                    PrintInfo(ctx, dtos[i]);
                }
            return Task.FromResult(ExitCodes.Ok);
        }));
        return info;
    }

    private static int List(CliContext ctx)
    {
        var snap = ctx.Session.FcCatalog();
        var fcHosts = snap.FcHosts.OrderBy(h => h.HostNumber).ToList();
        var iscsiHosts = ctx.Session.IscsiCatalog().IscsiHosts.OrderBy(h => h.HostNumber).ToList();
        if (ctx.Hosts.HostSpec is { } spec && !ctx.Hosts.AllHosts)
        {
            // -H filters: that FC host with its remote ports, or that iSCSI host; nothing matching is exit 3.
            var iscsi = HostResolver.TryParseIscsiHost(spec) is int n ? iscsiHosts.FirstOrDefault(h => h.HostNumber == n) : null;
            if (iscsi is not null && !fcHosts.Any(h => h.HostNumber == iscsi.HostNumber)) (fcHosts, iscsiHosts) = ([], [iscsi]);
            else (fcHosts, iscsiHosts) = ([.. ctx.Hosts.SelectHosts()], []);
        }
        var shown = fcHosts.Select(h => h.HostNumber).ToHashSet();
        var dto = new ListDto(fcHosts.Select(Host).ToList(), snap.RemotePorts.Where(r => shown.Contains(r.HostNumber)).Select(Rport).ToList(),
            iscsiHosts.Select(IscsiCommand.Host).ToList(), [.. ctx.Session.CatalogProblems()]);
        foreach (var p in dto.Problems) ctx.Logger.LogWarningLine(p);
        JsonOutput.Emit(ctx, dto, static c => c.ListDto, () =>
        {
            if (ctx.Hosts.HostSpec is null && dto.FcHosts.Count == 0 && dto.IscsiHosts.Count == 0 && snap.Nodes.Count == 0)
            {
                ctx.Out.WriteLine("No FC or iSCSI hosts and no bsg nodes on this machine (nothing under /sys/class/bsg, fc_host or iscsi_host).");
                ctx.Out.WriteLine("Try the built-in simulated SAN: bsgkit --simulate lab list");
                return;
            }
            var header = !ctx.Quiet;
            var sections = 0;
            void Gap()
            {
                if (header && sections++ > 0) ctx.Out.WriteLine();
            }
            if (dto.FcHosts.Count > 0)
            {
                Gap();
                var t = new TableWriter("FC HOST", "DRIVER", "STATE", "FC ID", "WWPN", "SPEED", "BSG NODE");
                foreach (var h in dto.FcHosts) t.Row(h.Name, h.Driver, h.State, h.PortId, h.Wwpn, h.Speed, h.BsgNode ?? $"({h.BsgNote ?? "no bsg node"})");
                t.Write(ctx.Out, header);
            }
            if (dto.RemotePorts.Count > 0)
            {
                Gap();
                var t = new TableWriter("REMOTE PORT", "ROLES", "STATE", "FC ID", "WWPN", "BSG NODE");
                foreach (var r in dto.RemotePorts)
                    t.Row(r.Name, r.Roles.Count == 0 ? "unknown" : string.Join(", ", r.Roles), r.State, r.PortId, r.Wwpn, r.BsgNode ?? $"({r.BsgNote ?? "no bsg node"})");
                t.Write(ctx.Out, header);
            }
            if (dto.IscsiHosts.Count > 0)
            {
                Gap();
                var t = new TableWriter("ISCSI HOST", "DRIVER", "STATE", "IP ADDRESS", "INITIATOR", "BSG NODE");
                foreach (var i in dto.IscsiHosts)
                    t.Row(i.Name, i.Driver, i.State, i.IpAddress, i.InitiatorName, i.BsgNode ?? $"({i.BsgNote})");
                t.Write(ctx.Out, header);
            }
        });
        return ExitCodes.Ok;
    }

    private static void PrintInfo(CliContext ctx, FcHostDto h)
    {
        ctx.Out.WriteLine(ctx.Output.Bold(h.Name));
        TableWriter.KeyValues(ctx.Out,
        [
            ("Driver", h.Driver), ("Profile", h.Profile), ("State", h.State), ("FC ID", h.PortId), ("WWPN", h.Wwpn), ("WWNN", h.Wwnn),
            ("Port type", h.PortType), ("Speed", h.Speed), ("Supported speeds", h.SupportedSpeeds), ("Fabric name", h.FabricName),
            ("Symbolic name", h.SymbolicName), ("Manufacturer", h.Manufacturer), ("Model", h.Model), ("Serial number", h.SerialNumber),
            ("Firmware", h.FirmwareVersion), ("Driver version", h.DriverVersion), ("Max frame size", h.MaxFrameSize?.ToString()),
            ("BSG node", h.BsgNode ?? $"({h.BsgNote ?? "none"})"),
        ], "  ");
        if (h.Statistics is { Count: > 0 } stats)
        {
            ctx.Out.WriteLine();
            if (!ctx.Quiet) ctx.Out.WriteLine("  Statistics (fc_host/statistics):");
            TableWriter.KeyValues(ctx.Out, stats.Select(s => (s.Key, (string?)s.Value.ToString(System.Globalization.CultureInfo.InvariantCulture))), "    ");
        }
        if (h.RemotePorts is { Count: > 0 } ports)
        {
            ctx.Out.WriteLine();
            var t = new TableWriter("REMOTE PORT", "ROLES", "STATE", "FC ID", "WWPN", "WWNN");
            foreach (var r in ports) t.Row(r.Name, string.Join(", ", r.Roles), r.State, r.PortId, r.Wwpn, r.Wwnn);
            t.Write(ctx.Out, !ctx.Quiet);
        }
    }

    private static string? Profile(string? driver)
    {
        try { return FcDriverProfiles.ForDriver(driver, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance).Name; }
        catch (ArgumentException) { return null; }
    }

    internal static FcHostDto Host(FcHostInfo h) => new(h.Name, h.HostNumber)
    {
        Driver = h.Driver, Profile = Profile(h.Driver), State = h.PortState, PortId = Fmt.Id(h.PortId), Wwpn = Fmt.Wwn(h.PortName),
        Wwnn = Fmt.Wwn(h.NodeName), PortType = h.PortType, Speed = Fmt.Speed(h.Speed), SupportedSpeeds = Fmt.Speed(h.SupportedSpeeds),
        FabricName = Fmt.Wwn(h.FabricName), SymbolicName = h.SymbolicName, Manufacturer = h.Manufacturer, Model = h.Model,
        SerialNumber = h.SerialNumber, FirmwareVersion = h.FirmwareVersion, DriverVersion = h.DriverVersion, MaxFrameSize = h.MaxFrameSize,
        BsgNode = h.Node?.DevicePath, BsgNote = h.Node?.DevicePath is null ? h.Node?.Note ?? "no bsg node" : null,
    };

    internal static RemotePortDto Rport(FcRemotePortInfo r) => new(r.Name, r.HostNumber, r.Roles)
    {
        State = r.PortState, PortId = Fmt.Id(r.PortId), Wwpn = Fmt.Wwn(r.PortName), Wwnn = Fmt.Wwn(r.NodeName), ScsiTargetId = r.ScsiTargetId,
        BsgNode = r.Node?.DevicePath, BsgNote = r.Node?.DevicePath is null ? r.Node?.Note ?? "no bsg node" : null,
    };
}

internal static class LoggerLineExtensions
{
    public static void LogWarningLine(this Microsoft.Extensions.Logging.ILogger logger, string message) =>
        Microsoft.Extensions.Logging.LoggerExtensions.LogWarning(logger, "{Message}", message);
}
