using BsgKit.Fc.Codes;
using BsgKit.Fc.Ct.Fdmi;
using BsgKit.Fc.Wire;

namespace BsgKit.Fc.Tests.Ct;

public class FdmiTests
{
    private static readonly byte[] AccHeader = [0x01, 0, 0, 0, 0xFA, 0x10, 0, 0, 0x80, 0x02, 0, 0, 0, 0, 0, 0];
    private static byte[] Acc(params byte[] payload) => [.. AccHeader, .. payload];

    private static byte[] Built(Func<byte[], int> build)
    {
        var buf = new byte[8192];
        return buf[..build(buf)];
    }

    [Fact]
    public void Gpat_hand_written_attribute_block()
    {
        var acc = Acc(
            0, 0, 0, 4,                                           // 4 attributes
            0x00, 0x02, 0x00, 0x08, 0x00, 0x00, 0x00, 0x70,       // supported speed: 8/16/32G (HBA-API bits)
            0x00, 0x08, 0x00, 0x0C, 0x21, 0, 0, 0x24, 0xFF, 1, 2, 3, // port name
            0x00, 0x06, 0x00, 0x0C, (byte)'h', (byte)'o', (byte)'s', (byte)'t', (byte)'1', 0, 0, 0, // host name
            0x77, 0x77, 0x00, 0x08, 0xDE, 0xAD, 0xBE, 0xEF);      // unknown type kept raw
        var attrs = Gpat.ParseAccept(acc);
        Assert.Equal(4, attrs.Count);
        Assert.Equal(FdmiValueKind.Speed, attrs[0].Kind);
        Assert.Equal("8 Gbit, 16 Gbit, 32 Gbit", attrs[0].SpeedNames);
        Assert.Equal("Supported speed", attrs[0].TypeName);
        Assert.Equal(new Wwn(0x21000024FF010203), attrs[1].Wwn);
        Assert.Equal("host1", attrs[2].Text);
        Assert.Equal(FdmiValueKind.Bytes, attrs[3].Kind);
        Assert.Equal(new byte[] { 0xDE, 0xAD, 0xBE, 0xEF }, attrs[3].RawValue);
        Assert.Equal(acc, Built(b => Gpat.BuildAccept(b, attrs)));
        Assert.Equal(new Wwn(5), Gpat.ParseRequest(Built(b => Gpat.BuildRequest(b, new Wwn(5)))));
        HostileInput.AssertOnlyWireErrors(acc, a => Gpat.ParseAccept(a));
    }

    [Fact]
    public void Attribute_length_shorter_than_header_or_past_the_end_is_a_wire_error()
    {
        Assert.Throws<FcWireFormatException>(() => Gpat.ParseAccept(Acc(0, 0, 0, 1, 0, 2, 0, 2)));
        Assert.Throws<FcWireFormatException>(() => Gpat.ParseAccept(Acc(0, 0, 0, 1, 0, 2, 0, 0x40, 0, 0, 0, 0)));
        Assert.Throws<FcWireFormatException>(() => Gpat.ParseAccept(Acc(0x7F, 0xFF, 0xFF, 0xFF)));
    }

    private static readonly FdmiAttribute[] HbaAttrs =
    [
        FdmiAttribute.FromWwn(FdmiAttributeScope.Hba, 0x1, new Wwn(0x20000024FF010203)),
        FdmiAttribute.FromText(FdmiAttributeScope.Hba, 0x2, "QLogic Corporation"),
        FdmiAttribute.FromNumber(FdmiAttributeScope.Hba, 0xE, 2),
    ];

    [Fact]
    public void Rhba_round_trips_and_offsets_follow_the_fact_sheet()
    {
        var reg = new FdmiHbaRegistration(new Wwn(0x20000024FF010203), [new Wwn(0x21000024FF010203)], HbaAttrs);
        var req = Built(b => Rhba.BuildRequest(b, reg));
        Assert.Equal(new byte[] { 0x02, 0x00 }, req[8..10]);
        Assert.Equal(new byte[] { 0, 0, 0, 1 }, req[24..28]);                  // port list count @8
        Assert.Equal(new byte[] { 0x21, 0, 0, 0x24, 0xFF, 1, 2, 3 }, req[28..36]);
        Assert.Equal(new byte[] { 0, 0, 0, 3 }, req[36..40]);                  // attribute count
        Assert.Equal(0, (req.Length - 16) % 4);
        var parsed = Rhba.ParseRequest(req);
        Assert.Equal(reg.HbaIdentifier, parsed.HbaIdentifier);
        Assert.Equal(reg.Ports, parsed.Ports);
        Assert.Equal(HbaAttrs, parsed.Attributes);
        Assert.Equal("QLogic Corporation", parsed.Attributes[1].Text);
        Assert.Equal("Manufacturer", parsed.Attributes[1].TypeName);
        HostileInput.AssertOnlyWireErrors(req, a => Rhba.ParseRequest(a));
        Assert.True(Rhba.ParseAccept(Built(b => Rhba.BuildAccept(b))).IsAccept);
    }

    [Fact]
    public void Queries_and_deregistrations_round_trip()
    {
        Wwn[] hbas = [new(1), new(2)];
        var grhl = Built(b => Grhl.BuildAccept(b, hbas));
        Assert.Equal(hbas, Grhl.ParseAccept(grhl));
        Grhl.ParseRequest(Built(b => Grhl.BuildRequest(b)));
        HostileInput.AssertOnlyWireErrors(grhl, a => Grhl.ParseAccept(a));

        Assert.Equal(hbas, Grpl.ParseAccept(Built(b => Grpl.BuildAccept(b, hbas))));
        Assert.Equal(new Wwn(3), Grpl.ParseRequest(Built(b => Grpl.BuildRequest(b, new Wwn(3)))));

        var ghat = Built(b => Ghat.BuildAccept(b, new FdmiHbaAttributes(hbas, HbaAttrs)));
        var hba = Ghat.ParseAccept(ghat);
        Assert.Equal(hbas, hba.Ports);
        Assert.Equal(HbaAttrs, hba.Attributes);
        Assert.Equal(new Wwn(4), Ghat.ParseRequest(Built(b => Ghat.BuildRequest(b, new Wwn(4)))));
        HostileInput.AssertOnlyWireErrors(ghat, a => Ghat.ParseAccept(a));

        var portAttrs = new[]
        {
            FdmiAttribute.FromFc4Types(FdmiAttributeScope.Port, 0x1, Fc4TypeSet.Of(Fc4Types.Fcp)),
            FdmiAttribute.FromNumber(FdmiAttributeScope.Port, 0x3, 0x20),
        };
        var rpa = Built(b => Rpa.BuildRequest(b, new Wwn(9), portAttrs));
        var (port, attrs) = Rpa.ParseRequest(rpa);
        Assert.Equal(new Wwn(9), port);
        Assert.True(attrs[0].Fc4Types!.Contains(Fc4Types.Fcp));
        Assert.Equal("16 Gbit", attrs[1].SpeedNames);
        Assert.True(Rpa.ParseAccept(Built(b => Rpa.BuildAccept(b))).IsAccept);

        Assert.Equal(new Wwn(7), Dhba.ParseRequest(Built(b => Dhba.BuildRequest(b, new Wwn(7)))));
        Assert.Equal(new Wwn(8), Dprt.ParseRequest(Built(b => Dprt.BuildRequest(b, new Wwn(8)))));
        Assert.True(Dhba.ParseAccept(Built(b => Dhba.BuildAccept(b))).IsAccept);
        Assert.True(Dprt.ParseAccept(Built(b => Dprt.BuildAccept(b))).IsAccept);
    }
}
