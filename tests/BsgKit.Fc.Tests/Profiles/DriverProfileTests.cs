using BsgKit.Fc.Clients;
using BsgKit.Fc.Codes;
using BsgKit.Fc.Ct;
using BsgKit.Fc.Ct.NameServer;
using BsgKit.Fc.FcBsg;
using BsgKit.Fc.Profiles;
using BsgKit.Fc.Tests.Support;

namespace BsgKit.Fc.Tests.Profiles;

public class DriverProfileTests
{
    // GPN_ID for 0x010203 with a 24-byte response buffer: ct_mr_size (24 − 16) / 4 = 2 words.
    // CT_IU words: 0x01000000 (rev 1), 0xFC020000 (directory / name server), 0x01120002 (GPN_ID, 2 words).

    [Theory]
    [InlineData("fcoe", "libfc")]
    [InlineData("bnx2fc", "libfc")]
    [InlineData("qedf", "libfc")]
    [InlineData("lpfc", "lpfc")]
    [InlineData("qla2xxx", "qla2xxx")]
    [InlineData("zfcp", "zfcp")]
    [InlineData("ibmvfc", "ibmvfc")]
    [InlineData("bfa", "bfa")]
    [InlineData("fnic", "fnic")]
    [InlineData("mystery", "unknown")]
    [InlineData(null, "unknown")]
    public void Detects_the_profile_from_proc_name(string? procName, string expected)
    {
        var profile = FcDriverProfiles.ForDriver(procName);
        Assert.Equal(expected, profile.Name);
        Assert.Equal(procName, profile.DriverName);
    }

    [Fact]
    public void Profiles_can_be_chosen_by_name_and_every_quirk_overridden()
    {
        Assert.Equal("qla2xxx", FcDriverProfiles.ByName("QLA2XXX").Name);
        Assert.Throws<ArgumentException>(() => FcDriverProfiles.ByName("nope"));
        var custom = FcDriverProfiles.Qla2xxx with { HostCtPortIdOrder = PortIdOrder.BigEndian, NameServerMaxEntries = 4096 };
        Assert.Equal(PortIdOrder.BigEndian, custom.HostCtPortIdOrder);
        Assert.Equal(16 + 4096 * 4, custom.ListResponseBytes(4, 1 << 20));
        Assert.Equal(16 + 2048 * 4, FcDriverProfiles.Qla2xxx.ListResponseBytes(4, 1 << 20));
        Assert.Equal(60 * 4096, FcDriverProfiles.Lpfc.ListResponseBytes(16, 1 << 20));
        Assert.Equal(4096, FcDriverProfiles.Zfcp.ListResponseBytes(16, 1 << 20));
    }

    [Fact]
    public async Task Qla2xxx_sends_HST_CT_with_reversed_port_id_and_integer_preamble_word1_at_offset_12()
    {
        var rig = new Rig(style: ReplyStyle.QlogicComplete);
        using var host = rig.Host("qla2xxx");
        await host.GpnIdAsync(new FcId(0x010000 + (1 << 8)));
        var sent = Assert.Single(rig.Transport.SentList);
        Assert.Equal("/dev/bsg/fc_host1", sent.Path);
        Assert.Equal(new byte[]
        {
            0x04, 0x00, 0x00, 0x80,        // HST_CT, host-endian
            0x00, 0xFC, 0xFF, 0xFF,        // reserved, port_id 0xFFFFFC reversed (AL_PA first)
            0x00, 0x00, 0x00, 0x01,        // word0 0x01000000 as a host integer
            0x00, 0x00, 0x02, 0xFC,        // word1 0xFC020000: qla2xxx reads GS_Type 0xFC from here
            0x02, 0x00, 0x12, 0x01,        // word2 0x01120002
        }, sent.Request);
        Assert.Equal(0xFC, sent.Dout[4]);
    }

