using System.Runtime.InteropServices;
using BsgKit.Bsg.Interop;
using Microsoft.Extensions.Logging;

namespace BsgKit.Bsg.Buffers;

/// <summary>
/// Page-aligned native memory that never moves, for the kernel to read and write through a user pointer.
/// Capacity is a multiple of the page size; a request uses a prefix of it.
/// </summary>
public sealed unsafe class PinnedBuffer : IDisposable
{
    public const int PageSize = 4096;

    private static long s_liveCount, s_liveBytes;

    private byte* _pointer;
    private readonly bool _locked;

    /// <summary>Pinned buffers allocated in this process and not yet freed (every pool, every owner).</summary>
    public static long LiveCount => Interlocked.Read(ref s_liveCount);

    /// <summary>Native bytes held by <see cref="LiveCount"/> buffers: what a long-running process watches for leaks.</summary>
    public static long LiveBytes => Interlocked.Read(ref s_liveBytes);

    public int Capacity { get; }

    internal PinnedBuffer(int capacity, bool tryLock, ILogger? logger)
    {
        if (capacity <= 0 || capacity % PageSize != 0)
            throw new ArgumentOutOfRangeException(nameof(capacity), "capacity must be a positive multiple of the page size");
        Capacity = capacity;
        _pointer = (byte*)NativeMemory.AlignedAlloc((nuint)capacity, PageSize);
        NativeMemory.Clear(_pointer, (nuint)capacity);
        Interlocked.Increment(ref s_liveCount);
        Interlocked.Add(ref s_liveBytes, capacity);
        if (tryLock) _locked = MemoryLock.TryLock(_pointer, (nuint)capacity, logger);
    }

    public bool IsLocked => _locked;

    /// <summary>The user address the kernel sees.</summary>
    public ulong Address
    {
        get
        {
            ObjectDisposedException.ThrowIf(_pointer == null, this);
            return (ulong)_pointer;
        }
    }

    public Span<byte> Span
    {
        get
        {
            ObjectDisposedException.ThrowIf(_pointer == null, this);
            return new Span<byte>(_pointer, Capacity);
        }
    }

    public void Clear(int length) => NativeMemory.Clear(_pointer, (nuint)Math.Min(length, Capacity));

    public void Dispose()
    {
        if (_pointer == null) return;
        if (_locked) MemoryLock.Unlock(_pointer, (nuint)Capacity);
        NativeMemory.AlignedFree(_pointer);
        _pointer = null;
        Interlocked.Decrement(ref s_liveCount);
        Interlocked.Add(ref s_liveBytes, -Capacity);
    }
}
