using BsgKit.Fc;
using BsgKit.Fc.Codes;
using BsgKit.Fc.Ct.ConfigServer;
using BsgKit.Fc.Ct.Fdmi;
using BsgKit.Fc.Ct.ZoneServer;
using static BsgKit.Simulator.Tests.Fabric.FabricTestKit;

namespace BsgKit.Simulator.Tests.Fabric;

public class ManagementServerTests
{
    [Fact]
    public void Fcs_describes_switches_as_interconnect_elements()
    {
        var (fabric, host) = Build();
        var elements = Giel.ParseAccept(Ct(fabric, host, b => Giel.BuildRequest(b)));
        Assert.Equal([Switch1, Switch2], elements.Select(e => e.Name));
        Assert.Equal(0x01, Giet.ParseAccept(Ct(fabric, host, b => Giet.BuildRequest(b, Switch2))));
        Assert.Equal(2, Gdid.ParseAccept(Ct(fabric, host, b => Gdid.BuildRequest(b, Switch2))));
        Assert.Equal(new FcId(0xFFFC01), Gmid.ParseAccept(Ct(fabric, host, b => Gmid.BuildRequest(b, Switch1))));
        Assert.Equal(Switch1, Gfn.ParseAccept(Ct(fabric, host, b => Gfn.BuildRequest(b, Switch2))));
        Assert.Equal("core1", Gieln.ParseAccept(Ct(fabric, host, b => Gieln.BuildRequest(b, Switch1))));
        Assert.Contains("http://10.1.1.1", Gmal.ParseAccept(Ct(fabric, host, b => Gmal.BuildRequest(b, Switch1))));
        var info = Gieil.ParseAccept(Ct(fabric, host, b => Gieil.BuildRequest(b, Switch1)));
        Assert.Equal(("BROCADE", "G620", "v9.1.1"), (info.Vendor, info.Model, info.Release));
        Assert.NotEmpty(Gtin.ParseAccept(Ct(fabric, host, b => Gtin.BuildRequest(b))));
        Assert.Throws<Fc.Ct.CtRejectedException>(() => Gdid.ParseAccept(Ct(fabric, host, b => Gdid.BuildRequest(b, new Wwn(0x1234)))));
    }

    [Fact]
    public void Fcs_ports_and_attached_n_ports()
    {
        var (fabric, host) = Build();
        var ports = Gpl.ParseAccept(Ct(fabric, host, b => Gpl.BuildRequest(b, Switch1)));
        Assert.Equal(16, ports.Count);
        Assert.Equal(PortTypes.FPort, ports[1].PortType);
        Assert.Equal(PortTypes.EPort, ports[15].PortType);
        Assert.Equal(PortTypes.Unidentified, ports[9].PortType);
        var port1 = ports[1].PortName;
        Assert.Equal(PortTypes.FPort, Gpt.ParseAccept(Ct(fabric, host, b => Gpt.BuildRequest(b, port1))));
        Assert.Equal(1u, Gppn.ParseAccept(Ct(fabric, host, b => Gppn.BuildRequest(b, port1))));
        var attached = Gapnl.ParseAccept(Ct(fabric, host, b => Gapnl.BuildRequest(b, port1)));
        Assert.Equal(Wwn.Parse(AWwpn), Assert.Single(attached).PortName);
        var isl = Gapnl.ParseAccept(Ct(fabric, host, b => Gapnl.BuildRequest(b, ports[15].PortName)));
        Assert.Equal(fabric.Topology.FindPort(2, 15)!.Name, Assert.Single(isl).PortName);
        var state = Gps.ParseAccept(Ct(fabric, host, b => Gps.BuildRequest(b, port1)));
        Assert.Equal(0x01, state.State);
        Assert.Equal(0x02, Gps.ParseAccept(Ct(fabric, host, b => Gps.BuildRequest(b, ports[3].PortName))).State);
        var speed = Gpsc.ParseAccept(Ct(fabric, host, b => Gpsc.BuildRequest(b, Wwn.Parse(BWwpn))));
        Assert.Equal(0x0400, speed.OperatingSpeed);
        Assert.Equal("16 Gbit", PortSpeeds.DescribeLink(speed.OperatingSpeed));
    }

    [Fact]
    public void Fabric_ping_answers_for_reachable_ports_only()
    {
        var (fabric, host) = Build();
        Assert.Equal(7u, Fpng.ParseAccept(Ct(fabric, host, b => Fpng.BuildRequest(b, Wwn.Parse(AWwpn), 7))));
        Assert.Equal(8u, Fpng.ParseAccept(Ct(fabric, host, b => Fpng.BuildRequest(b, B, 8))));
        Assert.Equal(0xF6, Assert.Throws<Fc.Ct.CtRejectedException>(() => Fpng.ParseAccept(Ct(fabric, host, b => Fpng.BuildRequest(b, C, 1)))).Explanation);
        Assert.Equal(0x01, Assert.Throws<Fc.Ct.CtRejectedException>(() => Fpng.ParseAccept(Ct(fabric, host, b => Fpng.BuildRequest(b, new FcId(0x050505), 1)))).Explanation);
    }

