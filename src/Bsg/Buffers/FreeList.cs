using System.Diagnostics.CodeAnalysis;

namespace BsgKit.Bsg.Buffers;

/// <summary>
/// A bounded last-in-first-out free list under a lock, for the buffer and transaction pools. ConcurrentBag did this job
/// at a price the request path paid: its Count takes every thread's lock (the pools check it on each return), and the
/// first TryTake on an empty bag tries to steal and starts the concurrent collections' EventSource (reflection at start-up).
/// The pools' lists are short and their locks rarely contended, so a plain lock around an array is the cheaper tool.
/// </summary>
internal sealed class FreeList<T>(int capacity) where T : class
{
    private readonly Lock _lock = new();
    private T?[] _items = [];
    private int _count;

    /// <summary>Items kept now (a snapshot).</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>The item added last, if any.</summary>
    public bool TryTake([MaybeNullWhen(false)] out T item)
    {
        lock (_lock)
        {
            if (_count == 0)
            {
                item = null;
                return false;
            }
            item = _items[--_count]!;
            _items[_count] = null;
            return true;
        }
    }

    /// <summary>Keeps <paramref name="item"/> unless the list is full; false leaves it with the caller (to dispose).</summary>
    public bool TryAdd(T item)
    {
        lock (_lock)
        {
            if (_count >= capacity) return false;
            if (_count == _items.Length) Array.Resize(ref _items, Math.Min(capacity, Math.Max(4, _items.Length * 2)));
            _items[_count++] = item;
            return true;
        }
    }
}
