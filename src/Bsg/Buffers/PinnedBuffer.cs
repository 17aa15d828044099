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
    /// <summary>The alignment and the allocation unit, in bytes (one page on x86-64 and arm64 with 4 KiB pages).</summary>
    public const int PageSize = 4096;

    private static long s_liveCount, s_liveBytes;

    private byte* _pointer;
    private readonly bool _locked;

    /// <summary>Pinned buffers allocated in this process and not yet freed (every pool, every owner).</summary>
    public static long LiveCount => Interlocked.Read(ref s_liveCount);

    /// <summary>Native bytes held by <see cref="LiveCount"/> buffers: what a long-running process watches for leaks.</summary>
    public static long LiveBytes => Interlocked.Read(ref s_liveBytes);

    /// <summary>Bytes allocated, a multiple of <see cref="PageSize"/>.</summary>
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

    /// <summary>Whether mlock() succeeded, so the pages cannot be swapped out under a request.</summary>
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

    /// <summary>The whole buffer (<see cref="Capacity"/> bytes).</summary>
    public Span<byte> Span
    {
        get
        {
            ObjectDisposedException.ThrowIf(_pointer == null, this);
            return new Span<byte>(_pointer, Capacity);
        }
    }

    /// <summary>Zeroes the first <paramref name="length"/> bytes (at most <see cref="Capacity"/>).</summary>
    public void Clear(int length) => NativeMemory.Clear(_pointer, (nuint)Math.Min(length, Capacity));

    /// <summary>Unlocks and frees the memory; later use throws <see cref="ObjectDisposedException"/>.</summary>
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
