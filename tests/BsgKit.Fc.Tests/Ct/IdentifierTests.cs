namespace BsgKit.Fc.Tests.Ct;

/// <summary>WWNs are exactly 8 bytes: never zero-padded from a short or truncated input.</summary>
public class IdentifierTests
{
    [Theory]
    [InlineData("0x500507680b214ac1", 0x500507680b214ac1UL)]
    [InlineData("500507680B214AC1", 0x500507680b214ac1UL)]
    [InlineData("50:05:07:68:0b:21:4a:c1", 0x500507680b214ac1UL)]
    [InlineData(" 0X500507680b214ac1 ", 0x500507680b214ac1UL)]
    public void Sixteen_hex_digits_or_eight_colon_pairs_are_a_wwn(string text, ulong value)
    {
        Assert.True(Wwn.TryParse(text, out var w));
        Assert.Equal(value, w.Value);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("0x5005076")]
    [InlineData("0x500507680b214ac")]
    [InlineData("0x500507680b214ac10")]
    [InlineData("50:05:07:68:0b:21:4a")]
    [InlineData("50:5:07:68:0b:21:4a:c1")]
    [InlineData("50:05:07:68:0b:21:4a:c1:00")]
    [InlineData("5005:0768:0b21:4ac1")]
    [InlineData("50-05-07-68-0b-21-4a-c1")]
    [InlineData("0x50050768zb214ac1")]
    [InlineData("")]
    public void Anything_else_is_not_a_wwn(string text)
    {
        Assert.False(Wwn.TryParse(text, out _));
        var e = Assert.Throws<FormatException>(() => Wwn.Parse(text));
        Assert.Contains("exactly 16 hex digits", e.Message);
    }
}
