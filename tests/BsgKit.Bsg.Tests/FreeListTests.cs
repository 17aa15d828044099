using BsgKit.Bsg.Buffers;

namespace BsgKit.Bsg.Tests;

/// <summary>The pools' free list: last in, first out, bounded, and nothing lost or handed out twice under contention.</summary>
public class FreeListTests
{
    [Fact]
    public void Takes_the_last_added_first_and_refuses_beyond_its_bound()
    {
        var list = new FreeList<string>(3);
        Assert.False(list.TryTake(out _));
        Assert.True(list.TryAdd("a"));
        Assert.True(list.TryAdd("b"));
        Assert.True(list.TryAdd("c"));
        Assert.False(list.TryAdd("d"));
        Assert.Equal(3, list.Count);
        Assert.True(list.TryTake(out var first));
        Assert.Equal("c", first);
        Assert.True(list.TryAdd("e"));
        Assert.Equal(["e", "b", "a"], Drain(list));
        Assert.Equal(0, list.Count);
    }

    [Fact]
    public void Concurrent_takers_and_adders_neither_lose_nor_duplicate_an_item()
    {
        const int Items = 64, Rounds = 20_000;
        var list = new FreeList<object>(Items);
        var all = Enumerable.Range(0, Items).Select(_ => new object()).ToArray();
        foreach (var o in all) Assert.True(list.TryAdd(o));
        Parallel.For(0, 4, _ =>
        {
            for (var i = 0; i < Rounds; i++)
                if (list.TryTake(out var o)) Assert.True(list.TryAdd(o));
        });
        var left = Drain(list);
        Assert.Equal(Items, left.Count);
        Assert.Equal(Items, left.Distinct(ReferenceEqualityComparer.Instance).Count());
        Assert.All(all, o => Assert.Contains(o, left));
    }

    private static List<T> Drain<T>(FreeList<T> list) where T : class
    {
        var items = new List<T>();
        while (list.TryTake(out var item)) items.Add(item);
        return items;
    }
}
