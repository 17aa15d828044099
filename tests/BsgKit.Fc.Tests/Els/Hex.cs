namespace BsgKit.Fc.Tests.Els;

/// <summary>Hand-written byte vectors: hex digits with spaces, '|' and newlines as separators.</summary>
internal static class Hex
{
    public static byte[] Bytes(string text)
    {
        var digits = new System.Text.StringBuilder(text.Length);
        foreach (var c in text)
            if (Uri.IsHexDigit(c)) digits.Append(c);
        return Convert.FromHexString(digits.ToString());
    }
}
