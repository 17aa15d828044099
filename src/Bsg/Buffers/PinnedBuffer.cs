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

    private byte* _pointer;
    private readonly bool _locked;

    public int Capacity { get; }

    internal PinnedBuffer(int capacity, bool tryLock, ILogger? logger)
    {
        if (capacity <= 0 || capacity % PageSize != 0)
            throw new ArgumentOutOfRangeException(nameof(capacity), "capacity must be a positive multiple of the page size");
        Capacity = capacity;
        _pointer = (byte*)NativeMemory.AlignedAlloc((nuint)capacity, PageSize);
        NativeMemory.Clear(_pointer, (nuint)capacity);
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
    }
}
