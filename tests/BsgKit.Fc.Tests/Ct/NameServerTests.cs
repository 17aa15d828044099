using BsgKit.Fc.Codes;
using BsgKit.Fc.Ct;
using BsgKit.Fc.Ct.NameServer;
using BsgKit.Fc.Wire;

namespace BsgKit.Fc.Tests.Ct;

public class NameServerTests
{
    private static readonly byte[] AccHeader = [0x01, 0, 0, 0, 0xFC, 0x02, 0, 0, 0x80, 0x02, 0x00, 0x00, 0, 0, 0, 0];

    private static byte[] Acc(params byte[] payload) => [.. AccHeader, .. payload];

    private static byte[] Built(Func<byte[], int> build)
    {
        var buf = new byte[8192];
        return buf[..build(buf)];
    }

    [Fact]
    public void GpnId_hand_written_request_and_accept()
    {
        var req = Built(b => GpnId.BuildRequest(b, new FcId(0x010203)));
        Assert.Equal(new byte[] { 0x01, 0, 0, 0, 0xFC, 0x02, 0, 0, 0x01, 0x12, 0x00, 0x02, 0, 0, 0, 0, 0x00, 0x01, 0x02, 0x03 }, req);
        Assert.Equal(new FcId(0x010203), GpnId.ParseRequest(req));

        var acc = Acc(0x21, 0x00, 0x00, 0x24, 0xFF, 0x12, 0x34, 0x56);
        Assert.Equal(new Wwn(0x21000024FF123456), GpnId.ParseAccept(acc));
        Assert.Equal(acc, Built(b => GpnId.BuildAccept(b, new Wwn(0x21000024FF123456))));
        HostileInput.AssertOnlyWireErrors(acc, a => GpnId.ParseAccept(a));
        HostileInput.AssertOnlyWireErrors(req, a => GpnId.ParseRequest(a));
    }

    [Fact]
    public void GidFt_hand_written_list_with_last_entry_bit()
    {
        var acc = Acc(0x00, 0x01, 0x02, 0x03, 0x00, 0x01, 0x02, 0x04, 0x80, 0x0A, 0x0B, 0x0C, 0xDE, 0xAD, 0xBE, 0xEF);
        var list = GidFt.ParseAccept(acc);
        Assert.Equal(new[] { new FcId(0x010203), new FcId(0x010204), new FcId(0x0A0B0C) }, list.PortIds);
        Assert.True(list.LastEntrySeen);
        Assert.True(list.IsComplete);
        Assert.Equal(acc[..28], Built(b => GidFt.BuildAccept(b, list.PortIds.ToArray())));
        HostileInput.AssertOnlyWireErrors(acc, a => GidFt.ParseAccept(a));
    }

    [Fact]
    public void GidFt_truncated_list_and_partial_entry_are_reported_not_thrown()
    {
        var acc = Acc(0x00, 0x01, 0x02, 0x03, 0x00, 0x01, 0x02);
        acc[10] = 0x00; acc[11] = 0x40; // residual 64 words
        var list = GidFt.ParseAccept(acc);
        Assert.Single(list.PortIds);
        Assert.False(list.LastEntrySeen);
        Assert.Equal(3, list.TrailingBytes);
        Assert.Equal(64, list.ResidualWords);
        Assert.False(list.IsComplete);
    }

    [Fact]
    public void GidFt_request_scope_round_trips()
    {
        var req = Built(b => GidFt.BuildRequest(b, new NsFc4TypeScope(Fc4Types.Fcp, 0x0A, 0x01), 16 + 4 * 100));
        Assert.Equal(new byte[] { 0x01, 0x71, 0x00, 100, 0, 0, 0, 0, 0x00, 0x0A, 0x01, 0x08 }, req[8..]);
        Assert.Equal(new NsFc4TypeScope(8, 0x0A, 1), GidFt.ParseRequest(req));
    }

