using BsgKit.Fc.Clients;
using BsgKit.Fc.Codes;
using BsgKit.Fc.Ct;
using BsgKit.Fc.Ct.NameServer;
using BsgKit.Fc.Els;
using BsgKit.Fc.FcBsg;
using BsgKit.Fc.Tests.Support;

namespace BsgKit.Fc.Tests.Clients;

/// <summary>ECHO on drivers that report the whole buffer, busy answers retried with backoff, and the state-change guard.</summary>
public class EchoBusyAndGuardTests
{
    private static readonly FcId Target = new(0x010203);
    private static readonly FcClientOptions NoWait = new() { BusyRetry = new FcBusyRetry(4, TimeSpan.Zero, TimeSpan.Zero) };

    /// <summary>An ELS responder that echoes the request's data in an LS_ACC.</summary>
    private static FakeAnswer EchoBack(SentRequest r, ReplyStyle style) => FakeAnswer.Of([ElsCommands.LsAcc, 0, 0, 0, .. r.Dout[4..]], style);

    [Theory]
    [InlineData("qla2xxx", ReplyStyle.QlogicComplete)]
    [InlineData("zfcp", ReplyStyle.FullLength)]
    [InlineData("fcoe", ReplyStyle.Honest)]
    public async Task Echo_returns_exactly_the_data_sent_even_when_the_driver_reports_the_whole_buffer(string driver, ReplyStyle style)
    {
        var rig = new Rig { Els = r => EchoBack(r, style) };
        using var host = rig.Host(driver);
        var data = Enumerable.Range(0, 56).Select(i => (byte)(i + 1)).ToArray();
        var echoed = (await host.EchoAsync(Target, data)).Value;
        Assert.Equal(data, echoed);
        Assert.Equal(Echo.HeaderLength + data.Length, rig.Transport.SentList.Single().DinLength);
    }

    [Theory]
    [InlineData(FcCtelsStatus.FBsy)]
    [InlineData(FcCtelsStatus.PBsy)]
    public async Task A_busy_frame_is_retried_and_the_answer_after_it_is_returned(FcCtelsStatus busy)
    {
        var calls = 0;
        var rig = new Rig();
        rig.Els = r => ++calls <= 2 ? new FakeAnswer { CtelsStatus = (uint)busy } : FakeAnswer.Of([0x02, 0, 0, 0, .. new byte[24]]);
        using var host = rig.Host("fcoe", NoWait);
        var r = await host.RlsAsync(Target, Target);
        Assert.Equal(3, calls);
        Assert.Equal(3, r.Exchange.Attempts);
        Assert.Equal(FcExchangeStatus.Accepted, r.Exchange.Status);
    }

    [Theory]
    [InlineData(FcCtelsStatus.FBsy, "the fabric is busy (F_BSY)")]
    [InlineData(FcCtelsStatus.PBsy, "the destination port is busy (P_BSY)")]
    public async Task Busy_that_persists_is_reported_as_busy_after_the_bounded_attempts(FcCtelsStatus busy, string expected)
    {
        var rig = new Rig { Els = _ => new FakeAnswer { CtelsStatus = (uint)busy } };
        using var host = rig.Host("fcoe", NoWait);
        var e = await Assert.ThrowsAsync<FcBusyException>(() => host.RlsAsync(Target, Target).AsTask());
        Assert.Equal(4, rig.Transport.SentList.Count);
        Assert.Equal(FcExchangeStatus.Busy, e.Exchange!.Status);
        Assert.Contains(expected, e.Message);
        Assert.Contains("after 4 attempts", e.Message);
        Assert.DoesNotContain("unknown (0x00)", e.Message);
    }

    [Fact]
    public async Task Ct_logical_busy_and_ls_rjt_logical_busy_are_busy_not_rejected()
    {
        var ctTransport = new FakeFcTransport(r =>
        {
            var buf = new byte[CtIuHeader.Size];
            CtIuHeader.ForReject(CtServer.NameServer, CtRejectReasons.LogicalBusy, 0).Write(buf);
            return FakeAnswer.Of(buf);
        });
        using (var host = FcHostClient.Open(Rig.Catalog("fcoe"), 1, NoWait with { Transport = ctTransport }))
        {
            var e = await Assert.ThrowsAsync<FcBusyException>(() => host.GpnIdAsync(Target).AsTask());
            Assert.Contains("logical busy", e.Message);
            Assert.Equal(4, ctTransport.SentList.Count);
        }
        var els = new Rig { Els = _ => FakeAnswer.Of([ElsCommands.LsRjt, 0, 0, 0, 0, LsRjtReasons.LogicalBusy, 0, 0]) };
        using var elsHost = els.Host("fcoe", NoWait with { BusyRetry = FcBusyRetry.None });
        var b = await Assert.ThrowsAsync<FcBusyException>(() => elsHost.RlsAsync(Target, Target).AsTask());
        Assert.Contains("LS_RJT logical busy", b.Message);
        Assert.Single(els.Transport.SentList);
    }

