using BsgKit.Fc;
using BsgKit.Fc.Clients;
using BsgKit.Fc.Ct.NameServer;
using BsgKit.Fc.Els;
using BsgKit.Simulator.Hosting;
using BsgKit.Simulator.Scenarios;

namespace BsgKit.Simulator.Tests.EndToEnd;

/// <summary>Every fault kind, as the client sees it: its documented error (docs/scenario-schema.md).</summary>
public class FaultsThroughClientTests
{
    private const string TargetWwpn = "0x50060e8007e0a100";
    private static readonly FcId Target = new(0x010500);

    private static async Task<Exception?> Run(string driver, FaultSpec fault, Func<FcHostClient, Task> action, Action<SimulatedSan>? prepare = null)
    {
        var scenario = ScenarioLoader.Resolve(driver == "fcoe" ? "libfc" : driver);
        scenario.Faults.Add(fault);
        using var san = SimulatedSan.Create(scenario);
        prepare?.Invoke(san);
        var catalog = BsgKit.Fc.Catalog.FcCatalog.Scan(san.Catalog);
        using var client = FcHostClient.Open(catalog, 1, new FcClientOptions { Transport = san.Transport, TimeoutMs = 1000 });
        return await Record.ExceptionAsync(() => action(client));
    }

    [Fact]
    public async Task Timeout_on_libfc_host_els_is_etimedout()
    {
        var e = await Run("fcoe", new FaultSpec { Kind = "timeout", Target = TargetWwpn, Command = "ECHO" },
            c => c.EchoAsync(Target, new byte[8]).AsTask());
        var t = Assert.IsAssignableFrom<Fc.Clients.FcException>(e);
        Assert.Equal(110, t.Exchange?.Errno);
    }

    [Fact]
    public async Task Timeout_in_ioerr_mode_is_no_response()
    {
        var e = await Run("fcoe", new FaultSpec { Kind = "timeout", Target = TargetWwpn, Mode = "ioerr" },
            c => c.EchoAsync(Target, new byte[8]).AsTask());
        Assert.IsType<FcNoResponseException>(e);
    }

    [Fact]
    public async Task Timeout_on_qla2xxx_is_a_transport_error_with_did_error()
    {
        var e = await Run("qla2xxx", new FaultSpec { Kind = "timeout", Target = TargetWwpn },
            c => c.EchoAsync(Target, new byte[8]).AsTask());
        var t = Assert.IsAssignableFrom<Fc.Clients.FcException>(e);
        Assert.Equal(7u, t.Exchange?.HostByte);
    }

    [Fact]
    public async Task Fabric_busy_is_reported_with_the_busy_status()
    {
        var e = await Run("fcoe", new FaultSpec { Kind = "busy", Target = TargetWwpn, Scope = "fabric", Reason = 1 },
            c => c.RlsAsync(Target, Target).AsTask());
        var f = Assert.IsAssignableFrom<Fc.Clients.FcException>(e);
        Assert.Equal(Fc.FcBsg.FcCtelsStatus.FBsy, f.Exchange?.CtelsStatus);
    }

    [Fact]
    public async Task Ct_logical_busy_is_busy_with_the_reject_reason_5_kept()
    {
        var e = await Run("fcoe", new FaultSpec { Kind = "busy", Target = "0xfffffc", Command = "GPN_ID", Scope = "ct" },
            c => c.GpnIdAsync(Target).AsTask());
        var r = Assert.IsType<Fc.Clients.FcBusyException>(e);
        Assert.Equal(Fc.Clients.FcExchangeStatus.Busy, r.Exchange!.Status);
        Assert.Equal(0x05, r.Exchange.CtHeader!.Value.Reason);
        Assert.Equal(4, r.Exchange.Attempts); // retried with backoff, still busy
    }

    [Fact]
    public async Task Chosen_ls_rjt_codes_come_back_named()
    {
        var e = await Run("lpfc", new FaultSpec { Kind = "reject", Target = TargetWwpn, Command = "RLS", Scope = "els", Reason = 0x09, Explanation = 0x2A },
            c => c.RlsAsync(Target, Target).AsTask());
        var r = Assert.IsType<FcRejectedException>(e);
        Assert.False(r.IsCtReject);
        Assert.Equal(0x09, r.Reason);
        Assert.Equal(0x2A, r.Explanation);
        Assert.False(string.IsNullOrEmpty(r.ReasonName));
    }

