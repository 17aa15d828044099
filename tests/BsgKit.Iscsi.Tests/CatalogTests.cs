using BsgKit.Bsg.Catalog;
using BsgKit.Iscsi.Catalog;
using BsgKit.Tests.Shared;

namespace BsgKit.Iscsi.Tests;

/// <summary>/sys/class/iscsi_host: offload hosts with a bsg node, software hosts without.</summary>
public sealed class CatalogTests : IDisposable
{
    private readonly SysfsTreeBuilder _t = new();
    public void Dispose() => _t.Dispose();

    [Fact]
    public void Iscsi_hosts_with_and_without_a_bsg_node()
    {
        var d = _t.Class("iscsi_host", "host7");
        _t.Attr(d, "initiatorname", "iqn.1994-05.com.redhat:abc");
        _t.Attr(d, "ipaddress", "192.0.2.10");
        _t.ProcName(7, "qla4xxx");
        _t.BsgNode("iscsi_host7", "246:0");
        _t.Attr(_t.Class("iscsi_host", "host8"), "initiatorname", "iqn.1994-05.com.redhat:sw");
        _t.ProcName(8, "iscsi_tcp");

        var snap = IscsiCatalog.Scan(new BsgNodeCatalog(_t.Sys, _t.Dev));
        var offload = Assert.Single(snap.IscsiHosts, h => h.HostNumber == 7);
        Assert.Equal("qla4xxx", offload.Driver);
        Assert.Equal(BsgNodeKind.IscsiHost, offload.Node!.Kind);
        Assert.Equal("192.0.2.10", offload.IpAddress);
        var software = Assert.Single(snap.IscsiHosts, h => h.HostNumber == 8);
        Assert.Null(software.Node);
        Assert.Equal("iscsi_tcp", software.Driver);
        Assert.Equal(IscsiHostInfo.NoBsgNodeNote, software.Note);
        Assert.Null(offload.Note);
        Assert.Equal("host8 (iscsi_tcp) - iqn.1994-05.com.redhat:sw unknown state, this host has no bsg node (software iSCSI)", software.ToString());
    }
}
