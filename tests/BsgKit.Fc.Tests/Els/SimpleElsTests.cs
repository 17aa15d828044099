using BsgKit.Fc.Els;
using BsgKit.Fc.Wire;

namespace BsgKit.Fc.Tests.Els;

/// <summary>ECHO, ADISC, RTV, LIRR and SRL.</summary>
public class SimpleElsTests
{
    [Fact]
    public void Echo_request_and_accept_hand_bytes()
    {
        var request = Hex.Bytes("10 000000 | 00000001 DEADBEEF");
        Assert.Equal(request, ElsSamples.Build(b => Echo.BuildRequest(b, Hex.Bytes("00000001 DEADBEEF"))));
        var data = Echo.ParseRequest(request);
        var accept = ElsSamples.Build(b => Echo.BuildAccept(b, data));
        Assert.Equal(Hex.Bytes("02 000000 | 00000001 DEADBEEF"), accept);
        Assert.Equal(data, Echo.ParseAccept(accept));
    }

    [Fact]
    public void Echo_accepts_empty_and_maximum_data()
    {
        Assert.Empty(Echo.ParseAccept(ElsSamples.Build(b => Echo.BuildAccept(b, []))));
        var max = new byte[Echo.MaxDataLength];
        new Random(7).NextBytes(max);
        var bytes = ElsSamples.Build(b => Echo.BuildRequest(b, max));
        Assert.Equal(2112, bytes.Length);
        Assert.Equal(max, Echo.ParseRequest(bytes));
        Assert.Throws<ArgumentException>(() => Echo.BuildRequest(new byte[3000], new byte[Echo.MaxDataLength + 1]));
    }

    [Fact]
    public void Adisc_hand_bytes()
    {
        var request = Hex.Bytes("52 000000 | 00 0000EF | 2000001b32a0b1c2 | 2000001b32a0b1c3 | 00 010203");
        var parameters = Adisc.ParseRequest(request);
        Assert.Equal(new AdiscParameters(new FcId(0xEF), ElsSamples.Wwpn, ElsSamples.Wwnn, ElsSamples.Port), parameters);
        Assert.Equal(request, ElsSamples.Build(b => Adisc.BuildRequest(b, parameters)));

        var accept = (byte[])request.Clone();
        accept[0] = 0x02;
        Assert.Equal(parameters, Adisc.ParseAccept(accept));
        Assert.Equal(accept, ElsSamples.Build(b => Adisc.BuildAccept(b, parameters)));
    }

    [Fact]
    public void Rtv_hand_bytes()
    {
        Assert.Equal(Hex.Bytes("0E 000000"), ElsSamples.Build(b => Rtv.BuildRequest(b)));
        Rtv.ParseRequest(Hex.Bytes("0E 000000"));

        var bytes = Hex.Bytes("02 000000 | 00002710 | 000007D0 | 00000000");
        var accept = Rtv.ParseAccept(bytes);
        Assert.Equal(TimeSpan.FromSeconds(10), accept.RaTov);
        Assert.Equal(TimeSpan.FromSeconds(2), accept.EdTov);
        Assert.False(accept.EdTovInNanoseconds);
        Assert.Equal(TimeSpan.FromTicks(100 * TimeSpan.TicksPerMillisecond), accept.RtTov);
        Assert.Empty(accept.TimeoutQualifierNames);
        Assert.Equal(bytes, ElsSamples.Build(b => Rtv.BuildAccept(b, accept)));
    }

    [Fact]
    public void Rtv_timeout_qualifier_bits()
    {
        var accept = Rtv.ParseAccept(Hex.Bytes("02 000000 | 00002710 | 001E8480 | 04080000"));
        Assert.True(accept.EdTovInNanoseconds);
        Assert.True(accept.RtTovIs100Microseconds);
        Assert.Equal(TimeSpan.FromMilliseconds(2), accept.EdTov); // 2,000,000 ns
        Assert.Equal(TimeSpan.FromTicks(1000), accept.RtTov);
        Assert.Equal(2, accept.TimeoutQualifierNames.Count);
    }

    [Fact]
    public void Lirr_hand_bytes()
    {
        var bytes = Hex.Bytes("7A 000000 | FF 08 0000");
        var request = Lirr.ParseRequest(bytes);
        Assert.Equal("Clear", request.RegistrationFunctionName);
        Assert.Equal(0x08, request.Format);
        Assert.Equal(bytes, ElsSamples.Build(b => Lirr.BuildRequest(b, request)));
    }

    [Fact]
    public void Srl_hand_bytes()
    {
        var bytes = Hex.Bytes("7B 000000 | 01 | 0100EF");
        var request = Srl.ParseRequest(bytes);
        Assert.Equal(new SrlRequest(1, 0x0100EF), request);
        Assert.Equal("Scan one loop", request.FlagName);
        Assert.Equal(bytes, ElsSamples.Build(b => Srl.BuildRequest(b, request)));
        Assert.Throws<ArgumentOutOfRangeException>(() => Srl.BuildRequest(new byte[8], new SrlRequest(0, 0x1000000)));
    }

    [Fact]
    public void Accept_parser_given_a_request_reports_the_code()
    {
        var e = Assert.Throws<FcWireFormatException>(() => Lirr.ParseAccept(Hex.Bytes("7A 000000 FF 08 0000")));
        Assert.Contains("LIRR", e.Message);
        Assert.Contains("neither LS_ACC nor LS_RJT", e.Message);
    }
}
