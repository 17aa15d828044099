using System.Runtime.InteropServices;
using BsgKit.Bsg;
using BsgKit.Fc;
using BsgKit.Fc.FcBsg;
using BsgKit.Simulator.Fabric;
using BsgKit.Simulator.Kernel;

namespace BsgKit.Simulator.Tests.Kernel;

/// <summary>One test per docs/reference/kernel-rules.md row (#1–#27 here; #28–#32 with the iSCSI personalities).</summary>
public sealed class KernelRulesTests : IDisposable
{
    private readonly SimHarness _h = new("fcoe");

    public void Dispose() => _h.Dispose();

    private BsgTransaction EchoTx(int data = 28, FcId? destination = null)
    {
        var tx = _h.Tx(FcBsgRequest.Size, 4 + data, 4 + data);
        FcBsgRequest.BuildHostElsNoLogin(tx.Request, 0x10, destination ?? StubFabric.Target);
        tx.Dout[0] = 0x10;
        for (var i = 4; i < tx.Dout.Length; i++) tx.Dout[i] = (byte)i;
        return tx;
    }

    private BsgTransaction RportElsTx(byte code = 0x10)
    {
        var tx = _h.Tx(FcBsgRequest.Size, 32, 64);
        FcBsgRequest.BuildRportEls(tx.Request, code);
        tx.Dout[0] = code;
        return tx;
    }

    private BsgTransaction RportCtTx()
    {
        var tx = _h.Tx(FcBsgRequest.Size, 20, 256);
        FcBsgRequest.BuildRportCt(tx.Request, default);
        tx.Dout[0] = 1; tx.Dout[4] = 0xFC; tx.Dout[5] = 0x02; tx.Dout[8] = 0x01; tx.Dout[9] = 0x12;
        return tx;
    }

    private static int ResultWord(BsgTransaction tx) => MemoryMarshal.Read<int>(tx.Reply);

    [Fact]
    public void Rule01_open_on_a_dying_queue_is_ENXIO()
    {
        var node = _h.San.FindNode(_h.RportNode)!;
        node.Dying = true;
        var e = Assert.ThrowsAny<BsgErrnoException>(() => _h.San.Kernel.Open(node));
        Assert.Equal(Errno.ENXIO, e.Errno);
    }

    [Fact]
    public void Rule02_unknown_ioctl_is_ENOTTY_and_the_informational_ones_answer()
    {
        using var tx = _h.Tx(4, 0, 0, 0);
        var file = _h.San.Kernel.Open(_h.San.FindNode(_h.HostNode)!);
        Span<MemoryRegion> r = stackalloc MemoryRegion[4];
        var mem = new RegionUserMemory(r[..tx.GetRegions(r)]);
        var address = tx.GetRegions(r) > 0 ? r[0].Address : 0;
        Assert.Equal(-Errno.ENOTTY, _h.San.Kernel.Ioctl(file, 0x1234, address, mem));
        Assert.Equal(0, _h.San.Kernel.Ioctl(file, BsgConstants.SgGetVersionNum, address, mem));
        Assert.Equal(30527, MemoryMarshal.Read<int>(tx.Request));
        Assert.Equal(0, _h.San.Kernel.Ioctl(file, BsgConstants.SgEmulatedHost, address, mem));
        Assert.Equal(1, MemoryMarshal.Read<int>(tx.Request));
        Assert.Equal(-Errno.EINVAL, _h.San.Kernel.Ioctl(file, BsgConstants.ScsiIoctlSendCommand, address, mem));
        Assert.Equal(-Errno.EFAULT, _h.San.Kernel.Ioctl(file, BsgConstants.SgGetVersionNum, 0x10, mem));
    }

