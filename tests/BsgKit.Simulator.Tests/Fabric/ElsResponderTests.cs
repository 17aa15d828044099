using BsgKit.Fc;
using BsgKit.Fc.Codes;
using BsgKit.Fc.Els;
using BsgKit.Simulator.Fabric;
using static BsgKit.Simulator.Tests.Fabric.FabricTestKit;

namespace BsgKit.Simulator.Tests.Fabric;

public class ElsResponderTests
{
    private static byte[] Accepted(SimFabric fabric, FcId source, FcId destination, RequestBuilder build)
    {
        var (result, response) = Els(fabric, source, destination, build);
        Assert.Equal(ExchangeOutcome.Response, result.Outcome);
        return response;
    }

    [Fact]
    public void Echo_returns_the_payload()
    {
        var (fabric, host) = Build();
        var data = Enumerable.Range(0, 100).Select(i => (byte)i).ToArray();
        Assert.Equal(data, Echo.ParseAccept(Accepted(fabric, host, A, b => Echo.BuildRequest(b, data))));
    }

    [Fact]
    public void Rls_reports_the_scenario_lesb()
    {
        var (fabric, host) = Build();
        var lesb = Rls.ParseAccept(Accepted(fabric, host, A, b => Rls.BuildRequest(b, A)));
        Assert.Equal(1u, lesb.LinkFailureCount);
        Assert.Equal(7u, lesb.InvalidCrcCount);
    }

    [Fact]
    public void Rnid_answers_common_and_general_topology_formats()
    {
        var (fabric, host) = Build();
        var common = Rnid.ParseAccept(Accepted(fabric, host, A, b => Rnid.BuildRequest(b, RnidTypes.FormatCommonOnly)));
        Assert.Equal(RnidTypes.FormatCommonOnly, common.Format);
        Assert.Equal(Wwn.Parse(AWwpn), common.Wwpn);
        Assert.Null(common.GeneralTopology);
        var topo = Rnid.ParseAccept(Accepted(fabric, host, A, b => Rnid.BuildRequest(b)));
        Assert.Equal(RnidTypes.FormatGeneralTopology, topo.Format);
        Assert.Equal("ARRAYVENDOR", topo.GeneralTopology!.VendorUniqueIdText);
        Assert.Equal("Storage subsystem", topo.GeneralTopology.AssociatedTypeName);
        Assert.Equal("Storage device", Rnid.ParseAccept(Accepted(fabric, host, E, b => Rnid.BuildRequest(b))).GeneralTopology!.AssociatedTypeName);
    }

    [Fact]
    public void Rpsc_adisc_rtv_lirr_srl()
    {
        var (fabric, host) = Build();
        var speed = Assert.Single(Rpsc.ParseAccept(Accepted(fabric, host, B, b => Rpsc.BuildRequest(b))));
        Assert.Equal(0x0400, speed.OperatingSpeed);
        Assert.Equal(0x2000 | 0x0800 | 0x0400, speed.SpeedCapabilities);
        var adisc = Adisc.ParseAccept(Accepted(fabric, host, A, b => Adisc.BuildRequest(b, new AdiscParameters(default, Wwn.Parse(HostWwpn), Wwn.Parse(HostWwnn), host))));
        Assert.Equal((Wwn.Parse(AWwpn), A), (adisc.Wwpn, adisc.NPortId));
        var rtv = Rtv.ParseAccept(Accepted(fabric, host, A, b => Rtv.BuildRequest(b)));
        Assert.Equal(TimeSpan.FromSeconds(10), rtv.RaTov);
        Lirr.ParseAccept(Accepted(fabric, host, A, b => Lirr.BuildRequest(b, new LirrRequest(1, Fc4Types.Fcp))));
        Srl.ParseAccept(Accepted(fabric, host, A, b => Srl.BuildRequest(b, new SrlRequest(0, 0))));
    }

    [Fact]
    public void Rpl_and_rps_describe_the_port()
    {
        var (fabric, host) = Build();
        var rpl = Rpl.ParseAccept(Accepted(fabric, host, A, b => Rpl.BuildRequest(b, new RplRequest(10, 0))));
        Assert.Equal(A, Assert.Single(rpl.Blocks).PortId);
        var rps = Rps.ParseAccept(Accepted(fabric, host, A, b => Rps.BuildRequest(b, RpsRequest.ForWwpn(Wwn.Parse(AWwpn)))));
        Assert.Equal(7u, rps.Lesb.InvalidCrcCount);
    }

