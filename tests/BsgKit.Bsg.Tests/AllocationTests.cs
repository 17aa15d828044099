using BsgKit.Bsg;
using BsgKit.Bsg.Buffers;

namespace BsgKit.Bsg.Tests;

/// <summary>The synchronous request path allocates nothing per request once buffers are pooled.</summary>
public class AllocationTests
{
    /// <summary>Completes every request with 8 bytes received, touching no managed heap.</summary>
    private sealed class NonAllocatingTransport : IBsgTransport
    {
        public BsgNodeChannel Open(string devicePath) => new Channel(devicePath);

        public int Execute(BsgNodeChannel channel, ref SgIoV4 header, ReadOnlySpan<MemoryRegion> handedOver)
        {
            header.ResponseLen = 16;
            header.DinResid = (int)header.DinXferLen - 8;
            return 0;
        }

        private sealed class Channel(string path) : BsgNodeChannel(path)
        {
            public override void Dispose() { }
        }
    }

    [Fact]
    public void Execute_allocates_nothing_in_steady_state()
    {
        using var pool = new PinnedBufferPool();
        using var device = BsgDevice.Open("/dev/bsg/fc_host0", new NonAllocatingTransport(), pool);
        using var tx = device.CreateTransaction(20, 64, 4096);
        for (var i = 0; i < 100; i++) device.Execute(tx).ThrowIfFailed(); // warm up (JIT, tiering)
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 10_000; i++)
        {
            var c = device.Execute(tx);
            if (!c.IsSuccess) throw new InvalidOperationException(c.ToString());
        }
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void Renting_and_returning_pooled_buffers_allocates_nothing_in_steady_state()
    {
        using var pool = new PinnedBufferPool();
        for (var i = 0; i < 10; i++) pool.Return(pool.Rent(4096), 4096);
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 10_000; i++) pool.Return(pool.Rent(4096), 100);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
