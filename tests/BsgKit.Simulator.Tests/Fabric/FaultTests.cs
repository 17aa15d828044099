using BsgKit.Fc;
using BsgKit.Fc.Codes;
using BsgKit.Fc.Ct;
using BsgKit.Fc.Ct.NameServer;
using BsgKit.Fc.Els;
using BsgKit.Simulator.Fabric;
using BsgKit.Simulator.Faults;
using BsgKit.Simulator.Kernel;
using BsgKit.Simulator.Scenarios;
using static BsgKit.Simulator.Tests.Fabric.FabricTestKit;

namespace BsgKit.Simulator.Tests.Fabric;

public class FaultTests
{
    private static (SimFabric Fabric, FcId Host) WithFault(FaultSpec fault) => Build(s => s.Faults.Add(fault));

    private static ExchangeResult SendCt(SimFabric fabric, FcId host, byte[] response)
    {
        var request = new byte[64];
        var n = GpnId.BuildRequest(request, A);
        return fabric.Exchange(host, FcId.DirectoryServer, FrameType.Ct, request.AsSpan(0, n), response);
    }

    [Fact]
    public void Timeout_gives_no_response_and_exposes_the_mode()
    {
        var fault = new FaultSpec { Kind = "timeout", Target = AWwpn, Command = "RLS", Mode = "ioerr" };
        var (fabric, host) = WithFault(fault);
        var (result, _) = Els(fabric, host, A, b => Rls.BuildRequest(b, A));
        Assert.Equal(ExchangeOutcome.NoResponse, result.Outcome);
        Assert.Equal("ioerr", result.Fault!.Mode);
        // Another command to the same port is unaffected.
        Assert.Equal(ExchangeOutcome.Response, Els(fabric, host, A, b => Rtv.BuildRequest(b)).Result.Outcome);
    }

    [Fact]
    public void Drop_with_after_and_count_fires_only_on_the_due_requests()
    {
        var fault = new FaultSpec { Kind = "drop", Target = "0x010100", After = 1, Count = 2 };
        var (fabric, host) = WithFault(fault);
        var outcomes = new List<ExchangeOutcome>();
        for (var i = 0; i < 5; i++) outcomes.Add(Els(fabric, host, A, b => Rtv.BuildRequest(b)).Result.Outcome);
        Assert.Equal([ExchangeOutcome.Response, ExchangeOutcome.NoResponse, ExchangeOutcome.NoResponse, ExchangeOutcome.Response, ExchangeOutcome.Response], outcomes);
        Assert.Equal(2, fabric.Faults.TimesFired(fault));
    }

    [Theory]
    [InlineData("fabric", ExchangeOutcome.FabricBusy)]
    [InlineData("port", ExchangeOutcome.PortBusy)]
    public void Busy_reports_f_bsy_or_p_bsy(string scope, ExchangeOutcome expected)
    {
        var (fabric, host) = WithFault(new FaultSpec { Kind = "busy", Scope = scope, Command = "ECHO" });
        Assert.Equal(expected, Els(fabric, host, A, b => Echo.BuildRequest(b, [1])).Result.Outcome);
    }

    [Fact]
    public void Busy_in_ct_scope_is_a_logical_busy_reject()
    {
        var (fabric, host) = WithFault(new FaultSpec { Kind = "busy", Scope = "ct", Target = "0xfffffc", Command = "GPN_ID" });
        var response = new byte[64];
        var result = SendCt(fabric, host, response);
        var reject = Assert.Throws<CtRejectedException>(() => GpnId.ParseAccept(response.AsSpan(0, result.ResponseLength)));
        Assert.Equal(CtRejectReasons.LogicalBusy, reject.Reason);
    }

