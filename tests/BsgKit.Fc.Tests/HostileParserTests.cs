using BsgKit.Fc.Codes;
using BsgKit.Fc.Ct;
using BsgKit.Fc.Ct.ConfigServer;
using BsgKit.Fc.Ct.Fdmi;
using BsgKit.Fc.Ct.NameServer;
using BsgKit.Fc.Ct.ZoneServer;
using BsgKit.Fc.Els;
using BsgKit.Fc.FcBsg;
using BsgKit.Fc.Tests.Els;
using BsgKit.Fc.Wire;

namespace BsgKit.Fc.Tests;

/// <summary>
/// One hostile-input fuzzer over both message families: every CT and ELS request and accept parser against
/// truncations and seeded garbage of one valid message, and every accept parser against its family's reject, which
/// both families report as <see cref="FcRejectReplyException"/>.
/// </summary>
public class HostileParserTests
{
    internal enum Family { Ct, Els }

    internal sealed record ParserCase(Family Family, byte[] Valid, Action<byte[]> Parse, bool IsAccept);

    private static byte[] Built(Func<byte[], int> build)
    {
        var buf = new byte[8192];
        return buf[..build(buf)];
    }

    private static readonly FcId Port = new(0x010203);
    private static readonly Wwn Name = new(0x21000024FF010203);

