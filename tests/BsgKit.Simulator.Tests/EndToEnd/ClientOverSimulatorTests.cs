using BsgKit.Fc;
using BsgKit.Fc.Clients;
using BsgKit.Fc.Codes;
using BsgKit.Fc.Ct.NameServer;
using BsgKit.Fc.Discovery;
using BsgKit.Fc.Els;
using BsgKit.Simulator.Hosting;
using BsgKit.Simulator.Scenarios;

namespace BsgKit.Simulator.Tests.EndToEnd;

/// <summary>
/// The real FC clients, the real Bsg layer and the in-process transport against every personality: each
/// fabric answer is built by the simulator with the shared codecs and parsed by the client with them.
/// </summary>
public class ClientOverSimulatorTests
{
    public static TheoryData<string> Personalities => new() { "libfc", "lpfc", "qla2xxx", "zfcp", "ibmvfc" };

    private static (SimulatedSan San, FcHostClient Client, NPortSpec Target) Open(string scenario)
    {
        var san = SimulatedSan.Create(scenario);
        var catalog = BsgKit.Fc.Catalog.FcCatalog.Scan(san.Catalog);
        var client = FcHostClient.Open(catalog, catalog.FcHosts[0].HostNumber, new FcClientOptions { Transport = san.Transport });
        return (san, client, san.Scenario.NPorts[0]);
    }

    private static FcId IdOf(NPortSpec n) => new((uint)(n.Domain << 16 | n.Port << 8 | n.Alpa));

    [Theory]
    [MemberData(nameof(Personalities))]
    public async Task Name_server_queries_answer_with_the_scenario_values(string personality)
    {
        var (san, client, target) = Open(personality);
        using (san)
        using (client)
        {
            var id = IdOf(target);
            Assert.Equal(Wwn.Parse(target.Wwpn), (await client.GpnIdAsync(id)).Value);
            Assert.Equal(Wwn.Parse(target.Wwnn), (await client.GnnIdAsync(id)).Value);
            Assert.Equal(id, (await client.GidPnAsync(Wwn.Parse(target.Wwpn))).Value);
            Assert.Equal(target.SymbolicPortName, (await client.GspnIdAsync(id)).Value);
            Assert.True((await client.GftIdAsync(id)).Value.Contains(Fc4Types.Fcp));
            Assert.Equal(PortTypes.NPort, (await client.GptIdAsync(id)).Value);
            await client.GffIdAsync(id);
            var next = await client.GaNxtAsync(new FcId(0));
            Assert.NotEqual(0u, next.Value.PortId.Value);
            var list = (await client.GpnFtAsync(new NsFc4TypeScope(Fc4Types.Fcp))).Value;
            Assert.True(list.LastEntrySeen);
            Assert.Contains(list.Entries, e => e.Name == Wwn.Parse(target.Wwpn));
            var ids = (await client.GidFtAsync(new NsFc4TypeScope(Fc4Types.Fcp))).Value;
            Assert.Contains(ids.PortIds, p => p == id);
        }
    }

    [Theory]
    [MemberData(nameof(Personalities))]
    public async Task Management_server_answers_fcs_fdmi_and_zone_reads(string personality)
    {
        var (san, client, _) = Open(personality);
        using (san)
        using (client)
        {
            var elements = (await client.GielAsync()).Value;
            var sw = Assert.Single(elements);
            Assert.Equal(Wwn.Parse(san.Scenario.Switches[0].Wwn), sw.Name);
            var ports = (await client.GplAsync(sw.Name)).Value;
            Assert.NotEmpty(ports);
            var hbas = (await client.GrhlAsync()).Value;
            Assert.Contains(Wwn.Parse(san.Scenario.Hosts[0].Wwpn), hbas);
            await client.GzcAsync();
        }
    }

    [Theory]
    [MemberData(nameof(Personalities))]
    public async Task Els_queries_reach_the_target_through_whatever_route_the_driver_allows(string personality)
    {
        var (san, client, target) = Open(personality);
        using (san)
        using (client)
        {
            var id = IdOf(target);
            var echo = await client.EchoAsync(id, new byte[] { 1, 2, 3, 4, 5, 6, 7, 8 });
            Assert.Equal(new byte[] { 1, 2, 3, 4, 5, 6, 7, 8 }, echo.Value.AsSpan(0, 8).ToArray());
            var lesb = (await client.RlsAsync(id, id)).Value;
            Assert.Equal(target.Lesb?.InvalidTransmissionWord ?? 0, lesb.InvalidTransmissionWordCount);
            var rnid = (await client.RnidAsync(id)).Value;
            Assert.Equal(Wwn.Parse(target.Wwpn), rnid.Wwpn);
            Assert.NotEmpty((await client.RpscAsync(id)).Value);
            await client.RtvAsync(id);
            var rdp = (await client.RdpAsync(id, id)).Value;
            Assert.NotNull(rdp.SfpDiagnostics);
            await client.RpsAsync(id, RpsRequest.ForDestinationId());
        }
    }

