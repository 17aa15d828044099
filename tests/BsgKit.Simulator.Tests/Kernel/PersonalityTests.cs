using System.Runtime.InteropServices;
using BsgKit.Bsg;
using BsgKit.Fc;
using BsgKit.Fc.Ct.NameServer;
using BsgKit.Fc.FcBsg;
using BsgKit.Simulator.Fabric;
using BsgKit.Simulator.Kernel;

namespace BsgKit.Simulator.Tests.Kernel;

/// <summary>Each driver personality's quirks (docs/reference/drivers.md), observed the way a client sees them.</summary>
public class PersonalityTests
{
    private static BsgTransaction HostCt(SimHarness h, CtPreambleWords preamble, FcId destination, PortIdOrder order = PortIdOrder.BigEndian, int din = 256)
    {
        var tx = h.Tx(FcBsgRequest.Size, 20, din);
        FcBsgRequest.BuildHostCt(tx.Request, destination, preamble, order);
        GpnId.BuildRequest(tx.Dout, StubFabric.Target);
        return tx;
    }

    private static BsgTransaction HostEls(SimHarness h, FcId destination, PortIdOrder order, int din = 64)
    {
        var tx = h.Tx(FcBsgRequest.Size, 32, din);
        FcBsgRequest.BuildHostElsNoLogin(tx.Request, 0x10, destination, order);
        tx.Dout[0] = 0x10;
        return tx;
    }

    private static CtPreambleWords Preamble(BsgTransaction tx) => CtPreambleWords.IntegerEncoding(tx.Dout[..16]);

    [Fact]
    public void Libfc_reports_accurate_rcv_len_status_ok_and_leaves_reply_len_96()
    {
        using var h = new SimHarness("fcoe");
        using var tx = HostCt(h, default, FcId.DirectoryServer); // zero preamble: libfc ignores it
        var (rc, hdr) = h.Raw(h.HostNode, tx);
        Assert.Equal(0, rc);
        Assert.Equal(96u, hdr.ResponseLen);
        var reply = FcBsgReply.Parse(tx.Reply, (int)hdr.ResponseLen);
        Assert.Equal(FcCtelsStatus.Ok, reply.Status);
        Assert.Equal(20u, reply.ReceivedPayloadLength);
        Assert.Equal(256 - 20, hdr.DinResid);
    }

    [Fact]
    public void Libfc_marks_a_reject_without_rjt_data()
    {
        using var h = new SimHarness("fcoe");
        h.Fabric.Respond = (d, t, p) => [0x01, 0, 0, 0, 0x00, 0x0B, 0x2A, 0x00]; // LS_RJT
        using var tx = HostEls(h, StubFabric.Target, PortIdOrder.BigEndian);
        var (rc, hdr) = h.Raw(h.HostNode, tx);
        Assert.Equal(0, rc);
        var reply = FcBsgReply.Parse(tx.Reply, (int)hdr.ResponseLen);
        Assert.Equal(FcCtelsStatus.Reject, reply.Status);
        Assert.Equal(new FcBsgRejectData(0, 0, 0, 0), reply.RejectData); // libfc does not fill rjt_data
        Assert.Equal(0x01, tx.Din[0]); // the reject is in the payload
        Assert.Equal(8u, reply.ReceivedPayloadLength);
    }

