using BsgKit.Bsg.Catalog;
using BsgKit.Tests.Shared;

namespace BsgKit.Bsg.Tests;

/// <summary>/sys/class/bsg in generated trees: device paths, mknod hints, malformed numbers, classification.</summary>
public sealed class CatalogTests : IDisposable
{
    private readonly SysfsTreeBuilder _t = new();
    public void Dispose() => _t.Dispose();

    [Fact]
    public void A_good_tree_lists_the_nodes_with_their_device_paths_in_natural_order()
    {
        _t.BsgNode("fc_host2", "248:0");
        _t.BsgNode("fc_host10", "248:1");
        _t.BsgNode("rport-2:0-0", "248:2");
        _t.BsgNode("0:0:0:0", "248:4");
        var snap = new BsgNodeCatalog(_t.Sys, _t.Dev).Scan();
        Assert.Empty(snap.Problems);
        Assert.Equal(["0:0:0:0", "fc_host2", "fc_host10", "rport-2:0-0"], snap.Nodes.Select(n => n.Name));
        Assert.Equal(Path.Combine(_t.Dev, "bsg", "fc_host2"), snap.FindNode("fc_host2")!.DevicePath);
        var lun = snap.FindNode("0:0:0:0")!;
        Assert.Equal(BsgNodeKind.ScsiDevice, lun.Kind);
        Assert.Equal(0UL, lun.Lun);
        Assert.Equal("4 bsg node(s)", snap.ToString());
    }

    [Fact]
    public void Without_dev_bsg_the_device_number_and_a_mknod_hint_are_given()
    {
        _t.BsgNode("fc_host3", "247:5", devNode: false);
        var node = new BsgNodeCatalog(_t.Sys, _t.Dev).Scan().FindNode("fc_host3")!;
        Assert.Null(node.DevicePath);
        Assert.Equal("247:5", node.DeviceNumber);
        Assert.Contains("mknod", node.Note);
        Assert.Contains("c 247 5", node.Note);
    }

    [Fact]
    public void Dev_char_is_used_when_dev_bsg_is_missing()
    {
        _t.BsgNode("fc_host4", "247:6", devNode: false);
        Directory.CreateDirectory(Path.Combine(_t.Dev, "char"));
        File.WriteAllBytes(Path.Combine(_t.Dev, "char", "247:6"), []);
        var node = new BsgNodeCatalog(_t.Sys, _t.Dev).Scan().FindNode("fc_host4")!;
        Assert.Equal(Path.Combine(_t.Dev, "char", "247:6"), node.DevicePath);
    }

    [Fact]
    public void A_malformed_device_number_is_skipped_with_a_message()
    {
        _t.Attr(_t.Class("bsg", "fc_host6"), "dev", "garbage");
        var snap = new BsgNodeCatalog(_t.Sys, _t.Dev).Scan();
        Assert.Contains(snap.Problems, p => p.Contains("'garbage' is not major:minor"));
        Assert.Null(snap.FindNode("fc_host6")!.DeviceNumber);
    }

    [Fact]
    public void An_empty_machine_has_an_empty_catalog_without_problems()
    {
        var snap = new BsgNodeCatalog(_t.Sys, _t.Dev).Scan();
        Assert.Empty(snap.Nodes);
        Assert.Empty(snap.Problems);
    }

    [Theory]
    [InlineData("fc_host0", BsgNodeKind.FcHost)]
    [InlineData("rport-12:0-345", BsgNodeKind.FcRemotePort)]
    [InlineData("iscsi_host3", BsgNodeKind.IscsiHost)]
    [InlineData("2:0:1:7", BsgNodeKind.ScsiDevice)]
    [InlineData("fc_hostX", BsgNodeKind.Unknown)]
    [InlineData("ublk", BsgNodeKind.Unknown)]
    [InlineData("fc_host", BsgNodeKind.Unknown)]
    [InlineData("fc_host99999999999", BsgNodeKind.Unknown)]
    [InlineData("rport-1:0", BsgNodeKind.Unknown)]
    [InlineData("rport-1:0-2-3", BsgNodeKind.Unknown)]
    [InlineData("rport-1:0-", BsgNodeKind.Unknown)]
    [InlineData("1:0:5", BsgNodeKind.Unknown)]
    [InlineData("1:0:5:0:7", BsgNodeKind.Unknown)]
    [InlineData("1:0:5:x", BsgNodeKind.Unknown)]
    [InlineData("fc_host\u0661", BsgNodeKind.Unknown)] // a non-ASCII digit
    [InlineData("fc_host3\n", BsgNodeKind.FcHost)]     // `$` allowed one trailing newline; so does the parser
    public void Node_names_are_classified(string name, BsgNodeKind kind) =>
        Assert.Equal(kind, Catalog.BsgNode.Classify(name, null, null).Kind);

    [Fact]
    public void Classified_names_carry_their_numbers()
    {
        var rport = Catalog.BsgNode.Classify("rport-12:3-456", null, null);
        Assert.Equal((12, 3, 456), (rport.HostNumber!.Value, rport.Channel!.Value, rport.Number!.Value));
        var lun = Catalog.BsgNode.Classify("7:0:42:18446744073709551615", null, null);
        Assert.Equal((7, 0, 42, ulong.MaxValue), (lun.HostNumber!.Value, lun.Channel!.Value, lun.Number!.Value, lun.Lun!.Value));
        Assert.Equal(10, Catalog.BsgNode.Classify("iscsi_host10", null, null).HostNumber);
    }

    [Fact]
    public void An_attribute_of_exactly_one_page_is_read_and_a_nul_byte_is_refused()
    {
        var dir = Path.Combine(_t.Sys, "attrs");
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "page"), new string('a', SysfsAttribute.MaxLength));
        File.WriteAllBytes(Path.Combine(dir, "nul"), [0x41, 0, 0x42]);
        Assert.Equal(SysfsAttribute.MaxLength, SysfsAttribute.Read(Path.Combine(dir, "page")).Text!.Length);
        Assert.Contains("not text", SysfsAttribute.Read(Path.Combine(dir, "nul")).Problem);
        Assert.True(SysfsAttribute.Read(Path.Combine(dir, "absent")).Missing);
        Assert.Contains("not a regular file", SysfsAttribute.Read(dir).Problem);
    }
}
