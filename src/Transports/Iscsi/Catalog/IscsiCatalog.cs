using BsgKit.Bsg.Catalog;
using BsgKit.Iscsi.Codes;

namespace BsgKit.Iscsi.Catalog;

/// <summary>/sys/class/iscsi_host/hostN plus the host's driver and (offload drivers only) bsg node.</summary>
public sealed record IscsiHostInfo(int HostNumber)
{
    public string Name => $"host{HostNumber}";
    public string? Driver { get; init; }
    public string? NetDev { get; init; }
    public string? HwAddress { get; init; }
    public string? IpAddress { get; init; }
    public string? InitiatorName { get; init; }
    public string? PortState { get; init; }
    public string? PortSpeed { get; init; }
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

    public BsgNode? FindNode(string name) => Bsg.FindNode(name);

    public IscsiHostInfo? FindHost(int hostNumber)
    {
        foreach (var h in IscsiHosts) if (h.HostNumber == hostNumber) return h;
        return null;
    }

    public override string ToString() =>
        $"{IscsiHosts.Count} iSCSI host(s){(Problems.Count == 0 ? "" : $", {Problems.Count} problem(s)")}";
}

/// <summary>Reads /sys/class/iscsi_host (scsi_transport_iscsi's attributes), each host joined with its bsg node if it has one.</summary>
public static class IscsiCatalog
{
    public static IscsiCatalogSnapshot Scan(BsgNodeCatalog? sysfs = null)
    {
        sysfs ??= new BsgNodeCatalog();
        return Scan(sysfs, sysfs.Scan());
    }

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
