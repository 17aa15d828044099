using BsgKit.Bsg;
using BsgKit.Bsg.Catalog;
using BsgKit.Iscsi.Clients;
using BsgKit.Iscsi.Codes;

namespace BsgKit.Simulator.Tests.Iscsi;

/// <summary>The qla4xxx and be2iscsi personalities through the real IscsiHostClient and Bsg layer.</summary>
public sealed class IscsiPersonalityTests : IDisposable
{
    private readonly IscsiSimHarness _h = new();

    public void Dispose() => _h.Dispose();

    [Fact]
    public void The_catalog_lists_offload_hosts_with_nodes_and_the_software_host_with_the_note()
    {
        var snap = BsgKit.Iscsi.Catalog.IscsiCatalog.Scan(_h.San.Catalog);
        var qla = Assert.Single(snap.IscsiHosts, h => h.HostNumber == IscsiSimHarness.Qla);
        Assert.Equal("qla4xxx", qla.Driver);
        Assert.Equal(BsgNodeKind.IscsiHost, qla.Node!.Kind);
        Assert.NotNull(qla.Node.DevicePath);
        Assert.Null(qla.Note);
        Assert.Equal("iqn.2000-04.com.qlogic:qle8242.sim", qla.InitiatorName);
        Assert.Equal("192.0.2.5", qla.IpAddress);
        Assert.Equal("00:0e:1e:00:00:05", qla.HwAddress);
        Assert.Equal("LINK_UP", qla.PortState);
        Assert.Equal("10 Gbps", qla.PortSpeed);
        Assert.NotNull(Assert.Single(snap.IscsiHosts, h => h.HostNumber == IscsiSimHarness.Be).Node);

        var software = Assert.Single(snap.IscsiHosts, h => h.HostNumber == IscsiSimHarness.Software);
        Assert.Equal("iscsi_tcp", software.Driver);
        Assert.Null(software.Node);
        Assert.Equal("this host has no bsg node (software iSCSI)", software.Note);
        Assert.Null(snap.FindNode("iscsi_host7"));
    }

    [Fact]
    public void Opening_the_software_host_explains_there_is_no_node()
    {
        var e = Assert.Throws<IscsiNotSupportedException>(() => _h.Client(IscsiSimHarness.Software));
        Assert.Contains("no bsg node (software iSCSI)", e.Message);
    }

    [Theory]
    [InlineData(0u, 64)]
    [InlineData(1000u, 333)]
    [InlineData(4096u - 16, 16)]
    public async Task Qla4xxx_read_flash_returns_the_scenario_bytes(uint offset, int length)
    {
        using var c = _h.Client(IscsiSimHarness.Qla);
        var data = await c.ReadFlashAsync(offset, length);
        Assert.Equal(IscsiSimHarness.FlashImage.AsSpan((int)offset, length).ToArray(), data);
    }

    [Fact]
    public async Task Qla4xxx_read_flash_beyond_the_image_is_a_firmware_error()
    {
        using var c = _h.Client(IscsiSimHarness.Qla);
        var e = await Assert.ThrowsAsync<IscsiCommandFailedException>(() => c.ReadFlashAsync(4000, 200));
        Assert.Equal(HostByte.Error, e.Result.TransportStatus);
    }

    [Fact]
    public async Task Qla4xxx_read_nvram_returns_the_scenario_bytes_and_checks_the_range()
    {
        using var c = _h.Client(IscsiSimHarness.Qla);
        Assert.Equal(IscsiSimHarness.NvramImage.AsSpan(100, 50).ToArray(), await c.ReadNvramAsync(100, 50));
        var e = await Assert.ThrowsAsync<IscsiCommandFailedException>(() => c.ReadNvramAsync(500, 50));
        Assert.Equal(Errno.EINVAL, e.Errno);
    }

