using BsgKit.Fc.Ct;
using BsgKit.Fc.Ct.ConfigServer;
using BsgKit.Fc.Wire;

namespace BsgKit.Fc.Tests.Ct;

public class ConfigServerTests
{
    private static readonly byte[] AccHeader = [0x01, 0, 0, 0, 0xFA, 0x01, 0, 0, 0x80, 0x02, 0, 0, 0, 0, 0, 0];
    private static byte[] Acc(params byte[] payload) => [.. AccHeader, .. payload];

    private static byte[] Built(Func<byte[], int> build)
    {
        var buf = new byte[16384];
        return buf[..build(buf)];
    }

    private static readonly Wwn Switch = new(0x100000051E000001);

    [Fact]
    public void Giel_hand_written_reply()
    {
        var acc = Acc(0, 0, 0, 2,
            0x10, 0, 0, 0x05, 0x1E, 0, 0, 0x01, 0, 0, 0, 0x01,
            0x10, 0, 0, 0x05, 0x1E, 0, 0, 0x02, 0, 0, 0, 0x02);
        var list = Giel.ParseAccept(acc);
        Assert.Equal(2, list.Count);
        Assert.Equal(new FcsInterconnectElement(Switch, 1), list[0]);
        Assert.Equal("Switch", list[0].TypeName);
        Assert.Equal("Hub", list[1].TypeName);
        Assert.Equal(acc, Built(b => Giel.BuildAccept(b, list)));
        HostileInput.AssertOnlyWireErrors(acc, a => Giel.ParseAccept(a));

        var req = Built(b => Giel.BuildRequest(b));
        Assert.Equal(new byte[] { 0xFA, 0x01, 0, 0, 0x01, 0x01, 0x01, 0x2D }, req[4..12]); // (4 + 1200) / 4 = 301
        Giel.ParseRequest(req);
    }

    [Fact]
    public void Giel_count_larger_than_the_data_is_a_wire_error()
    {
        var acc = Acc(0xFF, 0xFF, 0xFF, 0xFF, 0x10, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1);
        Assert.Throws<FcWireFormatException>(() => Giel.ParseAccept(acc));
    }

    [Fact]
    public void Gpl_hand_written_entries()
    {
        var acc = Acc(0, 0, 0, 1, 0x20, 0x01, 0, 0x05, 0x1E, 0, 0, 0x01, 0x00, 0x08, 0x03, 0x81);
        var e = Assert.Single(Gpl.ParseAccept(acc));
        Assert.Equal(new Wwn(0x2001_0005_1E00_0001), e.PortName);
        Assert.Equal("SFP with serial ID", e.ModuleTypeName);
        Assert.Equal("Short wave laser SN (850 nm)", e.TxTypeName);
        Assert.Equal("F_Port", e.PortTypeName);
        Assert.Equal(acc, Built(b => Gpl.BuildAccept(b, [e])));
        Assert.Equal(Switch, Gpl.ParseRequest(Built(b => Gpl.BuildRequest(b, Switch))));
        HostileInput.AssertOnlyWireErrors(acc, a => Gpl.ParseAccept(a));
    }

    [Fact]
    public void Gps_and_Gpsc_hand_written()
    {
        var gps = Gps.ParseAccept(Acc(0, 0, 0, 0x81, 0, 0, 0, 0x01));
        Assert.Equal("F_Port", gps.PortTypeName);
        Assert.Equal("Online", gps.StateName);

        var gpscAcc = Acc(0x0E, 0x00, 0x04, 0x00);
        var speed = Gpsc.ParseAccept(gpscAcc);
        Assert.Equal("8 Gbit, 16 Gbit, 32 Gbit", speed.CapabilityNames);
        Assert.Equal("16 Gbit", speed.OperatingSpeedName);
        Assert.Equal(gpscAcc, Built(b => Gpsc.BuildAccept(b, speed)));
        var req = Built(b => Gpsc.BuildRequest(b, new Wwn(0x21000024FF000001)));
        Assert.Equal(new byte[] { 0xFA, 0x01, 0, 0, 0x01, 0x27, 0x00, 0x01 }, req[4..12]);
        HostileInput.AssertOnlyWireErrors(gpscAcc, a => Gpsc.ParseAccept(a));
    }

