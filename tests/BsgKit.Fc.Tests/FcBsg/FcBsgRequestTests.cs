using BsgKit.Fc.Ct;
using BsgKit.Fc.FcBsg;

namespace BsgKit.Fc.Tests.FcBsg;

public class FcBsgRequestTests
{
    // Expected bytes below are written for a little-endian host (x86/arm64 test machines).
    private static void RequireLittleEndian() => Assert.True(BitConverter.IsLittleEndian, "vectors are little-endian host order");

    [Fact]
    public void AddRport_writes_msgcode_and_big_endian_port_id_in_a_full_20_byte_request()
    {
        RequireLittleEndian();
        var buf = new byte[32];
        Array.Fill(buf, (byte)0xEE);
        var n = FcBsgRequest.BuildAddRport(buf, new FcId(0x010203));
        Assert.Equal(20, n);
        Assert.Equal(new byte[] { 0x01, 0x00, 0x00, 0x80, 0x00, 0x01, 0x02, 0x03, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 }, buf[..20]);
        Assert.Equal(0xEE, buf[20]); // nothing written past the request
    }

    [Fact]
    public void DelRport_msgcode_is_0x80000002()
    {
        var buf = new byte[20];
        FcBsgRequest.BuildDelRport(buf, new FcId(0xABCDEF));
        Assert.Equal(new byte[] { 0x02, 0x00, 0x00, 0x80, 0x00, 0xAB, 0xCD, 0xEF }, buf[..8]);
    }

    [Fact]
    public void ElsNoLogin_puts_command_at_4_and_port_at_5_with_optional_qla2xxx_reversal()
    {
        var buf = new byte[20];
        Assert.Equal(20, FcBsgRequest.BuildHostElsNoLogin(buf, 0x52, new FcId(0x0A0B0C)));
        Assert.Equal(new byte[] { 0x03, 0x00, 0x00, 0x80, 0x52, 0x0A, 0x0B, 0x0C }, buf[..8]);
        Assert.All(buf[8..], b => Assert.Equal(0, b));

        FcBsgRequest.BuildHostElsNoLogin(buf, 0x52, new FcId(0x0A0B0C), PortIdOrder.Reversed);
        Assert.Equal(new byte[] { 0x0C, 0x0B, 0x0A }, buf[5..8]);
        Assert.Equal(new FcId(0x0A0B0C), FcBsgRequest.Parse(buf).PortId(PortIdOrder.Reversed));
    }

    [Fact]
    public void HostCt_places_port_and_three_host_endian_preamble_words()
    {
        var buf = new byte[20];
        var n = FcBsgRequest.BuildHostCt(buf, FcId.DirectoryServer, new CtPreambleWords(0x01000000, 0xFC020000, 0x01120002));
        Assert.Equal(20, n);
        Assert.Equal(new byte[]
        {
            0x04, 0x00, 0x00, 0x80,       // msgcode HST_CT
            0x00, 0xFF, 0xFF, 0xFC,       // reserved, port_id
            0x00, 0x00, 0x00, 0x01,       // word0 @8
            0x00, 0x00, 0x02, 0xFC,       // word1 @12: qla2xxx sees GS_Type 0xFC in bits 31:24
            0x02, 0x00, 0x12, 0x01,       // word2 @16
        }, buf);
    }

    [Fact]
    public void Vendor_is_12_plus_4n_with_unaligned_vendor_id()
    {
        var buf = new byte[24];
        var n = FcBsgRequest.BuildVendor(buf, VendorId.QLogic, [0x11223344u, 5u]);
        Assert.Equal(20, n);
        Assert.Equal(new byte[] { 0xFF, 0x00, 0x00, 0x80, 0x77, 0x10, 0, 0, 0, 0, 0, 0x01, 0x44, 0x33, 0x22, 0x11, 5, 0, 0, 0 }, buf[..20]);
        Assert.Equal(12, FcBsgRequest.BuildVendor(buf, VendorId.Emulex, []));
        Assert.Equal(new byte[] { 0xDF, 0x10, 0, 0, 0, 0, 0, 0x01 }, buf[4..12]);
    }

    [Fact]
    public void RportEls_and_RportCt_layouts()
    {
        var buf = new byte[20];
        Assert.Equal(20, FcBsgRequest.BuildRportEls(buf, 0x0F));
        Assert.Equal(new byte[] { 0x01, 0x00, 0x00, 0x40, 0x0F, 0, 0, 0 }, buf[..8]);

        Assert.Equal(20, FcBsgRequest.BuildRportCt(buf, new CtPreambleWords(1, 0xFA010000, 3)));
        Assert.Equal(new byte[] { 0x02, 0x00, 0x00, 0x40, 1, 0, 0, 0, 0x00, 0x00, 0x01, 0xFA, 3, 0, 0, 0, 0, 0, 0, 0 }, buf);
    }

