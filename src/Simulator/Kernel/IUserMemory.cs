using BsgKit.Bsg;

namespace BsgKit.Simulator.Kernel;

/// <summary>
/// The caller's address space as the fake kernel sees it: copy_from_user / copy_to_user. A pointer and length
/// that is not wholly inside memory the caller handed over fails (the kernel then answers EFAULT); nothing
/// is ever read or written outside it.
/// </summary>
public interface IUserMemory
{
    /// <summary>copy_from_user: copies destination.Length bytes at <paramref name="address"/>; false (EFAULT) if they are not all inside the caller's memory.</summary>
    bool TryRead(ulong address, Span<byte> destination);
    /// <summary>copy_to_user: copies <paramref name="source"/> to <paramref name="address"/>; false (EFAULT) if it is not all inside the caller's memory.</summary>
    bool TryWrite(ulong address, ReadOnlySpan<byte> source);
    /// <summary>Whether [address, address+length) may be written, without writing (blk_rq_map_user's check).</summary>
    bool IsWritable(ulong address, int length);
}

/// <summary>In-process caller memory: exactly the regions a transaction handed over, nothing else.</summary>
public sealed unsafe class RegionUserMemory : IUserMemory
{
    private MemoryRegion[] _regions;
    private int _count;

    /// <summary>Memory made of <paramref name="regions"/> (copied; the memory they point at must outlive the request).</summary>
    public RegionUserMemory(ReadOnlySpan<MemoryRegion> regions)
    {
        _regions = regions.ToArray();
        _count = _regions.Length;
    }

    /// <summary>
    /// This thread's instance, now holding exactly <paramref name="regions"/>: the in-process transport's SG_IO is
    /// synchronous and never re-entered on a thread, so one instance per thread serves every request without allocating.
    /// </summary>
    internal static RegionUserMemory ForThisThread(ReadOnlySpan<MemoryRegion> regions)
    {
        var memory = t_current ??= new RegionUserMemory(4);
        if (memory._regions.Length < regions.Length) memory._regions = new MemoryRegion[regions.Length];
        // A loop, not CopyTo: the framework's span copy over our struct is JIT-compiled on the first request.
        var held = memory._regions;
        for (var i = 0; i < regions.Length; i++) held[i] = regions[i];
        memory._count = regions.Length;
        return memory;
    }

    private RegionUserMemory(int capacity) => _regions = new MemoryRegion[capacity];

    /// <summary>Forgets the regions (they belong to a transaction that may be freed).</summary>
    internal void Release() => _count = 0;

    [ThreadStatic] private static RegionUserMemory? t_current;

    private bool Contains(ulong address, int length)
    {
        if (length == 0) return true;
        if (length < 0 || address == 0) return false;
        var end = address + (ulong)length;
        if (end < address) return false; // wrapped
        for (var i = 0; i < _count; i++)
        {
            var r = _regions[i];
            if (address >= r.Address && end <= r.Address + (ulong)r.Length) return true;
        }
        return false;
    }

    /// <inheritdoc/>
    public bool TryRead(ulong address, Span<byte> destination)
    {
        if (!Contains(address, destination.Length)) return false;
        new ReadOnlySpan<byte>((void*)address, destination.Length).CopyTo(destination);
        return true;
    }

    /// <inheritdoc/>
    public bool TryWrite(ulong address, ReadOnlySpan<byte> source)
    {
        if (!Contains(address, source.Length)) return false;
        source.CopyTo(new Span<byte>((void*)address, source.Length));
        return true;
    }

    /// <inheritdoc/>
    public bool IsWritable(ulong address, int length) => Contains(address, length);
}
