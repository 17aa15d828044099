namespace BsgKit.Simulator.Scenarios;

/// <summary>
/// Generates a valid large fabric: switches in a ring of ISLs, two hosts (lpfc and qla2xxx) on the principal
/// switch, and <c>nports</c> remote N_Ports spread over the switches (mostly FCP targets, some NVMe targets and
/// initiators). Zoning is enforced with one zone per block of 64 targets, each also holding both hosts: the hosts
/// see every port, a target sees its block and the hosts. WWNs and FC IDs are unique; the same seed gives the
/// same fabric.
/// </summary>
public static class ScenarioGenerator
{
    /// <summary>Targets per generated zone (each initiator is zoned with this many).</summary>
    public const int TargetsPerZone = 64;
    private const int PortsPerSwitchLimit = 4096;
    /// <summary>Most switches a generated fabric gets (domains 1-239).</summary>
    public const int MaxSwitches = 239;   // switch port byte plus ALPA room: we only use the area byte

    /// <summary>A fabric of <paramref name="nports"/> N_Ports over <paramref name="switches"/> switches (0: picked from the size), the same for the same <paramref name="seed"/>.</summary>
    public static Scenario Generate(int nports, int switches = 0, int seed = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(nports);
        // Both hosts see every N_Port: the tree bound is known before anything is allocated.
        if (nports > ScenarioLimits.MaxGeneratedNPorts)
            throw new ArgumentOutOfRangeException(nameof(nports), nports,
                $"at most {ScenarioLimits.MaxGeneratedNPorts:N0} N_Ports (ScenarioLimits.MaxGeneratedNPorts)");
        // About 200 N_Ports a switch; past 239 switches (the domain IDs FC-SW allows, 1..239) ports share switch ports by ALPA.
        if (switches <= 0) switches = Math.Clamp(nports / 200 + (nports % 200 == 0 ? 0 : 1), 1, MaxSwitches);
        if (switches > MaxSwitches)
            throw new ArgumentOutOfRangeException(nameof(switches), $"{switches} switches: a fabric has at most {MaxSwitches} (one per domain ID, and FC-SW domain IDs are 1..{MaxSwitches})");
        var random = new Random(seed);

        // Per switch: host ports 0..1 on domain 1, N_Ports from port 2, two ISL ports at the end.
        var perSwitch = nports / switches + (nports % switches == 0 ? 0 : 1);
        // Ports beyond 254 per switch share a switch port via NPIV-style ALPAs (like an NPV edge device).
        var switchPortsForNPorts = Math.Min(perSwitch, 240);
        var alpasPerPort = Math.Max(1, perSwitch / Math.Max(1, switchPortsForNPorts) + (perSwitch % Math.Max(1, switchPortsForNPorts) == 0 ? 0 : 1));
        var portsPerSwitch = 2 + switchPortsForNPorts + 2;
        if (portsPerSwitch > PortsPerSwitchLimit || alpasPerPort > 255)
            throw new ArgumentOutOfRangeException(nameof(nports), "too many ports for the switches; raise the switch count");

        var scenario = new Scenario
        {
            Name = $"generated-{nports}",
            Description = $"Generated fabric: {nports} N_Ports on {switches} switches (seed {seed})",
        };
        var oui = (ulong)random.Next(0x100000, 0xFFFFFF);
        for (var d = 1; d <= switches; d++)
        {
            scenario.Switches.Add(new SwitchSpec
            {
                Domain = d,
                Name = $"sim_sw{d}",
                Wwn = Format(0x1000_0000_0000_0000UL | 0x0005_1E00_0000UL | (ulong)d << 8),
                Ports = portsPerSwitch,
                Vendor = "BROCADE",
                Model = "G720",
                FirmwareVersion = "v9.1.1c",
                IpAddress = $"10.0.0.{d}",
            });
        }
        for (var d = 1; d < switches || (switches > 2 && d == switches); d++)
        {
            var next = d % switches + 1;
            scenario.Isls.Add(new IslSpec { FromDomain = d, FromPort = portsPerSwitch - 1, ToDomain = next, ToPort = portsPerSwitch - 2 });
        }

        var lpfc = new HostSpec
        {
            Host = 1, Driver = "lpfc", Wwpn = Format(0x1000_0000_C9A0_0001UL), Wwnn = Format(0x2000_0000_C9A0_0001UL),
            Domain = 1, Port = 0, SymbolicName = "Emulex LPe32002-M2 FV14.2.539.16 DV14.4.0.2 HN:bsgkit OS:Linux", Speed = "32 Gbit",
            SupportedSpeeds = "8 Gbit, 16 Gbit, 32 Gbit",
        };
        var qla = new HostSpec
        {
            Host = 2, Driver = "qla2xxx", Wwpn = Format(0x2100_0024_FF00_0002UL), Wwnn = Format(0x2000_0024_FF00_0002UL),
            Domain = 1, Port = 1, SymbolicName = "QLE2772 FW:v9.12.01 DVR:v10.02.09.100-k", Speed = "32 Gbit",
            SupportedSpeeds = "8 Gbit, 16 Gbit, 32 Gbit",
        };
        scenario.Hosts.Add(lpfc);
        scenario.Hosts.Add(qla);

        var zoning = new ZoningSpec { Enforced = true, ActiveZoneSet = "cfg_generated" };
        var zoneSet = new ZoneSetSpec { Name = "cfg_generated" };
        ZoneSpec? zone = null;
        for (var i = 0; i < nports; i++)
        {
            var domain = 1 + i / perSwitch;
            var local = i % perSwitch;
            var port = 2 + local % switchPortsForNPorts;
            var alpa = local / switchPortsForNPorts;
            var serial = (ulong)(i + 1);
            var roll = random.Next(100);
            var nvme = roll < 10;
            var initiator = roll >= 95;
            var wwpn = 0x5000_0000_0000_0000UL | oui << 36 | serial << 4 | 0x1;
            var spec = new NPortSpec
            {
                Wwpn = Format(wwpn),
                Wwnn = Format(wwpn & ~0xFUL),
                Domain = domain,
                Port = port,
                Alpa = alpa,
                Roles = initiator ? ["initiator"] : ["target"],
                Fc4Types = nvme ? ["NVMe"] : ["FCP"],
                SymbolicPortName = initiator ? $"sim-initiator-{i + 1}" : $"SIM ARRAY {(i / 8) + 1} port {i % 8}",
                SymbolicNodeName = initiator ? $"sim-host-{i + 1}" : $"SIM ARRAY {(i / 8) + 1}",
                Speed = random.Next(4) == 0 ? "16 Gbit" : "32 Gbit",
            };
            scenario.NPorts.Add(spec);
            if (i % TargetsPerZone == 0)
            {
                zone = new ZoneSpec { Name = $"z_block{i / TargetsPerZone}", Members = [lpfc.Wwpn, qla.Wwpn] };
                zoning.Zones.Add(zone);
                zoneSet.Zones.Add(zone.Name);
            }
            zone!.Members.Add(spec.Wwpn);
        }
        if (zoning.Zones.Count == 0)
        {
            zoning.Zones.Add(new ZoneSpec { Name = "z_hosts", Members = [lpfc.Wwpn, qla.Wwpn] });
            zoneSet.Zones.Add("z_hosts");
        }
        zoning.ZoneSets.Add(zoneSet);
        scenario.Zoning = zoning;
        return scenario;
    }