    [Fact]
    public void Preamble_integer_encoding_is_the_big_endian_read_of_the_ct_header_and_raw_is_memcpy()
    {
        var ct = new byte[] { 0x01, 0, 0, 0, 0xFC, 0x02, 0, 0, 0x01, 0x12, 0x00, 0x02, 0, 0, 0, 0 };
        var integer = CtPreambleWords.IntegerEncoding(ct);
        Assert.Equal(new CtPreambleWords(0x01000000, 0xFC020000, 0x01120002), integer);
        Assert.Equal(0xFC, integer.GsTypeAsInteger);

        var raw = CtPreambleWords.RawBytes(ct);
        var req = new byte[20];
        FcBsgRequest.BuildRportCt(req, raw);
        Assert.Equal(ct[..12], req[4..16]); // raw variant carries the wire bytes unchanged
        Assert.Throws<ArgumentException>(() => CtPreambleWords.IntegerEncoding(ct.AsSpan(0, 11)));
    }

    [Fact]
    public void Parse_round_trips_every_msgcode()
    {
        var buf = new byte[32];
        FcBsgRequest.BuildHostCt(buf, new FcId(0x123456), new CtPreambleWords(7, 8, 9));
        var ct = FcBsgRequest.Parse(buf.AsSpan(0, 20));
        Assert.Equal(FcBsgMsgCode.HostCt, ct.MsgCode);
        Assert.Equal(new FcId(0x123456), ct.PortId());
        Assert.Equal(new CtPreambleWords(7, 8, 9), ct.Preamble);
        Assert.Equal(7u, ct.WordAt(8)); // what zfcp reads as r_ct.preamble_word1
        Assert.True(ct.IsComplete);

        FcBsgRequest.BuildRportEls(buf, 0x52);
        Assert.Equal((byte)0x52, FcBsgRequest.Parse(buf.AsSpan(0, 20)).ElsCommand);

        var len = FcBsgRequest.BuildVendor(buf, VendorId.Be2iscsi, [1u, 2u, 3u]);
        var v = FcBsgRequest.Parse(buf.AsSpan(0, len));
        Assert.Equal(0x01000000000019A2UL, v.VendorIdValue);
        Assert.Equal(new uint[] { 1, 2, 3 }, v.VendorCommand);
        Assert.True(VendorId.TryGetPciVendor(v.VendorIdValue!.Value, out var pci));
        Assert.Equal(VendorId.ServerEnginesPci, pci);
    }

    [Fact]
    public void Parse_reports_missing_fields_for_every_length_without_throwing()
    {
        var buf = new byte[20];
        foreach (var build in new Action[]
                 {
                     () => FcBsgRequest.BuildAddRport(buf, new FcId(1)),
                     () => FcBsgRequest.BuildHostElsNoLogin(buf, 3, new FcId(1)),
                     () => FcBsgRequest.BuildHostCt(buf, new FcId(1), default),
                     () => FcBsgRequest.BuildVendor(buf, VendorId.Emulex, [1u, 2u]),
                     () => FcBsgRequest.BuildRportEls(buf, 3),
                     () => FcBsgRequest.BuildRportCt(buf, default),
                 })
        {
            build();
            for (var n = 0; n <= 20; n++)
            {
                var info = FcBsgRequest.Parse(buf.AsSpan(0, n));
                if (n < 4) Assert.Contains("msgcode", info.Missing);
            }
        }
        Assert.Contains("port_id", FcBsgRequest.Parse(new byte[] { 4, 0, 0, 0x80, 0, 1 }).Missing);
        Assert.Contains("h_ct.preamble_word0..2", FcBsgRequest.Parse(new byte[] { 4, 0, 0, 0x80, 0, 1, 2, 3 }).Missing);
        Assert.Null(FcBsgRequest.Parse(new byte[] { 9, 9, 9, 9 }).MsgCode);
    }

    [Fact]
    public void MsgCode_class_helpers_and_names()
    {
        Assert.True(FcBsgMsgCode.HostVendor.IsHost());
        Assert.False(FcBsgMsgCode.HostCt.IsRport());
        Assert.True(FcBsgMsgCode.RportCt.IsRport());
        Assert.Equal("FC_BSG_HST_CT", FcBsgMsgCode.HostCt.NameOf());
        Assert.Equal(16, FcBsgMsgCode.RportCt.NominalLength());
        Assert.Equal(5, FcBsgMsgCode.RportEls.NominalLength());
        Assert.Equal("FC_CTELS_STATUS_F_BSY", FcCtelsStatus.FBsy.NameOf());
    }
}