    [Fact]
    public void Lpfc_refuses_host_ct_and_els_and_routes_name_server_ct_through_the_fffffc_rport()
    {
        using var h = new SimHarness("lpfc");
        using var ct = HostCt(h, default, FcId.DirectoryServer);
        Assert.Equal(Errno.EINVAL, h.Raw(h.HostNode, ct).Rc);
        using var els = HostEls(h, StubFabric.Target, PortIdOrder.BigEndian);
        Assert.Equal(Errno.EINVAL, h.Raw(h.HostNode, els).Rc);

        var ns = h.Host.RemotePorts.Single(r => r.PortId == FcId.DirectoryServer);
        Assert.Equal(["Directory Server"], ns.Roles);
        var snapshot = BsgKit.Fc.Catalog.FcCatalog.Scan(h.San.Catalog);
        Assert.Contains(snapshot.RemotePorts, r => r.PortId == 0xFFFFFC && r.Roles.Contains("Directory Server") && r.Node != null);

        using var rct = h.Tx(FcBsgRequest.Size, 20, 256);
        FcBsgRequest.BuildRportCt(rct.Request, default);
        GpnId.BuildRequest(rct.Dout, StubFabric.Target);
        var (rc, hdr) = h.Raw(ns.Name, rct);
        Assert.Equal(0, rc);
        Assert.Equal(0x80, rct.Din[8]);
        Assert.Equal(96u, hdr.ResponseLen);
    }

    [Fact]
    public void Lpfc_success_leaves_the_ctels_status_word_stale()
    {
        using var h = new SimHarness("lpfc");
        var ns = h.Host.RemotePorts.Single(r => r.PortId == FcId.DirectoryServer);
        using var rct = h.Tx(FcBsgRequest.Size, 20, 256);
        FcBsgRequest.BuildRportCt(rct.Request, default);
        GpnId.BuildRequest(rct.Dout, StubFabric.Target);
        // Make the tag's reply buffer dirty with a first request that ends in the IOERR path: its stale bytes stay.
        var slot = ns.Node.Queue[0];
        slot.Job.Reply.Fill(0x33);
        var (rc, hdr) = h.Raw(ns.Name, rct);
        Assert.Equal(0, rc);
        Assert.Equal(0x33333333u, MemoryMarshal.Read<uint>(rct.Reply[8..]));
        Assert.Equal(20u, MemoryMarshal.Read<uint>(rct.Reply[4..]));
    }

    [Fact]
    public void Lpfc_ls_rjt_comes_back_in_ctels_with_rjt_data_and_rcv_len_8()
    {
        using var h = new SimHarness("lpfc");
        h.Fabric.Respond = (d, t, p) => [0x01, 0, 0, 0, 0x00, 0x0B, 0x2A, 0x00];
        using var tx = h.Tx(FcBsgRequest.Size, 32, 64);
        FcBsgRequest.BuildRportEls(tx.Request, 0x0F);
        tx.Dout[0] = 0x0F;
        var (rc, hdr) = h.Raw(h.RportNode, tx);
        Assert.Equal(0, rc);
        var reply = FcBsgReply.Parse(tx.Reply, (int)hdr.ResponseLen);
        Assert.Equal(FcCtelsStatus.Reject, reply.Status);
        Assert.Equal(8u, reply.ReceivedPayloadLength);
        Assert.Equal(0x0B, reply.RejectData!.Value.Reason);
        Assert.Equal(0x2A, reply.RejectData!.Value.Explanation);
    }

    [Fact]
    public void Lpfc_vendor_commands_known_answered_unknown_einval_and_els_over_fcelssize_refused()
    {
        using var h = new SimHarness("lpfc");
        using var rev = h.Tx(16, 0, 0);
        FcBsgRequest.BuildVendor(rev.Request, VendorId.Emulex, [6]);
        var (rc, hdr) = h.Raw(h.HostNode, rev);
        Assert.Equal(0, rc);
        Assert.True(hdr.ResponseLen >= 12);
        using var unknown = h.Tx(16, 0, 0);
        FcBsgRequest.BuildVendor(unknown.Request, VendorId.Emulex, [0x77]);
        Assert.Equal(Errno.EINVAL, h.Raw(h.HostNode, unknown).Rc);
        using var big = h.Tx(FcBsgRequest.Size, 2048, 64);
        FcBsgRequest.BuildRportEls(big.Request, 0x10);
        big.Dout[0] = 0x10;
        Assert.Equal(Errno.EINVAL, h.Raw(h.RportNode, big).Rc);
    }