    [Fact]
    public void GpnFt_hand_written_16_byte_entries()
    {
        var acc = Acc(
            0x00, 0x01, 0x02, 0x03, 0, 0, 0, 0, 0x20, 0x00, 0x00, 0x00, 0xC9, 0x11, 0x22, 0x33,
            0x80, 0x01, 0x02, 0x04, 0, 0, 0, 0, 0x50, 0x06, 0x01, 0x60, 0x3B, 0x20, 0x19, 0x88);
        var list = GpnFt.ParseAccept(acc);
        Assert.Equal(2, list.Entries.Count);
        Assert.Equal(new NsPortNameEntry(new FcId(0x010203), new Wwn(0x20000000C9112233)), list.Entries[0]);
        Assert.Equal(new NsPortNameEntry(new FcId(0x010204), new Wwn(0x500601603B201988)), list.Entries[1]);
        Assert.True(list.LastEntrySeen);
        Assert.Equal(acc, Built(b => GpnFt.BuildAccept(b, list.Entries.ToArray())));
        HostileInput.AssertOnlyWireErrors(acc, a => GpnFt.ParseAccept(a));

        var cut = GpnFt.ParseAccept(acc[..40]);
        Assert.Single(cut.Entries);
        Assert.False(cut.LastEntrySeen);
        Assert.Equal(8, cut.TrailingBytes);
    }

    [Fact]
    public void GnnFt_and_GidPt_and_GidNn_round_trip()
    {
        NsPortNameEntry[] entries = [new(new FcId(1), new Wwn(2)), new(new FcId(3), new Wwn(4))];
        var acc = Built(b => GnnFt.BuildAccept(b, entries));
        Assert.Equal(entries, GnnFt.ParseAccept(acc).Entries);
        Assert.Equal(new NsFc4TypeScope(8), GnnFt.ParseRequest(Built(b => GnnFt.BuildRequest(b, new NsFc4TypeScope(8)))));
        HostileInput.AssertOnlyWireErrors(acc, a => GnnFt.ParseAccept(a));

        FcId[] ids = [new(0x010101), new(0x020202)];
        var pt = Built(b => GidPt.BuildAccept(b, ids));
        Assert.Equal(ids, GidPt.ParseAccept(pt).PortIds);
        Assert.Equal(new NsPortTypeScope(PortTypes.NPort, 1, 2), GidPt.ParseRequest(Built(b => GidPt.BuildRequest(b, new NsPortTypeScope(PortTypes.NPort, 1, 2)))));
        HostileInput.AssertOnlyWireErrors(pt, a => GidPt.ParseAccept(a));

        var nn = Built(b => GidNn.BuildAccept(b, ids));
        Assert.Equal(ids, GidNn.ParseAccept(nn).PortIds);
        Assert.Equal(new Wwn(9), GidNn.ParseRequest(Built(b => GidNn.BuildRequest(b, new Wwn(9)))));
        HostileInput.AssertOnlyWireErrors(nn, a => GidNn.ParseAccept(a));
    }

    [Fact]
    public void GaNxt_hand_written_offsets()
    {
        var payload = new byte[620];
        payload[0] = 0x01;                                  // N_Port
        payload[1] = 0x01; payload[2] = 0x02; payload[3] = 0x03;
        new byte[] { 0x21, 0, 0, 0x24, 0xFF, 1, 2, 3 }.CopyTo(payload, 4);
        payload[12] = 3; "abc"u8.ToArray().CopyTo(payload, 13);
        new byte[] { 0x20, 0, 0, 0x24, 0xFF, 1, 2, 3 }.CopyTo(payload, 268);
        payload[276] = 2; "nn"u8.ToArray().CopyTo(payload, 277);
        payload[559] = 0x08;                                // class 3
        payload[562] = 0x01;                                // FCP: word 0 = 0x00000100
        new byte[] { 0x20, 0x01, 0, 0x05, 0x1E, 0, 0, 0x01 }.CopyTo(payload, 608);
        payload[617] = 0x00; payload[618] = 0x00; payload[619] = 0xEF;
        var acc = Acc(payload);

        var e = GaNxt.ParseAccept(acc);
        Assert.Equal("N_Port", e.PortTypeName);
        Assert.Equal(new FcId(0x010203), e.PortId);
        Assert.Equal(new Wwn(0x21000024FF010203), e.PortName);
        Assert.Equal("abc", e.SymbolicPortName);
        Assert.Equal(new Wwn(0x20000024FF010203), e.NodeName);
        Assert.Equal("nn", e.SymbolicNodeName);
        Assert.Equal("Class 3", e.ClassOfServiceNames);
        Assert.True(e.Fc4Types.Contains(Fc4Types.Fcp));
        Assert.Equal(new Wwn(0x200100051E000001), e.FabricPortName);
        Assert.Equal(new FcId(0xEF), e.HardAddress);
        Assert.Equal(acc, Built(b => GaNxt.BuildAccept(b, e)));
        HostileInput.AssertOnlyWireErrors(acc, a => GaNxt.ParseAccept(a), randomCount: 200);
    }

