using BsgKit.Bsg;
using BsgKit.Fc.Clients;
using BsgKit.Fc.Codes;
using BsgKit.Fc.Ct;
using BsgKit.Fc.Ct.NameServer;
using BsgKit.Fc.FcBsg;
using BsgKit.Fc.Tests.Support;

namespace BsgKit.Fc.Tests.Clients;

public class ExchangeResultTests
{
    private static readonly FcId Known = new(0x010100);

    [Fact]
    public async Task Accept_is_decoded_with_the_kernel_length_on_an_honest_driver()
    {
        var rig = new Rig();
        using var host = rig.Host("fcoe");
        var (wwpn, exchange) = await host.GpnIdAsync(Known);
        Assert.Equal(rig.Fabric.Ports[0].Wwpn, wwpn);
        Assert.Equal(FcExchangeStatus.Accepted, exchange.Status);
        Assert.Equal(24, exchange.ReceivedLength);
        Assert.Equal(FcReceivedLengthSource.Kernel, exchange.ReceivedLengthSource);
        Assert.Equal(24u, exchange.ReportedReceivedLength);
        Assert.Equal(16, exchange.ResponseLength);
        Assert.Equal(FcCtelsStatus.Ok, exchange.CtelsStatus);
        Assert.Equal(FcBsgMsgCode.HostCt, exchange.MsgCode);
        Assert.True(exchange.CtHeader!.Value.IsAccept);
    }

    [Fact]
    public async Task Ct_reject_throws_with_reason_and_explanation_names()
    {
        var rig = new Rig();
        using var host = rig.Host("fcoe");
        var e = await Assert.ThrowsAsync<FcRejectedException>(() => host.GpnIdAsync(new FcId(0x0A0B0C)).AsTask());
        Assert.True(e.IsCtReject);
        Assert.Equal(CtRejectReasons.UnableToPerform, e.Reason);
        Assert.Equal(CtReasonExplanations.PortIdNotRegistered, e.Explanation);
        Assert.Equal(CtRejectReasons.Table.NameOf(0x09), e.ReasonName);
        Assert.Contains(e.ExplanationName!, e.Message);
        Assert.Equal(FcExchangeStatus.Rejected, e.Exchange!.Status);
    }

    [Fact]
    public async Task Qla2xxx_response_len_0_and_full_rcv_len_are_judged_by_the_payload()
    {
        var rig = new Rig(style: ReplyStyle.QlogicComplete);
        using var host = rig.Host("qla2xxx");
        var (wwpn, exchange) = await host.GpnIdAsync(Known);
        Assert.Equal(rig.Fabric.Ports[0].Wwpn, wwpn);
        Assert.Equal(0, exchange.ResponseLength);
        Assert.Null(exchange.DriverResult);
        Assert.Null(exchange.CtelsStatus);
        Assert.Equal(FcReceivedLengthSource.Payload, exchange.ReceivedLengthSource);

        // A reject on qla2xxx: status OK-less reply, reject only in the payload, whole buffer "received".
        var e = await Assert.ThrowsAsync<FcRejectedException>(() => host.GpnIdAsync(new FcId(0x0A0B0C)).AsTask());
        Assert.Equal(16, e.Exchange!.ReceivedLength);
    }

    [Fact]
    public async Task Ls_rjt_in_the_payload_is_a_typed_reject()
    {
        var rig = new Rig { Els = _ => FakeAnswer.Of([0x01, 0, 0, 0, 0, 0x0B, 0x00, 0x00]) };
        using var host = rig.Host("fcoe");
        var e = await Assert.ThrowsAsync<FcRejectedException>(() => host.RlsAsync(new FcId(0x010203), new FcId(0x010203)).AsTask());
        Assert.False(e.IsCtReject);
        Assert.Equal(0x0B, e.Reason);
        Assert.Equal(LsRjtReasons.Table.NameOf(0x0B), e.ReasonName);
        Assert.NotNull(e.Exchange!.ElsReject);
    }

    [Fact]
    public async Task Lpfc_ls_rjt_reported_in_ctels_rjt_data_is_a_typed_reject()
    {
        var rig = new Rig
        {
            Els = _ => new FakeAnswer { Payload = [], CtelsStatus = 1, RejectData = [0x00, 0x03, 0x1F, 0x00], ReceivedLength = 8 },
        };
        using var host = rig.Host("lpfc");
        var e = await Assert.ThrowsAsync<FcRejectedException>(() => host.RlsAsync(new FcId(0x010203), new FcId(0x010203)).AsTask());
        Assert.Equal(FcCtelsStatus.Reject, e.Exchange!.CtelsStatus);
        Assert.Equal(new LsRjtExpect(0x03, 0x1F), new LsRjtExpect(e.Exchange.ElsReject!.Reason, e.Exchange.ElsReject.Explanation));
        Assert.Equal(LsRjtReasons.Table.NameOf(0x03), e.ReasonName);
    }