    [Fact]
    public void Rule03_header_that_cannot_be_copied_in_is_EFAULT()
    {
        using var tx = EchoTx();
        var file = _h.San.Kernel.Open(_h.San.FindNode(_h.HostNode)!);
        Span<MemoryRegion> r = stackalloc MemoryRegion[4];
        var n = tx.GetRegions(r);
        // The header "lives" at an address the caller never handed over.
        Assert.Equal(Errno.EFAULT, _h.San.Kernel.SgIoAt(file, 0xdead0000, new RegionUserMemory(r[..n])));
        Assert.Equal(0, _h.Fabric.Exchanges);
    }

    [Fact]
    public void Rule04_guard_other_than_Q_is_EINVAL_and_the_header_is_left_alone()
    {
        using var tx = EchoTx();
        var (rc, h) = _h.Raw(_h.HostNode, tx, (ref SgIoV4 x) => { x.Guard = 'S'; x.DinResid = 12345; });
        Assert.Equal(Errno.EINVAL, rc);
        Assert.Equal(12345, h.DinResid);
        Assert.Equal(0, _h.Fabric.Exchanges);
    }

    [Theory]
    [InlineData(0u, 0, 60)]
    [InlineData(1000u, 0, 7)]
    [InlineData(5000u, 0, 7)]
    [InlineData(20000u, 0, 20)]
    [InlineData(0u, 900, 9)]
    public void Rule05_timeout_default_per_fd_and_7_second_floor(uint timeoutMs, int perFdTicks, int expectedSeconds)
    {
        // RPT_CT that nobody answers ends at the sg timeout (kernel-lane: 7.0 s with a 5 s timeout).
        _h.Fabric.Override = (d, t, p) => ExchangeResult.NoResponse();
        using var tx = RportCtTx();
        tx.TimeoutMs = timeoutMs;
        var file = _h.San.Kernel.Open(_h.San.FindNode(_h.RportNode)!);
        file.TimeoutTicks = perFdTicks;
        var before = _h.San.Kernel.Clock.Now;
        var (rc, _) = _h.Raw(_h.RportNode, tx, file: file);
        Assert.Equal(0, rc);
        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), _h.San.Kernel.Clock.Now - before);
    }

    [Theory]
    [InlineData(1u, 2u)]
    [InlineData(0u, 0u)]
    [InlineData(0u, 1u)]
    public void Rule06_protocol_or_subprotocol_other_than_0_2_is_EINVAL(uint protocol, uint subprotocol)
    {
        using var tx = EchoTx();
        var (rc, _) = _h.Raw(_h.HostNode, tx, (ref SgIoV4 x) => { x.Protocol = protocol; x.Subprotocol = subprotocol; });
        Assert.Equal(Errno.EINVAL, rc);
    }

    [Fact]
    public void Rule07_caller_without_CAP_SYS_RAWIO_gets_EPERM()
    {
        using var tx = EchoTx();
        var file = _h.San.Kernel.Open(_h.San.FindNode(_h.HostNode)!);
        file.CapSysRawio = false;
        Assert.Equal(Errno.EPERM, _h.Raw(_h.HostNode, tx, file: file).Rc);
    }

    [Fact]
    public void Rule08_bad_request_pointer_is_EFAULT_with_nothing_in_the_reply()
    {
        using var tx = EchoTx();
        var (rc, _) = _h.Raw(_h.HostNode, tx, (ref SgIoV4 x) => x.Request = 0x1000);
        Assert.Equal(Errno.EFAULT, rc);
        Assert.Equal(0, ResultWord(tx));
        var (rc2, _) = _h.Raw(_h.HostNode, tx, (ref SgIoV4 x) => x.RequestLen = 8 * 1024 * 1024);
        Assert.Equal(Errno.ENOMEM, rc2);
    }

    [Fact]
    public void Rule09_bad_data_buffer_pointers_are_EFAULT()
    {
        using var tx = EchoTx();
        Assert.Equal(Errno.EFAULT, _h.Raw(_h.HostNode, tx, (ref SgIoV4 x) => x.DoutXferp = 0x2000).Rc);
        Assert.Equal(Errno.EFAULT, _h.Raw(_h.HostNode, tx, (ref SgIoV4 x) => x.DinXferp += 4096).Rc);
        Assert.Equal(Errno.EFAULT, _h.Raw(_h.HostNode, tx, (ref SgIoV4 x) => x.DinXferLen = 8192).Rc); // longer than handed over
        Assert.Equal(0, _h.Fabric.Exchanges);
    }

    [Fact]
    public void Rule10_buffer_beyond_queue_limits_is_EINVAL()
    {
        using var h = new SimHarness("ibmvfc"); // max_bsg_segments = 1
        using var tx = h.Tx(FcBsgRequest.Size, 8192, 64);
        FcBsgRequest.BuildHostElsNoLogin(tx.Request, 0x10, StubFabric.Target);
        tx.Dout[0] = 0x10;
        Assert.Equal(Errno.EINVAL, h.Raw(h.HostNode, tx).Rc);
    }

    [Fact]
    public void Rule11_din_without_dout_is_mapped_as_request_payload_and_ELS_fails_EINVAL()
    {
        using var tx = _h.Tx(FcBsgRequest.Size, 0, 64);
        FcBsgRequest.BuildHostElsNoLogin(tx.Request, 0x10, StubFabric.Target);
        var (rc, _) = _h.Raw(_h.HostNode, tx);
        Assert.Equal(Errno.EINVAL, rc);
        Assert.Equal(-Errno.EINVAL, ResultWord(tx));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    public void Rule12_host_request_shorter_than_4_is_ENOMSG_with_result_in_reply(int length)
    {
        using var tx = EchoTx();
        var (rc, h) = _h.Raw(_h.HostNode, tx, (ref SgIoV4 x) => { x.RequestLen = (uint)length; x.ResponseLen = 777; });
        Assert.Equal(Errno.ENOMSG, rc);
        Assert.Equal(-42, ResultWord(tx));
        Assert.Equal(0, tx.Reply[4]); // only 4 bytes written
        Assert.Equal(777u, h.ResponseLen); // header not copied back
    }

    [Theory]
    [InlineData((uint)FcBsgMsgCode.HostAddRport)]
    [InlineData((uint)FcBsgMsgCode.HostDelRport)]
    public void Rule13_add_and_del_rport_reach_the_driver_which_refuses_them(uint msgcode)
    {
        using var tx = _h.Tx(FcBsgRequest.Size, 0, 0);
        SimHarness.WriteMsgcode(tx, msgcode);
        Assert.Equal(Errno.EINVAL, _h.Raw(_h.HostNode, tx).Rc);
        Assert.Equal(-Errno.EINVAL, ResultWord(tx));
    }

    [Fact]
    public void Rule14_host_ELS_or_CT_without_both_payloads_is_EINVAL()
    {
        using var tx = _h.Tx(FcBsgRequest.Size, 8, 0);
        FcBsgRequest.BuildHostElsNoLogin(tx.Request, 0x10, StubFabric.Target);
        Assert.Equal(Errno.EINVAL, _h.Raw(_h.HostNode, tx).Rc);
        using var ct = _h.Tx(FcBsgRequest.Size, 0, 0);
        FcBsgRequest.BuildHostCt(ct.Request, FcId.DirectoryServer, default);
        Assert.Equal(Errno.EINVAL, _h.Raw(_h.HostNode, ct).Rc);
    }

    [Fact]
    public void Rule15_vendor_request_with_no_or_wrong_vendor_id_is_ESRCH()
    {
        using var tx = _h.Tx(16, 0, 0);
        FcBsgRequest.BuildVendor(tx.Request, VendorId.Emulex, [6]);
        Assert.Equal(Errno.ESRCH, _h.Raw(_h.HostNode, tx).Rc); // libfc has no vendor_id
        using var lpfc = new SimHarness("lpfc");
        using var wrong = lpfc.Tx(16, 0, 0);
        FcBsgRequest.BuildVendor(wrong.Request, VendorId.QLogic, [6]);
        Assert.Equal(Errno.ESRCH, lpfc.Raw(lpfc.HostNode, wrong).Rc);
        using var right = lpfc.Tx(16, 0, 0);
        FcBsgRequest.BuildVendor(right.Request, VendorId.Emulex, [6]);
        Assert.Equal(0, lpfc.Raw(lpfc.HostNode, right).Rc);
    }

    [Fact]
    public void Rule16_rport_msgcode_on_a_host_node_is_EBADR()
    {
        using var tx = RportElsTx();
        Assert.Equal(Errno.EBADR, _h.Raw(_h.HostNode, tx).Rc);
    }

    [Fact]
    public void Rule17_request_shorter_than_its_cmdlen_is_not_checked()
    {
        using var tx = EchoTx();
        var (rc, h) = _h.Raw(_h.HostNode, tx, (ref SgIoV4 x) => x.RequestLen = 8); // HST_ELS_NOLOGIN cmdlen is 8: ok
        Assert.Equal(0, rc);
        using var ct = _h.Tx(FcBsgRequest.Size, 20, 64);
        FcBsgRequest.BuildHostCt(ct.Request, FcId.DirectoryServer, default);
        ct.Dout[8] = 0x01;
        var (rc2, _) = _h.Raw(_h.HostNode, ct, (ref SgIoV4 x) => x.RequestLen = 8); // cmdlen 20, sent 8
        Assert.Equal(0, rc2);
        Assert.Equal(0u, h.TransportStatus);
        Assert.Equal(0u, h.Duration); // the kernel never sets duration
    }

    [Fact]
    public void Rule18_rport_request_shorter_than_4_is_ENOMSG()
    {
        using var tx = RportElsTx();
        Assert.Equal(Errno.ENOMSG, _h.Raw(_h.RportNode, tx, (ref SgIoV4 x) => x.RequestLen = 3).Rc);
        Assert.Equal(-42, ResultWord(tx));
    }

    [Fact]
    public void Rule19_rport_ELS_or_CT_without_both_payloads_is_EINVAL()
    {
        using var tx = RportElsTx();
        Assert.Equal(Errno.EINVAL, _h.Raw(_h.RportNode, tx, (ref SgIoV4 x) => { x.DinXferLen = 0; x.DinXferp = 0; }).Rc);
    }

    [Fact]
    public void Rule20_host_msgcode_on_an_rport_node_is_EBADR()
    {
        using var tx = EchoTx();
        Assert.Equal(Errno.EBADR, _h.Raw(_h.RportNode, tx).Rc);
    }

    [Fact]
    public void Rule21_blocked_rport_gives_the_silent_ioerr_with_stale_reply_bytes()
    {
        // First a real answer, so the tag's reply buffer holds something.
        using var ok = RportElsTx();
        var (rc0, h0) = _h.Raw(_h.RportNode, ok);
        Assert.Equal(0, rc0);
        var previous = ok.Reply[..16].ToArray();
        _h.Rport.State = RportState.Blocked;
        using var tx = RportElsTx();
        tx.Din.Fill(0xAA); // untouched by the kernel on this path
        var (rc, h) = _h.Raw(_h.RportNode, tx);
        Assert.Equal(0, rc);
        Assert.Equal((0u, 0u, 0u, 0u), (h.DriverStatus, h.TransportStatus, h.DeviceStatus, h.Info));
        Assert.Equal(96u, h.ResponseLen);
        Assert.Equal(previous, tx.Reply[..16].ToArray()); // stale, never zeroed
        Assert.Equal((int)h.DinXferLen, h.DinResid);
        Assert.Equal(0xAA, tx.Din[0]);
        Assert.Equal(1, _h.Fabric.Exchanges); // the blocked request never reached the driver
    }

    [Fact]
    public void Rule22_rport_not_online_gives_the_silent_ioerr()
    {
        _h.Rport.State = RportState.NotPresent;
        using var tx = RportElsTx();
        var (rc, h) = _h.Raw(_h.RportNode, tx, (ref SgIoV4 x) => x.MaxResponseLen = 16);
        Assert.Equal(0, rc);
        Assert.Equal(16u, h.ResponseLen); // min(max_response_len, 96)
        Assert.Equal((int)h.DinXferLen, h.DinResid);
    }

    [Fact]
    public void Rule23_driver_error_fails_the_ioctl_with_a_4_byte_result()
    {
        using var lpfc = new SimHarness("lpfc"); // no HST_CT on lpfc
        using var tx = lpfc.Tx(FcBsgRequest.Size, 20, 64);
        FcBsgRequest.BuildHostCt(tx.Request, FcId.DirectoryServer, default);
        var (rc, h) = lpfc.Raw(lpfc.HostNode, tx, (ref SgIoV4 x) => x.DinResid = -5);
        Assert.Equal(Errno.EINVAL, rc);
        Assert.Equal(-22, ResultWord(tx));
        Assert.Equal(0, tx.Reply[4]);
        Assert.Equal(-5, h.DinResid);
    }

    [Fact]
    public void Rule24_rport_blocked_while_waiting_ends_in_the_silent_ioerr()
    {
        _h.Fabric.Override = (d, t, p) =>
        {
            _h.Rport.State = RportState.Blocked; // the link bounces while the request is out
            return ExchangeResult.NoResponse();
        };
        using var tx = RportElsTx();
        var (rc, h) = _h.Raw(_h.RportNode, tx);
        Assert.Equal(0, rc);
        Assert.Equal((int)h.DinXferLen, h.DinResid);
        Assert.Equal(0u, h.TransportStatus);
    }

    [Fact]
    public void Rule25_zfcp_timeout_runs_to_the_firmware_timer_then_EIO()
    {
        using var z = new SimHarness("zfcp");
        z.Fabric.Override = (d, t, p) => ExchangeResult.NoResponse();
        using var tx = z.Tx(FcBsgRequest.Size, 32, 64);
        FcBsgRequest.BuildRportEls(tx.Request, 0x10);
        tx.Dout[0] = 0x10;
        tx.TimeoutMs = 9000;
        var before = z.San.Kernel.Clock.Now;
        Assert.Equal(Errno.EIO, z.Raw(z.RportNode, tx).Rc);
        Assert.Equal(TimeSpan.FromSeconds(9), z.San.Kernel.Clock.Now - before);
    }

    [Fact]
    public void Rule26_unanswered_rport_CT_on_libfc_ends_ioerr_at_the_7_second_floor()
    {
        _h.Fabric.Override = (d, t, p) => ExchangeResult.NoResponse();
        using var tx = RportCtTx();
        tx.TimeoutMs = 5000;
        var before = _h.San.Kernel.Clock.Now;
        var (rc, h) = _h.Raw(_h.RportNode, tx);
        Assert.Equal(0, rc);
        Assert.Equal((0u, 0u, 0u), (h.TransportStatus, h.DeviceStatus, h.DriverStatus));
        Assert.Equal((int)h.DinXferLen, h.DinResid);
        Assert.Equal(TimeSpan.FromSeconds(7), _h.San.Kernel.Clock.Now - before);
    }

    [Fact]
    public void Rule27_requests_failed_while_blocked_stay_failed_and_new_ones_work_once_online()
    {
        _h.Rport.State = RportState.Blocked;
        using var tx = RportElsTx();
        var (_, failed) = _h.Raw(_h.RportNode, tx);
        Assert.Equal((int)failed.DinXferLen, failed.DinResid);
        _h.Rport.State = RportState.Online;
        var (rc, h) = _h.Raw(_h.RportNode, tx);
        Assert.Equal(0, rc);
        Assert.Equal(64 - 32, h.DinResid);
    }
}