    [Fact]
    public void Single_value_commands_round_trip()
    {
        Assert.Equal((byte)1, Giet.ParseAccept(Built(b => Giet.BuildAccept(b, 1))));
        Assert.Equal(Switch, Giet.ParseRequest(Built(b => Giet.BuildRequest(b, Switch))));
        Assert.Equal((byte)0x0A, Gdid.ParseAccept(Acc(0, 0x0A, 0, 0)));
        Assert.Equal((byte)0x0A, Gdid.ParseAccept(Built(b => Gdid.BuildAccept(b, 0x0A))));
        Assert.Equal(Switch, Gdid.ParseRequest(Built(b => Gdid.BuildRequest(b, Switch))));
        Assert.Equal(new FcId(0xFFFC0A), Gmid.ParseAccept(Built(b => Gmid.BuildAccept(b, new FcId(0xFFFC0A)))));
        Assert.Equal(Switch, Gmid.ParseRequest(Built(b => Gmid.BuildRequest(b, Switch))));
        Assert.Equal(new Wwn(0x1000), Gfn.ParseAccept(Built(b => Gfn.BuildAccept(b, new Wwn(0x1000)))));
        Assert.Equal(Switch, Gfn.ParseRequest(Built(b => Gfn.BuildRequest(b, Switch))));
        Assert.Equal("core-sw-1", Gieln.ParseAccept(Built(b => Gieln.BuildAccept(b, "core-sw-1"))));
        Assert.Equal(Switch, Gieln.ParseRequest(Built(b => Gieln.BuildRequest(b, Switch))));
        Assert.Equal((byte)0x81, Gpt.ParseAccept(Built(b => Gpt.BuildAccept(b, 0x81))));
        Assert.Equal(Switch, Gpt.ParseRequest(Built(b => Gpt.BuildRequest(b, Switch))));
        Assert.Equal(7u, Gppn.ParseAccept(Built(b => Gppn.BuildAccept(b, 7))));
        Assert.Equal(Switch, Gppn.ParseRequest(Built(b => Gppn.BuildRequest(b, Switch))));
        Assert.Equal(new FcsPortState(0x81, 2), Gps.ParseAccept(Built(b => Gps.BuildAccept(b, new FcsPortState(0x81, 2)))));
        Assert.Equal(Switch, Gps.ParseRequest(Built(b => Gps.BuildRequest(b, Switch))));
        Assert.Equal(Switch, Gpsc.ParseRequest(Built(b => Gpsc.BuildRequest(b, Switch))));
        Gtin.ParseRequest(Built(b => Gtin.BuildRequest(b)));
        Assert.Equal(new byte[] { 1, 2, 3, 4 }, Gtin.ParseAccept(Built(b => Gtin.BuildAccept(b, [1, 2, 3, 4]))));

        string[] addresses = ["10.0.0.1", "http://sw1/"];
        var gmal = Built(b => Gmal.BuildAccept(b, addresses));
        Assert.Equal(addresses, Gmal.ParseAccept(gmal));
        Assert.Equal(Switch, Gmal.ParseRequest(Built(b => Gmal.BuildRequest(b, Switch))));
        HostileInput.AssertOnlyWireErrors(gmal, a => Gmal.ParseAccept(a), randomCount: 100);

        FcsAttachedPort[] attached = [new(new Wwn(0x21), 0x01, 0x01), new(new Wwn(0x22), 0, 0x02)];
        var gapnl = Built(b => Gapnl.BuildAccept(b, attached));
        Assert.Equal(attached, Gapnl.ParseAccept(gapnl));
        Assert.Equal(Switch, Gapnl.ParseRequest(Built(b => Gapnl.BuildRequest(b, Switch))));
        HostileInput.AssertOnlyWireErrors(gapnl, a => Gapnl.ParseAccept(a));
    }

    [Fact]
    public void Gieil_hand_written_nul_separated_strings()
    {
        var acc = Acc(0, 0, 0, 14, (byte)'B', (byte)'r', (byte)'c', 0, (byte)'G', (byte)'6', (byte)'2', (byte)'0', 0, (byte)'v', (byte)'9', (byte)'.', (byte)'1', 0, 0, 0);
        var info = Gieil.ParseAccept(acc);
        Assert.Equal(("Brc", "G620", "v9.1"), (info.Vendor, info.Model, info.Release));
        Assert.Empty(info.VendorSpecific);
        Assert.Equal(acc, Built(b => Gieil.BuildAccept(b, info)));
        Assert.Equal(Switch, Gieil.ParseRequest(Built(b => Gieil.BuildRequest(b, Switch))));
        HostileInput.AssertOnlyWireErrors(acc, a => Gieil.ParseAccept(a));
    }

    [Fact]
    public void Fpng_hand_written_wwpn_and_port_id_forms()
    {
        var req = Built(b => Fpng.BuildRequest(b, new Wwn(0x5005076300C7A0B1), 0x2A));
        Assert.Equal(36, req.Length);
        Assert.Equal(new byte[] { 0xFA, 0x01, 0, 0, 0x04, 0x01, 0x00, 0x01 }, req[4..12]);
        Assert.Equal(new byte[] { 0, 0, 0, 1, 0, 2, 0, 8, 0x50, 0x05, 0x07, 0x63, 0x00, 0xC7, 0xA0, 0xB1, 0, 0, 0, 0x2A }, req[16..]);
        Assert.Equal(new FpngTarget(new Wwn(0x5005076300C7A0B1), null, 0x2A), Fpng.ParseRequest(req));

        var byId = Built(b => Fpng.BuildRequest(b, new FcId(0x010203), 7));
        Assert.Equal(new byte[] { 0, 0, 0, 1, 0, 1, 0, 4, 0x01, 0x02, 0x03, 0x00, 0, 0, 0, 7 }, byId[16..]);
        Assert.Equal(new FpngTarget(null, new FcId(0x010203), 7), Fpng.ParseRequest(byId));
        HostileInput.AssertOnlyWireErrors(req, a => Fpng.ParseRequest(a));

        Assert.Equal(5u, Fpng.ParseAccept(Built(b => Fpng.BuildAccept(b, 5))));
        var busy = new byte[16];
        CtIu.BuildReject(busy, CtServer.FabricConfiguration, 0x03, 0xF4);
        Assert.Equal("Processing request", Assert.Throws<CtRejectedException>(() => Fpng.ParseAccept(busy)).ExplanationName);
    }
}
