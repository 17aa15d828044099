namespace BsgKit.Simulator.Kernel;

/// <summary>
/// A device image (flash, NVRAM, an address control block) held sparsely: pages nobody wrote read as the
/// scenario's initial contents (a fill byte, or its hex bytes), and a page is allocated on its first write. A
/// scenario may declare many 64 MiB flash images and pay only for what requests change. Thread-safe.
/// </summary>
public sealed class SimImage
{
    private const int PageSize = 64 * 1024;
    private readonly byte[]? _initial; // hex images (small); null = every byte is _fill
    private readonly byte _fill;
    private readonly byte[]?[] _pages;
    private readonly Lock _lock = new();

    private SimImage(int length, byte fill, byte[]? initial)
    {
        Length = length;
        _fill = fill;
        _initial = initial;
        _pages = new byte[]?[(length + PageSize - 1) / PageSize];
    }

    /// <summary>An image of <paramref name="length"/> bytes, all <paramref name="fill"/> (materialised on first write).</summary>
    public static SimImage Filled(int length, byte fill) => new(length, fill, null);

    /// <summary>An image holding a copy of <paramref name="initial"/>.</summary>
    public static SimImage Of(byte[] initial) => new(initial.Length, 0, (byte[])initial.Clone());

    /// <summary>The image size in bytes.</summary>
    public int Length { get; }

    /// <summary>Bytes allocated so far (pages written).</summary>
    public long AllocatedBytes
    {
        get
        {
            lock (_lock) return _pages.Count(p => p is not null) * (long)PageSize;
        }
    }

    /// <summary>Copies [offset, offset + destination.Length) out; the range must lie inside the image.</summary>
    public void Read(long offset, Span<byte> destination)
    {
        CheckRange(offset, destination.Length);
        lock (_lock)
            foreach (var (page, within, done, n) in Chunks(offset, destination.Length))
            {
                var chunk = destination.Slice(done, n);
                if (_pages[page] is { } p) p.AsSpan(within, n).CopyTo(chunk);
                else Initial(offset + done, chunk);
            }
    }

    /// <summary>Copies <paramref name="source"/> in at <paramref name="offset"/>; the range must lie inside the image.</summary>
    public void Write(long offset, ReadOnlySpan<byte> source)
    {
        CheckRange(offset, source.Length);
        lock (_lock)
            foreach (var (page, within, done, n) in Chunks(offset, source.Length))
                source.Slice(done, n).CopyTo(PageFor(page).AsSpan(within, n));
    }

    /// <summary>The pieces of [offset, offset + length) that fall in one page each.</summary>
    private static IEnumerable<(int Page, int Within, int Done, int Count)> Chunks(long offset, int length)
    {
        for (var done = 0; done < length;)
        {
            var at = offset + done;
            var within = (int)(at % PageSize);
            var n = Math.Min(length - done, PageSize - within);
            yield return ((int)(at / PageSize), within, done, n);
            done += n;
        }
    }

    /// <summary>Puts the initial contents back (RESTORE_DEFAULTS).</summary>
    public void Reset()
    {
        lock (_lock) Array.Clear(_pages);
    }

    /// <summary>A copy of the current contents.</summary>
    public byte[] ToArray()
    {
        var a = new byte[Length];
        Read(0, a);
        return a;
    }

    private byte[] PageFor(int page)
    {
        if (_pages[page] is { } p) return p;
        var start = (long)page * PageSize;
        p = new byte[(int)Math.Min(PageSize, Length - start)];
        Initial(start, p);
        return _pages[page] = p;
    }

    private void Initial(long offset, Span<byte> destination)
    {
        if (_initial is null) destination.Fill(_fill);
        else _initial.AsSpan((int)offset, destination.Length).CopyTo(destination);
    }

    private void CheckRange(long offset, int length)
    {
        if (offset < 0 || length < 0 || offset + length > Length)
            throw new ArgumentOutOfRangeException(nameof(offset), $"[{offset}, {offset + length}) is outside the {Length}-byte image");
    }
}
