using BsgKit.Fc;

namespace BsgKit.Simulator.Fabric;

/// <summary>The switches, sorted by domain, with indexes by switch WWN and by switch port WWN.</summary>
public sealed class FabricTopology
{
    private readonly Dictionary<int, SimSwitch> _byDomain = [];
    private readonly Dictionary<ulong, SimSwitch> _byName = [];
    private readonly Dictionary<ulong, SimSwitchPort> _portsByName = [];

    internal FabricTopology(IReadOnlyList<SimSwitch> switches)
    {
        var sorted = new List<SimSwitch>(switches);
        sorted.Sort(static (a, b) => a.Domain.CompareTo(b.Domain));
        Switches = sorted;
        foreach (var s in sorted)
        {
            if (!_byDomain.TryAdd(s.Domain, s)) throw new InvalidOperationException($"domain {s.Domain} is used twice");
            if (!_byName.TryAdd(s.Name.Value, s)) throw new InvalidOperationException($"switch WWN {s.Name} is used twice");
            foreach (var p in s.Ports) _portsByName[p.Name.Value] = p;
        }
        Principal = sorted.Count > 0 ? sorted[0] : null;
    }

    public IReadOnlyList<SimSwitch> Switches { get; }

    /// <summary>The lowest-domain switch; its WWN is the fabric name.</summary>
    public SimSwitch? Principal { get; }

    public Wwn FabricName => Principal?.Name ?? default;

    public SimSwitch? FindDomain(int domain) => _byDomain.GetValueOrDefault(domain);
    public SimSwitch? FindSwitch(Wwn name) => _byName.GetValueOrDefault(name.Value);
    public SimSwitchPort? FindPort(Wwn name) => _portsByName.GetValueOrDefault(name.Value);

    public SimSwitchPort? FindPort(int domain, int port)
    {
        var s = FindDomain(domain);
        return s is not null && port >= 0 && port < s.Ports.Count ? s.Ports[port] : null;
    }
}