    [Theory]
    [MemberData(nameof(Personalities))]
    public async Task Discovery_finds_every_visible_port(string personality)
    {
        var (san, client, _) = Open(personality);
        using (san)
        using (client)
        {
            var snapshot = await FabricDiscovery.DiscoverAsync(client);
            Assert.Empty(snapshot.Errors);
            Assert.True(snapshot.IsComplete);
            foreach (var n in san.Scenario.NPorts)
                Assert.Contains(snapshot.NPorts, p => p.PortName == Wwn.Parse(n.Wwpn));
            Assert.Single(snapshot.Switches);
        }
    }

    [Theory]
    [MemberData(nameof(Personalities))]
    public async Task A_type_no_port_registered_is_an_empty_listing_in_one_request(string personality)
    {
        // The name server answers a fabric-wide GID_FT for NVMe with "FC-4 TYPEs not registered": empty and complete,
        // not 239 per-domain queries.
        var (san, client, _) = Open(personality);
        using (san)
        using (client)
        {
            Assert.DoesNotContain(san.Scenario.NPorts, n => n.Fc4Types.Contains("NVMe"));
            var before = san.Kernel.SgIoCalls;
            var listing = await NameServerListing.ListAsync(client, new NameServerListingOptions { Fc4Type = Fc4Types.Nvme, WithPortNames = false });
            Assert.Empty(listing.Ports);
            Assert.True(listing.IsComplete);
            Assert.Equal(NameServerListingMethod.FullFabric, listing.Method);
            Assert.Equal(1, san.Kernel.SgIoCalls - before);
        }
    }
}

/// <summary>The simulator and the client at 10,000 ports: the whole stack, not just the fabric.</summary>
public class LargeFabricEndToEndTests
{
    [Fact]
    public async Task A_10000_port_fabric_is_listed_completely_through_the_bsg_layer()
    {
        using var san = SimulatedSan.Create("big");
        var catalog = BsgKit.Fc.Catalog.FcCatalog.Scan(san.Catalog);
        Assert.Empty(catalog.Problems);
        using var client = FcHostClient.Open(catalog, san.FcHosts[0].HostNumber, new FcClientOptions { Transport = san.Transport });
        var listing = await NameServerListing.ListAsync(client);
        Assert.True(listing.IsComplete);
        // The listing asks for FCP ports (the default FC-4 type); every online FCP N_Port must be there.
        var expected = san.Scenario.NPorts.Where(n => n.Online && n.Fc4Types.Contains("FCP")).Select(n => Wwn.Parse(n.Wwpn)).ToHashSet();
        var listed = listing.Ports.Where(p => p.PortName is not null).Select(p => p.PortName!.Value).ToHashSet();
        Assert.True(expected.Count > 5000, $"only {expected.Count} FCP ports in the generated fabric");
        var missing = expected.Except(listed).ToList();
        Assert.True(missing.Count == 0, $"{missing.Count} FCP ports not listed, e.g. {string.Join(", ", missing.Take(5))}");
    }

}

