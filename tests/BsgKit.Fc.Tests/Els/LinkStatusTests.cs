using BsgKit.Fc.Els;

namespace BsgKit.Fc.Tests.Els;

/// <summary>RLS, RPS and RPL: the LESB and the two accepts whose kernel C structs differ from the wire.</summary>
public class LinkStatusTests
{
    [Fact]
    public void Rls_request_hand_bytes()
    {
        var bytes = ElsSamples.Build(b => Rls.BuildRequest(b, new FcId(0x0A0B0C)));
        Assert.Equal(Hex.Bytes("0F | 00 00 00 00 | 0A 0B 0C"), bytes);
        Assert.Equal(new FcId(0x0A0B0C), Rls.ParseRequest(bytes));
    }

    [Fact]
    public void Rls_accept_hand_bytes_native_fc_counters()
    {
        // LS_ACC, then link failure, loss of sync, loss of signal, primitive sequence error, invalid word, invalid CRC.
        var bytes = Hex.Bytes("02 000000 | 00000001 | 00000002 | 00000003 | 00000004 | 00000005 | 00000106");
        var lesb = Rls.ParseAccept(bytes);
        Assert.Equal(new Lesb(1, 2, 3, 4, 5, 0x106), lesb);
        Assert.Equal(bytes, ElsSamples.Build(b => Rls.BuildAccept(b, lesb)));
    }

    [Fact]
    public void Rls_round_trip() =>
        Assert.Equal(ElsSamples.Lesb, Rls.ParseAccept(ElsSamples.Build(b => Rls.BuildAccept(b, ElsSamples.Lesb))));

    [Fact]
    public void Rps_request_puts_port_selection_at_wire_offset_4()
    {
        var bytes = Hex.Bytes("56 | 00 00 | 02 | 20 00 00 1b 32 a0 b1 c2");
        Assert.Equal(12, bytes.Length);
        var request = Rps.ParseRequest(bytes);
        Assert.Equal(RpsSelector.ByWwpn, request.Selector);
        Assert.Equal(ElsSamples.Wwpn, request.Wwpn);
        Assert.Equal("By WWPN", request.SelectorName);
        Assert.Equal(bytes, ElsSamples.Build(b => Rps.BuildRequest(b, RpsRequest.ForWwpn(ElsSamples.Wwpn))));
    }

    [Fact]
    public void Rps_request_by_port_number_and_d_id()
    {
        Assert.Equal(Hex.Bytes("56 0000 01 00000000 00000011"), ElsSamples.Build(b => Rps.BuildRequest(b, RpsRequest.ForPhysicalPort(0x11))));
        Assert.Equal(Hex.Bytes("56 0000 00 00000000 00000000"), ElsSamples.Build(b => Rps.BuildRequest(b, RpsRequest.ForDestinationId())));
        Assert.Equal(RpsRequest.ForPhysicalPort(0x11), Rps.ParseRequest(Hex.Bytes("56 0000 01 00000000 00000011")));
    }

    [Fact]
    public void Rps_accept_hand_bytes()
    {
        var bytes = Hex.Bytes("""
            02 0000 01
            0000 0018
            00000009 00000008 00000007 00000006 00000005 00000004
            """);
        Assert.Equal(32, bytes.Length);
        var accept = Rps.ParseAccept(bytes);
        Assert.True(accept.LPortExtensionValid);
        Assert.Equal(0x0018, accept.PortStatus);
        Assert.Equal(["Loop", "Fabric"], accept.PortStatusNames);
        Assert.Equal(new Lesb(9, 8, 7, 6, 5, 4), accept.Lesb);
        Assert.Equal(bytes, ElsSamples.Build(b => Rps.BuildAccept(b, accept)));
    }

    [Fact]
    public void Rpl_request_hand_bytes()
    {
        var bytes = Hex.Bytes("57 | 00 00 00 00 00 | 00 10 | 00 | 00 00 03");
        Assert.Equal(new RplRequest(16, 3), Rpl.ParseRequest(bytes));
        Assert.Equal(bytes, ElsSamples.Build(b => Rpl.BuildRequest(b, new RplRequest(16, 3))));
    }

    [Fact]
    public void Rpl_accept_port_blocks_start_at_wire_offset_12()
    {
        var bytes = Hex.Bytes("""
            02 00 002C
            00 000005
            00 000001
            00000007 00 010203 21000024ff000001
            00000008 00 010204 21000024ff000002
            """);
        var accept = Rpl.ParseAccept(bytes);
        Assert.Equal(5u, accept.ListLength);
        Assert.Equal(1u, accept.FirstIndex);
        Assert.Equal(2, accept.Blocks.Count);
        Assert.Equal(new PortNumberBlock(7, new FcId(0x010203), new Wwn(0x21000024ff000001)), accept.Blocks[0]);
        Assert.Equal(new PortNumberBlock(8, new FcId(0x010204), new Wwn(0x21000024ff000002)), accept.Blocks[1]);
        Assert.Equal(bytes, ElsSamples.Build(b => Rpl.BuildAccept(b, accept)));
    }

    [Fact]
    public void Rpl_accept_with_no_blocks_and_zero_payload_length()
    {
        var accept = Rpl.ParseAccept(Hex.Bytes("02 00 0000 00 000000 00 000000"));
        Assert.Empty(accept.Blocks);
    }

    [Fact]
    public void Rpl_accept_payload_length_longer_than_received_is_a_wire_error() =>
        Assert.Throws<Wire.FcWireFormatException>(() => Rpl.ParseAccept(Hex.Bytes("02 00 001C 00 000001 00 000000 00000007")));
}
