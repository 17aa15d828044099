using BsgKit.Fc;
using BsgKit.Simulator.Hosting.Fcoe.Wire;

namespace BsgKit.Simulator.Tests.Fcoe;

public sealed class FcoeCodecTests
{
    [Fact]
    public void The_fc_crc_is_the_standard_crc32()
    {
        // The CRC-32 check value; fcoe stores ~crc32_le(~0, frame), which is this.
        Assert.Equal(0xCBF43926u, FcoeFrame.Crc("123456789"u8));
    }

    [Fact]
    public void An_fcoe_frame_round_trips_with_fill_crc_and_delimiters()
    {
        var h = new FcFrameHeader(FcFrameCodes.RctlElsRequest, new FcId(0x010500), new FcId(0x010100), FcFrameCodes.TypeEls,
            FcFrameCodes.RequestFctl, 3, 0, 0x1234, FcFrameCodes.UnknownXid, 0);
        var frame = new byte[256];
        var n = FcoeFrame.Build(frame, new MacAddress(0x0efc00010500), new MacAddress(0x02005e00fa01), FcFrameCodes.SofI3, h, [0x10, 0, 0, 0, 0xAA], FcFrameCodes.EofT);
        Assert.Equal(14 + 14 + 24 + 8 + 8, n); // 5 payload bytes + 3 fill
        Assert.Equal(FcoeFrameError.None, FcoeFrame.Parse(frame.AsSpan(0, n), out var fc, out var sof, out var eof));
        Assert.Equal(FcFrameCodes.SofI3, sof);
        Assert.Equal(FcFrameCodes.EofT, eof);
        var back = FcFrameHeader.Read(fc);
        Assert.Equal(3, back.FillBytes);
        Assert.Equal(h with { Fctl = h.Fctl | 3 }, back);
        Assert.Equal(new byte[] { 0x10, 0, 0, 0, 0xAA, 0, 0, 0 }, fc[24..].ToArray());
    }

    [Theory]
    [InlineData(59, FcoeFrameError.TooShort)]
    [InlineData(-1, FcoeFrameError.BadCrc)]
    [InlineData(-2, FcoeFrameError.BadSof)]
    [InlineData(-3, FcoeFrameError.BadEof)]
    [InlineData(-4, FcoeFrameError.BadVersion)]
    public void Bad_fcoe_frames_are_recognised(int damage, FcoeFrameError expected)
    {
        var h = new FcFrameHeader(FcFrameCodes.RctlElsRequest, new FcId(1), new FcId(2), FcFrameCodes.TypeEls, 0, 0, 0, 1, 2, 0);
        var frame = new byte[128];
        var n = FcoeFrame.Build(frame, default, default, FcFrameCodes.SofI3, h, [1, 2, 3, 4], FcFrameCodes.EofT);
        switch (damage)
        {
            case -1: frame[40] ^= 1; break;
            case -2: frame[27] = 0x99; break;
            case -3: frame[n - 4] = 0x99; break;
            case -4: frame[14] = 0x10; break;
            default: n = damage; break;
        }
        Assert.Equal(expected, FcoeFrame.Parse(frame.AsSpan(0, n), out _, out _, out _));
    }

    [Fact]
    public void An_advertisement_carries_exactly_the_five_descriptors_linux_requires()
    {
        var adv = new FipAdvertisementInfo(new MacAddress(0x02005e00fa01), 128, new Wwn(0x100000051e0f0001), new Wwn(0x100000051e0f0001),
            FipCodes.DefaultFcMap, 0, 8000, FipCodes.FlagFpma | FipCodes.FlagAvailable | FipCodes.FlagSolicited);
        var frame = new byte[2200];
        var n = FipAdvertisement.Build(frame, new MacAddress(0x02005e000a01), adv, padTo: 14 + 2158);
        Assert.Equal(14 + 2158, n);
        Assert.Equal(FipFrameError.None, FipFrame.TryParse(frame.AsSpan(0, n), out var fip));
        Assert.Equal(FipFrameError.None, FipAdvertisement.Parse(fip, out var back));
        Assert.Equal(adv, back);
        var types = new List<byte>();
        foreach (var d in fip) types.Add(d.Type);
        Assert.Equal(new byte[] { FipCodes.DescPriority, FipCodes.DescMac, FipCodes.DescName, FipCodes.DescFabric, FipCodes.DescFka }, types);
    }

    [Fact]
    public void Unknown_critical_fip_descriptors_are_refused_and_non_critical_ones_ignored()
    {
        var frame = new byte[128];
        var w = new FipWriter(frame, MacAddress.AllFcfMacs, new MacAddress(0x02005e000a01), FipCodes.OpDiscovery, FipCodes.SubSolicitation, FipCodes.FlagFpma);
        w.Mac(new MacAddress(0x02005e000a01));
        w.Name(new Wwn(0x1000_02005e000a01));
        w.Raw(200, [0, 0]);
        var n = w.Finish();
        Assert.Equal(FipFrameError.None, FipFrame.TryParse(frame.AsSpan(0, n), out var fip));
        Assert.Equal(FipFrameError.None, FipSolicitation.Parse(fip, out var sol));
        Assert.Equal(new Wwn(0x1000_02005e000a01), sol.NodeName);

        w = new FipWriter(frame, MacAddress.AllFcfMacs, new MacAddress(0x02005e000a01), FipCodes.OpDiscovery, FipCodes.SubSolicitation, FipCodes.FlagFpma);
        w.Mac(new MacAddress(0x02005e000a01));
        w.Name(new Wwn(0x1000_02005e000a01));
        w.Raw(99, [0, 0]);
        n = w.Finish();
        Assert.Equal(FipFrameError.None, FipFrame.TryParse(frame.AsSpan(0, n), out fip));
        Assert.Equal(FipFrameError.UnknownCriticalDescriptor, FipSolicitation.Parse(fip, out _));
    }

    [Fact]
    public void A_descriptor_list_longer_than_the_frame_is_refused()
    {
        var frame = new byte[64];
        var w = new FipWriter(frame, MacAddress.AllFcfMacs, new MacAddress(2), FipCodes.OpDiscovery, FipCodes.SubSolicitation, 0);
        w.Mac(new MacAddress(2));
        var n = w.Finish();
        frame[14 + 7] = 40; // 160 bytes of descriptors claimed
        Assert.Equal(FipFrameError.BadLength, FipFrame.TryParse(frame.AsSpan(0, n), out _));
        frame[14 + 7] = 2;
        frame[14 + 10 + 1] = 0; // a descriptor of length 0
        Assert.Equal(FipFrameError.BadDescriptorLength, FipFrame.TryParse(frame.AsSpan(0, n), out _));
    }

    [Fact]
    public void Fpma_puts_fc_map_over_the_fc_id()
    {
        Assert.Equal("0e:fc:00:01:02:00", MacAddress.Fpma(FipCodes.DefaultFcMap, 0x010200).ToString());
        Assert.Equal(MacAddress.Parse("0E:FC:00:01:02:00"), MacAddress.Fpma(FipCodes.DefaultFcMap, 0x010200));
    }
}
