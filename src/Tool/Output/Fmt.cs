using System.Globalization;
using BsgKit.Fc;

namespace BsgKit.Tool.Output;

/// <summary>How identifiers and numbers are printed everywhere (tables and JSON alike).</summary>
internal static class Fmt
{
    public static string? Wwn(ulong? v) => v is ulong w ? new Wwn(w).ToString() : null;
    public static string? Wwn(Wwn? v) => v?.ToString();
    public static string? Id(uint? v) => v is uint i && i <= FcId.MaxValue ? new FcId(i).ToString() : null;
    public static string? Id(FcId? v) => v?.ToString();
    public static string Num(double v, string format = "0.##") => v.ToString(format, CultureInfo.InvariantCulture);
    public static string Ms(TimeSpan t) => Num(t.TotalMilliseconds, "0.000");
    public static string Hex(ReadOnlySpan<byte> b) => Convert.ToHexStringLower(b);
    /// <summary>"1 switch", "2 switches", "0 ISLs".</summary>
    public static string Count(int n, string one, string? many = null) => $"{n} {(n == 1 ? one : many ?? one + "s")}";

    /// <summary>
    /// Link speeds the one way everywhere: "32 Gbit" as sysfs fc_host/speed writes it (the code tables use it too);
    /// other spellings ("32 Gb", "10 Gbps", "10Gbps", "100 Mbps") are normalized.
    /// </summary>
    public static string? Speed(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return text;
        var m = System.Text.RegularExpressions.Regex.Replace(text.Trim(), @"(\d+(?:\.\d+)?)\s*([GMT])(?:bps|b/s|bit/s|bit|b)\b", "$1 $2bit",
            System.Text.RegularExpressions.RegexOptions.IgnoreCase);
        return m;
    }

    public static string Code(uint code, int digits = 2) => "0x" + code.ToString("x" + digits, CultureInfo.InvariantCulture);
}