    [Fact]
    public async Task Zfcp_puts_preamble_word1_at_offset_8_even_for_HST_CT()
    {
        var rig = new Rig(style: ReplyStyle.FullLength);
        using var host = rig.Host("zfcp");
        await host.GpnIdAsync(new FcId(0x010100));
        var sent = Assert.Single(rig.Transport.SentList);
        Assert.Equal(new byte[]
        {
            0x04, 0x00, 0x00, 0x80,
            0x00, 0xFF, 0xFF, 0xFC,        // UAPI port_id order (zfcp ignores it and uses GS_Type)
            0x00, 0x00, 0x02, 0xFC,        // r_ct.preamble_word1 position: GS_Type 0xFC
            0x02, 0x00, 0x12, 0x01,        // word2
            0x00, 0x00, 0x00, 0x00,
        }, sent.Request);
    }

    [Fact]
    public async Task Libfc_sends_UAPI_h_ct_to_the_name_server()
    {
        var rig = new Rig();
        using var host = rig.Host("fcoe");
        await host.GpnIdAsync(new FcId(0x010100));
        var sent = Assert.Single(rig.Transport.SentList);
        Assert.Equal(new byte[]
        {
            0x04, 0x00, 0x00, 0x80,
            0x00, 0xFF, 0xFF, 0xFC,
            0x00, 0x00, 0x00, 0x01,
            0x00, 0x00, 0x02, 0xFC,
            0x02, 0x00, 0x12, 0x01,
        }, sent.Request);
    }

    [Fact]
    public async Task Lpfc_sends_name_server_CT_as_RPT_CT_on_the_0xFFFFFC_rport()
    {
        var rig = new Rig();
        using var host = rig.Host("lpfc");
        await host.GpnIdAsync(new FcId(0x010100));
        var sent = Assert.Single(rig.Transport.SentList);
        Assert.Equal("/dev/bsg/rport-1:0-0", sent.Path);
        Assert.Equal(new byte[]
        {
            0x02, 0x00, 0x00, 0x40,        // RPT_CT
            0x00, 0x00, 0x00, 0x01,        // r_ct.preamble_word0 @4
            0x00, 0x00, 0x02, 0xFC,        // word1 @8
            0x02, 0x00, 0x12, 0x01,        // word2 @12
            0x00, 0x00, 0x00, 0x00,
        }, sent.Request);
    }

    [Fact]
    public async Task Lpfc_without_a_name_server_rport_refuses_with_a_clear_message()
    {
        var rig = new Rig();
        using var host = FcHostClient.Open(FakeFcTransport.Catalog("lpfc", true, ("rport-1:0-1", 0x010203)), 1,
            new FcClientOptions { Transport = rig.Transport });
        var e = await Assert.ThrowsAsync<FcNotSupportedException>(() => host.GpnIdAsync(new FcId(0x010100)).AsTask());
        Assert.Contains("0xfffffc", e.Message + e.Hint);
        Assert.Empty(rig.Transport.SentList);
    }

    [Fact]
    public async Task Ibmvfc_serializes_requests_per_host()
    {
        var rig = new Rig();
        rig.Transport.DelayMs = 15;
        using var host = rig.Host("ibmvfc");
        using var cancellable = new CancellationTokenSource(); // a cancellable request runs on the thread pool: six at once meet the gate
        var tasks = Enumerable.Range(0, 6).Select(_ => host.GpnIdAsync(new FcId(0x010100), cancellable.Token).AsTask()).ToArray();
        await Task.WhenAll(tasks);
        Assert.Equal(1, rig.Transport.MaxInFlight);
        Assert.All(rig.Transport.SentList, s => Assert.Equal(new byte[] { 0x00, 0xFF, 0xFF, 0xFC }, s.Request[4..8]));
    }

