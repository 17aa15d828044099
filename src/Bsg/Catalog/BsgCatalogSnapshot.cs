namespace BsgKit.Bsg.Catalog;

/// <summary>The bsg nodes /sys/class/bsg lists, plus the problems the scan stepped over (never a crash).</summary>
public sealed record BsgCatalogSnapshot(IReadOnlyList<BsgNode> Nodes, IReadOnlyList<string> Problems)
{
    /// <summary>The node called <paramref name="name"/> ("fc_host1", "rport-1:0-2"), or null.</summary>
    public BsgNode? FindNode(string name)
    {
        foreach (var n in Nodes) if (n.Name == name) return n;
        return null;
    }

    /// <summary>The nodes by name (what the transports' catalogs attach to their hosts and ports).</summary>
    public IReadOnlyDictionary<string, BsgNode> ByName()
    {
        var map = new Dictionary<string, BsgNode>(Nodes.Count, StringComparer.Ordinal);
        foreach (var n in Nodes) map[n.Name] = n;
        return map;
    }

    /// <summary>"5 bsg node(s), 1 problem(s)".</summary>
    public override string ToString() => $"{Nodes.Count} bsg node(s){(Problems.Count == 0 ? "" : $", {Problems.Count} problem(s)")}";
}
