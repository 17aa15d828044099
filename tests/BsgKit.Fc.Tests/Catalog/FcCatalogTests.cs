using BsgKit.Bsg.Catalog;
using BsgKit.Fc.Catalog;
using BsgKit.Tests.Shared;

namespace BsgKit.Fc.Tests.Catalog;

/// <summary>/sys/class/fc_host and fc_remote_ports in generated trees: a good one, a partial one, a malformed one.</summary>
public sealed class FcCatalogTests : IDisposable
{
    private readonly SysfsTreeBuilder _t = new();
    public void Dispose() => _t.Dispose();

    private FcCatalogSnapshot Scan() => FcCatalog.Scan(new BsgNodeCatalog(_t.Sys, _t.Dev));

    [Fact]
    public void A_good_tree_lists_hosts_and_rports_with_typed_names_ids_and_nodes()
    {
        _t.FcHost(2, "lpfc");
        _t.FcHost(10, "qla2xxx", "0x21000024ff7a0001", "0x020300");
        _t.BsgNode("fc_host2", "248:0");
        _t.BsgNode("fc_host10", "248:1");
        _t.BsgNode("rport-2:0-0", "248:2");
        _t.BsgNode("rport-2:0-1", "248:3");
        _t.Rport("rport-2:0-0", "0x20fffc00051e1234", "0xfffffc", "Directory Server");
        _t.Rport("rport-2:0-1", "0x500507680b214ac1", "0x010400", "FCP Target, FCP Initiator");

        var snap = Scan();

        Assert.Empty(snap.Problems);
        var host2 = Assert.Single(snap.FcHosts, h => h.HostNumber == 2);
        Assert.Equal("lpfc", host2.Driver);
        Assert.Equal(new Wwn(0x10000090fa1b2c3dUL), host2.PortName);
        Assert.Equal(new FcId(0x010200), host2.PortId);
        Assert.Equal(new Wwn(0x100000051e123456UL), host2.FabricName);
        Assert.Equal("Online", host2.PortState);
        Assert.Equal("16 Gbit", host2.Speed);
        Assert.Equal(2048, host2.MaxFrameSize);
        Assert.Equal(Path.Combine(_t.Dev, "bsg", "fc_host2"), host2.Node!.DevicePath);
        Assert.Equal(BsgNodeKind.FcHost, host2.Node.Kind);
        Assert.False(host2.IsFcoe);
        Assert.Equal("qla2xxx", snap.DriverOf(10));
        Assert.Equal($"host2 (lpfc) 0x010200 0x10000090fa1b2c3d Online, {host2.Node.DevicePath}", host2.ToString());

        var ns = Assert.Single(snap.RemotePorts, r => r.PortId == FcId.DirectoryServer);
        Assert.Equal(["Directory Server"], ns.Roles);
        Assert.Equal(BsgNodeKind.FcRemotePort, ns.Node!.Kind);
        Assert.Equal((2, 0, 0), (ns.HostNumber, ns.Channel, ns.Number));
        var target = Assert.Single(snap.RemotePorts, r => r.Name == "rport-2:0-1");
        Assert.Equal(["FCP Target", "FCP Initiator"], target.Roles);
        Assert.True(target.IsOnline);
        Assert.Equal("rport-2:0-1 0x010400 0x500507680b214ac1 (FCP Target, FCP Initiator) Online", target.ToString());
        Assert.Equal("2 FC host(s), 2 remote port(s), 4 bsg node(s)", snap.ToString());
    }