    [Fact]
    public async Task Qla2xxx_sends_HST_ELS_NOLOGIN_with_reversed_port_id()
    {
        var rig = new Rig(style: ReplyStyle.QlogicComplete);
        using var host = rig.Host("qla2xxx");
        await host.RlsAsync(new FcId(0x010203), new FcId(0x010203));
        var sent = Assert.Single(rig.Transport.SentList);
        Assert.Equal(new byte[] { 0x03, 0x00, 0x00, 0x80, ElsCommands.Rls, 0x03, 0x02, 0x01 }, sent.Request[..8]);
        Assert.Equal(20, sent.Request.Length);
        Assert.Equal(ElsCommands.Rls, sent.Dout[0]);
    }

    [Fact]
    public async Task Lpfc_sends_ELS_to_an_FC_ID_as_RPT_ELS_through_its_rport()
    {
        var rig = new Rig();
        using var host = rig.Host("lpfc");
        await host.RlsAsync(new FcId(0x010203), new FcId(0x010203));
        var sent = Assert.Single(rig.Transport.SentList);
        Assert.Equal("/dev/bsg/rport-1:0-1", sent.Path);
        Assert.Equal(new byte[] { 0x01, 0x00, 0x00, 0x40, ElsCommands.Rls, 0, 0, 0 }, sent.Request[..8]);
    }

    [Fact]
    public async Task Bfa_and_fnic_say_the_driver_cannot_be_used()
    {
        var rig = new Rig();
        using var bfa = rig.Host("bfa");
        var e = await Assert.ThrowsAsync<FcNotSupportedException>(() => bfa.GpnIdAsync(new FcId(0x010100)).AsTask());
        Assert.Contains("proprietary", e.Message);
        var f = Assert.Throws<FcNotSupportedException>(() =>
            FcHostClient.Open(FakeFcTransport.Catalog("fnic", hostHasNode: false), 1, new FcClientOptions { Transport = rig.Transport }));
        Assert.Contains("no bsg handler", f.Message);
        Assert.Empty(rig.Transport.SentList);
    }

    [Fact]
    public async Task Qla2xxx_refuses_HST_CT_to_a_GS_type_it_EINVALs_and_RPT_CT_on_an_rport()
    {
        var rig = new Rig();
        using var host = rig.Host("qla2xxx");
        var ct = new byte[16];
        new CtIuHeader(1, 0, GsTypes.Time, 0x01, 0, 0x0100, 1, 0, 0, 0, 0).Write(ct);
        await Assert.ThrowsAsync<FcNotSupportedException>(() => host.SendCtAsync(ct, 64));
        using var rport = host.OpenRemotePort(new FcId(0x010203));
        var e = await Assert.ThrowsAsync<FcNotSupportedException>(() => rport.GpnIdAsync(new FcId(0x010100)).AsTask());
        Assert.Contains("RPT_CT", e.Message);
        Assert.Empty(rig.Transport.SentList);
    }

    [Fact]
    public async Task Name_server_lists_are_sized_for_the_driver_cap()
    {
        var rig = new Rig(style: ReplyStyle.QlogicComplete);
        using (var qla = rig.Host("qla2xxx"))
        {
            await qla.GidFtAsync(new NsFc4TypeScope(Fc4Types.Fcp));
            await qla.GpnFtAsync(new NsFc4TypeScope(Fc4Types.Fcp));
        }
        var zrig = new Rig(style: ReplyStyle.FullLength);
        using (var zfcp = zrig.Host("zfcp")) await zfcp.GpnFtAsync(new NsFc4TypeScope(Fc4Types.Fcp));
        var sent = rig.Transport.SentList;
        Assert.Equal(16 + 2048 * 4, sent[0].DinLength);
        Assert.Equal(16 + 2048 * 16, sent[1].DinLength);
        // ct_mr_size is in words, excluding the header (fcnsq's byte count is the known bug).
        Assert.Equal(2048, CtIuHeader.Read(sent[0].Dout).MaxOrResidualWords);
        Assert.Equal(4096, zrig.Transport.SentList[0].DinLength);
    }
}
