using BsgKit.Bsg.Catalog;

namespace BsgKit.Bsg.Tests;

/// <summary>Generated sysfs trees: a good one, a partial one, a malformed one.</summary>
public sealed class CatalogTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("bsgkit-sysfs-").FullName;
    private string Sys => Path.Combine(_root, "sys");
    private string Dev => Path.Combine(_root, "dev");

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private void Attr(string dir, string name, string value)
    {
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, name), value + "\n");
    }

    private void BsgNode(string name, string devNumber, bool devNode = true)
    {
        Attr(Path.Combine(Sys, "class", "bsg", name), "dev", devNumber);
        if (devNode)
        {
            Directory.CreateDirectory(Path.Combine(Dev, "bsg"));
            File.WriteAllBytes(Path.Combine(Dev, "bsg", name), []);
        }
    }

    private void FcHost(int n, string driver, string portName = "0x10000090fa1b2c3d", string portId = "0x010200")
    {
        var d = Path.Combine(Sys, "class", "fc_host", $"host{n}");
        Attr(d, "port_name", portName);
        Attr(d, "node_name", "0x20000090fa1b2c3d");
        Attr(d, "port_id", portId);
        Attr(d, "port_state", "Online");
        Attr(d, "speed", "16 Gbit");
        Attr(d, "fabric_name", "0x100000051e123456");
        Attr(d, "symbolic_name", "Emulex LPe16002 FV12.0 DV14.0");
        Attr(d, "maxframe_size", "2048 bytes");
        Attr(Path.Combine(Sys, "class", "scsi_host", $"host{n}"), "proc_name", driver);
    }

    private void Rport(string name, string portName, string portId, string roles, string state = "Online")
    {
        var d = Path.Combine(Sys, "class", "fc_remote_ports", name);
        Attr(d, "port_name", portName);
        Attr(d, "node_name", portName.Replace("0x2", "0x1"));
        Attr(d, "port_id", portId);
        Attr(d, "roles", roles);
        Attr(d, "port_state", state);
        Attr(d, "scsi_target_id", "-1");
    }

    [Fact]
    public void A_good_tree_lists_hosts_rports_and_nodes_with_their_device_paths()
    {
        FcHost(2, "lpfc");
        FcHost(10, "qla2xxx", "0x21000024ff7a0001", "0x020300");
        BsgNode("fc_host2", "248:0");
        BsgNode("fc_host10", "248:1");
        BsgNode("rport-2:0-0", "248:2");
        BsgNode("rport-2:0-1", "248:3");
        BsgNode("0:0:0:0", "248:4");
        Rport("rport-2:0-0", "0x20fffc00051e1234", "0xfffffc", "Directory Server");
        Rport("rport-2:0-1", "0x500507680b214ac1", "0x010400", "FCP Target, FCP Initiator");

        var snap = new BsgNodeCatalog(Sys, Dev).Scan();

        Assert.Empty(snap.Problems);
        Assert.Equal(["0:0:0:0", "fc_host2", "fc_host10", "rport-2:0-0", "rport-2:0-1"], snap.Nodes.Select(n => n.Name));
        var host2 = Assert.Single(snap.FcHosts, h => h.HostNumber == 2);
        Assert.Equal("lpfc", host2.Driver);
        Assert.Equal(0x10000090fa1b2c3dUL, host2.PortName);
        Assert.Equal(0x010200u, host2.PortId);
        Assert.Equal("Online", host2.PortState);
        Assert.Equal("16 Gbit", host2.Speed);
        Assert.Equal(2048, host2.MaxFrameSize);
        Assert.Equal(Path.Combine(Dev, "bsg", "fc_host2"), host2.Node!.DevicePath);
        Assert.Equal(BsgNodeKind.FcHost, host2.Node.Kind);
        Assert.False(host2.IsFcoe);
        Assert.Equal("qla2xxx", snap.DriverOf(10));

        var ns = Assert.Single(snap.RemotePorts, r => r.PortId == 0xfffffc);
        Assert.Equal(["Directory Server"], ns.Roles);
        Assert.Equal(BsgNodeKind.FcRemotePort, ns.Node!.Kind);
        Assert.Equal((2, 0, 0), (ns.HostNumber, ns.Channel, ns.Number));
        var target = Assert.Single(snap.RemotePorts, r => r.Name == "rport-2:0-1");
        Assert.Equal(["FCP Target", "FCP Initiator"], target.Roles);
        Assert.True(target.IsOnline);

        var lun = snap.FindNode("0:0:0:0")!;
        Assert.Equal(BsgNodeKind.ScsiDevice, lun.Kind);
        Assert.Equal(0UL, lun.Lun);
    }

    [Fact]
    public void Without_dev_bsg_the_device_number_and_a_mknod_hint_are_given()
    {
        FcHost(3, "fcoe");
        BsgNode("fc_host3", "247:5", devNode: false);
        var node = new BsgNodeCatalog(Sys, Dev).Scan().FindNode("fc_host3")!;
        Assert.Null(node.DevicePath);
        Assert.Equal("247:5", node.DeviceNumber);
        Assert.Contains("mknod", node.Note);
        Assert.Contains("c 247 5", node.Note);
    }

    [Fact]
    public void Dev_char_is_used_when_dev_bsg_is_missing()
    {
        BsgNode("fc_host4", "247:6", devNode: false);
        Directory.CreateDirectory(Path.Combine(Dev, "char"));
        File.WriteAllBytes(Path.Combine(Dev, "char", "247:6"), []);
        var node = new BsgNodeCatalog(Sys, Dev).Scan().FindNode("fc_host4")!;
        Assert.Equal(Path.Combine(Dev, "char", "247:6"), node.DevicePath);
    }

    [Fact]
    public void A_partial_tree_fills_what_is_there_and_names_what_is_missing()
    {
        var d = Path.Combine(Sys, "class", "fc_host", "host5");
        Attr(d, "port_name", "0x10000090fa000005");
        // no node_name, port_id, port_state, no scsi_host/proc_name, no bsg node (fnic has none)
        var snap = new BsgNodeCatalog(Sys, Dev).Scan();
        var h = Assert.Single(snap.FcHosts);
        Assert.Equal(0x10000090fa000005UL, h.PortName);
        Assert.Null(h.NodeName);
        Assert.Null(h.PortId);
        Assert.Null(h.Driver);
        Assert.Null(h.Node);
        Assert.Contains(snap.Problems, p => p.EndsWith("host5/port_id: missing", StringComparison.Ordinal));
        Assert.Contains(snap.Problems, p => p.Contains("proc_name: missing"));
    }

    [Fact]
    public void Malformed_values_are_skipped_with_a_message_never_a_crash()
    {
        FcHost(6, "qla2xxx", portName: "not-a-wwn", portId: "0x1000000");
        Attr(Path.Combine(Sys, "class", "fc_host", "host6"), "maxframe_size", "lots");
        Attr(Path.Combine(Sys, "class", "bsg", "fc_host6"), "dev", "garbage");
        Directory.CreateDirectory(Path.Combine(Sys, "class", "fc_host", "weird"));
        Directory.CreateDirectory(Path.Combine(Sys, "class", "fc_remote_ports", "rport-x"));
        Rport("rport-6:0-99999999999", "0x2000000000000001", "0x010101", "FCP Target");

        var snap = new BsgNodeCatalog(Sys, Dev).Scan();

        var h = Assert.Single(snap.FcHosts);
        Assert.Null(h.PortName);
        Assert.Null(h.PortId);
        Assert.Null(h.MaxFrameSize);
        Assert.Contains(snap.Problems, p => p.Contains("'not-a-wwn' is not a 0x-prefixed 64-bit hex number"));
        Assert.Contains(snap.Problems, p => p.Contains("'0x1000000' is not a 24-bit FC ID"));
        Assert.Contains(snap.Problems, p => p.Contains("'lots' is not a number"));
        Assert.Contains(snap.Problems, p => p.Contains("'garbage' is not major:minor"));
        Assert.Contains(snap.Problems, p => p.Contains("weird: not a hostN directory"));
        Assert.Contains(snap.Problems, p => p.Contains("rport-x: not an rport-H:C-N directory"));
        Assert.Contains(snap.Problems, p => p.Contains("rport-6:0-99999999999: not an rport-H:C-N directory"));
        Assert.Empty(snap.RemotePorts);
        var node = snap.FindNode("fc_host6")!;
        Assert.Null(node.DeviceNumber);
    }

    [Fact]
    public void Iscsi_hosts_with_and_without_a_bsg_node()
    {
        var d = Path.Combine(Sys, "class", "iscsi_host", "host7");
        Attr(d, "initiatorname", "iqn.1994-05.com.redhat:abc");
        Attr(d, "ipaddress", "192.0.2.10");
        Attr(Path.Combine(Sys, "class", "scsi_host", "host7"), "proc_name", "qla4xxx");
        BsgNode("iscsi_host7", "246:0");
        var d8 = Path.Combine(Sys, "class", "iscsi_host", "host8");
        Attr(d8, "initiatorname", "iqn.1994-05.com.redhat:sw");
        Attr(Path.Combine(Sys, "class", "scsi_host", "host8"), "proc_name", "iscsi_tcp");

        var snap = new BsgNodeCatalog(Sys, Dev).Scan();
        var offload = Assert.Single(snap.IscsiHosts, h => h.HostNumber == 7);
        Assert.Equal("qla4xxx", offload.Driver);
        Assert.Equal(BsgNodeKind.IscsiHost, offload.Node!.Kind);
        Assert.Equal("192.0.2.10", offload.IpAddress);
        var software = Assert.Single(snap.IscsiHosts, h => h.HostNumber == 8);
        Assert.Null(software.Node);
        Assert.Equal("iscsi_tcp", software.Driver);
        Assert.Equal(IscsiHostInfo.NoBsgNodeNote, software.Note);
        Assert.Null(offload.Note);
    }

    [Fact]
    public void An_empty_machine_has_an_empty_catalog_without_problems()
    {
        var snap = new BsgNodeCatalog(Sys, Dev).Scan();
        Assert.Empty(snap.Nodes);
        Assert.Empty(snap.FcHosts);
        Assert.Empty(snap.Problems);
    }

    [Theory]
    [InlineData("fc_host0", BsgNodeKind.FcHost)]
    [InlineData("rport-12:0-345", BsgNodeKind.FcRemotePort)]
    [InlineData("iscsi_host3", BsgNodeKind.IscsiHost)]
    [InlineData("2:0:1:7", BsgNodeKind.ScsiDevice)]
    [InlineData("fc_hostX", BsgNodeKind.Unknown)]
    [InlineData("ublk", BsgNodeKind.Unknown)]
    public void Node_names_are_classified(string name, BsgNodeKind kind) =>
        Assert.Equal(kind, Catalog.BsgNode.Classify(name, null, null).Kind);

    [Fact]
    public async Task A_fifo_a_link_to_dev_zero_and_an_oversized_file_become_one_problem_each_and_the_listing_completes()
    {
        FcHost(2, "lpfc");
        var host = Path.Combine(Sys, "class", "fc_host", "host2");
        File.Delete(Path.Combine(host, "symbolic_name"));
        Assert.Equal(0, Mono.Unix.Native.Syscall.mkfifo(Path.Combine(host, "symbolic_name"), Mono.Unix.Native.FilePermissions.S_IRUSR | Mono.Unix.Native.FilePermissions.S_IWUSR));
        File.Delete(Path.Combine(host, "speed"));
        File.CreateSymbolicLink(Path.Combine(host, "speed"), "/dev/zero");
        File.WriteAllText(Path.Combine(host, "model"), new string('x', 1 << 20));
        Rport("rport-2:0-0", "0x21000024ff000001", "0x010300", "FCP Target");

        // Opening the FIFO for reading would block until a writer came (a hang, not a slow test): guard it.
        var snapshot = await Task.Run(() => new BsgNodeCatalog(Sys, Dev).Scan()).WaitAsync(TimeSpan.FromMinutes(2));

        var h = Assert.Single(snapshot.FcHosts);
        Assert.Null(h.SymbolicName);
        Assert.Null(h.Speed);
        Assert.Null(h.Model);
        Assert.Equal(0x10000090fa1b2c3dUL, h.PortName);
        Assert.Single(snapshot.RemotePorts);
        Assert.Single(snapshot.Problems, p => p.Contains("symbolic_name") && p.Contains("not a regular file"));
        Assert.Single(snapshot.Problems, p => p.Contains("speed") && p.Contains("not a regular file"));
        Assert.Single(snapshot.Problems, p => p.Contains("model") && p.Contains("longer than a sysfs attribute"));
    }

    [Fact]
    public void An_attribute_of_exactly_one_page_is_read_and_a_nul_byte_is_refused()
    {
        var dir = Path.Combine(_root, "attrs");
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "page"), new string('a', SysfsAttribute.MaxLength));
        File.WriteAllBytes(Path.Combine(dir, "nul"), [0x41, 0, 0x42]);
        Assert.Equal(SysfsAttribute.MaxLength, SysfsAttribute.Read(Path.Combine(dir, "page")).Text!.Length);
        Assert.Contains("not text", SysfsAttribute.Read(Path.Combine(dir, "nul")).Problem);
        Assert.True(SysfsAttribute.Read(Path.Combine(dir, "absent")).Missing);
        Assert.Contains("not a regular file", SysfsAttribute.Read(dir).Problem);
    }
}
