using System.Buffers.Binary;
using BsgKit.Fc;
using BsgKit.Fc.Codes;
using BsgKit.Fc.Ct;
using BsgKit.Fc.Ct.NameServer;
using BsgKit.Fc.Els;
using BsgKit.Simulator.Hosting.Fcoe;
using BsgKit.Simulator.Hosting.Fcoe.Wire;

namespace BsgKit.Simulator.Tests.Fcoe;

/// <summary>The software FCF driven frame by frame over in-memory ports, with the clock moved by hand.</summary>
public sealed class FcoeForwarderTests
{
    private static readonly FcId T1 = new(0x010500);

    [Fact]
    public void A_solicitation_gets_a_unicast_solicited_advertisement_padded_to_the_asked_size()
    {
        var bench = new FcfBench();
        var enode = bench.Enode(0, 0x02005e000a01);
        enode.Solicit(maxFcoeSize: 2158);
        var frame = Assert.Single(enode.Take());
        Assert.Equal(14 + 2158, frame.Length);
        Assert.Equal(FipFrameError.None, FipFrame.TryParse(frame, out var fip));
        Assert.Equal(enode.Mac, fip.Destination);
        Assert.Equal(FipFrameError.None, FipAdvertisement.Parse(fip, out var adv));
        Assert.Equal(FipCodes.FlagSolicited | FipCodes.FlagAvailable | FipCodes.FlagFpma, adv.Flags & (FipCodes.FlagSolicited | FipCodes.FlagAvailable | FipCodes.FlagFpma));
        Assert.Equal(bench.Ports[0].Address, adv.FcfMac);
        Assert.Equal(new Wwn(0x100000051e0f0001), adv.FabricName);
    }

    [Fact]
    public void Unsolicited_advertisements_go_to_all_enodes_every_fka_period()
    {
        var bench = new FcfBench(options: new FcfOptions { FkaPeriodMs = 1000 });
        bench.Advance(TimeSpan.FromMilliseconds(999));
        Assert.Empty(bench.Ports[0].Sent);
        bench.Advance(TimeSpan.FromMilliseconds(1));
        var frame = Assert.Single(bench.Ports[0].Sent);
        Assert.Equal(MacAddress.AllEnodeMacs, MacAddress.Read(frame));
    }

    [Fact]
    public void Flogi_through_fip_grants_an_fpma_and_the_scenario_placement()
    {
        var bench = new FcfBench();
        var enode = bench.Enode(0, 0x02005e000a01);
        enode.Solicit();
        enode.Take();
        var id = enode.Flogi();
        Assert.Equal(new FcId(0x010100), id); // first free switch port of domain 1
        Assert.Equal(MacAddress.Fpma(FipCodes.DefaultFcMap, id.Value), enode.VnMac);
        var port = bench.Fabric.FindPort(id);
        Assert.NotNull(port);
        Assert.Equal(enode.PortName, port!.PortName);
        Assert.Equal(1, bench.Forwarder.Statistics.FabricLogins);
    }

    [Fact]
    public void The_name_server_takes_the_hosts_registrations_next_to_the_simulated_ports()
    {
        var bench = new FcfBench();
        var a = bench.Enode(0, 0x02005e000a01).LogIn();
        var b = new byte[512];
        a.Reply(a.Ct(FcId.DirectoryServer, b.AsSpan(0, RspnId.BuildRequest(b, a.PortId, "fcoe v0.1 over fxa"))));
        var answer = a.Reply(a.Ct(FcId.DirectoryServer, b.AsSpan(0, GspnId.BuildRequest(b, a.PortId))));
        Assert.Equal("fcoe v0.1 over fxa", GspnId.ParseAccept(answer));
        var ids = GidFt.ParseAccept(a.Reply(a.Ct(FcId.DirectoryServer, b.AsSpan(0, GidFt.BuildRequest(b, new NsFc4TypeScope(Fc4Types.Fcp)))))).PortIds;
        Assert.Equal([a.PortId, new FcId(0x010500), new FcId(0x010600), new FcId(0x010800)], ids);
    }

