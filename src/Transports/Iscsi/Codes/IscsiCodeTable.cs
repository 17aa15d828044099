using System.Collections.Frozen;

namespace BsgKit.Iscsi.Codes;

/// <summary>One code→name table (iSCSI vendor commands, diag tests …); each exists once, in <see cref="IscsiCodes"/>.</summary>
public sealed class IscsiCodeTable
{
    private readonly FrozenDictionary<uint, string> _names;
    private readonly FrozenDictionary<string, uint> _codes;

    public IscsiCodeTable(string title, params (uint Code, string Name)[] entries)
    {
        Title = title;
        _names = entries.ToFrozenDictionary(e => e.Code, e => e.Name);
        _codes = entries.ToFrozenDictionary(e => e.Name, e => e.Code, StringComparer.OrdinalIgnoreCase);
    }

    public string Title { get; }

    public IEnumerable<(uint Code, string Name)> Entries => _names.OrderBy(kv => kv.Key).Select(kv => (kv.Key, kv.Value));

    public string? Find(uint code) => _names.GetValueOrDefault(code);

    /// <summary>The name, or "unknown (0x..)" so callers never print an empty string.</summary>
    public string NameOf(uint code) => _names.TryGetValue(code, out var n) ? n : $"unknown (0x{code:x2})";

    public bool TryGetCode(string name, out uint code) => _codes.TryGetValue(name, out code);
}
