using System.Diagnostics;
using BsgKit.Fc;
using BsgKit.Fc.Codes;
using BsgKit.Fc.Ct;
using BsgKit.Fc.Ct.NameServer;
using BsgKit.Simulator.Fabric;
using BsgKit.Simulator.Scenarios;
using static BsgKit.Simulator.Tests.Fabric.FabricTestKit;

namespace BsgKit.Simulator.Tests.Fabric;

/// <summary>GID_FF, name servers without some commands, and the latency model (service time, name-server rate limit).</summary>
public class BulkQueryAndLatencyTests
{
    private static readonly FcId HostId = new(0x010000);

    [Fact]
    public void Gid_ff_lists_the_ports_with_every_given_feature_bit()
    {
        var (fabric, host) = Build();
        FcId[] Ask(byte type, byte bits, byte domain = 0) =>
            GidFf.ParseAccept(Ct(fabric, host, b => GidFf.BuildRequest(b, new NsFc4FeatureScope(type, bits, domain)))).PortIds.ToArray();
        Assert.Equal([A, E, B], Ask(Fc4Types.Fcp, Fc4Features.FcpTarget));
        Assert.Equal([HostId, B], Ask(Fc4Types.Fcp, Fc4Features.FcpInitiator));
        Assert.Equal([B], Ask(Fc4Types.Fcp, Fc4Features.FcpTarget | Fc4Features.FcpInitiator));
        Assert.Equal([B], Ask(Fc4Types.Fcp, Fc4Features.FcpTarget, domain: 2));
        var none = Rejected(() => GidFf.ParseAccept(Ct(fabric, host, b => GidFf.BuildRequest(b, new NsFc4FeatureScope(Fc4Types.Fcp, 0x8)))));
        Assert.Equal(CtRejectReasons.UnableToPerform, none.Reason);
        Assert.Equal(CtReasonExplanations.Fc4FeaturesNotRegistered, none.Explanation);
    }

    [Fact]
    public void Gid_ff_request_puts_scope_features_and_type_where_the_dissector_reads_them()
    {
        var buffer = new byte[GidFf.RequestLength];
        GidFf.BuildRequest(buffer, new NsFc4FeatureScope(Fc4Types.Fcp, Fc4Features.FcpTarget, 3, 7));
        Assert.Equal(GsNameServerCommands.GidFf, CtIuHeader.Read(buffer).CommandResponse);
        Assert.Equal(new byte[] { 0, 3, 7, 0, 0, 0, Fc4Features.FcpTarget, Fc4Types.Fcp }, buffer[CtIuHeader.Size..]);
        Assert.Equal(new NsFc4FeatureScope(Fc4Types.Fcp, Fc4Features.FcpTarget, 3, 7), GidFf.ParseRequest(buffer));
    }

    [Theory]
    [InlineData("GA_NXT")]
    [InlineData("GID_FF")]
    [InlineData("GID_PT")]
    public void A_name_server_without_a_command_says_not_supported(string command)
    {
        var (fabric, host) = Build(s => s.NameServer = new NameServerSpec { UnsupportedCommands = [command] });
        Action ask = command switch
        {
            "GA_NXT" => () => GaNxt.ParseAccept(Ct(fabric, host, b => GaNxt.BuildRequest(b, new FcId(0)))),
            "GID_FF" => () => GidFf.ParseAccept(Ct(fabric, host, b => GidFf.BuildRequest(b, new NsFc4FeatureScope(Fc4Types.Fcp, 1)))),
            _ => () => GidPt.ParseAccept(Ct(fabric, host, b => GidPt.BuildRequest(b, new NsPortTypeScope(PortTypes.NPort)))),
        };
        var rejected = Rejected(ask);
        Assert.Equal(CtRejectReasons.CommandNotSupported, rejected.Reason);
        // Everything else still answers.
        Assert.Equal(Wwn.Parse(AWwpn), GpnId.ParseAccept(Ct(fabric, host, b => GpnId.BuildRequest(b, A))));
    }

    [Fact]
    public void Unknown_unsupported_commands_and_bad_latencies_are_scenario_errors()
    {
        var s = Scenario(x =>
        {
            x.NameServer = new NameServerSpec { UnsupportedCommands = ["GA_NEXT"] };
            x.Latency = new LatencySpec { CtServiceTimeUs = -1, NameServerRequestsPerSecond = -5 };
        });
        var errors = ScenarioValidator.Validate(s);
        Assert.Contains(errors, e => e.Contains("$.nameServer.unsupportedCommands[0]: 'GA_NEXT' is not a name-server command"));
        Assert.Contains(errors, e => e.StartsWith("$.latency.ctServiceTimeUs: -1", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("$.latency.nameServerRequestsPerSecond: -5", StringComparison.Ordinal));
    }

    [Fact]
    public void The_latency_model_is_off_by_default()
    {
        var (fabric, host) = Build();
        var r = fabric.Exchange(host, FcId.DirectoryServer, FrameType.Ct, Request(b => GpnId.BuildRequest(b, A)), new byte[256]);
        Assert.Equal(TimeSpan.FromMicroseconds(400), r.Latency);
    }

    [Fact]
    public void The_service_time_applies_to_every_CT_request()
    {
        var (fabric, host) = Build(s => s.Latency = new LatencySpec { CtServiceTimeUs = 1500 });
        var ns = fabric.Exchange(host, FcId.DirectoryServer, FrameType.Ct, Request(b => GpnId.BuildRequest(b, A)), new byte[256]);
        var ms = fabric.Exchange(host, FcId.ManagementServer, FrameType.Ct, Request(b => BsgKit.Fc.Ct.ConfigServer.Giel.BuildRequest(b)), new byte[4096]);
        Assert.Equal(TimeSpan.FromMicroseconds(1500), ns.Latency);
        Assert.Equal(TimeSpan.FromMicroseconds(1500), ms.Latency);
    }

    [Fact]
    public void The_rate_limit_gives_a_burst_one_slot_each()
    {
        // 100 requests/s: slots 10 ms apart. Asked back to back, request k waits for its slot: its latency plus the time
        // since the first request is at least k slots (the schedule is the wall clock, so this holds however slow the machine).
        var (fabric, host) = Build(s => s.Latency = new LatencySpec { NameServerRequestsPerSecond = 100 });
        var request = Request(b => GpnId.BuildRequest(b, A));
        var start = Stopwatch.GetTimestamp();
        var latencies = new List<(TimeSpan Latency, TimeSpan Since)>();
        for (var k = 0; k < 5; k++)
        {
            var since = Stopwatch.GetElapsedTime(start);
            latencies.Add((fabric.Exchange(host, FcId.DirectoryServer, FrameType.Ct, request, new byte[256]).Latency, since));
        }
        for (var k = 0; k < latencies.Count; k++)
            Assert.True(latencies[k].Latency + latencies[k].Since >= TimeSpan.FromMilliseconds(10 * k) + TimeSpan.FromMicroseconds(400) - TimeSpan.FromMilliseconds(0.01),
                $"request {k}: latency {latencies[k].Latency}, asked {latencies[k].Since} after the first");
        // The management server is not throttled.
        var ms = fabric.Exchange(host, FcId.ManagementServer, FrameType.Ct, Request(b => BsgKit.Fc.Ct.ConfigServer.Giel.BuildRequest(b)), new byte[4096]);
        Assert.Equal(TimeSpan.FromMicroseconds(400), ms.Latency);
    }

    private static byte[] Request(RequestBuilder build)
    {
        var buffer = new byte[256];
        return buffer[..build(buffer)];
    }
}