    internal static readonly Dictionary<string, ParserCase> Cases = new()
    {
        ["CT response"] = CtRequest(Built(b => GpnId.BuildAccept(b, Name)), a => CtIu.ParseResponse(a)),
        ["GA_NXT request"] = CtRequest(Built(b => GaNxt.BuildRequest(b, Port)), a => GaNxt.ParseRequest(a)),
        ["GID_FT request"] = CtRequest(Built(b => GidFt.BuildRequest(b, new NsFc4TypeScope(8))), a => GidFt.ParseRequest(a)),
        ["GPN_FT request"] = CtRequest(Built(b => GpnFt.BuildRequest(b, new NsFc4TypeScope(8))), a => GpnFt.ParseRequest(a)),
        ["GID_PT request"] = CtRequest(Built(b => GidPt.BuildRequest(b, new NsPortTypeScope(1))), a => GidPt.ParseRequest(a)),
        ["GNN_ID accept"] = CtAccept(Built(b => GnnId.BuildAccept(b, Name)), a => GnnId.ParseAccept(a)),
        ["GCS_ID accept"] = CtAccept(Built(b => GcsId.BuildAccept(b, 8)), a => GcsId.ParseAccept(a)),
        ["GPT_ID accept"] = CtAccept(Built(b => GptId.BuildAccept(b, 1)), a => GptId.ParseAccept(a)),
        ["GFPN_ID accept"] = CtAccept(Built(b => GfpnId.BuildAccept(b, Name)), a => GfpnId.ParseAccept(a)),
        ["GID_PN accept"] = CtAccept(Built(b => GidPn.BuildAccept(b, Port)), a => GidPn.ParseAccept(a)),
        ["GID_PN request"] = CtRequest(Built(b => GidPn.BuildRequest(b, Name)), a => GidPn.ParseRequest(a)),
        ["GSNN_NN accept"] = CtAccept(Built(b => GsnnNn.BuildAccept(b, "node name")), a => GsnnNn.ParseAccept(a)),
        ["RFT_ID request"] = CtRequest(Built(b => RftId.BuildRequest(b, Port, Fc4TypeSet.Of(8))), a => RftId.ParseRequest(a)),
        ["RFF_ID request"] = CtRequest(Built(b => RffId.BuildRequest(b, Port, 8, 2)), a => RffId.ParseRequest(a)),
        ["RSNN_NN request"] = CtRequest(Built(b => RsnnNn.BuildRequest(b, Name, "n")), a => RsnnNn.ParseRequest(a)),
        ["RNN_ID request"] = CtRequest(Built(b => RnnId.BuildRequest(b, Port, Name)), a => RnnId.ParseRequest(a)),
        ["RPN_ID request"] = CtRequest(Built(b => RpnId.BuildRequest(b, Port, Name)), a => RpnId.ParseRequest(a)),
        ["DA_ID request"] = CtRequest(Built(b => DaId.BuildRequest(b, Port)), a => DaId.ParseRequest(a)),
        ["RFT_ID accept"] = CtAccept(Built(b => RftId.BuildAccept(b)), a => RftId.ParseAccept(a)),
        ["GTIN accept"] = CtAccept(Built(b => Gtin.BuildAccept(b, [1, 2, 3, 4])), a => Gtin.ParseAccept(a)),
        ["GIET accept"] = CtAccept(Built(b => Giet.BuildAccept(b, 1)), a => Giet.ParseAccept(a)),
        ["GDID accept"] = CtAccept(Built(b => Gdid.BuildAccept(b, 1)), a => Gdid.ParseAccept(a)),
        ["GMID accept"] = CtAccept(Built(b => Gmid.BuildAccept(b, Port)), a => Gmid.ParseAccept(a)),
        ["GFN accept"] = CtAccept(Built(b => Gfn.BuildAccept(b, Name)), a => Gfn.ParseAccept(a)),
        ["GIELN accept"] = CtAccept(Built(b => Gieln.BuildAccept(b, "sw")), a => Gieln.ParseAccept(a)),
        ["GPT accept"] = CtAccept(Built(b => Gpt.BuildAccept(b, 0x81)), a => Gpt.ParseAccept(a)),
        ["GPPN accept"] = CtAccept(Built(b => Gppn.BuildAccept(b, 3)), a => Gppn.ParseAccept(a)),
        ["GPS accept"] = CtAccept(Built(b => Gps.BuildAccept(b, new FcsPortState(0x81, 1))), a => Gps.ParseAccept(a)),
        ["GPL request"] = CtRequest(Built(b => Gpl.BuildRequest(b, Name)), a => Gpl.ParseRequest(a)),
        ["FPNG accept"] = CtAccept(Built(b => Fpng.BuildAccept(b, 1)), a => Fpng.ParseAccept(a)),
        ["GRPL accept"] = CtAccept(Built(b => Grpl.BuildAccept(b, [Name])), a => Grpl.ParseAccept(a)),
        ["RPA request"] = CtRequest(Built(b => Rpa.BuildRequest(b, Name, [FdmiAttribute.FromText(FdmiAttributeScope.Port, 6, "h")])), a => Rpa.ParseRequest(a)),
        ["DHBA request"] = CtRequest(Built(b => Dhba.BuildRequest(b, Name)), a => Dhba.ParseRequest(a)),
        ["GZC accept"] = CtAccept(Built(b => Gzc.BuildAccept(b, new ZoneCapabilities(0xC1, 0))), a => Gzc.ParseAccept(a)),
        ["GEST accept"] = CtAccept(Built(b => Gest.BuildAccept(b, new ZoneEnforcementState(0x40, 0))), a => Gest.ParseAccept(a)),
        ["GZM request"] = CtRequest(Built(b => Gzm.BuildRequest(b, "zone")), a => Gzm.ParseRequest(a)),
        ["LS_RJT"] = ElsRequest(Built(b => LsRjt.Build(b, new LsRjt(9, 0x2A))), b => LsRjt.Parse(b)),
        ["ECHO request"] = ElsRequest(Built(b => Echo.BuildRequest(b, "ping 1234"u8)), b => Echo.ParseRequest(b)),
        ["ECHO accept"] = ElsAccept(Built(b => Echo.BuildAccept(b, "ping 1234"u8)), b => Echo.ParseAccept(b)),
        ["RLS request"] = ElsRequest(Built(b => Rls.BuildRequest(b, ElsSamples.Port)), b => Rls.ParseRequest(b)),
        ["RLS accept"] = ElsAccept(Built(b => Rls.BuildAccept(b, ElsSamples.Lesb)), b => Rls.ParseAccept(b)),
        ["RNID request"] = ElsRequest(Built(b => Rnid.BuildRequest(b)), b => Rnid.ParseRequest(b)),
        ["RNID accept"] = ElsAccept(
            Built(b => Rnid.BuildAccept(b, new RnidAccept(0xDF, ElsSamples.Wwpn, ElsSamples.Wwnn, ElsSamples.Topology, []))),
            b => Rnid.ParseAccept(b)),
        ["RPSC request"] = ElsRequest(Built(b => Rpsc.BuildRequest(b)), b => Rpsc.ParseRequest(b)),
        ["RPSC accept"] = ElsAccept(
            Built(b => Rpsc.BuildAccept(b, [new RpscEntry(0x0E00, 0x0200), new RpscEntry(0x3800, 0x0001)])),
            b => Rpsc.ParseAccept(b)),
        ["ADISC request"] = ElsRequest(Built(b => Adisc.BuildRequest(b, Adisc_)), b => Adisc.ParseRequest(b)),
        ["ADISC accept"] = ElsAccept(Built(b => Adisc.BuildAccept(b, Adisc_)), b => Adisc.ParseAccept(b)),
        ["RTV request"] = ElsRequest(Built(b => Rtv.BuildRequest(b)), b => Rtv.ParseRequest(b)),
        ["RTV accept"] = ElsAccept(Built(b => Rtv.BuildAccept(b, new RtvAccept(10000, 2000, 0x04080000))), b => Rtv.ParseAccept(b)),
        ["RDP request"] = ElsRequest(Built(b => Rdp.BuildRequest(b, ElsSamples.Port)), b => Rdp.ParseRequest(b)),
        ["RDP accept"] = ElsAccept(Built(b => Rdp.BuildAccept(b, ElsSamples.RdpDescriptors())), b => Rdp.ParseAccept(b)),
        ["LIRR request"] = ElsRequest(Built(b => Lirr.BuildRequest(b, new LirrRequest(1, 0x08))), b => Lirr.ParseRequest(b)),
        ["LIRR accept"] = ElsAccept(Built(b => Lirr.BuildAccept(b)), b => Lirr.ParseAccept(b)),
        ["RPL request"] = ElsRequest(Built(b => Rpl.BuildRequest(b, new RplRequest(4, 0))), b => Rpl.ParseRequest(b)),
        ["RPL accept"] = ElsAccept(Built(b => Rpl.BuildAccept(b, Rpl_)), b => Rpl.ParseAccept(b)),
        ["RPS request"] = ElsRequest(Built(b => Rps.BuildRequest(b, RpsRequest.ForWwpn(ElsSamples.Wwpn))), b => Rps.ParseRequest(b)),
        ["RPS accept"] = ElsAccept(Built(b => Rps.BuildAccept(b, new RpsAccept(1, 0x0018, ElsSamples.Lesb))), b => Rps.ParseAccept(b)),
        ["SRL request"] = ElsRequest(Built(b => Srl.BuildRequest(b, new SrlRequest(1, 0x0100EF))), b => Srl.ParseRequest(b)),
        ["SRL accept"] = ElsAccept(Built(b => Srl.BuildAccept(b)), b => Srl.ParseAccept(b)),
        ["PLOGI request"] = ElsRequest(Built(b => Plogi.BuildRequest(b, ElsSamples.Login)), b => Plogi.ParseRequest(b)),
        ["PLOGI accept"] = ElsAccept(Built(b => Plogi.BuildAccept(b, ElsSamples.Login)), b => Plogi.ParseAccept(b)),
        ["FLOGI request"] = ElsRequest(Built(b => Flogi.BuildRequest(b, ElsSamples.Login)), b => Flogi.ParseRequest(b)),
        ["FLOGI accept"] = ElsAccept(Built(b => Flogi.BuildAccept(b, ElsSamples.Login)), b => Flogi.ParseAccept(b)),
        ["FDISC request"] = ElsRequest(Built(b => Fdisc.BuildRequest(b, ElsSamples.Login)), b => Fdisc.ParseRequest(b)),
        ["FDISC accept"] = ElsAccept(Built(b => Fdisc.BuildAccept(b, ElsSamples.Login)), b => Fdisc.ParseAccept(b)),
        ["LOGO request"] = ElsRequest(Built(b => Logo.BuildRequest(b, new LogoRequest(ElsSamples.Port, ElsSamples.Wwpn))), b => Logo.ParseRequest(b)),
        ["LOGO accept"] = ElsAccept(Built(b => Logo.BuildAccept(b)), b => Logo.ParseAccept(b)),
    };

