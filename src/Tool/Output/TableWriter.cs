namespace BsgKit.Tool.Output;

/// <summary>Collects rows and writes them with aligned columns (two spaces apart; the last column is not padded).</summary>
internal sealed class TableWriter(params string[] headers)
{
    private readonly List<string[]> _rows = [];

    public int Count => _rows.Count;

    public TableWriter Row(params string?[] cells)
    {
        var row = new string[headers.Length];
        for (var i = 0; i < row.Length; i++) row[i] = i < cells.Length ? cells[i] ?? "-" : "-";
        _rows.Add(row);
        return this;
    }

    /// <summary>Writes the header and rows; nothing at all when there are no rows (no header over an empty result).</summary>
    public void Write(TextWriter w, bool header = true)
    {
        if (_rows.Count == 0) return;
        var widths = new int[headers.Length];
        for (var i = 0; i < headers.Length; i++) widths[i] = header ? headers[i].Length : 0;
        foreach (var r in _rows)
            for (var i = 0; i < r.Length; i++) widths[i] = Math.Max(widths[i], r[i].Length);
        if (header) WriteRow(w, headers, widths);
        foreach (var r in _rows) WriteRow(w, r, widths);
    }

    private static void WriteRow(TextWriter w, string[] cells, int[] widths)
    {
        var sb = new System.Text.StringBuilder();
        for (var i = 0; i < cells.Length; i++)
        {
            if (i == cells.Length - 1) sb.Append(cells[i]);
            else sb.Append(cells[i].PadRight(widths[i] + 2));
        }
        w.WriteLine(sb.ToString().TrimEnd());
    }

    /// <summary>"Key:  value" lines with the values aligned.</summary>
    public static void KeyValues(TextWriter w, IEnumerable<(string Key, string? Value)> pairs, string indent = "")
    {
        var list = pairs.Where(p => p.Value is not null).ToList();
        if (list.Count == 0) return;
        var width = list.Max(p => p.Key.Length) + 1;
        foreach (var (k, v) in list) w.WriteLine($"{indent}{(k + ":").PadRight(width)}  {v}");
    }
}