    private readonly record struct LsRjtExpect(byte Reason, byte Explanation);

    [Fact]
    public async Task Silent_io_error_is_no_response()
    {
        var rig = new Rig();
        rig.Transport.Handler = _ => new FakeAnswer { SilentIoError = true };
        using var host = rig.Host("fcoe");
        var e = await Assert.ThrowsAsync<FcNoResponseException>(() => host.GpnIdAsync(Known).AsTask());
        Assert.Equal(FcExchangeStatus.NoResponse, e.Exchange!.Status);
        Assert.Contains("no response", e.Message);
        Assert.False(string.IsNullOrEmpty(e.Hint));
    }

    [Fact]
    public async Task Errno_becomes_a_transport_error_and_ETIMEDOUT_no_response()
    {
        var rig = new Rig();
        rig.Transport.Handler = _ => FakeAnswer.Fail(Errno.EINVAL, -22);
        using var host = rig.Host("qla2xxx");
        var e = await Assert.ThrowsAsync<FcTransportException>(() => host.GpnIdAsync(Known).AsTask());
        Assert.Equal(Errno.EINVAL, e.Errno);
        Assert.Equal(-22, e.Exchange!.DriverResult);
        Assert.Equal(FcExchangeStatus.IoctlFailed, e.Exchange.Status);
        Assert.Contains("EINVAL", e.Message);

        rig.Transport.Handler = _ => FakeAnswer.Fail(Errno.ETIMEDOUT);
        await Assert.ThrowsAsync<FcNoResponseException>(() => host.GpnIdAsync(Known).AsTask());
    }

    [Fact]
    public async Task Qla2xxx_DID_ERROR_is_a_transport_error_with_the_host_byte()
    {
        var rig = new Rig();
        rig.Transport.Handler = _ => new FakeAnswer { TransportStatus = 7, ResponseLength = 28, ReceivedLength = 0 };
        using var host = rig.Host("qla2xxx");
        var e = await Assert.ThrowsAsync<FcTransportException>(() => host.GpnIdAsync(Known).AsTask());
        Assert.Equal(7u, e.Exchange!.HostByte);
        Assert.Equal(FcExchangeStatus.TransportError, e.Exchange.Status);
        Assert.Equal(28, e.Exchange.ResponseLength);
    }

    [Fact]
    public async Task Raw_send_returns_bytes_and_never_throws_for_rejects()
    {
        var rig = new Rig();
        using var host = rig.Host("fcoe");
        var ct = new byte[GpnId.RequestLength];
        GpnId.BuildRequest(ct, new FcId(0x0A0B0C));
        var result = await host.SendCtAsync(ct, 64);
        Assert.Equal(FcExchangeStatus.Rejected, result.Status);
        Assert.Equal(16, result.Response.Length);
        Assert.Equal(16, result.Reply.Length);
        Assert.NotNull(result.RejectReasonName);
        Assert.Throws<FcRejectedException>(() => result.ThrowIfFailed());

        GpnId.BuildRequest(ct, Known);
        var ok = await host.SendCtAsync(ct, 64);
        Assert.True(ok.IsAccepted);
        Assert.Equal(24, ok.Response.Length);
        Assert.Contains("Accepted", ok.ToString());
    }

    [Fact]
    public async Task Vendor_commands_carry_the_profile_vendor_id()
    {
        var rig = new Rig();
        rig.Transport.Handler = _ => new FakeAnswer { Payload = [1, 2, 3, 4], ResponseLength = 12 };
        using var host = rig.Host("qla2xxx");
        var r = await host.SendVendorAsync(new uint[] { 0x2D }, ReadOnlyMemory<byte>.Empty, 4);
        Assert.True(r.IsAccepted);
        var sent = Assert.Single(rig.Transport.SentList);
        Assert.Equal(new byte[] { 0xFF, 0, 0, 0x80, 0x77, 0x10, 0, 0, 0, 0, 0, 0x01, 0x2D, 0, 0, 0 }, sent.Request);
        using var fcoe = rig.Host("fcoe");
        await Assert.ThrowsAsync<FcNotSupportedException>(() => fcoe.SendVendorAsync(new uint[] { 1 }, ReadOnlyMemory<byte>.Empty, 4));
    }

    [Fact]
    public async Task Pooled_transactions_are_reused_across_many_requests()
    {
        var rig = new Rig();
        using var host = rig.Host("fcoe");
        for (var i = 0; i < 50; i++)
            Assert.Equal(rig.Fabric.Ports[0].Wwpn, (await host.GpnIdAsync(Known)).Value);
        Assert.Equal(50, rig.Transport.SentList.Count);
    }