    [Fact]
    public void Fdmi_holds_the_attributes_registered_at_login()
    {
        var (fabric, host) = Build();
        var hbaId = Wwn.Parse(HostWwpn);
        Assert.Equal([hbaId], Grhl.ParseAccept(Ct(fabric, host, b => Grhl.BuildRequest(b))));
        var hba = Ghat.ParseAccept(Ct(fabric, host, b => Ghat.BuildRequest(b, hbaId)));
        Assert.Equal([hbaId], hba.Ports);
        Assert.Equal("Emulex Corporation", hba.Attributes.Single(a => a.Type == 0x2).Text);
        Assert.Equal("FC12345678", hba.Attributes.Single(a => a.Type == 0x3).Text);
        Assert.Equal(Wwn.Parse(HostWwnn), hba.Attributes.Single(a => a.Type == 0x1).Wwn);
        Assert.Equal(Switch1, hba.Attributes.Single(a => a.Type == 0xF).Wwn);
        Assert.Contains(hba.Attributes, a => a.Type == 0xA && a.Text!.StartsWith("Linux"));
        Assert.Equal([hbaId], Grpl.ParseAccept(Ct(fabric, host, b => Grpl.BuildRequest(b, hbaId))));
        var port = Gpat.ParseAccept(Ct(fabric, host, b => Gpat.BuildRequest(b, hbaId)));
        Assert.Equal("32 Gbit", port.Single(a => a.Type == 0x3).SpeedNames);
        Assert.Equal("8 Gbit, 16 Gbit, 32 Gbit", port.Single(a => a.Type == 0x2).SpeedNames);
        Assert.Equal(2048u, port.Single(a => a.Type == 0x4).Number);
        Assert.Equal(host.Value, port.Single(a => a.Type == 0x103).Number);
        Assert.Equal("bsgkit-sim", port.Single(a => a.Type == 0x6).Text);

        Dprt.ParseAccept(Ct(fabric, host, b => Dprt.BuildRequest(b, hbaId)));
        Assert.Throws<Fc.Ct.CtRejectedException>(() => Gpat.ParseAccept(Ct(fabric, host, b => Gpat.BuildRequest(b, hbaId))));
        Dhba.ParseAccept(Ct(fabric, host, b => Dhba.BuildRequest(b, hbaId)));
        Assert.Empty(Grhl.ParseAccept(Ct(fabric, host, b => Grhl.BuildRequest(b))));
        var again = new FdmiHbaRegistration(hbaId, [hbaId], [FdmiAttribute.FromText(FdmiAttributeScope.Hba, 0x2, "Other Inc.")]);
        Rhba.ParseAccept(Ct(fabric, host, b => Rhba.BuildRequest(b, again)));
        Assert.Equal("Other Inc.", Ghat.ParseAccept(Ct(fabric, host, b => Ghat.BuildRequest(b, hbaId))).Attributes[0].Text);
    }

    [Fact]
    public void Zone_server_reads_the_scenario_zoning()
    {
        var (fabric, host) = Build();
        Assert.True(Gzc.ParseAccept(Ct(fabric, host, b => Gzc.BuildRequest(b))).HardZones);
        Assert.Equal(0x40, Gest.ParseAccept(Ct(fabric, host, b => Gest.BuildRequest(b))).Flags);
        var sets = Gzsn.ParseAccept(Ct(fabric, host, b => Gzsn.BuildRequest(b)));
        Assert.Equal([new ZoneSetSummary("cfg1", 2), new ZoneSetSummary("cfg_spare", 1)], sets);
        var zones = Gzd.ParseAccept(Ct(fabric, host, b => Gzd.BuildRequest(b, "cfg1")));
        Assert.Equal(new ZoneSummary("z_host_a", 4), zones[0]);
        var members = Gzm.ParseAccept(Ct(fabric, host, b => Gzm.BuildRequest(b, "z_host_a")));
        Assert.Equal(Wwn.Parse(HostWwpn), members[0].Name);
        Assert.Equal(B, members[2].Address);
        var active = Gazs.ParseAccept(Ct(fabric, host, b => Gazs.BuildRequest(b)));
        Assert.Equal("cfg1", active.Name);
        Assert.Equal(["z_host_a", "z_cd"], active.Zones.Select(z => z.Name));
        Assert.Equal("cfg_spare", Gzs.ParseAccept(Ct(fabric, host, b => Gzs.BuildRequest(b, "cfg_spare"))).Name);
        var unknown = Assert.Throws<Fc.Ct.CtRejectedException>(() => Gzm.ParseAccept(Ct(fabric, host, b => Gzm.BuildRequest(b, "nope"))));
        Assert.Equal("Zone name unknown", unknown.ExplanationName);
    }
}
