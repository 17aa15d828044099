using BsgKit.Fc.Codes;
using BsgKit.Fc.Ct;
using BsgKit.Fc.Ct.NameServer;
using BsgKit.Fc.Wire;

namespace BsgKit.Fc.Tests.Ct;

public class CtIuHeaderTests
{
    [Fact]
    public void Parses_a_hand_written_reject()
    {
        // rev 1, IN_ID 0, GS 0xFC/0x02, FS_RJT 0x8001, residual 0, reason 0x09, explanation 0x07.
        byte[] rjt = [0x01, 0, 0, 0, 0xFC, 0x02, 0, 0, 0x80, 0x01, 0x00, 0x00, 0x00, 0x09, 0x07, 0x00];
        var resp = CtIu.ParseResponse(rjt);
        Assert.Equal(CtResponseKind.Reject, resp.Kind);
        Assert.Equal("Unable to perform command request", resp.ReasonName);
        Assert.Equal("FC-4 Types not registered", resp.ExplanationName);
        var ex = Assert.Throws<CtRejectedException>(() => GpnId.ParseAccept(rjt));
        Assert.Equal(0x09, ex.Reason);
        Assert.Equal(0x07, ex.Explanation);
    }

    [Fact]
    public void Accept_is_0x8002_and_reject_is_0x8001()
    {
        Assert.Equal(0x8002, CtResponseCodes.Accept);
        Assert.Equal(0x8001, CtResponseCodes.Reject);
        byte[] acc = [0x01, 0, 0, 0, 0xFA, 0x01, 0, 0, 0x80, 0x02, 0x00, 0x03, 0, 0, 0, 0];
        var resp = CtIu.ParseResponse(acc);
        Assert.Equal(CtResponseKind.Accept, resp.Kind);
        Assert.Equal(3, resp.ResidualWords);
        Assert.Null(resp.ReasonName);
    }

    [Fact]
    public void Neither_accept_nor_reject_is_non_conforming()
    {
        byte[] odd = [0x01, 0, 0, 0, 0xFC, 0x02, 0, 0, 0x01, 0x12, 0, 0, 0, 0, 0, 0];
        Assert.Equal(CtResponseKind.NonConforming, CtIu.ParseResponse(odd).Kind);
        Assert.Throws<FcWireFormatException>(() => GpnId.ParseAccept(odd));
    }

    [Fact]
    public void Zone_server_rejects_use_the_zone_explanation_table()
    {
        var buf = new byte[16];
        CtIu.BuildReject(buf, CtServer.ZoneServer, CtRejectReasons.UnableToPerform, 0x11);
        Assert.Equal("No zone set active", CtIu.ParseResponse(buf).ExplanationName);
        CtIu.BuildReject(buf, CtServer.NameServer, CtRejectReasons.UnableToPerform, 0x11);
        Assert.Equal("Unacceptable Port ID", CtIu.ParseResponse(buf).ExplanationName);
    }

    [Fact]
    public void Header_round_trips_every_field()
    {
        var h = new CtIuHeader(3, 0xABCDEF, 0xFA, 0x10, 0x40, 0x0211, 0x1234, 7, 8, 9, 10);
        var buf = new byte[16];
        h.Write(buf);
        Assert.Equal(new byte[] { 3, 0xAB, 0xCD, 0xEF, 0xFA, 0x10, 0x40, 0, 0x02, 0x11, 0x12, 0x34, 7, 8, 9, 10 }, buf);
        Assert.Equal(h, CtIuHeader.Read(buf));
        Assert.Throws<FcWireFormatException>(() => CtIuHeader.Read(buf.AsSpan(0, 15)));
    }

    [Fact]
    public void Max_size_is_in_words_excluding_the_header_not_bytes()
    {
        // fcnsq wrote htons(sizeof(resp)) = bytes; a 16 + 8 byte GPN_ID response is 2 words.
        Assert.Equal(2, CtIuHeader.MaxSizeWordsFor(24));
        Assert.Equal(0, CtIuHeader.MaxSizeWordsFor(16));
        Assert.Equal(0, CtIuHeader.MaxSizeWordsFor(3));
        Assert.Equal(0xFFFF, CtIuHeader.MaxSizeWordsFor(int.MaxValue));
        Assert.Equal(24, CtIuHeader.ResponseBytesFor(2));

        var req = new byte[20];
        GpnId.BuildRequest(req, new FcId(0x010203), maxResponseBytes: 24);
        Assert.Equal(new byte[] { 0x00, 0x02 }, req[10..12]); // not 0x0018 (fcnsq's byte count)
        GaNxt.BuildRequest(req, new FcId(0));
        Assert.Equal(new byte[] { 0x00, 155 }, req[10..12]); // 620 / 4
    }

    [Fact]
    public void Request_with_the_wrong_command_code_is_a_wire_error()
    {
        var req = new byte[20];
        GnnId.BuildRequest(req, new FcId(1));
        Assert.Throws<FcWireFormatException>(() => GpnId.ParseRequest(req));
    }

    [Fact]
    public void Code_tables_have_names()
    {
        Assert.Equal("Directory service / Name server", GsTypes.DescribeServer(0xFC, 0x02));
        Assert.Equal("Management service / FDMI", CtServer.Fdmi.ToString());
        Assert.Equal(FcId.ManagementServer, CtServer.ZoneServer.WellKnownAddress);
        Assert.Equal("GPN_FT", GsNameServerCommands.Table.NameOf(0x0172));
        Assert.Equal("FPNG", GsConfigServerCommands.Table.NameOf(0x0401));
        Assert.Equal("GAZS", GsZoneServerCommands.Table.NameOf(0x0115));
        Assert.Equal("RPA", GsFdmiCodes.Commands.NameOf(0x211));
        Assert.Equal("F_Port", PortTypes.Table.NameOf(0x81));
        Assert.Equal("8 Gbit, 16 Gbit, 32 Gbit", PortSpeeds.DescribeLink(0x0E00));
        Assert.Equal("8 Gbit, 16 Gbit, 32 Gbit", PortSpeeds.DescribeHbaApi(0x70));
        Assert.Equal("64 Gbit", PortSpeeds.HbaApi.Find(0x400));
        Assert.Equal("Class 2, Class 3", ClassOfService.Table.Describe(0x0C));
        Assert.Equal("unknown (0x4000)", PortSpeeds.HbaApi.NamesOf(0x4000)[0]);
    }

    [Fact]
    public void Fc4_bitmaps_follow_the_fact_sheet_positions()
    {
        var types = Fc4TypeSet.Of(Fc4Types.Fcp, Fc4Types.Nvme);
        Assert.Equal(0x00000100u, types.Word(0));
        Assert.Equal(0x00000100u, types.Word(1)); // 0x28 = 40 → word 1 bit 8
        Assert.True(types.Contains(Fc4Types.Fcp));
        Assert.False(types.IsFicon);
        Assert.True(Fc4TypeSet.Of(0x1B, 0x1C).IsFicon);

        var ff = Fc4FeatureSet.Of((Fc4Types.Fcp, Fc4Features.FcpInitiator), (Fc4Types.Nvme, Fc4Features.FcpTarget));
        var bytes = new byte[128];
        ff.Write(bytes);
        Assert.Equal(0x02, bytes[7]);
        Assert.Equal(0x01, bytes[23]);
        Assert.True(ff.IsFcpInitiator);
        Assert.False(ff.IsFcpTarget);
    }
}