    [Fact]
    public void Reject_builds_the_chosen_ls_rjt_or_ct_reject()
    {
        var (fabric, host) = Build(s =>
        {
            s.Faults.Add(new FaultSpec { Kind = "reject", Command = "RNID", Reason = LsRjtReasons.LogicalBusy, Explanation = LsRjtExplanations.InsufficientResources });
            s.Faults.Add(new FaultSpec { Kind = "reject", Command = "GPN_ID", Reason = CtRejectReasons.UnableToPerform, Explanation = CtReasonExplanations.DatabaseEmpty });
            s.Faults.Add(new FaultSpec { Kind = "reject", Command = "RTV", Scope = "port", Reason = 3, Explanation = 4 });
        });
        var (_, els) = Els(fabric, host, A, b => Rnid.BuildRequest(b));
        var rjt = Assert.Throws<ElsRejectedException>(() => Rnid.ParseAccept(els)).Reject;
        Assert.Equal((LsRjtReasons.LogicalBusy, LsRjtExplanations.InsufficientResources), (rjt.Reason, rjt.Explanation));
        var response = new byte[64];
        var ct = Assert.Throws<CtRejectedException>(() => GpnId.ParseAccept(response.AsSpan(0, SendCt(fabric, host, response).ResponseLength)));
        Assert.Equal("Database empty", ct.ExplanationName);
        var pRjt = Els(fabric, host, A, b => Rtv.BuildRequest(b)).Result;
        Assert.Equal((ExchangeOutcome.PortReject, (byte)3, (byte)4), (pRjt.Outcome, pRjt.Reason, pRjt.Explanation));
    }

    [Fact]
    public void Truncate_keeps_amount_bytes()
    {
        var (fabric, host) = WithFault(new FaultSpec { Kind = "truncate", Command = "RLS", Amount = 12 });
        var (result, response) = Els(fabric, host, A, b => Rls.BuildRequest(b, A));
        Assert.Equal((12, 12), (result.ResponseLength, result.FullLength));
        Assert.Equal(ElsCommands.LsAcc, response[0]);
        Assert.ThrowsAny<Exception>(() => Rls.ParseAccept(response));
    }

    [Fact]
    public void Link_errors_raise_the_targets_lesb_on_each_matching_request()
    {
        var (fabric, host) = WithFault(new FaultSpec { Kind = "linkErrors", Target = AWwpn, Command = "RLS", Amount = 5 });
        Els(fabric, host, A, b => Rls.BuildRequest(b, A));
        var lesb = Rls.ParseAccept(Els(fabric, host, A, b => Rls.BuildRequest(b, A)).Response);
        Assert.Equal(7u + 10, lesb.InvalidCrcCount);
        Assert.Equal(1u + 2, lesb.LinkFailureCount);
    }

    [Fact]
    public void Fire_matches_host_side_kinds_by_wwpn_or_fc_id()
    {
        var blocked = new FaultSpec { Kind = "blocked", Target = HostWwpn, Count = 1 };
        var offline = new FaultSpec { Kind = "offline", Target = "fcid:0x010100" };
        var injector = new FaultInjector([blocked, offline]);
        Assert.Null(injector.Fire(new FcId(1), Wwn.Parse(AWwpn), null, "blocked"));
        Assert.Same(blocked, injector.Fire(new FcId(1), Wwn.Parse(HostWwpn), null, "blocked", "disappear"));
        Assert.Null(injector.Fire(new FcId(1), Wwn.Parse(HostWwpn), null, "blocked"));
        Assert.Same(offline, injector.Fire(A, default, "PLOGI", "offline"));
        Assert.Null(injector.Fire(A, default, "PLOGI", "blocked"));
    }

    [Fact]
    public void Fire_is_thread_safe_under_concurrent_requests()
    {
        var fault = new FaultSpec { Kind = "drop", Count = 1000 };
        var injector = new FaultInjector([fault]);
        Parallel.For(0, 4000, _ => injector.Fire(A, default, "ECHO", "drop"));
        Assert.Equal(1000, injector.TimesFired(fault));
    }
}
