using System.Runtime.InteropServices;
using BsgKit.Bsg;
using BsgKit.Fc.Codes;
using BsgKit.Fc.FcBsg;
using BsgKit.Fc.Profiles;
using BsgKit.Simulator.Faults;
using BsgKit.Simulator.Lld;
using BsgKit.Simulator.Scenarios;

namespace BsgKit.Simulator.Tests.Kernel;

/// <summary>The simulator and the Fc code tables agree: what the fake transport accepts is what the table names.</summary>
public sealed class CodeTableAgreementTests
{
    // Every table code, plus neighbours that are not codes (same class, wrong class bits, zero).
    private static readonly uint[] Candidates =
    [
        .. FcBsgCodes.MsgCodes.Entries.Select(e => e.Code),
        0x80000000, 0x80000005, 0x800000FE, 0x40000000, 0x40000003, 0xC0000001, 0x20000001, 0x00000001, 0,
    ];

    private static int ResultWord(BsgTransaction tx) => MemoryMarshal.Read<int>(tx.Reply);

    private static int Send(SimHarness h, string node, uint msgcode)
    {
        using var tx = h.Tx(FcBsgRequest.Size, 16, 64);
        SimHarness.WriteMsgcode(tx, msgcode);
        tx.Dout[0] = ElsCommands.Echo;
        h.Raw(node, tx);
        return ResultWord(tx);
    }

    [Theory]
    [InlineData("fcoe")]
    [InlineData("lpfc")]
    [InlineData("qla2xxx")]
    [InlineData("zfcp")]
    [InlineData("ibmvfc")]
    public void Every_msgcode_the_transport_lets_through_is_in_the_table_and_of_the_node_class(string driver)
    {
        using var h = new SimHarness(driver);
        foreach (var code in Candidates)
        {
            var host = Send(h, h.HostNode, code);
            var rport = Send(h, h.RportNode, code);
            var known = FcBsgCodes.MsgCodes.Contains(code);
            var msgcode = (FcBsgMsgCode)code;
            // #16 / #20: anything the node class does not define is EBADR before the driver sees it.
            Assert.True((host != -Errno.EBADR) == (known && msgcode.IsHost()), $"{driver} fc_host 0x{code:x8}: result {host}");
            Assert.True((rport != -Errno.EBADR) == (known && msgcode.IsRport()), $"{driver} rport 0x{code:x8}: result {rport}");
        }
    }

    [Fact]
    public void The_msgcode_table_names_every_enum_value_and_nothing_else()
    {
        Assert.Equal(FcBsgMsgCodes.All.Select(c => (uint)c).Order(), FcBsgCodes.MsgCodes.Entries.Select(e => e.Code));
        Assert.Equal(Enum.GetValues<FcCtelsStatus>().Select(c => (uint)c).Order(), FcBsgCodes.CtelsStatus.Entries.Select(e => e.Code));
    }

    [Theory]
    [InlineData("fcoe", "libfc")]
    [InlineData("lpfc", "lpfc")]
    [InlineData("qla2xxx", "qla2xxx")]
    [InlineData("zfcp", "zfcp")]
    [InlineData("ibmvfc", "ibmvfc")]
    [InlineData("fnic", "fnic")]
    public void Each_personality_handles_exactly_the_msgcodes_its_client_profile_supports(string driver, string profile)
    {
        var lld = (FcLldBase)FcLldFactory.Create(driver, new StubFabric());
        var p = FcDriverProfiles.ByName(profile);
        foreach (var code in FcBsgMsgCodes.All.Where(c => c is not (FcBsgMsgCode.HostAddRport or FcBsgMsgCode.HostDelRport)))
            Assert.True(lld.AcceptsMsgCode(code) == p.Supports(code), $"{driver} {code.NameOf()}: simulator {lld.AcceptsMsgCode(code)}, profile {p.Supports(code)}");
    }

    [Fact]
    public void The_lpfc_and_qla2xxx_personalities_use_the_named_vendor_ids()
    {
        Assert.Equal(0x01000000000010DFUL, FcLldFactory.Create("lpfc", new StubFabric()).VendorId);
        Assert.Equal(0x0100000000001077UL, FcLldFactory.Create("qla2xxx", new StubFabric()).VendorId);
        Assert.True(VendorId.TryGetPciVendor(VendorId.Emulex, out var emulex) && emulex == VendorId.EmulexPci);
    }

    [Fact]
    public void The_validator_accepts_exactly_the_fault_kinds_the_table_lists()
    {
        foreach (var kind in FaultKinds.All)
            Assert.DoesNotContain(Errors(kind), e => e.Contains(".kind"));
        Assert.Contains(Errors("melt"), e => e.Contains(".kind"));
        Assert.Equal(9, FaultKinds.All.Distinct().Count());
    }

    [Fact]
    public void A_fired_kind_reads_as_its_constant_in_any_case_as_the_injector_matches_it()
    {
        foreach (var kind in FaultKinds.All)
        {
            Assert.Same(kind, FaultKinds.Canonical(kind));
            Assert.Same(kind, FaultKinds.Canonical(kind.ToUpperInvariant()));
        }
        Assert.Null(FaultKinds.Canonical("melt"));
        Assert.Null(FaultKinds.Canonical(null));
    }

    private static IReadOnlyList<string> Errors(string kind)
    {
        var s = new Scenario
        {
            Name = "k",
            Hosts = [new HostSpec { Host = 1, Driver = "fcoe", Wwpn = "0x2000000000000001", Wwnn = "0x1000000000000001", Domain = 1, Port = 1 }],
            Faults = [new FaultSpec { Kind = kind }],
        };
        return ScenarioValidator.Validate(s);
    }
}