    [Fact]
    public void A_long_answer_is_cut_into_frames_of_the_ports_receive_size_with_counted_sequence_and_offsets()
    {
        var bench = new FcfBench();
        var a = bench.Enode(0, 0x02005e000a01);
        a.Solicit();
        a.Take();
        a.Flogi(receiveSize: 256);
        var b = new byte[256];
        var ox = a.Ct(FcId.DirectoryServer, b.AsSpan(0, GaNxt.BuildRequest(b, new FcId(0))));
        var frames = a.TakeFcoe();
        Assert.True(frames.Count > 2, $"{frames.Count} frames");
        for (var i = 0; i < frames.Count; i++)
        {
            var h = frames[i].Header;
            Assert.Equal(ox, h.OriginatorExchangeId);
            Assert.Equal(i, h.SequenceCount);
            Assert.Equal(frames[0].Header.SequenceId, h.SequenceId);
            Assert.Equal((uint)(i * 256), h.Parameter);
            Assert.Equal(i == 0 ? FcFrameCodes.SofI3 : FcFrameCodes.SofN3, frames[i].Sof);
            Assert.Equal(i == frames.Count - 1 ? FcFrameCodes.EofT : FcFrameCodes.EofN, frames[i].Eof);
            Assert.Equal(i == frames.Count - 1, h.HasFctl(FcFrameCodes.EndSequence));
            Assert.True(frames[i].Payload.Length <= 256);
        }
        var entry = GaNxt.ParseAccept(frames.SelectMany(f => f.Payload).ToArray());
        Assert.Equal(a.PortId, entry.PortId);
    }

    [Fact]
    public void A_request_in_several_frames_is_reassembled()
    {
        var bench = new FcfBench();
        var a = bench.Enode(0, 0x02005e000a01).LogIn();
        var echo = new byte[2000];
        echo[0] = ElsCommands.Echo;
        for (var i = 4; i < echo.Length; i++) echo[i] = (byte)i;
        var ox = a.Request(T1, FcFrameCodes.RctlElsRequest, FcFrameCodes.TypeEls, echo, frameSize: 512);
        var reply = a.Reply(ox);
        Assert.Equal(ElsCommands.LsAcc, reply[0]);
        Assert.Equal(echo[4..], reply[4..]);
    }

    [Fact]
    public void A_frame_out_of_sequence_ends_the_exchange_without_an_answer()
    {
        var bench = new FcfBench();
        var a = bench.Enode(0, 0x02005e000a01).LogIn();
        var f = new byte[FcoeFrame.MaximumLength];
        ushort ox = 0x4444;
        var first = new FcFrameHeader(FcFrameCodes.RctlElsRequest, T1, a.PortId, FcFrameCodes.TypeEls, FcFrameCodes.FirstSequence, 7, 0, ox, FcFrameCodes.UnknownXid, 0);
        a.Deliver(f.AsSpan(0, FcoeFrame.Build(f, a.Port.Address, a.VnMac, FcFrameCodes.SofI3, first, new byte[64] { 0x10, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 }, FcFrameCodes.EofN)));
        var skipped = first with { Fctl = FcFrameCodes.EndSequence | FcFrameCodes.SequenceInitiative, SequenceCount = 2 };
        a.Deliver(f.AsSpan(0, FcoeFrame.Build(f, a.Port.Address, a.VnMac, FcFrameCodes.SofN3, skipped, new byte[16], FcFrameCodes.EofT)));
        Assert.Empty(a.TakeFcoe());
        Assert.Equal(1, bench.Forwarder.Statistics.Dropped["FCoE: sequence error (SEQ_ID/SEQ_CNT out of order)"]);
    }

    [Fact]
    public void Abts_gets_ba_acc_for_a_known_exchange_and_ba_rjt_otherwise()
    {
        var bench = new FcfBench();
        var a = bench.Enode(0, 0x02005e000a01).LogIn();
        // CT to a simulated N_Port is never answered: the exchange stays open for an ABTS.
        var b = new byte[256];
        var ox = a.Ct(T1, b.AsSpan(0, GidFt.BuildRequest(b, new NsFc4TypeScope(Fc4Types.Fcp))));
        Assert.Empty(a.TakeFcoe());
        a.Request(T1, FcFrameCodes.RctlBaAbts, FcFrameCodes.TypeBls, [], oxId: ox);
        var acc = Assert.Single(a.TakeFcoe());
        Assert.Equal(FcFrameCodes.RctlBaAcc, acc.Header.Rctl);
        Assert.Equal(ox, BinaryPrimitives.ReadUInt16BigEndian(acc.Payload.AsSpan(4)));
        Assert.True(acc.Header.HasFctl(FcFrameCodes.ExchangeContext | FcFrameCodes.LastSequence | FcFrameCodes.EndSequence));

        a.Request(T1, FcFrameCodes.RctlBaAbts, FcFrameCodes.TypeBls, [], oxId: 0x7777);
        var rjt = Assert.Single(a.TakeFcoe());
        Assert.Equal(FcFrameCodes.RctlBaRjt, rjt.Header.Rctl);
    }

