using System.Text.Json.Nodes;
using BsgKit.Fc;
using BsgKit.Simulator.Scenarios;

namespace BsgKit.Tool.Tests.Matrix;

/// <summary>
/// One column of the command × driver matrix: a simulated driver personality, the scenario it runs on, and the facts
/// the expected answers are computed from (read from the scenario itself, never copied by hand).
/// </summary>
public sealed class Personality
{
    public required string Name { get; init; }
    /// <summary>What --simulate gets: a built-in name or a scenario file.</summary>
    public required string Simulate { get; init; }
    public required Scenario Scenario { get; init; }
    /// <summary>The documented "this driver cannot" error every FC request gives (bfa, fnic); null when the driver can.</summary>
    public string? Cannot { get; init; }
    /// <summary>No FC hosts at all (the iSCSI scenario): every FC command is "no such host".</summary>
    public bool IsIscsiOnly => Scenario.Hosts.Count == 0;

    public override string ToString() => Name;

    // Placeholders where the scenario has none (the iSCSI-only one): its FC commands fail before using them.
    public HostSpec Host => Scenario.Hosts.FirstOrDefault() ?? new HostSpec { Host = 1, Wwpn = "0x1000000000000001", Wwnn = "0x2000000000000001", Domain = 1, Port = 1 };
    public string HostWwpn => W(Host.Wwpn);
    public string HostWwnn => W(Host.Wwnn);
    public string HostId => Id(Host.Domain, Host.Port, 0);

    public NPortSpec T1 => Scenario.NPorts.FirstOrDefault() ?? new NPortSpec { Wwpn = "0x5000000000000001", Wwnn = "0x5000000000000000", Domain = 1, Port = 5 };
    public string T1Wwpn => W(T1.Wwpn);
    public string T1Wwnn => W(T1.Wwnn);
    public string T1Id => Id(T1.Domain, T1.Port, T1.Alpa);

    /// <summary>Every FC ID the host sees (itself and the N_Ports zoned with it), in order.</summary>
    public IReadOnlyList<uint> VisibleIds =>
        [.. Scenario.NPorts.Select(n => Raw(n.Domain, n.Port, n.Alpa)).Append(Raw(Host.Domain, Host.Port, 0)).Order()];

    public SwitchSpec Switch => Scenario.Switches.SingleOrDefault(s => s.Domain == T1.Domain) ?? new SwitchSpec { Domain = 1, Wwn = "0x1000000000000001", Name = "none" };
    public string SwitchWwn => W(Switch.Wwn);

    /// <summary>The switch port T1 is attached to: 0x20, the port number, then the switch WWN's low 48 bits (FC-SW port names).</summary>
    public string T1FabricPort => new Wwn(0x2000_0000_0000_0000UL | ((ulong)T1.Port << 48) | (Wwn.Parse(Switch.Wwn).Value & 0xFFFF_FFFF_FFFFUL)).ToString();

    public string ZoneSet => Scenario.Zoning?.ActiveZoneSet ?? "none";
    public ZoneSpec Zone => Scenario.Zoning?.Zones.FirstOrDefault(z => Scenario.Zoning.ZoneSets.Single(s => s.Name == ZoneSet).Zones.Contains(z.Name))
                            ?? new ZoneSpec { Name = "none" };

    public static string W(string text) => Wwn.Parse(text).ToString();
    public static uint Raw(int domain, int port, int alpa) => (uint)(domain << 16 | port << 8 | alpa);
    public static string Id(int domain, int port, int alpa) => new FcId(Raw(domain, port, alpa)).ToString();

    /// <summary>
    /// The five personalities BsgKit drives, the two it cannot (bfa, fnic: the libfc scenario with that driver) and the
    /// iSCSI-only scenario.
    /// </summary>
    public static IReadOnlyList<Personality> All => Lazy.Value;

    public const string BfaCannot = "the bfa driver (Brocade) accepts ELS and CT only with a proprietary bfa_bsg_data trailer";
    public const string FnicCannot = "the fnic driver (Cisco) registers no bsg handler";

    private static readonly Lazy<IReadOnlyList<Personality>> Lazy = new(() =>
    {
        var list = new List<Personality>();
        foreach (var name in new[] { "libfc", "lpfc", "qla2xxx", "zfcp", "ibmvfc" })
            list.Add(new Personality { Name = name, Simulate = name, Scenario = ScenarioLoader.Resolve(name) });
        foreach (var (driver, cannot) in new[] { ("bfa", BfaCannot), ("fnic", FnicCannot) })
        {
            var json = JsonNode.Parse(ScenarioLoader.ToJson(ScenarioLoader.Resolve("libfc")))!;
            json["name"] = driver;
            json["hosts"]![0]!["driver"] = driver;
            var path = Path.Combine(Path.GetTempPath(), $"bsgkit-matrix-{driver}-{Environment.ProcessId}.json");
            File.WriteAllText(path, json.ToJsonString());
            AppDomain.CurrentDomain.ProcessExit += (_, _) => File.Delete(path);
            list.Add(new Personality { Name = driver, Simulate = path, Scenario = ScenarioLoader.Resolve(path), Cannot = cannot });
        }
        list.Add(new Personality { Name = "iscsi", Simulate = "iscsi", Scenario = ScenarioLoader.Resolve("iscsi") });
        return list;
    });
}
