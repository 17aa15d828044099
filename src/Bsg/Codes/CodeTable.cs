namespace BsgKit.Bsg.Codes;

/// <summary>
/// One code→name table (reject reasons, command codes, port types …). Each table exists once and is
/// shared by encoders, decoders, the simulator and the CLI, like Wireshark's value_string arrays.
/// </summary>
/// <remarks>
/// Plain arrays, not dictionaries: the tables are small and built at start by every command, and a dictionary over
/// <see cref="uint"/> keys is a generic instantiation the JIT compiles at run time (ReadyToRun has no code for it).
/// </remarks>
public sealed class CodeTable
{
    // Sorted by code (binary search); names in the order given, so the first code of a repeated name wins.
    private readonly uint[] _codes;
    private readonly string[] _names;
    private readonly (uint Code, string Name)[] _given;

    /// <summary>What the codes are ("ELS command", "CT reject reason"), for messages about unknown codes.</summary>
    public string Title { get; }

    /// <summary>A table of <paramref name="entries"/>; names are looked up case-insensitively, the first code of a repeated name wins.</summary>
    public CodeTable(string title, params (uint Code, string Name)[] entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        Title = title;
        _given = (((uint Code, string Name)[])entries.Clone());
        _codes = new uint[entries.Length];
        _names = new string[entries.Length];
        for (var i = 0; i < entries.Length; i++)
        {
            var (code, name) = entries[i];
            ArgumentNullException.ThrowIfNull(name, nameof(entries));
            // Insertion sort: a few dozen entries, mostly given in code order already.
            var j = i;
            while (j > 0 && _codes[j - 1] > code)
            {
                _codes[j] = _codes[j - 1];
                _names[j] = _names[j - 1];
                j--;
            }
            if (j > 0 && _codes[j - 1] == code)
                throw new ArgumentException($"An item with the same key has already been added. Key: {code}", nameof(entries));
            _codes[j] = code;
            _names[j] = name;
        }
    }

    /// <summary>Every entry, by code.</summary>
    public IEnumerable<(uint Code, string Name)> Entries
    {
        get
        {
            for (var i = 0; i < _codes.Length; i++) yield return (_codes[i], _names[i]);
        }
    }

    /// <summary>Whether <paramref name="code"/> has a name.</summary>
    public bool Contains(uint code) => IndexOf(code) >= 0;

    /// <summary>The name, or null when the code is not in the table.</summary>
    public string? Find(uint code)
    {
        var i = IndexOf(code);
        return i >= 0 ? _names[i] : null;
    }

    /// <summary>The name, or "unknown (0x..)" so callers never print an empty string.</summary>
    public string NameOf(uint code) => Find(code) ?? $"unknown (0x{code:x2})";

    /// <summary>The code named <paramref name="name"/> (any case).</summary>
    public bool TryGetCode(string name, out uint code)
    {
        ArgumentNullException.ThrowIfNull(name);
        foreach (var (c, n) in _given)
        {
            if (string.Equals(n, name, StringComparison.OrdinalIgnoreCase))
            {
                code = c;
                return true;
            }
        }
        code = 0;
        return false;
    }

    private int IndexOf(uint code)
    {
        int lo = 0, hi = _codes.Length - 1;
        while (lo <= hi)
        {
            var mid = lo + ((hi - lo) >> 1);
            var c = _codes[mid];
            if (c == code) return mid;
            if (c < code) lo = mid + 1;
            else hi = mid - 1;
        }
        return -1;
    }
}
