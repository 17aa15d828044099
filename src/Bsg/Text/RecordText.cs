using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Text;

namespace BsgKit.Bsg.Text;

/// <summary>
/// The ToString of the public result records: "Name { A = 1, B = [x, y] }" with collections as their items (never a
/// .NET type name), bytes as hex and long lists shortened, so a record printed in a log or a REPL reads as data.
/// </summary>
internal static class RecordText
{
    private const int MaxItems = 8, MaxBytes = 32;

    public static string Of(object record)
    {
        var type = record.GetType();
        var sb = new StringBuilder(type.Name).Append(" { ");
        var first = true;
        foreach (var p in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (p.GetIndexParameters().Length > 0 || p.GetMethod is null) continue;
            object? value;
            try { value = p.GetValue(record); }
            catch (TargetInvocationException) { continue; } // a view that does not apply to this value
            if (!first) sb.Append(", ");
            first = false;
            sb.Append(p.Name).Append(" = ").Append(Value(value));
        }
        return sb.Append(first ? "}" : " }").ToString();
    }

    private static string Value(object? value) => value switch
    {
        null => "null",
        string s => s,
        byte[] b => Hex(b),
        ReadOnlyMemory<byte> m => Hex(m.Span),
        Memory<byte> m => Hex(m.Span),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        IEnumerable e => Items(e),
        _ => value.ToString() ?? "",
    };

    private static string Hex(ReadOnlySpan<byte> b) =>
        b.Length <= MaxBytes ? Convert.ToHexStringLower(b) : $"{Convert.ToHexStringLower(b[..MaxBytes])}… ({b.Length} bytes)";

    private static string Items(IEnumerable items)
    {
        var shown = new List<string>();
        var count = 0;
        foreach (var item in items)
        {
            if (count++ < MaxItems) shown.Add(Value(item));
        }
        return "[" + string.Join(", ", shown) + (count > MaxItems ? $", … ({count} in all)" : "") + "]";
    }
}
