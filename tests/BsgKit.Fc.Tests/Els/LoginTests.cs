using BsgKit.Fc.Els;
using BsgKit.Fc.Wire;

namespace BsgKit.Fc.Tests.Els;

/// <summary>PLOGI / FLOGI / FDISC service parameters and LOGO.</summary>
public class LoginTests
{
    // 116 bytes: cmd, CSP @4, WWPN @20, WWNN @28, class 1 @36, class 2 @52, class 3 @68, class 4 @84, vendor version @100.
    private static readonly byte[] PlogiHand = Hex.Bytes("""
        03 000000
        20 20 000A 8800 0800 00FF 0002 000007D0
        2000001b32a0b1c2
        2000001b32a0b1c3
        00000000000000000000000000000000
        00000000000000000000000000000000
        8800 0000 0000 0800 00FF 0000 00 01 0000
        00000000000000000000000000000000
        00000000000000000000000000000000
        """);

    [Fact]
    public void Plogi_request_hand_bytes_with_named_bits()
    {
        Assert.Equal(116, PlogiHand.Length);
        var sp = Plogi.ParseRequest(PlogiHand);
        Assert.Equal(0x20, sp.Common.HighestVersion);
        Assert.Equal(10, sp.Common.BbCredit);
        Assert.Equal(["NPIV / CIRO / CLAD", "ABB"], sp.Common.FeatureNames);
        Assert.Equal(2048, sp.Common.ReceiveDataFieldSize);
        Assert.Equal(255, sp.Common.TotalConcurrentSequences);
        Assert.Equal(2, sp.Common.RelativeOffsetByCategory);
        Assert.Equal(2000u, sp.Common.EdTovMilliseconds);
        Assert.Equal(ElsSamples.Wwpn, sp.Wwpn);
        Assert.Equal(ElsSamples.Wwnn, sp.Wwnn);
        Assert.False(sp.Class1.IsValid);
        Assert.False(sp.Class2.IsValid);
        Assert.True(sp.Class3.IsValid);
        Assert.Equal(["VALID", "SEQ"], sp.Class3.OptionNames);
        Assert.Equal(2048, sp.Class3.ReceiveDataFieldSize);
        Assert.Equal(255, sp.Class3.ConcurrentSequences);
        Assert.Equal(1, sp.Class3.OpenSequencesPerExchange);

        Assert.Equal(PlogiHand, ElsSamples.Build(b => Plogi.BuildRequest(b, sp)));
    }

    [Fact]
    public void Plogi_accept_is_the_same_layout_with_ls_acc()
    {
        var acc = (byte[])PlogiHand.Clone();
        acc[0] = 0x02;
        var sp = Plogi.ParseAccept(acc);
        Assert.Equal(acc, ElsSamples.Build(b => Plogi.BuildAccept(b, sp)));
        Assert.Throws<FcWireFormatException>(() => Plogi.ParseRequest(acc));
    }

    [Fact]
    public void Flogi_accept_reads_r_a_tov()
    {
        var common = ElsSamples.Login.Common with { Features = 0x1000, Word2 = 10000 };
        var sp = ElsSamples.Login with { Common = common };
        var bytes = ElsSamples.Build(b => Flogi.BuildAccept(b, sp));
        var back = Flogi.ParseAccept(bytes);
        Assert.Equal(10000u, back.Common.RaTovMilliseconds);
        Assert.Equal(["FPORT"], back.Common.FeatureNames);
        Assert.True(back.Common.HasFeature(0x1000));
    }

    [Theory]
    [InlineData(0x03)]
    [InlineData(0x04)]
    [InlineData(0x51)]
    public void Login_requests_round_trip(byte code)
    {
        Func<byte[], int> build = code switch
        {
            0x03 => b => Plogi.BuildRequest(b, ElsSamples.Login),
            0x04 => b => Flogi.BuildRequest(b, ElsSamples.Login),
            _ => b => Fdisc.BuildRequest(b, ElsSamples.Login),
        };
        Func<byte[], ServiceParameters> parse = code switch
        {
            0x03 => b => Plogi.ParseRequest(b),
            0x04 => b => Flogi.ParseRequest(b),
            _ => b => Fdisc.ParseRequest(b),
        };
        var bytes = ElsSamples.Build(build);
        Assert.Equal(116, bytes.Length);
        Assert.Equal(code, bytes[0]);
        var back = parse(bytes);
        Assert.Equal(ElsSamples.Login.Common, back.Common);
        Assert.Equal(ElsSamples.Login.Class3, back.Class3);
        Assert.Equal(ElsSamples.Login.Wwpn, back.Wwpn);
        Assert.Equal(ElsSamples.Login.VendorVersionLevel, back.VendorVersionLevel);
        Assert.Equal(0x88, bytes[68]); // class 3 block at offset 68
    }

    [Fact]
    public void Logo_request_hand_bytes()
    {
        var bytes = Hex.Bytes("05 000000 | 00 010203 | 2000001b32a0b1c2");
        var request = Logo.ParseRequest(bytes);
        Assert.Equal(new LogoRequest(ElsSamples.Port, ElsSamples.Wwpn), request);
        Assert.Equal(bytes, ElsSamples.Build(b => Logo.BuildRequest(b, request)));
    }
}
