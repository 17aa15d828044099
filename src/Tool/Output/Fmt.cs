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
    public static string Code(uint code, int digits = 2) => "0x" + code.ToString("x" + digits, CultureInfo.InvariantCulture);
}