    [Fact]
    public void GffId_hand_written_fcp_target()
    {
        var payload = new byte[128];
        payload[7] = 0x01;  // FCP target
        payload[23] = 0x02; // NVMe initiator
        var acc = Acc(payload);
        var ff = GffId.ParseAccept(acc);
        Assert.True(ff.IsFcpTarget);
        Assert.Equal(Fc4Features.FcpInitiator, ff.FeaturesOf(Fc4Types.Nvme));
        Assert.Equal(acc, Built(b => GffId.BuildAccept(b, ff)));
        HostileInput.AssertOnlyWireErrors(acc, a => GffId.ParseAccept(a));
    }

    [Fact]
    public void GftId_hand_written_fcp_bitmap()
    {
        var payload = new byte[32];
        payload[2] = 0x01; // word 0 = 0x00000100 → FCP
        var acc = Acc(payload);
        var types = GftId.ParseAccept(acc);
        Assert.Equal(new byte[] { 0x08 }, types.Types);
        Assert.Equal("FCP (SCSI)", types.ToString());
        Assert.Equal(acc, Built(b => GftId.BuildAccept(b, types)));
        HostileInput.AssertOnlyWireErrors(acc, a => GftId.ParseAccept(a));
    }

    [Fact]
    public void Port_id_queries_round_trip()
    {
        var port = new FcId(0x0A0B0C);
        Assert.Equal(port, GnnId.ParseRequest(Built(b => GnnId.BuildRequest(b, port))));
        Assert.Equal(new Wwn(5), GnnId.ParseAccept(Built(b => GnnId.BuildAccept(b, new Wwn(5)))));
        Assert.Equal(new Wwn(6), GfpnId.ParseAccept(Built(b => GfpnId.BuildAccept(b, new Wwn(6)))));
        Assert.Equal(port, GfpnId.ParseRequest(Built(b => GfpnId.BuildRequest(b, port))));
        Assert.Equal(ClassOfService.Class3, GcsId.ParseAccept(Built(b => GcsId.BuildAccept(b, ClassOfService.Class3))));
        Assert.Equal(port, GcsId.ParseRequest(Built(b => GcsId.BuildRequest(b, port))));
        Assert.Equal(PortTypes.NxPort, GptId.ParseAccept(Built(b => GptId.BuildAccept(b, PortTypes.NxPort))));
        Assert.Equal(port, GptId.ParseRequest(Built(b => GptId.BuildRequest(b, port))));
        Assert.Equal(port, GftId.ParseRequest(Built(b => GftId.BuildRequest(b, port))));
        Assert.Equal(port, GffId.ParseRequest(Built(b => GffId.BuildRequest(b, port))));
        Assert.Equal(port, GaNxt.ParseRequest(Built(b => GaNxt.BuildRequest(b, port))));
        Assert.Equal(port, GspnId.ParseRequest(Built(b => GspnId.BuildRequest(b, port))));

        var spn = Built(b => GspnId.BuildAccept(b, "QLE2742 FW:v9.08.02 DVR:v10.02.09.200-k"));
        Assert.Equal(0, spn.Length % 4);
        Assert.Equal("QLE2742 FW:v9.08.02 DVR:v10.02.09.200-k", GspnId.ParseAccept(spn));
        HostileInput.AssertOnlyWireErrors(spn, a => GspnId.ParseAccept(a));

        Assert.Equal(port, GidPn.ParseAccept(Built(b => GidPn.BuildAccept(b, port))));
        Assert.Equal(new Wwn(7), GidPn.ParseRequest(Built(b => GidPn.BuildRequest(b, new Wwn(7)))));
        Assert.Equal("node", GsnnNn.ParseAccept(Built(b => GsnnNn.BuildAccept(b, "node"))));
        Assert.Equal(new Wwn(8), GsnnNn.ParseRequest(Built(b => GsnnNn.BuildRequest(b, new Wwn(8)))));
        Assert.Throws<ArgumentException>(() => GspnId.BuildAccept(new byte[512], new string('x', 256)));
        Assert.Throws<ArgumentException>(() => GpnId.BuildRequest(new byte[19], port));
    }

