using System.Net;
using BsgKit.Fc.Codes;
using BsgKit.Fc.Els;
using BsgKit.Fc.Wire;

namespace BsgKit.Fc.Tests.Els;

public class RnidRpscTests
{
    [Theory]
    [InlineData(0x00)]
    [InlineData(0xDF)]
    public void Rnid_request_both_formats(byte format)
    {
        var bytes = ElsSamples.Build(b => Rnid.BuildRequest(b, format));
        Assert.Equal(Hex.Bytes($"78 000000 {format:X2} 000000"), bytes);
        Assert.Equal(format, Rnid.ParseRequest(bytes));
    }

    [Fact]
    public void Rnid_accept_general_topology_hand_bytes()
    {
        var bytes = Hex.Bytes("""
            02 000000 | DF 10 00 34
            2000001b32a0b1c2
            2000001b32a0b1c3
            454D554C455800000000000000000000
            0000000A
            00000002
            00000001
            00 01 00A1
            000000000000000000000000C0A8010A
            0000 1234
            """);
        Assert.Equal(76, bytes.Length);
        var accept = Rnid.ParseAccept(bytes);
        Assert.Equal(0xDF, accept.Format);
        Assert.Equal("General topology discovery", accept.FormatName);
        Assert.Equal(ElsSamples.Wwpn, accept.Wwpn);
        Assert.Equal(ElsSamples.Wwnn, accept.Wwnn);
        var topology = accept.GeneralTopology!;
        Assert.Equal("EMULEX", topology.VendorUniqueIdText);
        Assert.Equal("Host", topology.AssociatedTypeName);
        Assert.Equal(2u, topology.PhysicalPortNumber);
        Assert.Equal(1u, topology.AttachedNodeCount);
        Assert.Equal("IP/UDP/SNMP", topology.NodeManagementName);
        Assert.Equal("IPv4", topology.IpVersionName);
        Assert.Equal(161, topology.ProtocolPort);
        Assert.Equal(IPAddress.Parse("192.168.1.10"), topology.IpAddress);
        Assert.Equal(0x1234, topology.VendorSpecific);

        Assert.Equal(bytes, ElsSamples.Build(b => Rnid.BuildAccept(b, accept)));
    }

    [Fact]
    public void Rnid_accept_common_only()
    {
        var bytes = Hex.Bytes("02 000000 | 00 10 00 00 | 2000001b32a0b1c2 | 2000001b32a0b1c3");
        var accept = Rnid.ParseAccept(bytes);
        Assert.Equal(ElsSamples.Wwpn, accept.Wwpn);
        Assert.Null(accept.GeneralTopology);
        Assert.Empty(accept.SpecificData);
        Assert.Equal("Common identification data only", accept.FormatName);
        Assert.Equal(bytes, ElsSamples.Build(b => Rnid.BuildAccept(b, accept)));
    }

    [Fact]
    public void Rnid_multi_function_node_names_its_functions()
    {
        var topology = ElsSamples.Topology with { AssociatedType = 0xC00000FF, IpVersion = 2 };
        Assert.Equal("Multi-function device", topology.AssociatedTypeName);
        Assert.Equal(["Hub", "Switch"], topology.MultiFunctionNames);
        Assert.Equal(System.Net.Sockets.AddressFamily.InterNetworkV6, topology.IpAddress!.AddressFamily);
        Assert.Equal("Switch", RnidTypes.AssociatedTypes.NameOf(4));
    }

    [Fact]
    public void Rnid_short_common_data_length_is_a_wire_error() =>
        Assert.Throws<FcWireFormatException>(() => Rnid.ParseAccept(Hex.Bytes("02 000000 00 08 00 00 2000001b32a0b1c2")));

    [Fact]
    public void Rpsc_request_hand_bytes()
    {
        Assert.Equal(Hex.Bytes("7D 00 00 00"), ElsSamples.Build(b => Rpsc.BuildRequest(b)));
        Rpsc.ParseRequest(Hex.Bytes("7D 00 00 00"));
    }

    [Fact]
    public void Rpsc_accept_hand_bytes_with_speed_names()
    {
        var bytes = Hex.Bytes("02 00 0002 | 3800 0800 | 0700 0001");
        var entries = Rpsc.ParseAccept(bytes);
        Assert.Equal(2, entries.Count);
        Assert.Equal(["4 Gbit", "10 Gbit", "8 Gbit"], entries[0].SpeedCapabilityNames);
        Assert.Equal("8 Gbit", entries[0].OperatingSpeedName);
        Assert.Equal(["16 Gbit", "32 Gbit", "64 Gbit"], entries[1].SpeedCapabilityNames);
        Assert.Equal("speed not established", entries[1].OperatingSpeedName);
        Assert.Equal(bytes, ElsSamples.Build(b => Rpsc.BuildAccept(b, entries)));
    }

    [Fact]
    public void Rpsc_entry_count_past_the_payload_is_a_wire_error() =>
        Assert.Throws<FcWireFormatException>(() => Rpsc.ParseAccept(Hex.Bytes("02 00 0003 3800 0800")));
}
