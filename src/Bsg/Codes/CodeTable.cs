using System.Collections.Frozen;

namespace BsgKit.Bsg.Codes;

/// <summary>
/// One code→name table (reject reasons, command codes, port types …). Each table exists once and is
/// shared by encoders, decoders, the simulator and the CLI, like Wireshark's value_string arrays.
/// </summary>
public sealed class CodeTable
{
    private readonly FrozenDictionary<uint, string> _names;
    private readonly FrozenDictionary<string, uint> _codes;

    /// <summary>What the codes are ("ELS command", "CT reject reason"), for messages about unknown codes.</summary>
    public string Title { get; }

    /// <summary>A table of <paramref name="entries"/>; names are looked up case-insensitively, the first code of a repeated name wins.</summary>
    public CodeTable(string title, params (uint Code, string Name)[] entries)
    {
        Title = title;
        _names = entries.ToFrozenDictionary(e => e.Code, e => e.Name);
        _codes = entries
            .GroupBy(e => e.Name, StringComparer.OrdinalIgnoreCase)
            .ToFrozenDictionary(g => g.Key, g => g.First().Code, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Every entry, by code.</summary>
    public IEnumerable<(uint Code, string Name)> Entries => _names.OrderBy(kv => kv.Key).Select(kv => (kv.Key, kv.Value));

    /// <summary>Whether <paramref name="code"/> has a name.</summary>
    public bool Contains(uint code) => _names.ContainsKey(code);

    /// <summary>The name, or null when the code is not in the table.</summary>
    public string? Find(uint code) => _names.GetValueOrDefault(code);

    /// <summary>The name, or "unknown (0x..)" so callers never print an empty string.</summary>
    public string NameOf(uint code) => _names.TryGetValue(code, out var n) ? n : $"unknown (0x{code:x2})";

    /// <summary>The code named <paramref name="name"/> (any case).</summary>
    public bool TryGetCode(string name, out uint code) => _codes.TryGetValue(name, out code);
}
