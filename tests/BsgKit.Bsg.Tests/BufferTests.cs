using BsgKit.Bsg;
using BsgKit.Bsg.Buffers;

namespace BsgKit.Bsg.Tests;

public class BufferTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(20)]
    [InlineData(4096)]
    [InlineData(4097)]
    [InlineData(245760)]
    public void Rented_buffers_are_page_aligned_zeroed_and_big_enough(int length)
    {
        using var pool = new PinnedBufferPool();
        var b = pool.Rent(length);
        Assert.Equal(0UL, b.Address % 4096);
        Assert.True(b.Capacity >= length);
        Assert.Equal(0, b.Capacity % 4096);
        Assert.True(b.Span.IndexOfAnyExcept((byte)0) < 0);
        pool.Return(b, length);
    }

    [Fact]
    public void A_reused_buffer_comes_back_zeroed()
    {
        using var pool = new PinnedBufferPool();
        var b = pool.Rent(100);
        var address = b.Address;
        b.Span[..100].Fill(0xAB);
        b.Span[4000] = 0xCD; // beyond what the user said it used
        pool.Return(b, 100);
        var again = pool.Rent(4096);
        Assert.Equal(address, again.Address); // pooled, not reallocated
        Assert.True(again.Span.IndexOfAnyExcept((byte)0) < 0);
    }

    [Fact]
    public void Oversized_and_negative_lengths_are_refused_with_the_length_named()
    {
        using var pool = new PinnedBufferPool();
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => pool.Rent(PinnedBufferPool.MaxBufferSize + 1));
        Assert.Contains("between 0 and", e.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => pool.Rent(-1));
    }

    [Fact]
    public void Memory_locking_degrades_to_unlocked_without_failing()
    {
        using var pool = new PinnedBufferPool(lockMemory: true);
        var b = pool.Rent(4096);
        // Locked as root with a big enough RLIMIT_MEMLOCK; otherwise a logged warning. Either way usable.
        b.Span[0] = 1;
        Assert.Equal(1, b.Span[0]);
        pool.Return(b, 1);
    }

    [Fact]
    public void Transaction_slices_are_exactly_the_requested_lengths()
    {
        using var pool = new PinnedBufferPool();
        using var tx = new BsgTransaction(pool, requestLength: 20, doutLength: 36, dinLength: 8192, replyLength: 16);
        Assert.Equal(20, tx.Request.Length);
        Assert.Equal(36, tx.Dout.Length);
        Assert.Equal(8192, tx.Din.Length);
        Assert.Equal(16, tx.Reply.Length);
    }

    [Fact]
    public void The_pool_counts_what_is_rented_and_kept_and_frees_everything_on_dispose()
    {
        var pool = new PinnedBufferPool(maxPerClass: 2);
        var rented = Enumerable.Range(0, 5).Select(_ => pool.Rent(100)).ToList();
        Assert.Equal(5, pool.RentedCount);
        foreach (var b in rented) pool.Return(b, 100);
        Assert.Equal(0, pool.RentedCount);
        Assert.Equal(2, pool.PooledCount);                        // bounded: the other three were freed
        Assert.Equal(2 * PinnedBuffer.PageSize, pool.PooledBytes);
        using (var tx = new BsgTransaction(pool, requestLength: 20, doutLength: 36, dinLength: 8192))
            Assert.Equal(4, pool.RentedCount);                    // request, reply, dout, din
        Assert.Equal(0, pool.RentedCount);
        pool.Dispose();
        Assert.Equal(0, pool.PooledCount);
        Assert.Equal(0, pool.PooledBytes);
    }
}
