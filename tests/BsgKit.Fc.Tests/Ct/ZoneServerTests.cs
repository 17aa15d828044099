using BsgKit.Fc.Ct;
using BsgKit.Fc.Ct.ZoneServer;

namespace BsgKit.Fc.Tests.Ct;

public class ZoneServerTests
{
    private static readonly byte[] AccHeader = [0x01, 0, 0, 0, 0xFA, 0x03, 0, 0, 0x80, 0x02, 0, 0, 0, 0, 0, 0];
    private static byte[] Acc(params byte[] payload) => [.. AccHeader, .. payload];

    private static byte[] Built(Func<byte[], int> build)
    {
        var buf = new byte[8192];
        return buf[..build(buf)];
    }

    [Fact]
    public void Gazs_hand_written_active_zone_set()
    {
        var acc = Acc(
            3, 0, 0, 0, (byte)'c', (byte)'f', (byte)'g', 0,                 // zone set "cfg"
            0, 0, 0, 1,                                                     // 1 zone
            5, 0, 0, 0, (byte)'z', (byte)'o', (byte)'n', (byte)'e', (byte)'A', 0, 0, 0, // zone "zoneA"
            0, 0, 0, 2,                                                     // 2 members
            0x01, 0, 0, 8, 0x21, 0, 0, 0x24, 0xFF, 1, 2, 3,                 // WWPN member
            0x03, 0, 0, 4, 0x00, 0x0A, 0x0B, 0x0C);                         // FC address member
        var set = Gazs.ParseAccept(acc);
        Assert.Equal("cfg", set.Name);
        var zone = Assert.Single(set.Zones);
        Assert.Equal("zoneA", zone.Name);
        Assert.Equal(new Wwn(0x21000024FF010203), zone.Members[0].Name);
        Assert.Equal("N_Port WWN", zone.Members[0].TypeName);
        Assert.Equal(new FcId(0x0A0B0C), zone.Members[1].Address);
        Assert.Equal(acc, Built(b => Gazs.BuildAccept(b, set)));
        Gazs.ParseRequest(Built(b => Gazs.BuildRequest(b)));
        HostileInput.AssertOnlyWireErrors(acc, a => Gazs.ParseAccept(a));
    }

    [Fact]
    public void Wireshark_style_member_with_zero_length_byte_reads_8_identifier_bytes()
    {
        var acc = Acc(0, 0, 0, 1, 0x04, 0, 0, 0, 0x20, 0, 0, 0x24, 0xFF, 1, 2, 3);
        Assert.Equal(new Wwn(0x20000024FF010203), Assert.Single(Gzm.ParseAccept(acc)).Name);
    }

    [Fact]
    public void Gzc_and_Gest_hand_written()
    {
        var caps = Gzc.ParseAccept(Acc(0xC1, 0, 0, 0, 0, 0, 0, 7));
        Assert.True(caps.HardZones && caps.SoftZones && caps.ZoneSetDatabase);
        Assert.Equal("Hard zones, Soft zones, Zone set database available", caps.FlagNames);
        Assert.Equal(7u, caps.VendorSpecific);
        Assert.Equal(caps, Gzc.ParseAccept(Built(b => Gzc.BuildAccept(b, caps))));
        Gzc.ParseRequest(Built(b => Gzc.BuildRequest(b)));

        var state = Gest.ParseAccept(Acc(0x40, 0, 0, 0, 0, 0, 0, 0));
        Assert.Equal("Hard zone set enforced", state.FlagNames);
        Assert.Equal(state, Gest.ParseAccept(Built(b => Gest.BuildAccept(b, state))));
        Gest.ParseRequest(Built(b => Gest.BuildRequest(b)));
    }

    [Fact]
    public void Lists_and_named_requests_round_trip()
    {
        ZoneSetSummary[] sets = [new("cfg_a", 3), new("cfg_b_longer_name", 10)];
        var gzsn = Built(b => Gzsn.BuildAccept(b, sets));
        Assert.Equal(sets, Gzsn.ParseAccept(gzsn));
        Gzsn.ParseRequest(Built(b => Gzsn.BuildRequest(b)));
        HostileInput.AssertOnlyWireErrors(gzsn, a => Gzsn.ParseAccept(a));

        ZoneSummary[] zones = [new("z1", 2), new("z2", 4)];
        var gzd = Built(b => Gzd.BuildAccept(b, zones));
        Assert.Equal(zones, Gzd.ParseAccept(gzd));
        Assert.Equal("cfg_a", Gzd.ParseRequest(Built(b => Gzd.BuildRequest(b, "cfg_a"))));
        HostileInput.AssertOnlyWireErrors(gzd, a => Gzd.ParseAccept(a));

        ZoneMember[] members = [ZoneMember.ByPortName(new Wwn(1)), ZoneMember.ByNodeName(new Wwn(2)), ZoneMember.ByAddress(new FcId(3)), ZoneMember.ByDomainPort(1, 7)];
        var gzm = Built(b => Gzm.BuildAccept(b, members));
        Assert.Equal(members, Gzm.ParseAccept(gzm));
        Assert.Equal("z1", Gzm.ParseRequest(Built(b => Gzm.BuildRequest(b, "z1"))));
        HostileInput.AssertOnlyWireErrors(gzm, a => Gzm.ParseAccept(a));

        var zs = new ZoneSet("cfg", [new Zone("a", members), new Zone("b", [])]);
        var gzs = Built(b => Gzs.BuildAccept(b, zs));
        Assert.Equal(zs, Gzs.ParseAccept(gzs));
        var req = Built(b => Gzs.BuildRequest(b, "cfg"));
        Assert.Equal(new byte[] { 3, 0, 0, 0, (byte)'c', (byte)'f', (byte)'g', 0 }, req[16..]);
        Assert.Equal("cfg", Gzs.ParseRequest(req));
        HostileInput.AssertOnlyWireErrors(req, a => Gzs.ParseRequest(a));
    }

    [Fact]
    public void Zone_reject_names_come_from_the_zone_table()
    {
        var rjt = Built(b => CtIu.BuildReject(b, CtServer.ZoneServer, 0x09, 0x10));
        Assert.Equal("Zone set name unknown", Assert.Throws<CtRejectedException>(() => Gzs.ParseAccept(rjt)).ExplanationName);
    }
}
