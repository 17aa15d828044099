using Microsoft.Extensions.Logging;

namespace BsgKit.Bsg.Buffers;

/// <summary>
/// Pool of <see cref="PinnedBuffer"/>s by power-of-two page count, so the steady-state request path
/// allocates nothing. Rented buffers are zeroed (the used prefix on return, the rest stays zero).
/// </summary>
public sealed class PinnedBufferPool : IDisposable
{
    /// <summary>Largest single buffer: 16 MiB, far above any CT/ELS response a driver accepts.</summary>
    public const int MaxBufferSize = 16 * 1024 * 1024;

    private const int Classes = 13; // 4 KiB << 0..12
    private readonly FreeList<PinnedBuffer>[] _free = new FreeList<PinnedBuffer>[Classes];
    private readonly bool _lockMemory;
    private readonly ILogger? _logger;
    private int _disposed;
    private long _rented, _pooled, _pooledBytes;

    /// <summary>The process-wide pool (buffers not mlock()ed) that devices and transactions use unless given another.</summary>
    public static PinnedBufferPool Shared { get; } = new(lockMemory: false);

    /// <summary>Buffers rented and not yet returned: zero once every owner of this pool's memory has been disposed.</summary>
    public long RentedCount => Interlocked.Read(ref _rented);

    /// <summary>Buffers kept for reuse (bounded per size class).</summary>
    public long PooledCount => Interlocked.Read(ref _pooled);

    /// <summary>Native bytes kept for reuse.</summary>
    public long PooledBytes => Interlocked.Read(ref _pooledBytes);

    /// <summary>A pool; <paramref name="lockMemory"/> mlock()s each buffer (best effort, logged on failure), <paramref name="maxPerClass"/> bounds the buffers kept per size class.</summary>
    public PinnedBufferPool(bool lockMemory = false, ILogger? logger = null, int maxPerClass = 256)
    {
        _lockMemory = lockMemory;
        _logger = logger;
        for (var i = 0; i < Classes; i++) _free[i] = new FreeList<PinnedBuffer>(maxPerClass);
    }

    /// <summary>A zeroed buffer of at least <paramref name="minimumLength"/> bytes (at least one page).</summary>
    public PinnedBuffer Rent(int minimumLength)
    {
        if (minimumLength < 0 || minimumLength > MaxBufferSize)
            throw new ArgumentOutOfRangeException(nameof(minimumLength), minimumLength,
                $"buffer length must be between 0 and {MaxBufferSize} bytes");
        var cls = ClassOf(minimumLength);
        if (_free[cls].TryTake(out var buffer))
        {
            Interlocked.Decrement(ref _pooled);
            Interlocked.Add(ref _pooledBytes, -buffer.Capacity);
            buffer.Clear(minimumLength); // zeroed before each use, whatever happened to it last time
        }
        else buffer = new PinnedBuffer(PinnedBuffer.PageSize << cls, _lockMemory, _logger);
        Interlocked.Increment(ref _rented);
        return buffer;
    }

    /// <summary>Returns a buffer whose first <paramref name="usedLength"/> bytes may be dirty.</summary>
    public void Return(PinnedBuffer buffer, int usedLength)
    {
        buffer.Clear(usedLength);
        Interlocked.Decrement(ref _rented);
        var cls = ClassOf(buffer.Capacity);
        if (Volatile.Read(ref _disposed) != 0 || (PinnedBuffer.PageSize << cls) != buffer.Capacity)
        {
            buffer.Dispose();
            return;
        }
        // Counted before it can be taken again, so the counts never go below zero.
        Interlocked.Increment(ref _pooled);
        Interlocked.Add(ref _pooledBytes, buffer.Capacity);
        if (!_free[cls].TryAdd(buffer))
        {
            Interlocked.Decrement(ref _pooled);
            Interlocked.Add(ref _pooledBytes, -buffer.Capacity);
            buffer.Dispose(); // this size class is full
            return;
        }
        if (Volatile.Read(ref _disposed) != 0) Drain(); // raced with Dispose: nothing may stay behind
    }

    private static int ClassOf(int length)
    {
        var pages = Math.Max(1, (length + PinnedBuffer.PageSize - 1) / PinnedBuffer.PageSize);
        var cls = 0;
        while ((1 << cls) < pages) cls++;
        return cls;
    }

    /// <summary>Frees the pooled buffers; rented ones are freed when returned.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        Drain();
    }

    private void Drain()
    {
        foreach (var list in _free)
            while (list.TryTake(out var b))
            {
                Interlocked.Decrement(ref _pooled);
                Interlocked.Add(ref _pooledBytes, -b.Capacity);
                b.Dispose();
            }
    }
}
