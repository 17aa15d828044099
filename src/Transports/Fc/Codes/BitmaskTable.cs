namespace BsgKit.Fc.Codes;

/// <summary>
/// A bit→name table for fields that carry several flags at once (speed capabilities, class of service,
/// FC-4 features). The bitmask sibling of <see cref="CodeTable"/>; each table exists once.
/// </summary>
public sealed class BitmaskTable
{
    private readonly (uint Bit, string Name)[] _bits;

    /// <summary>What the table decodes ("Class of service" …), for messages and listings.</summary>
    public string Title { get; }

    /// <summary>A table of named bits, kept in the order given (names come out in that order).</summary>
    /// <param name="title">What the table decodes.</param>
    /// <param name="bits">Each bit's mask and name.</param>
    public BitmaskTable(string title, params (uint Bit, string Name)[] bits)
    {
        Title = title;
        _bits = bits;
    }

    /// <summary>The named bits in table order.</summary>
    public IReadOnlyList<(uint Bit, string Name)> Bits => _bits;

    /// <summary>Bits set in <paramref name="mask"/> that the table has no name for.</summary>
    public uint UnknownBits(uint mask)
    {
        var known = 0u;
        foreach (var (bit, _) in _bits) known |= bit;
        return mask & ~known;
    }

    /// <summary>Names of the set bits in table order, then "unknown (0x..)" for leftovers.</summary>
    public IReadOnlyList<string> NamesOf(uint mask)
    {
        var names = new List<string>();
        foreach (var (bit, name) in _bits)
            if ((mask & bit) == bit && bit != 0) names.Add(name);
        var unknown = UnknownBits(mask);
        if (unknown != 0) names.Add($"unknown (0x{unknown:x})");
        return names;
    }

    /// <summary>"1 Gb, 2 Gb" or "none".</summary>
    public string Describe(uint mask)
    {
        var names = NamesOf(mask);
        return names.Count == 0 ? "none" : string.Join(", ", names);
    }

    /// <summary>The name of one bit (an operating speed is a single bit), or null.</summary>
    public string? Find(uint bit)
    {
        foreach (var (b, name) in _bits)
            if (b == bit) return name;
        return null;
    }

    /// <summary>The bit named <paramref name="name"/> (case-insensitive); false and 0 when no bit has that name.</summary>
    public bool TryGetBit(string name, out uint bit)
    {
        foreach (var (b, n) in _bits)
            if (string.Equals(n, name, StringComparison.OrdinalIgnoreCase)) { bit = b; return true; }
        bit = 0;
        return false;
    }
}