    [Fact]
    public void Qla2xxx_reads_port_id_reversed()
    {
        using var h = new SimHarness("qla2xxx");
        FcId? seen = null;
        h.Fabric.Override = (d, t, p) => { seen = d; return null; };
        using var reversed = HostEls(h, StubFabric.Target, PortIdOrder.Reversed);
        Assert.Equal(0, h.Raw(h.HostNode, reversed).Rc);
        Assert.Equal(StubFabric.Target, seen);
        using var uapi = HostEls(h, StubFabric.Target, PortIdOrder.BigEndian); // what fcping would send
        h.Raw(h.HostNode, uapi);
        Assert.Equal(new FcId(0x000201), seen);
    }

    [Fact]
    public void Qla2xxx_needs_the_gs_type_at_offset_12_integer_encoded()
    {
        using var h = new SimHarness("qla2xxx");
        using var zero = HostCt(h, default, FcId.DirectoryServer, PortIdOrder.Reversed); // fcnsq's zero preamble
        Assert.Equal(Errno.EINVAL, h.Raw(h.HostNode, zero).Rc);
        using var raw = HostCt(h, default, FcId.DirectoryServer, PortIdOrder.Reversed);
        FcBsgRequest.BuildHostCt(raw.Request, FcId.DirectoryServer, CtPreambleWords.RawBytes(raw.Dout[..16]), PortIdOrder.Reversed);
        Assert.Equal(Errno.EINVAL, h.Raw(h.HostNode, raw).Rc); // fcping's memcpy: byte-swapped on little-endian
        using var good = HostCt(h, default, FcId.DirectoryServer, PortIdOrder.Reversed);
        FcBsgRequest.BuildHostCt(good.Request, FcId.DirectoryServer, Preamble(good), PortIdOrder.Reversed);
        var (rc, hdr) = h.Raw(h.HostNode, good);
        Assert.Equal(0, rc);
        Assert.Equal(0u, hdr.ResponseLen);     // CS_COMPLETE writes no reply
        Assert.Equal(0, hdr.DinResid);         // full payload_len reported though only 20 bytes came
        Assert.Equal(0x80, good.Din[8]);
    }

    [Fact]
    public void Qla2xxx_errors_complete_with_did_error_and_a_28_byte_reply()
    {
        using var h = new SimHarness("qla2xxx");
        using var tx = HostEls(h, StubFabric.Silent, PortIdOrder.Reversed);
        var (rc, hdr) = h.Raw(h.HostNode, tx);
        Assert.Equal(0, rc);
        Assert.Equal(7u, hdr.TransportStatus);
        Assert.Equal(1u, hdr.Info);
        Assert.Equal(28u, hdr.ResponseLen);
        Assert.Equal(Fc.FcBsg.FcBsgReply.QlogicExtendedSize, (int)hdr.ResponseLen);
    }

    [Fact]
    public void Qla2xxx_has_no_rport_ct_and_answers_enosys_for_unknown_vendor_commands()
    {
        using var h = new SimHarness("qla2xxx");
        using var rct = h.Tx(FcBsgRequest.Size, 20, 64);
        FcBsgRequest.BuildRportCt(rct.Request, default);
        Assert.Equal(Errno.EINVAL, h.Raw(h.RportNode, rct).Rc);
        using var v = h.Tx(16, 0, 64);
        FcBsgRequest.BuildVendor(v.Request, VendorId.QLogic, [0x99]);
        Assert.Equal(Errno.ENOSYS, h.Raw(h.HostNode, v).Rc);
        using var shortVendor = h.Tx(12, 0, 0);
        FcBsgRequest.BuildVendor(shortVendor.Request, VendorId.QLogic, []);
        Assert.Equal(Errno.EINVAL, h.Raw(h.HostNode, shortVendor).Rc); // request_len validation
        using var stats = h.Tx(16, 0, 64);
        FcBsgRequest.BuildVendor(stats.Request, VendorId.QLogic, [0x18]);
        Assert.Equal(0, h.Raw(h.HostNode, stats).Rc);
    }

