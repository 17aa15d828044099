using BsgKit.Bsg.Catalog;
using BsgKit.Iscsi.Codes;

namespace BsgKit.Iscsi.Catalog;

/// <summary>/sys/class/iscsi_host/hostN plus the host's driver and (offload drivers only) bsg node.</summary>
public sealed record IscsiHostInfo(int HostNumber)
{
    /// <summary>"hostN", the SCSI host's name.</summary>
    public string Name => $"host{HostNumber}";
    /// <summary>The host's driver: /sys/class/scsi_host/hostN/proc_name ("qla4xxx", "be2iscsi", "iscsi_tcp").</summary>
    public string? Driver { get; init; }
    /// <summary>The netdev attribute: the network interface the host uses, when the driver reports one.</summary>
    public string? NetDev { get; init; }
    /// <summary>The hwaddress attribute: the port's MAC address.</summary>
    public string? HwAddress { get; init; }
    /// <summary>The ipaddress attribute: the initiator's IP address.</summary>
    public string? IpAddress { get; init; }
    /// <summary>The initiatorname attribute: the initiator's IQN.</summary>
    public string? InitiatorName { get; init; }
    /// <summary>The port_state attribute ("LINK_UP", "LINK_DOWN").</summary>
    public string? PortState { get; init; }
    /// <summary>The port_speed attribute ("10 Gbps").</summary>
    public string? PortSpeed { get; init; }
    /// <summary>The host's iscsi_hostN bsg node; null for software iSCSI.</summary>
    public BsgNode? Node { get; init; }

    /// <summary>Why there is no usable node (<see cref="NoBsgNodeNote"/> for software iSCSI), or the node's own note; null when usable.</summary>
    public string? Note { get; init; }

    /// <summary>The note for a host whose driver creates no iscsi_hostN node (iscsi_tcp and other drivers without a bsg handler).</summary>
    public const string NoBsgNodeNote = "this host has no bsg node (software iSCSI)";

    /// <summary>proc_name values whose iSCSI transport has a bsg handler (docs/reference/iscsi-bsg.md §6).</summary>
    public static bool DriverHasBsgHandler(string? driver) => IscsiDrivers.FromProcName(driver).HasBsgHandler();

    /// <summary>"host3 (qla4xxx) 192.0.2.31 iqn.… LINK_UP, /dev/bsg/iscsi_host3".</summary>
    public override string ToString() =>
        $"{Name} ({Driver ?? "unknown driver"}) {IpAddress ?? "-"} {InitiatorName ?? "-"} {PortState ?? "unknown state"}, " +
        (Node?.DevicePath ?? Note ?? "no bsg node");
}

/// <summary>The iSCSI hosts sysfs lists, plus the problems the scan stepped over.</summary>
public sealed record IscsiCatalogSnapshot(BsgCatalogSnapshot Bsg, IReadOnlyList<IscsiHostInfo> IscsiHosts, IReadOnlyList<string> Problems)
{
    /// <summary>Every bsg node (also those of other transports).</summary>
    public IReadOnlyList<BsgNode> Nodes => Bsg.Nodes;

    /// <summary>The bsg node called <paramref name="name"/>, or null.</summary>
    public BsgNode? FindNode(string name) => Bsg.FindNode(name);

    /// <summary>The iSCSI host with SCSI host number <paramref name="hostNumber"/>, or null.</summary>
    public IscsiHostInfo? FindHost(int hostNumber)
    {
        foreach (var h in IscsiHosts) if (h.HostNumber == hostNumber) return h;
        return null;
    }

    /// <summary>"2 iSCSI host(s), 1 problem(s)".</summary>
    public override string ToString() =>
        $"{IscsiHosts.Count} iSCSI host(s){(Problems.Count == 0 ? "" : $", {Problems.Count} problem(s)")}";
}

/// <summary>Reads /sys/class/iscsi_host (scsi_transport_iscsi's attributes), each host joined with its bsg node if it has one.</summary>
public static class IscsiCatalog
{
    /// <summary>Scans the real /sys and /dev, or the roots <paramref name="sysfs"/> names (the simulator's tree).</summary>
    public static IscsiCatalogSnapshot Scan(BsgNodeCatalog? sysfs = null)
    {
        sysfs ??= new BsgNodeCatalog();
        return Scan(sysfs, sysfs.Scan());
    }

    /// <summary>Scans /sys/class/iscsi_host under <paramref name="sysfs"/>, joining the bsg nodes of an existing scan.</summary>
    public static IscsiCatalogSnapshot Scan(BsgNodeCatalog sysfs, BsgCatalogSnapshot nodes)
    {
        var problems = new List<string>();
        var byName = nodes.ByName();
        var result = new List<IscsiHostInfo>();
        foreach (var (entry, host) in sysfs.ListHostEntries("iscsi_host", problems))
        {
            var a = sysfs.Attributes(entry, problems);
            var driver = sysfs.ReadProcName(host, problems);
            var node = byName.GetValueOrDefault($"iscsi_host{host}");
            result.Add(new IscsiHostInfo(host)
            {
                Driver = driver,
                NetDev = a.Text("netdev", required: false),
                HwAddress = a.Text("hwaddress", required: false),
                IpAddress = a.Text("ipaddress", required: false),
                InitiatorName = a.Text("initiatorname", required: false),
                PortState = a.Text("port_state", required: false),
                PortSpeed = a.Text("port_speed", required: false),
                Node = node,
                Note = node is not null ? node.Note
                    : IscsiHostInfo.DriverHasBsgHandler(driver) ? $"no iscsi_host{host} in /sys/class/bsg although {driver} has a bsg handler (driver loaded without it?)"
                    : IscsiHostInfo.NoBsgNodeNote,
            });
        }
        result.Sort(static (x, y) => x.HostNumber.CompareTo(y.HostNumber));
        return new IscsiCatalogSnapshot(nodes, result, [.. nodes.Problems, .. problems]);
    }
}