    private static AdiscParameters Adisc_ => new(new FcId(0x0000EF), ElsSamples.Wwpn, ElsSamples.Wwnn, ElsSamples.Port);

    private static RplAccept Rpl_ => new(5, 1,
        [new PortNumberBlock(7, new FcId(0x010203), ElsSamples.Wwpn), new PortNumberBlock(8, new FcId(0x010204), ElsSamples.Wwnn)]);

    private static ParserCase CtRequest(byte[] valid, Action<byte[]> parse) => new(Family.Ct, valid, parse, false);
    private static ParserCase CtAccept(byte[] valid, Action<byte[]> parse) => new(Family.Ct, valid, parse, true);
    private static ParserCase ElsRequest(byte[] valid, Action<byte[]> parse) => new(Family.Els, valid, parse, false);
    private static ParserCase ElsAccept(byte[] valid, Action<byte[]> parse) => new(Family.Els, valid, parse, true);

    internal static IEnumerable<string> AcceptParserNames(Family family)
    {
        foreach (var (name, c) in Cases)
            if (c.IsAccept && c.Family == family) yield return name;
    }

    // string.GetHashCode is randomized per process; a failure must be reproducible from its seed.
    private static int StableSeed(string name)
    {
        var seed = 17;
        foreach (var c in name) seed = seed * 31 + c;
        return seed & 0x7FFFFFFF;
    }