    public static TheoryData<string, byte[]> HostileReplies() => new()
    {
        { "short", [0x01, 0x00, 0x00, 0x00, 0xFC, 0x02, 0x00, 0x00, 0x80] },
        { "garbage response code", [0x01, 0, 0, 0, 0xFC, 0x02, 0, 0, 0x12, 0x34, 0, 0, 0, 0, 0, 0, 1, 2, 3, 4, 5, 6, 7, 8] },
        { "accept cut before the WWN", [0x01, 0, 0, 0, 0xFC, 0x02, 0, 0, 0x80, 0x02, 0, 0, 0, 0, 0, 0, 0x20, 0x00] },
        { "random", Enumerable.Range(0, 40).Select(i => (byte)(i * 37 + 11)).ToArray() },
        { "els-looking garbage", [0x02, 0x00, 0x00, 0x00] },
    };

    [Theory]
    [MemberData(nameof(HostileReplies))]
    public async Task Hostile_ct_replies_give_a_typed_error(string name, byte[] payload)
    {
        _ = name;
        var rig = new Rig();
        rig.Transport.Handler = _ => FakeAnswer.Of(payload);
        using var host = rig.Host("fcoe");
        var e = await Assert.ThrowsAnyAsync<FcException>(() => host.GpnIdAsync(Known).AsTask());
        Assert.True(e is FcMalformedResponseException or FcNoResponseException, e.GetType().Name);
    }

    [Fact]
    public async Task Hostile_list_and_ga_nxt_replies_give_a_typed_error()
    {
        var rig = new Rig();
        // GA_NXT accept whose 620-byte object is cut at 100 bytes.
        var ga = new byte[16 + 100];
        CtIuHeader.ForAccept(CtServer.NameServer).Write(ga);
        rig.Transport.Handler = _ => FakeAnswer.Of(ga);
        using var host = rig.Host("fcoe");
        await Assert.ThrowsAsync<FcMalformedResponseException>(() => host.GaNxtAsync(new FcId(0)).AsTask());

        // A GPN_FT accept cut mid-entry keeps the complete entries and reports the list as incomplete.
        var full = new byte[16 + 32];
        GpnFt.BuildAccept(full, [new NsPortNameEntry(Known, new Wwn(1)), new NsPortNameEntry(new FcId(2), new Wwn(2))]);
        var list = full[..(16 + 16 + 7)];
        rig.Transport.Handler = _ => FakeAnswer.Of(list);
        var (l, _) = await host.GpnFtAsync(new NsFc4TypeScope(Fc4Types.Fcp));
        Assert.Single(l.Entries);
        Assert.False(l.IsComplete);

        // An ELS accept too short for RLS.
        rig.Els = _ => FakeAnswer.Of([0x02, 0, 0, 0, 1, 2]);
        rig.Transport.Handler = r => rig.Els(r);
        await Assert.ThrowsAsync<FcMalformedResponseException>(() => host.RlsAsync(new FcId(0x010203), new FcId(0x010203)).AsTask());
    }
}

public class CancellationTests
{
    [Fact]
    public async Task Cancelling_abandons_the_wait_but_keeps_the_host_slot_until_the_ioctl_returns()
    {
        // The fake "ioctl" blocks a pool thread like the real one; make sure the timer callback gets a thread too.
        ThreadPool.GetMinThreads(out var workers, out var io);
        ThreadPool.SetMinThreads(Math.Max(workers, 8), io);
        var rig = new Rig();
        using var gate = new ManualResetEventSlim();
        using var entered = new ManualResetEventSlim();
        rig.Transport.Gate = gate;
        rig.Transport.Entered = entered;
        using var host = rig.Host("ibmvfc");
        using var cts = new CancellationTokenSource();
        var first = host.GpnIdAsync(new FcId(0x010100), cts.Token).AsTask();
        // Ordered by state: cancel once the "ioctl" is entered, and keep it blocked until the cancellation was seen.
        Assert.True(entered.Wait(TimeSpan.FromMinutes(1)), "the request never reached the transport");
        cts.Cancel();
        Exception? caught = null;
        try { await first.WaitAsync(TimeSpan.FromMinutes(1)); } catch (Exception e) { caught = e; }
        Assert.True(caught is OperationCanceledException, $"{caught}, sent {rig.Transport.SentList.Count}");
        Assert.Equal(1, rig.Transport.InFlight); // the abandoned ioctl still holds its buffers and the host slot
        entered.Reset();
        var second = Task.Run(() => host.GpnIdAsync(new FcId(0x010100)).AsTask());
        gate.Set();
        var (wwpn, _) = await second.WaitAsync(TimeSpan.FromMinutes(1));
        Assert.Equal(rig.Fabric.Ports[0].Wwpn, wwpn);
        Assert.Equal(1, rig.Transport.MaxInFlight);
    }
}
