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

    /// <summary>The switches, in scenario order.</summary>
    public IReadOnlyList<SimSwitch> Switches { get; }

    /// <summary>The lowest-domain switch; its WWN is the fabric name.</summary>
    public SimSwitch? Principal { get; }

    /// <summary>The fabric name: the principal switch's WWN (0 without switches).</summary>
    public Wwn FabricName => Principal?.Name ?? default;

    // TryGetValue, not GetValueOrDefault: the framework's extension over IReadOnlyDictionary is JIT-compiled per instantiation.
    /// <summary>The switch with domain ID <paramref name="domain"/>, or null.</summary>
    public SimSwitch? FindDomain(int domain) => _byDomain.TryGetValue(domain, out var s) ? s : null;
    /// <summary>The switch named <paramref name="name"/>, or null.</summary>
    public SimSwitch? FindSwitch(Wwn name) => _byName.TryGetValue(name.Value, out var s) ? s : null;
    /// <summary>The switch port with WWN <paramref name="name"/>, or null.</summary>
    public SimSwitchPort? FindPort(Wwn name) => _portsByName.TryGetValue(name.Value, out var p) ? p : null;

    /// <summary>Port <paramref name="port"/> of the switch with domain <paramref name="domain"/>, or null.</summary>
    public SimSwitchPort? FindPort(int domain, int port)
    {
        var s = FindDomain(domain);
        return s is not null && port >= 0 && port < s.Ports.Count ? s.Ports[port] : null;
    }
}