    [Fact]
    public void Rdp_reports_optics_with_alarm_flags_computed_from_the_values()
    {
        var (fabric, host) = Build();
        var rdp = Rdp.ParseAccept(Accepted(fabric, host, A, b => Rdp.BuildRequest(b, A)));
        Assert.Equal(80.0, rdp.SfpDiagnostics!.TemperatureCelsius, 1);
        Assert.Equal(3.3, rdp.SfpDiagnostics.SupplyVoltageVolts, 2);
        Assert.Equal("Short wave laser", rdp.SfpDiagnostics.TransceiverTypeName);
        Assert.Equal(0x0400, rdp.PortSpeed!.OperatingSpeed);           // default 16 Gbit
        Assert.Equal(7u, rdp.LinkErrorStatus!.Lesb.InvalidCrcCount);
        Assert.Equal(Wwn.Parse(AWwpn), rdp.DiagnosticPortNames!.Wwpn);
        Assert.Equal(fabric.Topology.FindPort(1, 1)!.Name, rdp.AttachedPortNames!.Wwpn);
        Assert.NotNull(rdp.Fec);
        Assert.Equal(8u, rdp.BufferCredit!.PortBbCredit);
        Assert.Equal("FINISAR CORP.", rdp.OpticalProduct!.Vendor);
        var elements = rdp.OpticalElements;
        Assert.Equal(5, elements.Count);
        var temperature = elements.Single(e => e.ElementType == 1);
        Assert.True(temperature.HighAlarm && temperature.HighWarning);
        Assert.Equal(75.0, temperature.HighAlarmValue, 1);
        var rx = elements.Single(e => e.ElementType == 5);
        Assert.True(rx.LowAlarm && rx.LowWarning && !rx.HighWarning);
        var voltage = elements.Single(e => e.ElementType == 2);
        Assert.Empty(voltage.TransgressionNames);
    }

    [Fact]
    public void Unknown_els_is_rejected_as_not_supported()
    {
        var (fabric, host) = Build();
        var (_, response) = Els(fabric, host, A, b => { b[0] = 0x20; return 4; });   // PRLI: not answered here
        var reject = Assert.Throws<ElsRejectedException>(() => ElsReply.ExpectAccept(response, "PRLI")).Reject;
        Assert.Equal(LsRjtReasons.CommandNotSupported, reject.Reason);
    }

    [Fact]
    public void Nobody_offline_and_out_of_zone_ports_do_not_answer()
    {
        var (fabric, host) = Build();
        Assert.Equal(ExchangeOutcome.NoResponse, Els(fabric, host, new FcId(0x0A0B0C), b => Rtv.BuildRequest(b)).Result.Outcome);
        Assert.Equal(ExchangeOutcome.NoResponse, Els(fabric, host, D, b => Rtv.BuildRequest(b)).Result.Outcome);
        Assert.Equal(ExchangeOutcome.NoResponse, Els(fabric, host, C, b => Rtv.BuildRequest(b)).Result.Outcome);
    }

    [Fact]
    public void The_fabric_port_answers_els_sent_to_well_known_addresses()
    {
        var (fabric, host) = Build();
        var rnid = Rnid.ParseAccept(Accepted(fabric, host, FcId.FabricPort, b => Rnid.BuildRequest(b)));
        Assert.Equal(fabric.Topology.FindPort(1, 0)!.Name, rnid.Wwpn);
        Assert.Equal(Switch1, rnid.Wwnn);
        Assert.Equal("Switch", rnid.GeneralTopology!.AssociatedTypeName);
        Assert.Equal(new byte[] { 1, 2 }, Echo.ParseAccept(Accepted(fabric, host, new FcId(0xFFFC01), b => Echo.BuildRequest(b, [1, 2]))));
    }

    [Fact]
    public void Short_response_buffer_reports_the_full_length()
    {
        var (fabric, host) = Build();
        var (result, _) = Els(fabric, host, A, b => Rdp.BuildRequest(b, A), responseSize: 16);
        Assert.Equal(16, result.ResponseLength);
        Assert.True(result.FullLength > 16);
    }
}