    [Fact]
    public void Registrations_round_trip_with_hand_checked_offsets()
    {
        var port = new FcId(0x010203);
        var rft = Built(b => RftId.BuildRequest(b, port, Fc4TypeSet.Of(Fc4Types.Fcp)));
        Assert.Equal(52, rft.Length);
        Assert.Equal(0x01, rft[16 + 4 + 2]);
        Assert.Equal((port, Fc4TypeSet.Of(Fc4Types.Fcp)), RftId.ParseRequest(rft));

        var rff = Built(b => RffId.BuildRequest(b, port, Fc4Types.Fcp, Fc4Features.FcpInitiator));
        Assert.Equal(new byte[] { 0, 1, 2, 3, 0, 0, 0x02, 0x08 }, rff[16..]);
        Assert.Equal((port, (byte)8, (byte)2), RffId.ParseRequest(rff));

        var rspn = Built(b => RspnId.BuildRequest(b, port, "host1"));
        Assert.Equal(5, rspn[20]);
        Assert.Equal((port, "host1"), RspnId.ParseRequest(rspn));
        HostileInput.AssertOnlyWireErrors(rspn, a => RspnId.ParseRequest(a));

        var rsnn = Built(b => RsnnNn.BuildRequest(b, new Wwn(0x20), "node"));
        Assert.Equal(4, rsnn[24]);
        Assert.Equal((new Wwn(0x20), "node"), RsnnNn.ParseRequest(rsnn));

        Assert.Equal((port, new Wwn(1)), RnnId.ParseRequest(Built(b => RnnId.BuildRequest(b, port, new Wwn(1)))));
        Assert.Equal((port, new Wwn(2)), RpnId.ParseRequest(Built(b => RpnId.BuildRequest(b, port, new Wwn(2)))));
        Assert.Equal(port, DaId.ParseRequest(Built(b => DaId.BuildRequest(b, port))));

        var acc = Built(b => RftId.BuildAccept(b));
        Assert.Equal(AccHeader, acc);
        Assert.True(RftId.ParseAccept(acc).IsAccept);
        Assert.True(RffId.ParseAccept(Built(b => RffId.BuildAccept(b))).IsAccept);
        Assert.True(RspnId.ParseAccept(Built(b => RspnId.BuildAccept(b))).IsAccept);
        Assert.True(RsnnNn.ParseAccept(Built(b => RsnnNn.BuildAccept(b))).IsAccept);
        Assert.True(RnnId.ParseAccept(Built(b => RnnId.BuildAccept(b))).IsAccept);
        Assert.True(RpnId.ParseAccept(Built(b => RpnId.BuildAccept(b))).IsAccept);
        Assert.True(DaId.ParseAccept(Built(b => DaId.BuildAccept(b))).IsAccept);
        Assert.Throws<FcWireFormatException>(() => DaId.ParseAccept(acc[..15]));
    }
}