/// <summary>
/// The rest of the fabric's answers through the real Bsg layer (lab: lpfc, zoned, two switches): every name
/// server, configuration server, FDMI, zone server and ELS query the client has, parsed by the shared codecs.
/// </summary>
public class EveryFabricAnswerTests
{
    [Fact]
    public async Task Every_query_of_the_fc_issue_answers_on_the_lab()
    {
        using var san = SimulatedSan.Create("lab");
        using var client = FcHostClient.Open(BsgKit.Fc.Catalog.FcCatalog.Scan(san.Catalog), 1, new FcClientOptions { Transport = san.Transport, AllowStateChanges = true }); // it registers too (RSPN_ID, RFT_ID, RFF_ID)
        var target = new FcId(0x010a00);
        var targetWwpn = Wwn.Parse("0x500507680b214ac1");
        var targetWwnn = Wwn.Parse("0x500507680b004ac1");
        var host = new FcId(0x010100);
        var hostWwpn = Wwn.Parse("0x10000090fa8c0a01");

        // Name server: every query, and the registrations a host may make for itself.
        Assert.Equal(PortTypes.NPort, (await client.GptIdAsync(target)).Value);
        Assert.NotEqual(0u, (await client.GcsIdAsync(target)).Value);
        Assert.NotEqual(0UL, (await client.GfpnIdAsync(target)).Value.Value);
        Assert.Contains(target, (await client.GidNnAsync(targetWwnn)).Value.PortIds);
        Assert.Equal("IBM 2145 FlashSystem array1", (await client.GsnnNnAsync(targetWwnn)).Value);
        Assert.Contains((await client.GnnFtAsync(new NsFc4TypeScope(Fc4Types.Fcp))).Value.Entries, e => e.Name == targetWwnn);
        Assert.Contains(target, (await client.GidPtAsync(new NsPortTypeScope(PortTypes.NPort))).Value.PortIds);
        await client.RspnIdAsync(host, "renamed by a test");
        Assert.Equal("renamed by a test", (await client.GspnIdAsync(host)).Value);
        await client.RftIdAsync(host, (await client.GftIdAsync(host)).Value);
        await client.RffIdAsync(host, Fc4Types.Fcp, 0x02);

        // Fabric configuration server: both switches, their ports, the ISL, attached ports, FPNG.
        var elements = (await client.GielAsync()).Value;
        Assert.Equal(2, elements.Count);
        var sw = elements[0].Name;
        Assert.Equal(1, (await client.GdidAsync(sw)).Value);
        Assert.Equal("lab-sw-a", (await client.GielnAsync(sw)).Value);
        await client.GietAsync(sw);
        await client.GmidAsync(sw);
        await client.GfnAsync(sw);
        await client.GmalAsync(sw);
        await client.GieilAsync(sw);
        var ports = (await client.GplAsync(sw)).Value;
        Assert.NotEmpty(ports);
        await client.GtinAsync();
        await client.FpngAsync(targetWwpn, 0x1234);

        // FDMI: the host registered itself at login.
        Assert.Contains(hostWwpn, (await client.GrhlAsync()).Value);
        var hba = (await client.GhatAsync(hostWwpn)).Value;
        Assert.NotEmpty(hba.Attributes);
        Assert.Contains(hostWwpn, (await client.GrplAsync(hostWwpn)).Value);
        Assert.NotEmpty((await client.GpatAsync(hostWwpn)).Value);

        // Zone server: the active zone set of the lab.
        var active = (await client.GazsAsync()).Value;
        Assert.Equal("lab_cfg", active.Name);
        Assert.Contains(active.Zones, z => z.Name == "z_host1_arrays");
        await client.GestAsync();
        Assert.NotEmpty((await client.GzsnAsync()).Value);
        Assert.NotEmpty((await client.GzdAsync("lab_cfg")).Value);
        Assert.Equal(3, (await client.GzmAsync("z_host1_arrays")).Value.Count);
        Assert.Equal(2, (await client.GzsAsync("lab_cfg")).Value.Zones.Count);

        // ELS (lpfc: through the rport, RPT_ELS).
        var adisc = (await client.AdiscAsync(target, new AdiscParameters(new FcId(0), hostWwpn, Wwn.Parse("0x20000090fa8c0a01"), host))).Value;
        Assert.Equal(targetWwpn, adisc.Wwpn);
        await client.LirrAsync(target, new LirrRequest(0x01, 0x00));
        await client.SrlAsync(target, new SrlRequest(0, 0));
        await client.RplAsync(target, new RplRequest(64, 0));
    }

    [Fact]
    public void Npiv_ports_become_their_own_fc_hosts_with_their_own_fc_ids_behind_one_switch_port()
    {
        var scenario = ScenarioLoader.Resolve("libfc");
        scenario.Hosts[0].Npiv.Add(new NpivSpec { Host = 7, Wwpn = "0x2000001b21aa0107", Wwnn = "0x1000001b21aa0107" });
        scenario.Hosts[0].Npiv.Add(new NpivSpec { Host = 8, Wwpn = "0x2000001b21aa0108", Wwnn = "0x1000001b21aa0108" });
        using var san = SimulatedSan.Create(scenario);
        var hosts = BsgKit.Fc.Catalog.FcCatalog.Scan(san.Catalog).FcHosts;
        Assert.Equal([1, 7, 8], hosts.Select(h => h.HostNumber));
        var ids = hosts.Select(h => h.PortId!.Value).ToList();
        Assert.Equal(3, ids.Distinct().Count());
        Assert.All(ids, id => Assert.Equal(0x010100u, id & 0xFFFF00)); // same domain and switch port, different AL_PA
        Assert.All(hosts, h => Assert.Equal("/dev/bsg/" + $"fc_host{h.HostNumber}", h.Node?.DevicePath));
    }
}
