using BsgKit.Fc;
using BsgKit.Fc.Ct;
using BsgKit.Simulator.Fabric;
using BsgKit.Simulator.Kernel;
using BsgKit.Simulator.Scenarios;

namespace BsgKit.Simulator.Tests.Fabric;

/// <summary>
/// A small hand-made fabric: two switches joined by an ISL, our lpfc host on 1/0, zoned targets A (1/1), B (2/1,
/// FCP and NVMe), NPIV-style E (1/4 ALPA 1), an unzoned target C (2/2) and an offline target D (1/3).
/// </summary>
internal static class FabricTestKit
{
    public const string HostWwpn = "10:00:00:00:c9:a0:00:01", HostWwnn = "20:00:00:00:c9:a0:00:01";
    public const string AWwpn = "50:06:01:60:3e:a0:00:01", BWwpn = "50:06:01:60:3e:a0:00:02", CWwpn = "50:06:01:60:3e:a0:00:03";
    public const string DWwpn = "50:06:01:60:3e:a0:00:04", EWwpn = "50:06:01:60:3e:a0:00:05";
    public static readonly FcId A = new(0x010100), B = new(0x020100), C = new(0x020200), D = new(0x010300), E = new(0x010401);
    public static readonly Wwn Switch1 = Wwn.Parse("10:00:00:05:1e:00:00:01"), Switch2 = Wwn.Parse("10:00:00:05:1e:00:00:02");

    public static HostSpec Host() => new()
    {
        Host = 3, Driver = "lpfc", Wwpn = HostWwpn, Wwnn = HostWwnn, Domain = 1, Port = 0,
        SymbolicName = "Emulex LPe32002 FV14 DV14 HN:testhost", Speed = "32 Gbit", SupportedSpeeds = "8 Gbit, 16 Gbit, 32 Gbit",
        SerialNumber = "FC12345678",
    };

    public static Scenario Scenario(Action<Scenario>? tweak = null)
    {
        var s = new Scenario
        {
            Name = "kit",
            Switches =
            [
                new SwitchSpec { Domain = 2, Wwn = "10:00:00:05:1e:00:00:02", Name = "edge2", Ports = 16 },
                new SwitchSpec { Domain = 1, Wwn = "10:00:00:05:1e:00:00:01", Name = "core1", Ports = 16, Vendor = "BROCADE", Model = "G620", FirmwareVersion = "v9.1.1", IpAddress = "10.1.1.1" },
            ],
            Isls = [new IslSpec { FromDomain = 1, FromPort = 15, ToDomain = 2, ToPort = 15 }],
            Hosts = [Host()],
            NPorts =
            [
                new NPortSpec
                {
                    Wwpn = AWwpn, Wwnn = "50:06:01:60:be:a0:00:01", Domain = 1, Port = 1, SymbolicPortName = "ARRAY-A SP-A port 0",
                    SymbolicNodeName = "ARRAY-A", Lesb = new LesbSpec { LinkFailure = 1, InvalidCrc = 7 },
                    Sfp = new SfpSpec { TemperatureC = 80, RxPowerUw = 10 },
                    Rnid = new RnidSpec { VendorUniqueName = "ARRAYVENDOR", NodeType = 0x0B },
                },
                new NPortSpec { Wwpn = BWwpn, Wwnn = "50:06:01:60:be:a0:00:02", Domain = 2, Port = 1, Fc4Types = ["FCP", "NVMe"], Roles = ["target", "initiator"], Speed = "16 Gbit" },
                new NPortSpec { Wwpn = CWwpn, Wwnn = "50:06:01:60:be:a0:00:03", Domain = 2, Port = 2 },
                new NPortSpec { Wwpn = DWwpn, Wwnn = "50:06:01:60:be:a0:00:04", Domain = 1, Port = 3, Online = false },
                new NPortSpec { Wwpn = EWwpn, Wwnn = "50:06:01:60:be:a0:00:05", Domain = 1, Port = 4, Alpa = 1 },
            ],
            Zoning = new ZoningSpec
            {
                Enforced = true,
                ActiveZoneSet = "cfg1",
                ZoneSets = [new ZoneSetSpec { Name = "cfg1", Zones = ["z_host_a", "z_cd"] }, new ZoneSetSpec { Name = "cfg_spare", Zones = ["z_cd"] }],
                Zones =
                [
                    new ZoneSpec { Name = "z_host_a", Members = [HostWwpn, AWwpn, "fcid:0x020100", EWwpn] },
                    new ZoneSpec { Name = "z_cd", Members = [CWwpn, DWwpn] },
                ],
            },
        };
        tweak?.Invoke(s);
        return s;
    }

    /// <summary>The fabric with our host logged in (FDMI registered).</summary>
    public static (SimFabric Fabric, FcId Host) Build(Action<Scenario>? tweak = null)
    {
        var scenario = Scenario(tweak);
        var fabric = new SimFabric(scenario, new SimClock());
        var host = scenario.Hosts[0];
        var login = fabric.Login(Wwn.Parse(host.Wwpn), Wwn.Parse(host.Wwnn), host.Domain, host.Port, host.SymbolicName!, host, host.RegisterFdmi);
        return (fabric, login.PortId);
    }

    public delegate int RequestBuilder(Span<byte> buffer);

    /// <summary>Builds a CT request with a codec, sends it to the server's well-known address, returns the response bytes.</summary>
    public static byte[] Ct(SimFabric fabric, FcId source, RequestBuilder build, int responseSize = 300_000)
    {
        var request = new byte[8192];
        var length = build(request);
        var server = CtIuHeader.Read(request).Server;
        var response = new byte[responseSize];
        var result = fabric.Exchange(source, server.WellKnownAddress, FrameType.Ct, request.AsSpan(0, length), response);
        Assert.Equal(ExchangeOutcome.Response, result.Outcome);
        return response.AsSpan(0, result.ResponseLength).ToArray();
    }

    public static (ExchangeResult Result, byte[] Response) Els(SimFabric fabric, FcId source, FcId destination, RequestBuilder build, int responseSize = 4096)
    {
        var request = new byte[4096];
        var length = build(request);
        var response = new byte[responseSize];
        var result = fabric.Exchange(source, destination, FrameType.Els, request.AsSpan(0, length), response);
        return (result, response.AsSpan(0, result.ResponseLength).ToArray());
    }

    public static CtRejectedException Rejected(Action parse) => Assert.Throws<CtRejectedException>(parse);
}