    [Fact]
    public void A_second_host_logging_in_sends_an_rscn_to_the_registered_one_and_frames_are_switched_between_them()
    {
        var bench = new FcfBench(ports: 2);
        var a = bench.Enode(0, 0x02005e000a01).LogIn();
        var b = bench.Enode(1, 0x02005e000b01).LogIn();
        var rscn = Assert.Single(a.TakeFcoe(), f => f.Header.Rctl == FcFrameCodes.RctlElsRequest);
        Assert.Equal(FcId.FabricController, rscn.Header.SourceId);
        Assert.Equal(FcFrameCodes.UnknownXid, rscn.Header.ResponderExchangeId);
        Assert.Equal(b.PortId, Assert.Single(Rscn.ParseRequest(rscn.Payload)).Address);

        // ECHO A→B crosses the FCF from port 0 to port 1 untouched, re-addressed to B's FPMA.
        var echo = new byte[] { ElsCommands.Echo, 0, 0, 0, 1, 2, 3, 4 };
        var ox = a.Els(b.PortId, echo);
        var switched = Assert.Single(b.TakeFcoe());
        Assert.Equal(b.VnMac, switched.Destination);
        Assert.Equal(bench.Ports[1].Address, switched.Source);
        Assert.Equal(ox, switched.Header.OriginatorExchangeId);
        Assert.Equal(echo, switched.Payload);
        Assert.Equal(1, bench.Forwarder.Statistics.FramesForwarded);
    }

    [Fact]
    public void Plogi_and_prli_to_a_simulated_target_give_login_parameters_and_an_fcp_target_page()
    {
        var bench = new FcfBench();
        var a = bench.Enode(0, 0x02005e000a01).LogIn();
        var plogi = a.Plogi(T1);
        Assert.Equal(new Wwn(0x500507680b214ac1), plogi.Wwpn);
        Assert.Equal(2112, plogi.Common.ReceiveDataFieldSize);
        var page = a.Prli(T1);
        Assert.Equal(PrliPage.ResponseRequestExecuted, page.ResponseCode);
        Assert.NotEqual(0u, page.ServiceParameters & PrliPage.FcpTargetFunction);
    }

    [Fact]
    public void Fcp_inquiry_to_lun_0_answers_the_simulators_disk_and_another_lun_says_no_lun()
    {
        var bench = new FcfBench();
        var a = bench.Enode(0, 0x02005e000a01).LogIn();
        a.Plogi(T1);
        a.Prli(T1);
        foreach (var (lun, vendorOrQualifier) in new[] { (0UL, "BSGKIT"), (1UL, "") })
        {
            var cmnd = new byte[32];
            BinaryPrimitives.WriteUInt64BigEndian(cmnd, lun << 48);
            cmnd[11] = 0x02; // read data
            cmnd[12] = 0x12;
            cmnd[16] = 36;
            BinaryPrimitives.WriteUInt32BigEndian(cmnd.AsSpan(28), 96);
            var ox = a.Request(T1, FcFrameCodes.RctlUnsolicitedCommand, FcFrameCodes.TypeFcp, cmnd);
            var frames = a.TakeFcoe().Where(f => f.Header.OriginatorExchangeId == ox).ToList();
            var data = frames.Single(f => f.Header.Rctl == FcFrameCodes.RctlSolicitedData);
            var rsp = frames.Single(f => f.Header.Rctl == FcFrameCodes.RctlCommandStatus);
            Assert.Equal(36, data.Payload.Length);
            Assert.Equal(0, rsp.Payload[11]);                                                  // GOOD
            Assert.Equal(0x08, rsp.Payload[10] & 0x08);                                        // residual under
            Assert.Equal(60u, BinaryPrimitives.ReadUInt32BigEndian(rsp.Payload.AsSpan(12)));   // 96 - 36
            if (lun == 0) Assert.Equal(vendorOrQualifier, System.Text.Encoding.ASCII.GetString(data.Payload, 8, 6));
            else Assert.Equal(0x7F, data.Payload[0]);
        }
    }