    public static TheoryData<string> AllParsers() => new(Cases.Keys);

    public static TheoryData<string> AllAcceptParsers() => new(Cases.Where(c => c.Value.IsAccept).Select(c => c.Key));

    [Fact]
    public void Both_families_are_covered()
    {
        Assert.Contains(Cases.Values, c => c.Family == Family.Ct && c.IsAccept);
        Assert.Contains(Cases.Values, c => c.Family == Family.Els && c.IsAccept);
    }

    [Theory]
    [MemberData(nameof(AllParsers))]
    public void Parser_survives_truncation_and_garbage(string parser)
    {
        var c = Cases[parser];
        HostileInput.AssertOnlyWireErrors(c.Valid, c.Parse, seed: StableSeed(parser), randomCount: 300, name: parser);
    }

    [Theory]
    [MemberData(nameof(AllParsers))]
    public void Els_parsers_fail_on_every_strict_truncation_of_fixed_messages(string parser)
    {
        // Variable-length messages (ECHO) may legitimately decode a shorter prefix; all other ELS must not.
        var c = Cases[parser];
        if (c.Family != Family.Els || parser.StartsWith("ECHO", StringComparison.Ordinal)) return;
        for (var n = 0; n < c.Valid.Length; n++)
        {
            var prefix = c.Valid[..n];
            var threw = false;
            try { c.Parse(prefix); }
            catch (FcWireFormatException) { threw = true; }
            Assert.True(threw, $"{parser}: a {n}-byte prefix of the {c.Valid.Length}-byte message decoded");
        }
    }

    /// <summary>
    /// Every accept parser of either family reports its family's reject as the shared <see cref="FcRejectReplyException"/>,
    /// with the codes at their offsets (FS_RJT @13/@14/@15, LS_RJT @5/@6/@7) and names from the family's tables.
    /// </summary>
    [Theory]
    [MemberData(nameof(AllAcceptParsers))]
    public void Every_accept_parser_reports_a_reject_through_the_common_base(string parser)
    {
        var c = Cases[parser];
        byte reason, explanation;
        byte[] reject;
        string reasonName, explanationName;
        if (c.Family == Family.Ct)
        {
            (reason, explanation) = (CtRejectReasons.UnableToPerform, CtReasonExplanations.PortTypeNotRegistered);
            reject = Built(b => CtIu.BuildReject(b, CtServer.NameServer, reason, explanation, 0x5A));
            reasonName = CtRejectReasons.Table.NameOf(reason);
            explanationName = CtReasonExplanations.For(CtServer.NameServer.GsType, CtServer.NameServer.GsSubtype).NameOf(explanation);
        }
        else
        {
            (reason, explanation) = (LsRjtReasons.LogicalBusy, LsRjtExplanations.InsufficientResources);
            reject = Built(b => LsRjt.Build(b, new LsRjt(reason, explanation, 0x5A)));
            reasonName = LsRjtReasons.Table.NameOf(reason);
            explanationName = LsRjtExplanations.Table.NameOf(explanation);
        }
        var e = Assert.ThrowsAny<FcRejectReplyException>(() => c.Parse(reject));
        Assert.IsType(c.Family == Family.Ct ? typeof(CtRejectedException) : typeof(ElsRejectedException), e);
        Assert.Equal((reason, explanation, (byte)0x5A), (e.Reason, e.Explanation, e.VendorUnique));
        Assert.Equal((reasonName, explanationName), (e.ReasonName, e.ExplanationName));
        Assert.DoesNotContain("unknown", reasonName + explanationName);
        Assert.Contains(reasonName, e.Message);
    }

    [Fact]
    public void FcBsg_parsers_never_throw_on_random_input()
    {
        var rng = new Random(42);
        for (var i = 0; i < 500; i++)
        {
            var input = new byte[rng.Next(40)];
            rng.NextBytes(input);
            if (input.Length >= 4 && i % 2 == 0) BitConverter.GetBytes(i % 3 == 0 ? 0x800000FFu : 0x80000004u).CopyTo(input, 0);
            FcBsgRequest.Parse(input);
            FcBsgReply.Parse(input, rng.Next(-4, 100));
        }
    }
}
