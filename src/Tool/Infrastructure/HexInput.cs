using System.Globalization;

namespace BsgKit.Tool.Infrastructure;

/// <summary>Parses the byte arguments of raw and vendor: hex (spaces, colons, 0x allowed) or @FILE (binary).</summary>
internal static class HexInput
{
    public static byte[] Parse(string text, string optionName)
    {
        if (text.StartsWith('@'))
        {
            var path = text[1..];
            if (path.Length == 0) throw CliException.Usage($"{optionName} '@' needs a file name");
            return InputLimits.ReadFile(path, $"{optionName} '{text}'");
        }
        var s = text.Replace(" ", "", StringComparison.Ordinal).Replace(":", "", StringComparison.Ordinal)
            .Replace("\n", "", StringComparison.Ordinal).Replace("\t", "", StringComparison.Ordinal);
        if (s.StartsWith("0x", StringComparison.OrdinalIgnoreCase)) s = s[2..];
        if (s.Length % 2 != 0 || !IsHex(s))
            throw CliException.Usage($"{optionName} '{text}' is not hex (an even number of hex digits, e.g. 01000000 or 01:00:00:00, or @FILE)");
        return Convert.FromHexString(s);
    }

    /// <summary>Hex words (vendor command): "0x6 0x0" or "00000006,00000000".</summary>
    public static uint[] ParseWords(string text, string optionName)
    {
        var parts = text.Split([' ', ',', ':'], StringSplitOptions.RemoveEmptyEntries);
        var words = new uint[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            var p = parts[i].StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? parts[i][2..] : parts[i];
            if (p.Length is 0 or > 8 || !uint.TryParse(p, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out words[i]))
                throw CliException.Usage($"{optionName} '{parts[i]}' is not a 32-bit hex word");
        }
        if (words.Length == 0) throw CliException.Usage($"{optionName} needs at least one word");
        return words;
    }

    private static bool IsHex(string s)
    {
        foreach (var c in s) if (!char.IsAsciiHexDigit(c)) return false;
        return true;
    }

    /// <summary>A hex dump: offset, 16 bytes, ASCII.</summary>
    public static IEnumerable<string> Dump(ReadOnlySpan<byte> data)
    {
        var lines = new List<string>();
        for (var o = 0; o < data.Length; o += 16)
        {
            var chunk = data.Slice(o, Math.Min(16, data.Length - o));
            var hex = new System.Text.StringBuilder();
            var ascii = new System.Text.StringBuilder();
            for (var i = 0; i < 16; i++)
            {
                if (i < chunk.Length)
                {
                    hex.Append(chunk[i].ToString("x2", CultureInfo.InvariantCulture)).Append(' ');
                    ascii.Append(chunk[i] is >= 0x20 and < 0x7f ? (char)chunk[i] : '.');
                }
                else hex.Append("   ");
                if (i == 7) hex.Append(' ');
            }
            lines.Add($"{o:x4}  {hex}{ascii}");
        }
        return lines;
    }
}
