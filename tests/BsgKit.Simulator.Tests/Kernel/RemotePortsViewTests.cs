using BsgKit.Fc;
using BsgKit.Simulator.Hosting;

namespace BsgKit.Simulator.Tests.Kernel;

/// <summary>SimFcHost.RemotePorts: one shared snapshot between changes, not a copy per read (9,000 rports on big).</summary>
public class RemotePortsViewTests
{
    [Fact]
    public void Reads_share_one_snapshot_until_the_host_changes_and_old_snapshots_stay_as_they_were()
    {
        using var san = SimulatedSan.Create("lab", SysfsStorage.Memory);
        var host = san.FcHosts[0];
        var first = host.RemotePorts;
        Assert.Same(first, host.RemotePorts); // no copy per read
        var count = first.Count;

        var added = host.AddRemotePort(new FcId(0x0AFF00), new Wwn(0x5000_0000_0000_0AFFUL), new Wwn(0x5000_0000_0000_0AF0UL), ["FCP Target"]);
        var second = host.RemotePorts;
        Assert.NotSame(first, second);
        Assert.Equal(count, first.Count); // a reader's snapshot does not change under it
        Assert.Contains(added, second);
        Assert.Same(added, host.FindRemotePort(new FcId(0x0AFF00)));

        host.RemoveRemotePort(added);
        Assert.DoesNotContain(added, host.RemotePorts);
        Assert.Contains(added, second);
        Assert.Null(host.FindRemotePort(new FcId(0x0AFF00)));
    }
}
