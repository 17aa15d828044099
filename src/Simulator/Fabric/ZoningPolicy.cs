using BsgKit.Fc;
using BsgKit.Simulator.Scenarios;

namespace BsgKit.Simulator.Fabric;

/// <summary>
/// Who may see whom under the active zone set. Members are WWPNs (a WWNN matches every port of that node) or
/// "fcid:0x010200". Without zoning, with Enforced=false, or with no active zone set, every port sees every
/// port (the switches' "all access" default zone). A port always sees itself.
/// Zone membership is resolved once per port (<see cref="ZonesOf"/>), so a visibility check is a small
/// sorted-array intersection rather than a walk over the zone set.
/// </summary>
public sealed class ZoningPolicy
{
    private readonly Dictionary<ulong, List<int>> _zonesByName = [];
    private readonly Dictionary<int, List<int>> _zonesByFcId = []; // FC IDs (24 bits) as int: Dictionary<uint, …> is JIT-compiled

    /// <summary>Zoning from the scenario's <paramref name="spec"/>; null: no zoning, everyone sees everyone.</summary>
    public ZoningPolicy(ZoningSpec? spec)
    {
        Spec = spec;
        if (spec is null || !spec.Enforced || string.IsNullOrEmpty(spec.ActiveZoneSet)) return;
        ZoneSetSpec? active = null;
        foreach (var set in spec.ZoneSets)
            if (string.Equals(set.Name, spec.ActiveZoneSet, StringComparison.Ordinal)) active = set;
        if (active is null) return;

        var zonesByName = new Dictionary<string, ZoneSpec>(StringComparer.Ordinal);
        foreach (var z in spec.Zones) zonesByName[z.Name] = z;
        var index = 0;
        foreach (var zoneName in active.Zones)
        {
            if (!zonesByName.TryGetValue(zoneName, out var zone)) continue;
            foreach (var member in zone.Members) AddMember(member, index);
            index++;
        }
        ActiveZoneSetName = active.Name;
        Enforced = true;
    }

    /// <summary>The scenario's zoning database, or null.</summary>
    public ZoningSpec? Spec { get; }
    /// <summary>An active zone set is enforced (hard zoning).</summary>
    public bool Enforced { get; }
    /// <summary>The active zone set's name, or null.</summary>
    public string? ActiveZoneSetName { get; }

    private void AddMember(string member, int zone)
    {
        if (TryParseFcIdMember(member, out var id)) Add(_zonesByFcId, (int)id.Value, zone);
        else if (Wwn.TryParse(member, out var wwn)) Add(_zonesByName, wwn.Value, zone);
    }

    internal static bool TryParseFcIdMember(string member, out FcId id)
    {
        id = default;
        return member.StartsWith("fcid:", StringComparison.OrdinalIgnoreCase) && FcId.TryParse(member[5..], out id);
    }

    private static void Add<TKey>(Dictionary<TKey, List<int>> map, TKey key, int zone) where TKey : notnull
    {
        if (!map.TryGetValue(key, out var list)) map[key] = list = new List<int>(1);
        if (list.Count == 0 || list[^1] != zone) list.Add(zone);
    }

    /// <summary>The sorted zone indexes a port belongs to (by port name, node name or FC ID).</summary>
    internal int[] ZonesOf(FcId id, Wwn portName, Wwn nodeName)
    {
        if (!Enforced) return [];
        // A list sorted and deduplicated by hand, not a SortedSet<int>: that instantiation is JIT-compiled at start.
        var all = new List<int>();
        if (_zonesByName.TryGetValue(portName.Value, out var a)) all.AddRange(a);
        if (_zonesByName.TryGetValue(nodeName.Value, out var b)) all.AddRange(b);
        if (_zonesByFcId.TryGetValue((int)id.Value, out var c)) all.AddRange(c);
        if (all.Count == 0) return [];
        all.Sort();
        var distinct = 1;
        for (var i = 1; i < all.Count; i++)
            if (all[i] != all[distinct - 1]) all[distinct++] = all[i];
        var result = new int[distinct];
        all.CopyTo(0, result, 0, distinct);
        return result;
    }

    /// <summary>Whether <paramref name="viewer"/> may see (and exchange frames with) <paramref name="other"/>.</summary>
    public bool CanSee(SimNPort viewer, SimNPort other)
    {
        if (!Enforced || ReferenceEquals(viewer, other) || viewer.Id == other.Id) return true;
        return ShareZone(viewer.ZoneIds, other.ZoneIds);
    }

    private static bool ShareZone(int[] a, int[] b)
    {
        if (a.Length == 0 || b.Length == 0) return false;
        // Binary search the smaller list's entries in the larger one: hosts are in many zones, targets in few.
        var (small, large) = a.Length <= b.Length ? (a, b) : (b, a);
        foreach (var z in small)
            if (Array.BinarySearch(large, z) >= 0) return true;
        return false;
    }
}