    [Fact]
    public void Bad_frames_are_counted_and_dropped_never_answered()
    {
        var bench = new FcfBench();
        var a = bench.Enode(0, 0x02005e000a01).LogIn();
        var f = new byte[256];
        var h = new FcFrameHeader(FcFrameCodes.RctlElsRequest, T1, a.PortId, FcFrameCodes.TypeEls, FcFrameCodes.RequestFctl, 0, 0, 0x100, FcFrameCodes.UnknownXid, 0);
        var n = FcoeFrame.Build(f, a.Port.Address, a.VnMac, FcFrameCodes.SofI3, h, [0x10, 0, 0, 0], FcFrameCodes.EofT);

        a.Deliver(f.AsSpan(0, 20));                                                     // short
        var bad = f[..n]; bad[45] ^= 0xFF; a.Deliver(bad);                              // CRC
        var foreign = f[..n]; new MacAddress(0x02aabbccddee).Write(foreign); a.Deliver(foreign);          // not to the FCF
        var stranger = f[..n]; new MacAddress(0x0efc00123456).Write(stranger.AsSpan(6)); a.Deliver(stranger); // no login
        var spoof = new byte[256];
        a.Deliver(spoof.AsSpan(0, FcoeFrame.Build(spoof, a.Port.Address, a.VnMac, FcFrameCodes.SofI3, h with { SourceId = new FcId(0x010600) }, [0x10, 0, 0, 0], FcFrameCodes.EofT)));
        var fip = new byte[64];
        var w = new FipWriter(fip, MacAddress.AllFcfMacs, a.Mac, FipCodes.OpDiscovery, FipCodes.SubSolicitation, FipCodes.FlagFpma);
        w.Mac(a.Mac);
        w.Name(a.NodeName);
        w.Raw(42, [0, 0]);
        a.Deliver(fip.AsSpan(0, w.Finish()));                                            // unknown critical descriptor

        Assert.Empty(a.Take());
        var dropped = bench.Forwarder.Statistics.Dropped;
        Assert.Equal(6, bench.Forwarder.Statistics.DroppedTotal);
        Assert.Contains("FCoE: bad CRC", dropped.Keys);
        Assert.Contains("FCoE: source MAC has no fabric login", dropped.Keys);
        Assert.Contains("FCoE: S_ID is not the VN_Port's address", dropped.Keys);
        Assert.True(dropped.ContainsKey("FIP solicitation: unknown critical descriptor"), string.Join("; ", dropped.Keys));
        Assert.Contains("FCoE: frame too short", dropped.Keys);
        Assert.Contains("FCoE: destination MAC is not this FCF (non-FIP FCoE?)", dropped.Keys);
    }

    [Fact]
    public void An_enode_whose_keep_alives_stop_loses_its_links_with_a_cvl_and_leaves_the_name_server()
    {
        var bench = new FcfBench(options: new FcfOptions { FkaPeriodMs = 1000 });
        var a = bench.Enode(0, 0x02005e000a01).LogIn();
        var id = a.PortId;
        bench.Advance(TimeSpan.FromMilliseconds(2400));
        Assert.DoesNotContain(a.Take(), IsCvl);
        bench.Advance(TimeSpan.FromMilliseconds(200));
        var cvl = Assert.Single(a.Take(), IsCvl);
        Assert.Equal(FipFrameError.None, FipFrame.TryParse(cvl, out var fip));
        Assert.Equal(FipFrameError.None, FipClearVirtualLinks.Parse(fip, out var fcfMac, out var name, out var cleared));
        Assert.Equal(bench.Ports[0].Address, fcfMac);
        Assert.Equal(new Wwn(0x100000051e0f0001), name);
        Assert.Equal([id], cleared);
        Assert.Null(bench.Fabric.FindPort(id));
    }

    [Fact]
    public void Keep_alives_keep_the_link()
    {
        var bench = new FcfBench(options: new FcfOptions { FkaPeriodMs = 1000 });
        var a = bench.Enode(0, 0x02005e000a01).LogIn();
        var f = new byte[64];
        for (var i = 0; i < 10; i++)
        {
            bench.Advance(TimeSpan.FromMilliseconds(1000));
            a.Deliver(f.AsSpan(0, FipKeepAlive.Build(f, a.Port.Address, a.Mac, a.Mac, null)));
        }
        Assert.DoesNotContain(a.Take(), IsCvl);
        Assert.NotNull(bench.Fabric.FindPort(a.PortId));
    }

