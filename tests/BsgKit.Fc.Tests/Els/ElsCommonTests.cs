using BsgKit.Fc.Codes;
using BsgKit.Fc.Els;
using BsgKit.Fc.Wire;

namespace BsgKit.Fc.Tests.Els;

public class ElsCommonTests
{
    [Theory]
    [InlineData(0x01, "LS_RJT")]
    [InlineData(0x02, "LS_ACC")]
    [InlineData(0x0F, "RLS")]
    [InlineData(0x18, "RDP")]
    [InlineData(0x56, "RPS")]
    [InlineData(0x57, "RPL")]
    [InlineData(0x78, "RNID")]
    [InlineData(0x7D, "RPSC")]
    [InlineData(0x81, "LCB")]
    [InlineData(0x90, "AUTH_ELS")]
    public void Command_table_names_codes(byte code, string name)
    {
        Assert.Equal(name, ElsCommands.Table.NameOf(code));
        Assert.True(ElsCommands.Table.TryGetCode(name, out var back));
        Assert.Equal(code, back);
    }

    [Fact]
    public void Command_table_holds_every_code_of_the_reference()
    {
        // 64 codes in docs/reference/fc-els.md §1 plus lpfc's LCB.
        var count = 0;
        foreach (var _ in ElsCommands.Table.Entries) count++;
        Assert.Equal(65, count);
        Assert.Equal("unknown (0x15)", ElsCommands.Table.NameOf(0x15));
    }

    [Theory]
    [InlineData(new byte[] { 0x02, 0, 0, 0 }, ElsReplyKind.Accept)]
    [InlineData(new byte[] { 0x01, 0, 0, 0, 0, 9, 0x2a, 0 }, ElsReplyKind.Reject)]
    [InlineData(new byte[] { 0x00, 0, 0, 0 }, ElsReplyKind.NotAnElsReply)]
    [InlineData(new byte[] { 0x0F, 0, 0, 0 }, ElsReplyKind.NotAnElsReply)]
    [InlineData(new byte[0], ElsReplyKind.NotAnElsReply)]
    public void Classify_reads_byte_0(byte[] payload, ElsReplyKind kind) => Assert.Equal(kind, ElsReply.Classify(payload));

    [Fact]
    public void LsRjt_parses_hand_written_bytes_with_names()
    {
        var bytes = Hex.Bytes("01 | 00 00 00 00 | 09 | 2A | 7E");
        var rjt = LsRjt.Parse(bytes);
        Assert.Equal(0x09, rjt.Reason);
        Assert.Equal("Unable to perform command request", rjt.ReasonName);
        Assert.Equal(0x2A, rjt.Explanation);
        Assert.Equal("Unable to supply requested data", rjt.ExplanationName);
        Assert.Equal(0x7E, rjt.VendorUnique);
        Assert.Contains("Unable to supply requested data", rjt.ToString());
    }

    [Fact]
    public void LsRjt_round_trips()
    {
        var rjt = new LsRjt(LsRjtReasons.CommandNotSupported, LsRjtExplanations.RequestNotSupported, 0x11);
        var bytes = ElsSamples.Build(b => LsRjt.Build(b, rjt));
        Assert.Equal(Hex.Bytes("01 000000 00 0B 2C 11"), bytes);
        Assert.Equal(rjt, LsRjt.Parse(bytes));
        Assert.Equal("Command not supported", rjt.ReasonName);
    }

    [Fact]
    public void LsRjt_names_unknown_codes()
    {
        var rjt = new LsRjt(0x42, 0x99);
        Assert.Equal("unknown (0x42)", rjt.ReasonName);
        Assert.Equal("unknown (0x99)", rjt.ExplanationName);
        Assert.Equal("Vendor unique", new LsRjt(0xFF, 0).ReasonName);
        Assert.Equal("FIP error", LsRjtReasons.Table.NameOf(0x20));
        Assert.Equal("Not a neighbor", LsRjtExplanations.Table.NameOf(0x62));
    }

    [Fact]
    public void LsRjt_from_bsg_reject_data() =>
        Assert.Equal(new LsRjt(0x0B, 0x00, 0x00), LsRjt.FromBsgRejectData(0x0B, 0x00, 0x00));

    public static TheoryData<string> AcceptParsers() => new(HostileParserTests.AcceptParserNames(HostileParserTests.Family.Els));

    [Theory]
    [MemberData(nameof(AcceptParsers))]
    public void Every_accept_parser_rejects_a_non_els_reply(string parser)
    {
        var zeroed = new byte[64]; // IOERR path: ioctl success, untouched buffer
        var e = Assert.Throws<FcWireFormatException>(() => HostileParserTests.Cases[parser].Parse(zeroed));
        Assert.Equal(0, e.Offset);
        Assert.Throws<FcWireFormatException>(() => HostileParserTests.Cases[parser].Parse([]));
    }

    [Fact]
    public void Truncated_ls_rjt_is_a_wire_error_not_a_reject() =>
        Assert.Throws<FcWireFormatException>(() => Rls.ParseAccept(Hex.Bytes("01 00 00 00 00 09")));

    [Fact]
    public void Plain_accepts_round_trip()
    {
        var acc = ElsSamples.Build(b => ElsReply.BuildAccept(b));
        Assert.Equal(Hex.Bytes("02 00 00 00"), acc);
        Lirr.ParseAccept(acc);
        Srl.ParseAccept(acc);
        Logo.ParseAccept(acc);
        Assert.Equal(acc, ElsSamples.Build(b => Lirr.BuildAccept(b)));
        Assert.Equal(acc, ElsSamples.Build(b => Srl.BuildAccept(b)));
        Assert.Equal(acc, ElsSamples.Build(b => Logo.BuildAccept(b)));
        Assert.Throws<FcWireFormatException>(() => Logo.ParseAccept(Hex.Bytes("02 00")));
    }

    [Fact]
    public void Builders_refuse_short_buffers() =>
        Assert.Throws<ArgumentException>(() => Rls.BuildRequest(new byte[7], ElsSamples.Port));

    [Fact]
    public void Request_parsers_check_the_command_code()
    {
        var e = Assert.Throws<FcWireFormatException>(() => Rls.ParseRequest(Hex.Bytes("10 00 00 00 00 01 02 03")));
        Assert.Contains("ECHO", e.Message);
    }
}
