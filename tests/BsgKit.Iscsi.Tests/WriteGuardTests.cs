using BsgKit.Bsg;
using BsgKit.Bsg.Catalog;
using BsgKit.Iscsi.Catalog;
using BsgKit.Iscsi.Clients;
using BsgKit.Iscsi.Vendor;

namespace BsgKit.Iscsi.Tests;

/// <summary>Writes are refused before anything reaches the kernel unless the caller confirms.</summary>
public sealed class WriteGuardTests
{
    /// <summary>Counts what would have been sent; answers every SG_IO with EIO.</summary>
    private sealed class CountingTransport : IBsgTransport
    {
        public int Sent;
        public int Execute(BsgNodeChannel channel, ref SgIoV4 header, ReadOnlySpan<MemoryRegion> handedOver)
        {
            Sent++;
            return Errno.EIO;
        }

        public BsgNodeChannel Open(string devicePath) => new Channel(devicePath);

        private sealed class Channel(string path) : BsgNodeChannel(path)
        {
            public override void Dispose() { }
        }
    }

    private static (IscsiHostClient Client, CountingTransport Transport) Open(string driver)
    {
        var transport = new CountingTransport();
        var host = new IscsiHostInfo(3)
        {
            Driver = driver,
            Node = BsgNode.Classify("iscsi_host3", "/dev/bsg/iscsi_host3", "247:0"),
        };
        return (IscsiHostClient.Open(host, new IscsiClientOptions { Transport = transport }), transport);
    }

    [Fact]
    public async Task Qla4xxx_writes_without_confirmation_throw_and_send_nothing()
    {
        var (client, transport) = Open("qla4xxx");
        using var _ = client;
        var e = await Assert.ThrowsAsync<IscsiWriteRefusedException>(() => client.UpdateFlashAsync(0, new byte[4], allowWrite: false));
        Assert.Contains("UPDATE_FLASH", e.Message);
        Assert.Contains("allowWrite: true", e.Hint); // the library names its own opt-in; the CLI adds --yes-i-mean-it
        Assert.DoesNotContain("--", e.Hint);
        await Assert.ThrowsAsync<IscsiWriteRefusedException>(() => client.UpdateNvramAsync(0, new byte[4], allowWrite: false));
        await Assert.ThrowsAsync<IscsiWriteRefusedException>(() => client.RestoreDefaultsAsync(0, 0, 0, allowWrite: false));
        await Assert.ThrowsAsync<IscsiWriteRefusedException>(() => client.DiagTestAsync([0x125, 1]));
        await Assert.ThrowsAsync<IscsiWriteRefusedException>(() => client.SendAsync(Qla4xxxCommands.UpdateFlash(0, new byte[1])));
        Assert.Equal(0, transport.Sent);
    }

    [Fact]
    public async Task Be2iscsi_write_flash_without_confirmation_throws_and_sends_nothing()
    {
        var (client, transport) = Open("be2iscsi");
        using var _ = client;
        await Assert.ThrowsAsync<IscsiWriteRefusedException>(() => client.WriteFlashRegionAsync(0, 512, 0, 0, new byte[4], allowWrite: false));
        Assert.Equal(0, transport.Sent);
    }

    [Fact]
    public async Task A_confirmed_write_is_sent_and_its_failure_is_typed()
    {
        var (client, transport) = Open("qla4xxx");
        using var _ = client;
        var e = await Assert.ThrowsAsync<IscsiCommandFailedException>(() => client.UpdateFlashAsync(0, new byte[4], allowWrite: true));
        Assert.Equal(Errno.EIO, e.Errno);
        Assert.Equal(1, transport.Sent);
    }

    [Fact]
    public async Task Commands_for_the_other_driver_are_refused()
    {
        var (client, transport) = Open("be2iscsi");
        using var _ = client;
        await Assert.ThrowsAsync<IscsiNotSupportedException>(() => client.ReadFlashAsync(0, 16));
        Assert.Equal(0, transport.Sent);
    }

    [Fact]
    public void A_software_host_cannot_be_opened_and_says_why()
    {
        var host = new IscsiHostInfo(4) { Driver = "iscsi_tcp", Note = IscsiHostInfo.NoBsgNodeNote };
        var e = Assert.Throws<IscsiNotSupportedException>(() => IscsiHostClient.Open(host));
        Assert.Contains("no bsg node (software iSCSI)", e.Message);
        Assert.Contains("iscsiadm", e.Hint);
    }
}
