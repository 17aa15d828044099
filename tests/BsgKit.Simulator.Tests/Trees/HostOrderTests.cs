using BsgKit.Simulator.Hosting;
using BsgKit.Simulator.Scenarios;

namespace BsgKit.Simulator.Tests.Trees;

/// <summary>Hosts are built in host-number order whatever order the scenario lists them in.</summary>
public class HostOrderTests
{
    [Fact]
    public void Hosts_listed_out_of_order_are_built_as_when_listed_in_order()
    {
        var inOrder = ScenarioLoader.Resolve("lab");
        var reversed = ScenarioLoader.Resolve("lab");
        reversed.Hosts.Reverse();
        Assert.True(reversed.Hosts[0].Host > reversed.Hosts[^1].Host); // the scenario really lists them out of order

        using var a = SimulatedSan.Create(inOrder, SysfsStorage.Memory);
        using var b = SimulatedSan.Create(reversed, SysfsStorage.Memory);
        Assert.Equal(a.FcHosts.Select(h => h.HostNumber), b.FcHosts.Select(h => h.HostNumber));
        Assert.Equal([1, 2], b.FcHosts.Select(h => h.HostNumber));
        // Same nodes with the same device numbers (minors are handed out in build order).
        Assert.Equal(a.Nodes.Select(n => $"{n.Name} {n.DeviceNumber}").Order(), b.Nodes.Select(n => $"{n.Name} {n.DeviceNumber}").Order());
        Assert.Equal(a.FcHosts.Select(h => h.PortId), b.FcHosts.Select(h => h.PortId));
    }
}
