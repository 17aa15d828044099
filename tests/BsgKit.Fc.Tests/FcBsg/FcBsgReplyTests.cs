using BsgKit.Fc.FcBsg;

namespace BsgKit.Fc.Tests.FcBsg;

public class FcBsgReplyTests
{
    // Little-endian host: result -5 (EIO), rcv_len 0x120, status REJECT, rjt 00 09 12 00, fw_status 6, 7, 8.
    private static readonly byte[] Qla28 =
    [
        0xFB, 0xFF, 0xFF, 0xFF, 0x20, 0x01, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00, 0x09, 0x12, 0x00,
        0x06, 0x00, 0x00, 0x00, 0x07, 0x00, 0x00, 0x00, 0x08, 0x00, 0x00, 0x00,
    ];

    [Fact]
    public void Parse_response_len_0_reads_nothing()
    {
        var r = FcBsgReply.Parse(Qla28, 0);
        Assert.True(r.IsEmpty);
        Assert.Null(r.Result);
        Assert.Null(r.Status);
    }

    [Fact]
    public void Parse_response_len_4_reads_only_result()
    {
        var r = FcBsgReply.Parse(Qla28, 4);
        Assert.Equal(-5, r.Result);
        Assert.Null(r.ReceivedPayloadLength);
        Assert.Null(r.RejectData);
    }

    [Fact]
    public void Parse_response_len_16_reads_status_and_reject_data()
    {
        var r = FcBsgReply.Parse(Qla28, 16);
        Assert.Equal(0x120u, r.ReceivedPayloadLength);
        Assert.Equal(FcCtelsStatus.Reject, r.Status);
        Assert.Equal("FC_CTELS_STATUS_REJECT", r.StatusName);
        Assert.Equal(new FcBsgRejectData(0, 0x09, 0x12, 0), r.RejectData);
        Assert.Null(r.FirmwareStatus);
    }

    [Fact]
    public void Parse_response_len_28_reads_qla2xxx_fw_status()
    {
        var r = FcBsgReply.Parse(Qla28, 28);
        Assert.Equal(new uint[] { 6, 7, 8 }, r.FirmwareStatus);
    }

    [Fact]
    public void Parse_never_reads_past_the_buffer_even_if_response_len_lies()
    {
        var r = FcBsgReply.Parse(Qla28.AsSpan(0, 10), 96);
        Assert.Equal(10, r.Length);
        Assert.Null(r.Status);
        for (var n = -1; n <= 40; n++) FcBsgReply.Parse(Qla28, n);
    }

    [Fact]
    public void Build_round_trips_and_vendor_words_start_at_8()
    {
        var buf = new byte[28];
        Assert.Equal(16, FcBsgReply.Build(buf, 0, 24, FcCtelsStatus.PRjt, new FcBsgRejectData(1, 2, 3, 4)));
        var r = FcBsgReply.Parse(buf, 16);
        Assert.Equal(FcCtelsStatus.PRjt, r.Status);
        Assert.Equal(new FcBsgRejectData(1, 2, 3, 4), r.RejectData);

        Assert.Equal(28, FcBsgReply.BuildQlogicExtended(buf, -5, 0x120, FcCtelsStatus.Reject, 6, 7, 8));
        Assert.Equal(new uint[] { 6, 7, 8 }, FcBsgReply.Parse(buf, 28).FirmwareStatus);

        var n = FcBsgReply.BuildVendor(buf, 0, 4, [0xAAu, 0xBBu]);
        Assert.Equal(16, n);
        Assert.Equal(new uint[] { 0xAA, 0xBB }, FcBsgReply.Parse(buf, n).VendorResponse);
    }
}
