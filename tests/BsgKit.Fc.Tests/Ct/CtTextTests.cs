using System.Text;
using BsgKit.Fc.Ct;

namespace BsgKit.Fc.Tests.Ct;

/// <summary>GS text objects (symbolic names, zone names …) are encoded exactly as Encoding.Latin1 encodes them.</summary>
public class CtTextTests
{
    [Theory]
    [InlineData("")]
    [InlineData("IBM 2145 FlashSystem array1 port1")]
    [InlineData("caf\u00e9 \u00ff \u0000 \u007f \u0080")]  // all Latin-1: one byte each
    [InlineData("\u20ac uro")]                             // beyond Latin-1: Encoding.Latin1's replacement
    [InlineData("emoji \ud83d\ude00 pair")]                // a surrogate pair
    [InlineData("lone \ud800 surrogate")]
    public void Text_is_encoded_as_Latin1_encodes_it(string text) =>
        Assert.Equal(Encoding.Latin1.GetBytes(text), CtIu.EncodeText(text, 1000, "text"));

    [Fact]
    public void Text_longer_than_the_field_is_refused() =>
        Assert.Throws<ArgumentException>(() => CtIu.EncodeText(new string('a', 256), CtIu.MaxTextBytes, "symbolic name"));
}
