using BsgKit.Bsg;
using BsgKit.Fc;
using BsgKit.Fc.Catalog;
using BsgKit.Fc.Clients;
using BsgKit.Simulator.Hosting;
using BsgKit.Simulator.Scenarios;

namespace BsgKit.Simulator.Tests.Trees;

/// <summary>
/// BsgKit.Fc owns the FC view of sysfs and the FC meaning of errnos (issue 15, "things in the wrong layer"): the
/// catalog read from the simulator's generated tree gives <see cref="Wwn"/>/<see cref="FcId"/> values equal to the
/// simulated ports', and an FC failure's hint comes from <see cref="FcErrnoHints"/>, not from the generic bsg table.
/// </summary>
public class FcLayerTests
{
    [Theory]
    [InlineData(SysfsStorage.Memory)]
    [InlineData(SysfsStorage.Files)]
    public void The_fc_catalog_of_a_simulated_tree_has_typed_names_and_ids(SysfsStorage storage)
    {
        using var san = SimulatedSan.Create("lab", storage);
        var catalog = FcCatalog.Scan(san.Catalog);

        Assert.Empty(catalog.Problems);
        Assert.Equal(san.FcHosts.Count, catalog.FcHosts.Count);
        foreach (var sim in san.FcHosts)
        {
            var host = catalog.FindHost(sim.HostNumber)!;
            Wwn? portName = host.PortName, nodeName = host.NodeName, fabricName = host.FabricName;
            FcId? portId = host.PortId;
            Assert.Equal(sim.PortName, portName);
            Assert.Equal(sim.NodeName, nodeName);
            Assert.Equal(sim.FabricName, fabricName);
            Assert.Equal(sim.PortId, portId);
            foreach (var simRport in sim.RemotePorts)
            {
                var rport = Assert.Single(catalog.RemotePorts, r => r.Name == simRport.Name);
                Assert.Equal(simRport.PortName, rport.PortName);
                Assert.Equal(simRport.NodeName, rport.NodeName);
                Assert.Equal(simRport.PortId, rport.PortId);
            }
        }
        Assert.Contains(catalog.RemotePorts, r => r.PortId == FcId.DirectoryServer);
    }

    [Fact]
    public async Task An_fc_errno_failure_carries_the_fc_layers_hint()
    {
        // The simulated caller lacks CAP_SYS_RAWIO: bsg_sg_io() fails every SG_IO with EPERM.
        var scenario = ScenarioLoader.Resolve("qla2xxx");
        scenario.CallerLacksCapSysRawio = true;
        using var san = SimulatedSan.Create(scenario);
        using var client = FcHostClient.Open(FcCatalog.Scan(san.Catalog), 1, new FcClientOptions { Transport = san.Transport, TimeoutMs = 1000 });

        var e = await Assert.ThrowsAsync<FcTransportException>(() => client.GpnIdAsync(new FcId(0x010500)).AsTask());

        Assert.Equal(Errno.EPERM, e.Errno);
        Assert.Equal(FcErrnoHints.HintFor(Errno.EPERM), e.Hint);
        Assert.NotEqual(Errno.HintFor(Errno.EPERM), e.Hint);
        Assert.Contains("qla2xxx", e.Hint); // the FC meaning: qla2xxx's own EPERM
    }
}
