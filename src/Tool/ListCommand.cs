using BsgKit.Bsg.Catalog;

namespace BsgKit.Tool;

internal static class ListCommand
{
    public static int Print(BsgCatalogSnapshot snapshot, TextWriter stdout, TextWriter stderr)
    {
        foreach (var p in snapshot.Problems) stderr.WriteLine($"warning: {p}");
        if (snapshot.Nodes.Count == 0 && snapshot.FcHosts.Count == 0 && snapshot.IscsiHosts.Count == 0)
        {
            stdout.WriteLine("No FC or iSCSI hosts and no bsg nodes on this machine (nothing under /sys/class/bsg, fc_host or iscsi_host).");
            stdout.WriteLine("Try the built-in simulated SAN: bsgkit --simulate lab list");
            return 0;
        }
        foreach (var h in snapshot.FcHosts)
            stdout.WriteLine($"fc_host{h.HostNumber}\t{h.Driver ?? "?"}\t{h.PortState ?? "?"}\t{(h.PortName is ulong w ? $"0x{w:x16}" : "?")}\t{h.Node?.DevicePath ?? "(no bsg node)"}");
        foreach (var r in snapshot.RemotePorts)
            stdout.WriteLine($"{r.Name}\t{string.Join(", ", r.Roles)}\t{r.PortState ?? "?"}\t{(r.PortId is uint id ? $"0x{id:x6}" : "?")}\t{r.Node?.DevicePath ?? "(no bsg node)"}");
        foreach (var i in snapshot.IscsiHosts)
            stdout.WriteLine($"iscsi_host{i.HostNumber}\t{i.Driver ?? "?"}\t{i.Node?.DevicePath ?? "(no bsg node: software iSCSI)"}");
        return 0;
    }
}
