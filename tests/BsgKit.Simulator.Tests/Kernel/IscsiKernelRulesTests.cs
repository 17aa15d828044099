using System.Runtime.InteropServices;
using BsgKit.Bsg;
using BsgKit.Iscsi.IscsiBsg;
using BsgKit.Iscsi.Vendor;
using BsgKit.Simulator.Tests.Iscsi;

namespace BsgKit.Simulator.Tests.Kernel;

/// <summary>docs/reference/kernel-rules.md #28–#32: iscsi_bsg_host_dispatch, on both iSCSI personalities.</summary>
public sealed class IscsiKernelRulesTests : IDisposable
{
    private readonly IscsiSimHarness _h = new();
    private const string QlaNode = "iscsi_host5", BeNode = "iscsi_host6";

    public void Dispose() => _h.Dispose();

    private static int ResultWord(BsgTransaction tx) => MemoryMarshal.Read<int>(tx.Reply);

    /// <summary>A correct READ_FLASH of 16 bytes at 0, then cut to <paramref name="requestLength"/> bytes.</summary>
    private BsgTransaction ReadFlash(int requestLength, ulong vendorId = IscsiVendorId.Qla4xxx, uint msgcode = IscsiBsgRequest.HostVendor)
    {
        var tx = _h.Tx(requestLength, 16, 16);
        Span<byte> full = stackalloc byte[20];
        IscsiBsgRequest.Build(full, vendorId, [1, 0]);
        MemoryMarshal.Write(full, in msgcode);
        full[..Math.Min(requestLength, 20)].CopyTo(tx.Request);
        return tx;
    }

    private void AssertFailed(BsgTransaction tx, string node, int errno)
    {
        var (rc, _) = _h.Raw(node, tx);
        Assert.Equal(errno, rc);
        Assert.Equal(-errno, ResultWord(tx)); // reply_len 4: the response buffer gets the result
    }

    [Theory]
    [InlineData(QlaNode, 0)]
    [InlineData(QlaNode, 3)]
    [InlineData(BeNode, 2)]
    public void Rule28_request_shorter_than_the_msgcode_is_ENOMSG(string node, int length)
    {
        using var tx = ReadFlash(length);
        AssertFailed(tx, node, Errno.ENOMSG);
    }

    [Theory]
    [InlineData(0x80000001u)]
    [InlineData(0x800000FEu)]
    [InlineData(0x40000001u)]
    public void Rule29_any_msgcode_but_HST_VENDOR_is_EBADR(uint msgcode)
    {
        using var tx = ReadFlash(20, msgcode: msgcode);
        AssertFailed(tx, QlaNode, Errno.EBADR);
        using var tx2 = ReadFlash(20, IscsiVendorId.Be2iscsi, msgcode);
        AssertFailed(tx2, BeNode, Errno.EBADR);
    }

    [Fact]
    public void Rule30_a_mismatched_vendor_id_is_ESRCH_on_both_drivers()
    {
        using var be = ReadFlash(20, IscsiVendorId.Be2iscsi);
        AssertFailed(be, QlaNode, Errno.ESRCH);
        using var qla = ReadFlash(20, IscsiVendorId.Qla4xxx);
        AssertFailed(qla, BeNode, Errno.ESRCH);
        using var zero = ReadFlash(20, 0);
        AssertFailed(zero, QlaNode, Errno.ESRCH);
    }

    [Fact]
    public void Rule30_a_template_without_vendor_id_refuses_even_the_right_one()
    {
        _h.QlaHost.TemplateVendorId = 0;
        using var tx = ReadFlash(20);
        AssertFailed(tx, QlaNode, Errno.ESRCH);
    }

    [Theory]
    [InlineData(4)]
    [InlineData(8)]
    [InlineData(11)]
    public void Rule30_is_checked_before_the_length_so_a_short_request_is_ESRCH_not_ENOMSG(int length)
    {
        // The vendor_id bytes past request_len were never copied: they read as 0, so the id mismatches.
        using var tx = ReadFlash(length);
        AssertFailed(tx, QlaNode, Errno.ESRCH);
    }

    [Fact]
    public void Rule31_a_short_request_whose_visible_vendor_id_matches_is_ENOMSG()
    {
        // vendor_id 0x1077 fits in the 8 bytes of a 12-byte request; a template id with no high byte would
        // survive #30 with only 11 bytes sent (the uncopied top byte reads as 0) and then hit #31.
        _h.QlaHost.TemplateVendorId = 0x1077;
        using var tx = ReadFlash(11, 0x1077);
        AssertFailed(tx, QlaNode, Errno.ENOMSG);
        using var ok = ReadFlash(12, 0x1077);
        Assert.NotEqual(Errno.ENOMSG, _h.Raw(QlaNode, ok).Rc);
    }

    [Fact]
    public void Rule31_twelve_bytes_pass_the_transport_and_reach_the_driver()
    {
        // 12 bytes: vendor_cmd[0] reads as 0, not a qla4xxx command: the driver's ENOSYS after DID_ERROR.
        using var tx = ReadFlash(12);
        var (rc, h) = _h.Raw(QlaNode, tx);
        Assert.Equal(0, rc);
        Assert.Equal(7u, h.TransportStatus);
    }

    [Fact]
    public void Rule32_no_timeout_handler_a_stalled_request_ends_ioerr_at_the_sg_io_timeout()
    {
        _h.QlaHost.Stalled = true;
        using var tx = ReadFlash(20);
        tx.TimeoutMs = 12_000;
        var before = _h.San.Kernel.Clock.Now;
        var (rc, h) = _h.Raw(QlaNode, tx);
        Assert.Equal(0, rc);
        Assert.Equal((0u, 0u, 0u), (h.TransportStatus, h.DeviceStatus, h.DriverStatus));
        Assert.Equal((int)h.DinXferLen, h.DinResid); // nothing received: the silent IOERR
        Assert.Equal(TimeSpan.FromSeconds(12), _h.San.Kernel.Clock.Now - before);
    }

    [Fact]
    public void Rule32_the_7_second_floor_applies_not_the_iscsi_header_default()
    {
        _h.BeHost.Stalled = true;
        using var tx = _h.Tx(32, 16, 16);
        Be2iscsiCommands.ReadFlash(0, 512, 0, 0, 16).Encode(tx.Request);
        tx.TimeoutMs = 1000;
        var before = _h.San.Kernel.Clock.Now;
        Assert.Equal(0, _h.Raw(BeNode, tx).Rc);
        Assert.Equal(TimeSpan.FromSeconds(7), _h.San.Kernel.Clock.Now - before);
    }
}