    [Fact]
    public void Zfcp_takes_gs_type_from_offset_8_even_for_host_ct()
    {
        using var h = new SimHarness("zfcp");
        using var atTwelve = HostCt(h, default, FcId.DirectoryServer);
        FcBsgRequest.BuildHostCt(atTwelve.Request, FcId.DirectoryServer, Preamble(atTwelve)); // word1 lands at offset 12
        Assert.Equal(Errno.EINVAL, h.Raw(h.HostNode, atTwelve).Rc);
        using var atEight = HostCt(h, default, FcId.DirectoryServer);
        var p = Preamble(atEight);
        FcBsgRequest.BuildRportCt(atEight.Request, p); // r_ct layout: word1 at offset 8
        var hstCt = (uint)FcBsgMsgCode.HostCt;
        MemoryMarshal.Write(atEight.Request, in hstCt);
        var (rc, hdr) = h.Raw(h.HostNode, atEight);
        Assert.Equal(0, rc);
        Assert.Equal(0, hdr.DinResid); // rcv_len is always the whole buffer
    }

    [Fact]
    public void Zfcp_refuses_buffers_over_one_page_with_eopnotsupp()
    {
        using var h = new SimHarness("zfcp");
        using var tx = h.Tx(FcBsgRequest.Size, 32, 8192);
        FcBsgRequest.BuildRportEls(tx.Request, 0x10);
        tx.Dout[0] = 0x10;
        Assert.Equal(Errno.EOPNOTSUPP, h.Raw(h.RportNode, tx).Rc);
    }

    [Fact]
    public void Ibmvfc_unsupported_msgcodes_are_enotsupp_524_and_port_id_minus_one_einval()
    {
        using var h = new SimHarness("ibmvfc");
        using var add = h.Tx(FcBsgRequest.Size, 0, 0);
        SimHarness.WriteMsgcode(add, (uint)FcBsgMsgCode.HostAddRport);
        Assert.Equal(524, h.Raw(h.HostNode, add).Rc);
        using var bad = HostEls(h, new FcId(0xFFFFFF), PortIdOrder.BigEndian);
        Assert.Equal(Errno.EINVAL, h.Raw(h.HostNode, bad).Rc);
    }

    [Fact]
    public async Task Ibmvfc_serializes_passthrough_with_ebusy()
    {
        using var h = new SimHarness("ibmvfc");
        using var inside = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        h.Fabric.Override = (d, t, p) =>
        {
            if (!inside.IsSet) { inside.Set(); release.Wait(); }
            return null;
        };
        using var first = HostEls(h, StubFabric.Target, PortIdOrder.BigEndian);
        using var second = HostEls(h, StubFabric.Target, PortIdOrder.BigEndian);
        var running = Task.Run(() => h.Raw(h.HostNode, first).Rc);
        inside.Wait();
        Assert.Equal(Errno.EBUSY, h.Raw(h.HostNode, second).Rc);
        release.Set();
        Assert.Equal(0, await running);
        Assert.Equal(0, h.Raw(h.HostNode, second).Rc); // free again
    }

    [Fact]
    public void Fnic_has_no_bsg_nodes_and_bfa_refuses_requests_without_its_trailer()
    {
        using var fnic = new SimHarness("fnic");
        var snap = BsgKit.Fc.Catalog.FcCatalog.Scan(fnic.San.Catalog);
        var host = Assert.Single(snap.FcHosts);
        Assert.Equal("fnic", host.Driver);
        Assert.Null(host.Node);
        Assert.DoesNotContain(snap.Nodes, n => n.Kind is Bsg.Catalog.BsgNodeKind.FcHost or Bsg.Catalog.BsgNodeKind.FcRemotePort);

        using var bfa = new SimHarness("bfa");
        using var tx = HostEls(bfa, StubFabric.Target, PortIdOrder.BigEndian);
        Assert.Equal(Errno.EINVAL, bfa.Raw(bfa.HostNode, tx).Rc);
    }
}