    [Fact]
    public async Task Qla4xxx_writes_need_confirmation_and_then_change_the_image()
    {
        using var c = _h.Client(IscsiSimHarness.Qla);
        byte[] patch = [0xDE, 0xAD, 0xBE, 0xEF];
        await Assert.ThrowsAsync<IscsiWriteRefusedException>(() => c.UpdateFlashAsync(16, patch, allowWrite: false));
        Assert.Equal(IscsiSimHarness.FlashImage.AsSpan(16, 4).ToArray(), await c.ReadFlashAsync(16, 4));

        await c.UpdateFlashAsync(16, patch, allowWrite: true);
        Assert.Equal(patch, await c.ReadFlashAsync(16, 4));

        await Assert.ThrowsAsync<IscsiWriteRefusedException>(() => c.UpdateNvramAsync(0, patch, allowWrite: false));
        await c.UpdateNvramAsync(0, patch, allowWrite: true);
        Assert.Equal(patch, await c.ReadNvramAsync(0, 4));

        await Assert.ThrowsAsync<IscsiWriteRefusedException>(() => c.RestoreDefaultsAsync(0, 0, 0, allowWrite: false));
        Assert.Equal(0, _h.QlaHost.RestoreDefaultsCount);
        await c.RestoreDefaultsAsync(0, 0, 0, allowWrite: true);
        Assert.Equal(IscsiSimHarness.NvramImage.AsSpan(0, 4).ToArray(), await c.ReadNvramAsync(0, 4));
    }

    [Fact]
    public async Task Qla4xxx_acb_and_acb_state_come_from_the_scenario()
    {
        using var c = _h.Client(IscsiSimHarness.Qla);
        var acb = await c.GetAcbAsync();
        Assert.Equal(IscsiSimHarness.AcbImage, acb.Data);
        Assert.Equal("primary", acb.AcbTypeName);
        var state = await c.GetAcbStateAsync(0, 0);
        Assert.Equal("COMMAND_COMPLETE", state.CommandStatusName);
        Assert.Equal("PREFERRED", state.IpStateName);
        Assert.Equal("UNCONFIGURED", (await c.GetAcbStateAsync(1, 0)).IpStateName);
    }

    [Fact]
    public async Task Qla4xxx_diag_results_pass_or_fail_per_scenario()
    {
        using var c = _h.Client(IscsiSimHarness.Qla);
        var ok = await c.DiagTestAsync(0x7);
        Assert.True(ok.Passed);
        Assert.Equal("TEST_INT_LOOPBACK", ok.TestName);
        var failed = await c.DiagTestAsync(0x8); // failingDiagTests: [8]
        Assert.False(failed.Passed);
        Assert.Equal("COMMAND_ERROR", failed.CommandStatusName);
        var unknown = await Assert.ThrowsAsync<IscsiCommandFailedException>(() => c.DiagTestAsync(0x1));
        Assert.Equal(Errno.EINVAL, unknown.Errno);
    }

    [Fact]
    public async Task Be2iscsi_read_flash_returns_the_scenario_bytes_at_sector_times_size_plus_offset()
    {
        using var c = _h.Client(IscsiSimHarness.Be);
        Assert.Equal(IscsiDriver.Be2iscsi, c.Driver);
        var data = await c.ReadFlashRegionAsync(region: 1, sectorSize: 512, sector: 2, offset: 10, length: 100);
        Assert.Equal(IscsiSimHarness.FlashImage.AsSpan(2 * 512 + 10, 100).ToArray(), data);
    }

    [Fact]
    public async Task Be2iscsi_write_flash_needs_confirmation()
    {
        using var c = _h.Client(IscsiSimHarness.Be);
        byte[] patch = [1, 2, 3, 4, 5, 6, 7, 8];
        await Assert.ThrowsAsync<IscsiWriteRefusedException>(() => c.WriteFlashRegionAsync(1, 512, 0, 0, patch, allowWrite: false));
        Assert.Equal(IscsiSimHarness.FlashImage.AsSpan(0, 8).ToArray(), _h.BeHost.Flash.ToArray().AsSpan(0, 8).ToArray());
        await c.WriteFlashRegionAsync(1, 512, 1, 0, patch, allowWrite: true);
        Assert.Equal(patch, await c.ReadFlashRegionAsync(1, 512, 1, 0, 8));
    }

    [Fact]
    public async Task The_client_never_sends_a_request_shorter_than_the_command_words()
    {
        // A be2iscsi read sends 5 words (32 bytes) with a dout as large as the din: no overrun is provoked.
        using var c = _h.Client(IscsiSimHarness.Be);
        await c.ReadFlashRegionAsync(0, 512, 0, 0, 64);
        Assert.Equal(0, _h.BeHost.OutOfBoundsAttempts);
    }
}