    /// <summary>What a generated fabric holds, counted from the scenario itself (what `bsgkit sim list` says about `big`).</summary>
    public static string Describe(Scenario s)
    {
        var fcp = s.NPorts.Count(n => n.Fc4Types.Contains("FCP"));
        var hosts = string.Join(" and ", s.Hosts.Select(h => $"host{h.Host} ({h.Driver})"));
        // Every zone holds both hosts, so each host sees every port; GPN_FT (FCP) lists the FCP N_Ports and the hosts.
        return $"a generated fabric: {s.NPorts.Count:N0} N_Ports ({fcp:N0} FCP, {s.NPorts.Count - fcp:N0} NVMe) on {s.Switches.Count} switches " +
               $"in a ring of ISLs, {s.Hosts.Count} hosts: {hosts}, zoned in blocks of {TargetsPerZone}; a host lists {fcp + s.Hosts.Count:N0} FCP ports";
    }

    private static string Format(ulong wwn) =>
        string.Create(23, wwn, static (span, v) =>
        {
            const string hex = "0123456789abcdef";
            for (var i = 0; i < 8; i++)
            {
                var b = (int)(v >> (56 - 8 * i)) & 0xFF;
                span[i * 3] = hex[b >> 4];
                span[i * 3 + 1] = hex[b & 0xF];
                if (i < 7) span[i * 3 + 2] = ':';
            }
        });
}