    [Fact]
    public void A_partial_tree_fills_what_is_there_and_names_what_is_missing()
    {
        _t.Attr(_t.Class("fc_host", "host5"), "port_name", "0x10000090fa000005");
        // no node_name, port_id, port_state, no scsi_host/proc_name, no bsg node (fnic has none)
        var snap = Scan();
        var h = Assert.Single(snap.FcHosts);
        Assert.Equal(new Wwn(0x10000090fa000005UL), h.PortName);
        Assert.Null(h.NodeName);
        Assert.Null(h.PortId);
        Assert.Null(h.Driver);
        Assert.Null(h.Node);
        Assert.Equal("host5 (unknown driver) - 0x10000090fa000005 unknown state, no bsg node", h.ToString());
        Assert.Contains(snap.Problems, p => p.EndsWith("host5/port_id: missing", StringComparison.Ordinal));
        Assert.Contains(snap.Problems, p => p.Contains("proc_name: missing"));
    }

    [Fact]
    public void Malformed_values_are_skipped_with_a_message_never_a_crash()
    {
        _t.FcHost(6, "qla2xxx", portName: "not-a-wwn", portId: "0x1000000");
        _t.Attr(_t.Class("fc_host", "host6"), "maxframe_size", "lots");
        Directory.CreateDirectory(_t.Class("fc_host", "weird"));
        Directory.CreateDirectory(_t.Class("fc_remote_ports", "rport-x"));
        _t.Rport("rport-6:0-99999999999", "0x2000000000000001", "0x010101", "FCP Target");

        var snap = Scan();

        var h = Assert.Single(snap.FcHosts);
        Assert.Null(h.PortName);
        Assert.Null(h.PortId);
        Assert.Null(h.MaxFrameSize);
        Assert.Contains(snap.Problems, p => p.Contains("'not-a-wwn' is not a 0x-prefixed 64-bit hex number"));
        Assert.Contains(snap.Problems, p => p.Contains("'0x1000000' is not a 24-bit FC ID"));
        Assert.Contains(snap.Problems, p => p.Contains("'lots' is not a number"));
        Assert.Contains(snap.Problems, p => p.Contains("weird: not a hostN directory"));
        Assert.Contains(snap.Problems, p => p.Contains("rport-x: not an rport-H:C-N directory"));
        Assert.Contains(snap.Problems, p => p.Contains("rport-6:0-99999999999: not an rport-H:C-N directory"));
        Assert.Empty(snap.RemotePorts);
    }

    [Fact]
    public async Task A_fifo_a_link_to_dev_zero_and_an_oversized_file_become_one_problem_each_and_the_listing_completes()
    {
        _t.FcHost(2, "lpfc");
        var host = _t.Class("fc_host", "host2");
        File.Delete(Path.Combine(host, "symbolic_name"));
        Assert.Equal(0, Mono.Unix.Native.Syscall.mkfifo(Path.Combine(host, "symbolic_name"), Mono.Unix.Native.FilePermissions.S_IRUSR | Mono.Unix.Native.FilePermissions.S_IWUSR));
        File.Delete(Path.Combine(host, "speed"));
        File.CreateSymbolicLink(Path.Combine(host, "speed"), "/dev/zero");
        File.WriteAllText(Path.Combine(host, "model"), new string('x', 1 << 20));
        _t.Rport("rport-2:0-0", "0x21000024ff000001", "0x010300", "FCP Target");

        // Opening the FIFO for reading would block until a writer came (a hang, not a slow test): guard it.
        var snapshot = await Task.Run(Scan).WaitAsync(TimeSpan.FromMinutes(2));

        var h = Assert.Single(snapshot.FcHosts);
        Assert.Null(h.SymbolicName);
        Assert.Null(h.Speed);
        Assert.Null(h.Model);
        Assert.Equal(new Wwn(0x10000090fa1b2c3dUL), h.PortName);
        Assert.Single(snapshot.RemotePorts);
        Assert.Single(snapshot.Problems, p => p.Contains("symbolic_name") && p.Contains("not a regular file"));
        Assert.Single(snapshot.Problems, p => p.Contains("speed") && p.Contains("not a regular file"));
        Assert.Single(snapshot.Problems, p => p.Contains("model") && p.Contains("longer than a sysfs attribute"));
    }
}
