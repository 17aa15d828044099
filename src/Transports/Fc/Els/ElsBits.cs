using BsgKit.Fc.Codes;

namespace BsgKit.Fc.Els;

/// <summary>Turns a bit mask into the names of its set bits, using a CodeTable keyed by single-bit masks.</summary>
internal static class ElsBits
{
    /// <summary>Names of the set bits, most significant first; bits missing from the table appear as "bit 0x..".</summary>
    public static IReadOnlyList<string> Names(CodeTable table, uint mask)
    {
        var names = new List<string>();
        for (var bit = 31; bit >= 0; bit--)
        {
            var m = 1u << bit;
            if ((mask & m) == 0) continue;
            names.Add(table.Find(m) ?? $"bit 0x{m:x}");
        }
        return names;
    }
}
