using BsgKit.Fc;
using BsgKit.Fc.Codes;
using BsgKit.Fc.Ct;
using BsgKit.Fc.Ct.ZoneServer;
using BsgKit.Simulator.Scenarios;
using static BsgKit.Fc.Codes.ZoneServerExplanations;

namespace BsgKit.Simulator.Fabric;

/// <summary>
/// Fabric zone server reads (0xFA/0x03 at 0xFFFFFA) over the scenario's zoning database. Members are reported
/// as port names (type 0x01), "fcid:" members as addresses (type 0x03). Changes (ADZS, AZS …) are not supported.
/// </summary>
internal sealed class ZoneServer : ICtService
{
    private readonly ZoningSpec? _spec;
    private readonly ZoningPolicy _policy;
    private readonly Dictionary<string, ZoneSpec> _zones = new(StringComparer.Ordinal);

    public ZoneServer(ZoningPolicy policy)
    {
        _policy = policy;
        _spec = policy.Spec;
        if (_spec is null) return;
        foreach (var z in _spec.Zones) _zones[z.Name] = z;
    }

    public CtServer Server => CtServer.ZoneServer;
    public CodeTable Commands => GsZoneServerCommands.Table;

    public int Handle(scoped in CtRequest request, Span<byte> response)
    {
        var iu = request.Iu;
        switch (request.Command)
        {
            case GsZoneServerCommands.Gzc:
                Gzc.ParseRequest(iu);
                return Gzc.BuildAccept(response, new ZoneCapabilities(_spec is null ? (byte)0 : (byte)(GsZoneServerCommands.CapabilityHardZones | GsZoneServerCommands.CapabilityZoneSetDatabase), 0));
            case GsZoneServerCommands.Gest:
                Gest.ParseRequest(iu);
                return Gest.BuildAccept(response, new ZoneEnforcementState(_policy.Enforced ? GsZoneServerCommands.EnforcementHard : (byte)0, 0));
        }
        if (_spec is null) return CtAnswers.Unable(response, Server, ZonesNotSupported);
        switch (request.Command)
        {
            case GsZoneServerCommands.Gzsn:
            {
                Gzsn.ParseRequest(iu);
                var sets = new List<ZoneSetSummary>(_spec.ZoneSets.Count);
                foreach (var s in _spec.ZoneSets) sets.Add(new ZoneSetSummary(s.Name, (uint)s.Zones.Count));
                return Gzsn.BuildAccept(response, sets);
            }
            case GsZoneServerCommands.Gzd:
            {
                var set = FindSet(Gzd.ParseRequest(iu));
                if (set is null) return CtAnswers.Unable(response, Server, ZoneSetNameUnknown);
                var zones = new List<ZoneSummary>(set.Zones.Count);
                foreach (var name in set.Zones)
                    zones.Add(new ZoneSummary(name, _zones.TryGetValue(name, out var z) ? (uint)z.Members.Count : 0));
                return Gzd.BuildAccept(response, zones);
            }
            case GsZoneServerCommands.Gzm:
            {
                if (!_zones.TryGetValue(Gzm.ParseRequest(iu), out var zone)) return CtAnswers.Unable(response, Server, ZoneNameUnknown);
                return Gzm.BuildAccept(response, Members(zone));
            }
            case GsZoneServerCommands.Gazs:
            {
                Gazs.ParseRequest(iu);
                var active = _policy.ActiveZoneSetName is { } name ? FindSet(name) : null;
                return active is null ? CtAnswers.Unable(response, Server, NoZoneSetActive) : Gazs.BuildAccept(response, ToWire(active));
            }
            case GsZoneServerCommands.Gzs:
            {
                var set = FindSet(Gzs.ParseRequest(iu));
                return set is null ? CtAnswers.Unable(response, Server, ZoneSetNameUnknown) : Gzs.BuildAccept(response, ToWire(set));
            }
            default:
                return CtAnswers.NotSupported(response, Server);
        }
    }

    private ZoneSetSpec? FindSet(string name)
    {
        foreach (var s in _spec!.ZoneSets)
            if (string.Equals(s.Name, name, StringComparison.Ordinal)) return s;
        return null;
    }

    private ZoneSet ToWire(ZoneSetSpec set)
    {
        var zones = new List<Zone>(set.Zones.Count);
        foreach (var name in set.Zones)
            if (_zones.TryGetValue(name, out var z)) zones.Add(new Zone(z.Name, Members(z)));
        return new ZoneSet(set.Name, zones);
    }

    private static List<ZoneMember> Members(ZoneSpec zone)
    {
        var members = new List<ZoneMember>(zone.Members.Count);
        foreach (var m in zone.Members)
        {
            if (ZoningPolicy.TryParseFcIdMember(m, out var id)) members.Add(ZoneMember.ByAddress(id));
            else if (Wwn.TryParse(m, out var wwn)) members.Add(ZoneMember.ByPortName(wwn));
        }
        return members;
    }
}
