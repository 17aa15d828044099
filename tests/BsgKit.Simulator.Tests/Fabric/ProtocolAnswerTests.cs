using BsgKit.Fc;
using BsgKit.Fc.Clients;
using BsgKit.Fc.Codes;
using BsgKit.Fc.Ct;
using BsgKit.Fc.Ct.NameServer;
using BsgKit.Fc.Els;
using BsgKit.Simulator.Fabric;
using BsgKit.Simulator.Hosting;
using BsgKit.Simulator.Scenarios;
using static BsgKit.Simulator.Tests.Fabric.FabricTestKit;

namespace BsgKit.Simulator.Tests.Fabric;

/// <summary>The simulator answers like the fabric — LS_RJT, CT reject — never with an exception of its own (EIO).</summary>
public class ProtocolAnswerTests
{
    private static int OversizedEcho(Span<byte> b)
    {
        b[..4].Clear();
        b[0] = ElsCommands.Echo;
        b[4..3004].Fill(0x5A); // 3,000 data bytes: more than one frame (2,108) can carry
        return 3004;
    }

    [Fact]
    public void An_echo_of_more_than_one_frame_is_ls_rjt_invalid_payload_length()
    {
        var (fabric, host) = Build();
        var (result, response) = Els(fabric, host, A, OversizedEcho);
        Assert.Equal(ExchangeOutcome.Response, result.Outcome);
        Assert.Equal(new LsRjt(LsRjtReasons.LogicalError, LsRjtExplanations.InvalidPayloadLength), LsRjt.Parse(response));
    }

    [Theory]
    [InlineData("libfc")]
    [InlineData("qla2xxx")]
    [InlineData("zfcp")]
    [InlineData("ibmvfc")]
    public async Task An_oversized_echo_through_the_client_is_a_reject_not_eio(string personality)
    {
        using var san = SimulatedSan.Create(personality);
        var catalog = BsgKit.Fc.Catalog.FcCatalog.Scan(san.Catalog);
        using var client = FcHostClient.Open(catalog, catalog.FcHosts[0].HostNumber, new FcClientOptions { Transport = san.Transport });
        var target = san.Scenario.NPorts[0];
        var payload = new byte[4 + 2500];
        payload[0] = ElsCommands.Echo;
        var r = await client.SendElsAsync(new FcId((uint)(target.Domain << 16 | target.Port << 8 | target.Alpa)), payload, 4096);
        Assert.True(r.ElsReject is not null, r.ToString());
        Assert.Equal(0, r.Errno);
    }

    [Fact]
    public void A_responder_that_cannot_build_its_answer_sends_a_ct_reject()
    {
        // Unvalidated on purpose: a 300-character symbolic name cannot go into GSPN_ID's 255-byte object.
        var (fabric, host) = Build(s => s.NPorts[0].SymbolicPortName = new string('n', 300));
        var response = Ct(fabric, host, b => GspnId.BuildRequest(b, A));
        var e = Rejected(() => GspnId.ParseAccept(response));
        Assert.Equal(CtRejectReasons.UnableToPerform, e.Header.Reason);
    }

    [Fact]
    public void Every_string_the_wire_limits_is_checked_when_the_scenario_is_validated()
    {
        var s = FabricTestKit.Scenario(s =>
        {
            s.NPorts[0].SymbolicPortName = new string('p', 256);
            s.NPorts[0].SymbolicNodeName = new string('n', 256);
            s.NPorts[0].Sfp!.Vendor = "A VENDOR NAME LONGER THAN SIXTEEN";
            s.NPorts[0].Rnid!.VendorUniqueName = "SEVENTEEN-LETTERS";
            s.Zoning!.Zones[1].Name = new string('z', 300);
            s.Zoning.ZoneSets[0].Zones[1] = s.Zoning.Zones[1].Name;
            s.Zoning.ZoneSets[1].Zones[0] = s.Zoning.Zones[1].Name;
            s.Hosts[0].SymbolicName = new string('h', 256);
            s.Switches[1].Vendor = new string('v', 250);
        });
        var errors = ScenarioValidator.Validate(s);
        foreach (var field in new[] { "$.nports[0].symbolicPortName", "$.nports[0].symbolicNodeName", "$.nports[0].sfp.vendor",
                     "$.nports[0].rnid.vendorUniqueName", "$.zoning.zones[1].name", "$.hosts[0].symbolicName", "$.switches[1]:" })
            Assert.True(errors.Any(e => e.StartsWith(field, StringComparison.Ordinal)), $"{field} not in:\n{string.Join("\n", errors)}");
        Assert.Contains(errors, e => e.Contains("holds at most 16"));
        Assert.Contains(errors, e => e.Contains("holds at most 255"));
    }
}