    [Fact]
    public async Task Ebusy_from_the_driver_is_retried()
    {
        var calls = 0;
        var rig = new Rig();
        rig.Els = _ => ++calls == 1 ? FakeAnswer.Fail(Bsg.Errno.EBUSY) : FakeAnswer.Of([0x02, 0, 0, 0, .. new byte[24]]);
        using var host = rig.Host("ibmvfc", NoWait);
        var r = await host.RlsAsync(Target, Target);
        Assert.Equal(2, r.Exchange.Attempts);
    }

    [Fact]
    public void The_backoff_doubles_up_to_its_bound()
    {
        var p = new FcBusyRetry(6, TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(300));
        Assert.Equal([50, 100, 200, 300, 300], Enumerable.Range(1, 5).Select(a => p.DelayAfter(a).TotalMilliseconds));
    }

    [Fact]
    public async Task Requests_that_change_state_are_refused_unless_allowed_and_nothing_is_sent()
    {
        var rig = new Rig();
        using (var host = rig.Host("fcoe"))
        {
            var e = await Assert.ThrowsAsync<FcStateChangeRefusedException>(() => host.RpnIdAsync(new FcId(0x010100), new Wwn(0x2100000000000001)).AsTask());
            Assert.Contains("RPN_ID", e.Message);
            Assert.Contains("registers", e.WouldDo);
            await Assert.ThrowsAsync<FcStateChangeRefusedException>(() => host.DaIdAsync(new FcId(0x010100)).AsTask());
            await Assert.ThrowsAsync<FcStateChangeRefusedException>(() => host.LogoAsync(Target, new LogoRequest(new FcId(0x010100), new Wwn(1))).AsTask());
            await Assert.ThrowsAsync<FcStateChangeRefusedException>(() => host.LirrAsync(Target, new LirrRequest(1, 0)).AsTask());
            await Assert.ThrowsAsync<FcStateChangeRefusedException>(() => host.SrlAsync(Target, new SrlRequest(0, 0)).AsTask());
            // Raw sends with a known write code are guarded too.
            var rpn = new byte[RpnId.RequestLength];
            RpnId.BuildRequest(rpn, new FcId(0x010100), new Wwn(1));
            await Assert.ThrowsAsync<FcStateChangeRefusedException>(() => host.SendCtAsync(rpn, 64));
            await Assert.ThrowsAsync<FcStateChangeRefusedException>(() => host.SendElsAsync(Target, new byte[] { ElsCommands.Plogi, 0, 0, 0 }, 256));
            Assert.Empty(rig.Transport.SentList);
            // Reads go through.
            await host.GpnIdAsync(new FcId(0x010100));
            Assert.Single(rig.Transport.SentList);
        }
        using var allowed = rig.Host("fcoe", new FcClientOptions { AllowStateChanges = true });
        await allowed.SendElsAsync(Target, new byte[] { ElsCommands.Lirr, 0, 0, 0, 1, 0, 0, 0 }, 64);
        Assert.Equal(2, rig.Transport.SentList.Count);
    }

    [Fact]
    public void Every_register_and_deregister_code_of_every_server_is_marked()
    {
        foreach (var (table, gs, sub) in new[]
                 {
                     (GsNameServerCommands.Table, GsTypes.Directory, GsTypes.DirectoryNameServer),
                     (GsFdmiCodes.Commands, GsTypes.Management, GsTypes.ManagementFdmi),
                     (GsZoneServerCommands.Table, GsTypes.Management, GsTypes.ManagementZoneServer),
                     (GsConfigServerCommands.Table, GsTypes.Management, GsTypes.ManagementFabricConfiguration),
                 })
            foreach (var (code, name) in table.Entries)
            {
                var writes = name[0] is 'R' or 'D' or 'A';
                if (name is "RPL" && table == GsConfigServerCommands.Table) writes = true;
                Assert.True((StateChangingRequests.DescribeCt(gs, sub, (ushort)code) is not null) == writes, $"{table.Title} {name} 0x{code:x4}");
            }
        foreach (var code in new[] { ElsCommands.Plogi, ElsCommands.Flogi, ElsCommands.Logo, ElsCommands.Fdisc, ElsCommands.Lirr, ElsCommands.Srl })
            Assert.NotNull(StateChangingRequests.DescribeEls(code));
        foreach (var code in new[] { ElsCommands.Echo, ElsCommands.Rls, ElsCommands.Rnid, ElsCommands.Rdp, ElsCommands.Rps, ElsCommands.Rpl, ElsCommands.Rtv, ElsCommands.Adisc, ElsCommands.Rpsc })
            Assert.Null(StateChangingRequests.DescribeEls(code));
    }

    [Fact]
    public async Task A_port_that_is_not_a_remote_port_of_an_rport_routed_host_is_not_found()
    {
        var rig = new Rig();
        using var host = rig.Host("lpfc");
        await Assert.ThrowsAsync<FcPortNotFoundException>(() => host.RlsAsync(new FcId(0x010c00), new FcId(0x010c00)).AsTask());
        Assert.Empty(rig.Transport.SentList);
    }
}