    [Fact]
    public async Task Chosen_ct_reject_codes_come_back_named()
    {
        var e = await Run("qla2xxx", new FaultSpec { Kind = "reject", Target = "0xfffffc", Command = "GPN_ID", Scope = "ct", Reason = 0x09, Explanation = 0x01 },
            c => c.GpnIdAsync(Target).AsTask());
        var r = Assert.IsType<FcRejectedException>(e);
        Assert.True(r.IsCtReject);
        Assert.Equal((0x09, 0x01), (r.Reason, r.Explanation));
    }

    [Theory]
    [InlineData("blocked")]
    [InlineData("offline")]
    public async Task Blocked_or_offline_rport_is_the_silent_ioerr_reported_as_no_response(string kind)
    {
        // lpfc sends ELS through the rport, so docs/reference/kernel-rules.md #21/#22 apply.
        var e = await Run("lpfc", new FaultSpec { Kind = kind, Target = TargetWwpn }, c => c.EchoAsync(Target, new byte[8]).AsTask());
        Assert.IsType<FcNoResponseException>(e);
    }

    [Fact]
    public async Task Dropped_frames_are_no_answer()
    {
        var e = await Run("lpfc", new FaultSpec { Kind = "drop", Target = TargetWwpn }, c => c.RnidAsync(Target).AsTask());
        var f = Assert.IsAssignableFrom<Fc.Clients.FcException>(e);
        Assert.Equal(110, f.Exchange?.Errno); // lpfc: SEQUENCE_TIMEOUT
    }

    [Fact]
    public async Task Truncated_responses_are_malformed_not_a_crash()
    {
        var e = await Run("fcoe", new FaultSpec { Kind = "truncate", Target = TargetWwpn, Command = "RLS", Amount = 10 },
            c => c.RlsAsync(Target, Target).AsTask());
        Assert.IsType<FcMalformedResponseException>(e);
    }

    [Fact]
    public async Task Link_errors_raise_the_lesb_counters_on_every_matching_request()
    {
        var scenario = ScenarioLoader.Resolve("libfc");
        scenario.Faults.Add(new FaultSpec { Kind = "linkErrors", Target = TargetWwpn, Command = "ECHO", Amount = 3 });
        using var san = SimulatedSan.Create(scenario);
        using var client = FcHostClient.Open(BsgKit.Fc.Catalog.FcCatalog.Scan(san.Catalog), 1, new FcClientOptions { Transport = san.Transport });
        var before = (await client.RlsAsync(Target, Target)).Value;
        await client.EchoAsync(Target, new byte[8]);
        await client.EchoAsync(Target, new byte[8]);
        var after = (await client.RlsAsync(Target, Target)).Value;
        Assert.Equal(before.InvalidCrcCount + 6, after.InvalidCrcCount);
    }

    [Fact]
    public async Task An_rport_that_disappears_mid_run_fails_then_is_gone_from_sysfs()
    {
        var scenario = ScenarioLoader.Resolve("lpfc");
        scenario.Faults.Add(new FaultSpec { Kind = "disappear", Target = TargetWwpn, After = 2 });
        using var san = SimulatedSan.Create(scenario);
        using var client = FcHostClient.Open(BsgKit.Fc.Catalog.FcCatalog.Scan(san.Catalog), 1, new FcClientOptions { Transport = san.Transport });
        await client.EchoAsync(Target, new byte[8]);
        await client.EchoAsync(Target, new byte[8]);
        await Assert.ThrowsAnyAsync<Exception>(() => client.EchoAsync(Target, new byte[8]).AsTask());
        var catalog = BsgKit.Fc.Catalog.FcCatalog.Scan(san.Catalog);
        Assert.DoesNotContain(catalog.RemotePorts, r => r.PortId == Target.Value);
        Assert.Null(catalog.FindNode("rport-1:0-2"));
    }
}
