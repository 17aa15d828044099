using BsgKit.Bsg;
using BsgKit.Fc.Codes;
using BsgKit.Fc.FcBsg;

namespace BsgKit.Fc.Tests.FcBsg;

/// <summary>The zero-allocation readers agree with the builders and with Parse; the SFP conversions round-trip.</summary>
public sealed class SharedReaderTests
{
    [Fact]
    public void Request_reader_reads_what_the_builders_wrote_and_zero_past_the_end()
    {
        var buf = new byte[32];
        FcBsgRequest.BuildHostCt(buf, new FcId(0x0A0B0C), new CtPreambleWords(1, 0xFC020000, 3), PortIdOrder.Reversed);
        var r = new FcBsgRequestReader(buf.AsSpan(0, FcBsgRequest.Size));
        Assert.Equal(FcBsgMsgCode.HostCt, r.MsgCode);
        Assert.Equal(new FcId(0x0A0B0C), r.PortId(PortIdOrder.Reversed));
        Assert.Equal(0xFCu, r.PreambleAt(FcBsgRequest.HostCtPreambleOffset).GsTypeAsInteger);
        Assert.Equal(0u, r.WordAt(FcBsgRequest.Size)); // past request_len

        var len = FcBsgRequest.BuildVendor(buf, VendorId.Emulex, [6, 7]);
        var v = new FcBsgRequestReader(buf.AsSpan(0, len));
        Assert.Equal(VendorId.Emulex, v.VendorId);
        Assert.Equal(2, v.VendorCommandCount);
        Assert.Equal(7u, v.VendorCommand(1));
        // The kernel reads vendor_id without checking request_len: the missing bytes read as 0.
        var cut = new FcBsgRequestReader(buf.AsSpan(0, 6));
        Assert.Equal(VendorId.Emulex & 0xFFFF, cut.VendorId);
        Assert.False(new FcBsgRequestReader(buf.AsSpan(0, 3)).HasMsgCode);
        Assert.Equal(default, new FcBsgRequestReader(buf.AsSpan(0, 7)).PortId());
    }

    [Fact]
    public void Reply_reader_and_parse_agree_at_every_response_length()
    {
        var buf = new byte[28];
        FcBsgReply.BuildQlogicExtended(buf, -5, 77, FcCtelsStatus.FBsy, 0x28, 2, 3);
        buf[13] = 0x09;
        for (var n = -1; n <= 30; n++)
        {
            var r = new FcBsgReplyReader(buf, n);
            var p = FcBsgReply.Parse(buf, n);
            Assert.Equal(p.Length, r.Length);
            Assert.Equal(p.Result, r.Result);
            Assert.Equal(p.ReceivedPayloadLength, r.ReceivedPayloadLength);
            Assert.Equal(p.Status, r.Status);
            Assert.Equal(p.RejectData, r.RejectData);
            Assert.Equal(p.FirmwareStatus is not null, r.HasFirmwareStatus);
            Assert.Equal(p.VendorResponse.Length, r.VendorResponseCount);
        }
        Assert.Equal(0x28u, new FcBsgReplyReader(buf, 28).FirmwareStatus(0));
    }

    [Fact]
    public void Readers_allocate_nothing()
    {
        var req = new byte[FcBsgRequest.Size];
        FcBsgRequest.BuildHostElsNoLogin(req, ElsCommands.Echo, new FcId(0x010203));
        var rep = new byte[FcBsgReply.Size];
        FcBsgReply.Build(rep, 0, 8, FcCtelsStatus.Reject, new FcBsgRejectData(0, 9, 0x2A, 0));
        long sum = 0;
        Read(req, rep, ref sum); // JIT first
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++) Read(req, rep, ref sum);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.NotEqual(0, sum);

        static void Read(byte[] req, byte[] rep, ref long sum)
        {
            var q = new FcBsgRequestReader(req);
            sum += (uint)q.MsgCode + q.PortId().Value + q.HostElsCommand + (long)q.VendorId;
            var r = new FcBsgReplyReader(rep, rep.Length);
            sum += (r.Result ?? 0) + (r.ReceivedPayloadLength ?? 0) + (r.RejectData?.Reason ?? 0);
        }
    }

    [Theory]
    [InlineData(RdpDescriptors.Temperature, -40.0, 1 / 256.0)]
    [InlineData(RdpDescriptors.Temperature, 36.5, 1 / 256.0)]
    [InlineData(RdpDescriptors.Voltage, 3.3, 100e-6)]
    [InlineData(RdpDescriptors.TxBias, 7.25, 0.002)]
    [InlineData(RdpDescriptors.TxPower, 562.3, 0.1)]
    [InlineData(RdpDescriptors.RxPower, 16.0, 0.1)]
    public void Sfp_units_round_trip_to_within_half_a_step(int element, double value, double step)
    {
        var back = SfpUnits.ToEngineering(element, SfpUnits.ToRaw(element, value));
        Assert.InRange(back, value - step / 2, value + step / 2);
    }

    [Theory]
    [InlineData(RdpDescriptors.Temperature)]
    [InlineData(RdpDescriptors.Voltage)]
    [InlineData(RdpDescriptors.TxBias)]
    [InlineData(RdpDescriptors.TxPower)]
    [InlineData(RdpDescriptors.RxPower)]
    public void Every_raw_value_survives_decode_and_encode(int element)
    {
        for (var raw = 0; raw <= ushort.MaxValue; raw += 97)
            Assert.Equal((ushort)raw, SfpUnits.ToRaw(element, SfpUnits.ToEngineering(element, (ushort)raw)));
    }

    [Fact]
    public void Sfp_raw_values_clamp_to_the_field()
    {
        Assert.Equal(unchecked((ushort)short.MaxValue), SfpUnits.ToRaw(RdpDescriptors.Temperature, 1000));
        Assert.Equal(unchecked((ushort)short.MinValue), SfpUnits.ToRaw(RdpDescriptors.Temperature, -1000));
        Assert.Equal(0, SfpUnits.ToRaw(RdpDescriptors.RxPower, -1));
        Assert.Equal(ushort.MaxValue, SfpUnits.ToRaw(RdpDescriptors.TxPower, 1e9));
    }

    [Fact]
    public void Fc4_aliases_resolve_to_table_codes()
    {
        foreach (var (alias, code) in Fc4Types.Aliases)
        {
            Assert.True(Fc4Types.TryParseName(alias.ToUpperInvariant(), out var c));
            Assert.Equal(code, c);
            Assert.True(Fc4Types.Table.Contains(code));
        }
        Assert.True(Fc4Types.TryParseName("FCP (SCSI)", out var fcp) && fcp == Fc4Types.Fcp);
        Assert.False(Fc4Types.TryParseName("0x08", out _));
    }

    [Fact]
    public void Port_speed_generations_are_named_in_both_tables()
    {
        foreach (var g in PortSpeeds.Generations.Append(PortSpeeds.TenGig))
        {
            Assert.Equal($"{g.Gbit} Gbit", PortSpeeds.Link.Find(g.Link));
            Assert.Equal($"{g.Gbit} Gbit", PortSpeeds.HbaApi.Find(g.HbaApi));
        }
    }
}