    [Fact]
    public void A_disappear_fault_removes_a_simulated_port_and_rscns_the_registered_hosts()
    {
        var scenario = FcfScenarios.Small();
        scenario.Faults.Add(new Scenarios.FaultSpec { Kind = "disappear", Target = "0x500507680b224ac1", Command = "RPL" });
        var bench = new FcfBench(scenario);
        var a = bench.Enode(0, 0x02005e000a01).LogIn();
        a.Els(new FcId(0x010600), [ElsCommands.Rpl, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0]);
        var frames = a.TakeFcoe();
        var rscn = Assert.Single(frames);
        Assert.Equal(new FcId(0x010600), Assert.Single(Rscn.ParseRequest(rscn.Payload)).Address);
        Assert.Null(bench.Fabric.FindPort(new FcId(0x010600)));
    }

    [Fact]
    public void Fdisc_logs_in_an_npiv_port_behind_the_same_switch_port()
    {
        var bench = new FcfBench();
        var a = bench.Enode(0, 0x02005e000a01).LogIn();
        Span<byte> els = stackalloc byte[ServiceParameters.Length];
        var vport = new Wwn(0x2001_02005e000a01);
        var length = Fdisc.BuildRequest(els, ServiceParameters.WithClass3(new CommonServiceParameters(0x20, 0x20, 10, 0, 2112, 0, 0),
            vport, a.NodeName, ClassServiceParameters.NotSupported));
        var h = new FcFrameHeader(FcFrameCodes.RctlElsRequest, FcId.FabricPort, new FcId(0), FcFrameCodes.TypeEls, FcFrameCodes.RequestFctl, 0, 0, 0x55, FcFrameCodes.UnknownXid, 0);
        var f = new byte[512];
        a.Deliver(f.AsSpan(0, FipLinkService.Build(f, a.Port.Address, a.Mac, FipCodes.SubRequest, FipCodes.FlagFpma, FipCodes.DescFdisc, h, els[..length], new MacAddress(0))));
        var reply = a.Take().Single(x => FipFrame.TryParse(x, out var fip) == FipFrameError.None && fip.Operation == FipCodes.OpLinkService);
        FipFrame.TryParse(reply, out var rf);
        Assert.Equal(FipFrameError.None, FipLinkService.Parse(rf, out var ls));
        Assert.Equal(FipCodes.DescFdisc, ls.DescriptorType);
        Assert.Equal(ElsCommands.LsAcc, ls.Payload[0]);
        Assert.Equal(new FcId(a.PortId.Value + 1), ls.Header.DestinationId); // next ALPA on the physical port's switch port
        Assert.Equal(MacAddress.Fpma(FipCodes.DefaultFcMap, ls.Header.DestinationId.Value), ls.Mac);
        Assert.Equal(vport, bench.Fabric.FindPort(ls.Header.DestinationId)!.PortName);
    }

    [Fact]
    public void A_host_that_registers_with_fdmi_is_listed_by_the_management_server()
    {
        var bench = new FcfBench();
        var a = bench.Enode(0, 0x02005e000a01).LogIn();
        var b = new byte[4096];
        a.Plogi(FcId.ManagementServer);
        var hba = new Fc.Ct.Fdmi.FdmiHbaRegistration(a.NodeName, [a.PortName],
            [Fc.Ct.Fdmi.FdmiAttribute.FromWwn(Fc.Ct.Fdmi.FdmiAttributeScope.Hba, 1, a.NodeName),
             Fc.Ct.Fdmi.FdmiAttribute.FromText(Fc.Ct.Fdmi.FdmiAttributeScope.Hba, 2, "Open-FCoE")]);
        var rhba = a.Request(FcId.ManagementServer, FcFrameCodes.RctlUnsolicitedControl, FcFrameCodes.TypeCt,
            b.AsSpan(0, Fc.Ct.Fdmi.Rhba.BuildRequest(b, hba)), frameSize: 64); // several frames
        Assert.Equal(CtResponseKind.Accept, CtIu.ParseResponse(a.Reply(rhba)).Kind);
        var list = Fc.Ct.Fdmi.Grhl.ParseAccept(a.Reply(a.Ct(FcId.ManagementServer, b.AsSpan(0, Fc.Ct.Fdmi.Grhl.BuildRequest(b)))));
        Assert.Equal([a.NodeName], list);
    }

    private static bool IsCvl(byte[] f) =>
        FipFrame.TryParse(f, out var fip) == FipFrameError.None && fip.Operation == FipCodes.OpControl && fip.Subcode == FipCodes.SubClearVirtualLinks;
}
