using BsgKit.Bsg.Catalog;

namespace BsgKit.Fc.Catalog;

/// <summary>The FC hosts and remote ports sysfs lists, with their bsg nodes, plus the problems the scan stepped over.</summary>
public sealed record FcCatalogSnapshot(
    BsgCatalogSnapshot Bsg,
    IReadOnlyList<FcHostInfo> FcHosts,
    IReadOnlyList<FcRemotePortInfo> RemotePorts,
    IReadOnlyList<string> Problems)
{
    /// <summary>Every bsg node (also those of other transports).</summary>
    public IReadOnlyList<BsgNode> Nodes => Bsg.Nodes;

    /// <summary>The bsg node named <paramref name="name"/> ("fc_host1", "rport-1:0-2"), or null.</summary>
    public BsgNode? FindNode(string name) => Bsg.FindNode(name);

    /// <summary>The FC host hostN for <paramref name="hostNumber"/> N, or null if sysfs has none.</summary>
    public FcHostInfo? FindHost(int hostNumber)
    {
        foreach (var h in FcHosts) if (h.HostNumber == hostNumber) return h;
        return null;
    }

    /// <summary>The FC host's driver (/sys/class/scsi_host/hostN/proc_name).</summary>
    public string? DriverOf(int hostNumber) => FindHost(hostNumber)?.Driver;

    /// <summary>"2 FC host(s), 5 remote port(s), 7 bsg node(s)", plus the problem count if any.</summary>
    public override string ToString() =>
        $"{FcHosts.Count} FC host(s), {RemotePorts.Count} remote port(s), {Nodes.Count} bsg node(s)" +
        (Problems.Count == 0 ? "" : $", {Problems.Count} problem(s)");
}

/// <summary>
/// Reads /sys/class/fc_host and /sys/class/fc_remote_ports (scsi_transport_fc's attributes) into typed records:
/// WWNs as <see cref="Wwn"/>, port IDs as <see cref="FcId"/>, each joined with its bsg node.
/// </summary>
public static class FcCatalog
{
    /// <summary>Scans the real /sys and /dev, or the roots <paramref name="sysfs"/> names (the simulator's tree).</summary>
    public static FcCatalogSnapshot Scan(BsgNodeCatalog? sysfs = null)
    {
        sysfs ??= new BsgNodeCatalog();
        return Scan(sysfs, sysfs.Scan());
    }

    /// <summary>Scans the FC classes under <paramref name="sysfs"/>, joining the bsg nodes of an existing scan.</summary>
    public static FcCatalogSnapshot Scan(BsgNodeCatalog sysfs, BsgCatalogSnapshot nodes)
    {
        var problems = new List<string>();
        var byName = nodes.ByName();
        var hosts = ScanHosts(sysfs, byName, problems);
        var rports = ScanRemotePorts(sysfs, byName, problems);
        return new FcCatalogSnapshot(nodes, hosts, rports, [.. nodes.Problems, .. problems]);
    }

    private static List<FcHostInfo> ScanHosts(BsgNodeCatalog sysfs, IReadOnlyDictionary<string, BsgNode> nodes, List<string> problems)
    {
        var result = new List<FcHostInfo>();
        foreach (var (entry, host) in sysfs.ListHostEntries("fc_host", problems))
        {
            var a = sysfs.Attributes(entry, problems);
            result.Add(new FcHostInfo(host)
            {
                Driver = sysfs.ReadProcName(host, problems),
                PortName = a.ReadWwn("port_name"),
                NodeName = a.ReadWwn("node_name"),
                PermanentPortName = a.ReadWwn("permanent_port_name", required: false),
                PortId = a.ReadFcId("port_id"),
                PortType = a.Text("port_type", required: false),
                PortState = a.Text("port_state"),
                Speed = a.Text("speed", required: false),
                SupportedSpeeds = a.Text("supported_speeds", required: false),
                FabricName = a.ReadWwn("fabric_name", required: false),
                SymbolicName = a.Text("symbolic_name", required: false),
                SupportedClasses = a.Text("supported_classes", required: false),
                MaxFrameSize = a.LeadingInt("maxframe_size"),
                MaxNpivVports = a.LeadingInt("max_npiv_vports"),
                NpivVportsInUse = a.LeadingInt("npiv_vports_inuse"),
                Manufacturer = a.Text("manufacturer", required: false),
                Model = a.Text("model", required: false),
                SerialNumber = a.Text("serial_number", required: false),
                FirmwareVersion = a.Text("firmware_version", required: false),
                DriverVersion = a.Text("driver_version", required: false),
                Node = nodes.GetValueOrDefault($"fc_host{host}"),
            });
        }
        result.Sort(static (x, y) => x.HostNumber.CompareTo(y.HostNumber));
        return result;
    }

    private static List<FcRemotePortInfo> ScanRemotePorts(BsgNodeCatalog sysfs, IReadOnlyDictionary<string, BsgNode> nodes, List<string> problems)
    {
        var result = new List<FcRemotePortInfo>();
        foreach (var entry in sysfs.ListClass("fc_remote_ports", problems))
        {
            var name = Path.GetFileName(entry);
            var classified = BsgNode.Classify(name, null, null);
            if (classified.Kind != BsgNodeKind.FcRemotePort)
            {
                problems.Add($"{entry}: not an rport-H:C-N directory; skipped");
                continue;
            }
            var a = sysfs.Attributes(entry, problems);
            var roles = a.Text("roles", required: false);
            result.Add(new FcRemotePortInfo(name, classified.HostNumber!.Value, classified.Channel!.Value, classified.Number!.Value)
            {
                PortName = a.ReadWwn("port_name"),
                NodeName = a.ReadWwn("node_name"),
                PortId = a.ReadFcId("port_id"),
                Roles = roles is null or "unknown" ? [] : roles.Split(", ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                PortState = a.Text("port_state"),
                ScsiTargetId = a.LeadingInt("scsi_target_id"),
                Node = nodes.GetValueOrDefault(name),
            });
        }
        // rport-H:C-N in natural order: by H, C, N (what NaturalCompare of the names gives).
        BsgNodeCatalog.SortNatural(result, static (x, y) =>
        {
            var c = x.HostNumber.CompareTo(y.HostNumber);
            if (c == 0) c = x.Channel.CompareTo(y.Channel);
            return c != 0 ? c : x.Number.CompareTo(y.Number);
        });
        return result;
    }
}
