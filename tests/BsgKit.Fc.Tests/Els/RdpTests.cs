using BsgKit.Fc.Els;
using BsgKit.Fc.Wire;

namespace BsgKit.Fc.Tests.Els;

public class RdpTests
{
    [Fact]
    public void Request_hand_bytes()
    {
        var bytes = Hex.Bytes("18000000 | 0000000C | 00000003 | 00000004 | 00 010203");
        Assert.Equal(bytes, ElsSamples.Build(b => Rdp.BuildRequest(b, ElsSamples.Port)));
        Assert.Equal(ElsSamples.Port, Rdp.ParseRequest(bytes));
    }

    [Fact]
    public void Request_with_another_first_descriptor_is_a_wire_error() =>
        Assert.Throws<FcWireFormatException>(() => Rdp.ParseRequest(Hex.Bytes("18000000 0000000C 00010000 00000004 00010203")));

    [Fact]
    public void Accept_hand_bytes_sfp_diagnostics_and_port_speed()
    {
        var bytes = Hex.Bytes("""
            02000000
            00000020
            00010000 0000000C
            1980 80E8 1770 1388 0FA0 0071
            00010001 00000004
            0E00 0200
            """);
        var accept = Rdp.ParseAccept(bytes);
        Assert.Equal(2, accept.Descriptors.Count);

        var sfp = Assert.IsType<RdpSfpDiagnosticsDescriptor>(accept.Descriptors[0]);
        Assert.Same(sfp, accept.SfpDiagnostics);
        Assert.Equal("SFP diagnostics", sfp.TagName);
        Assert.Equal(25.5, sfp.TemperatureCelsius, 6);
        Assert.Equal(3.3, sfp.SupplyVoltageVolts, 6);
        Assert.Equal(12.0, sfp.TxBiasMilliamps, 6);
        Assert.Equal(500.0, sfp.TxPowerMicrowatts, 6);
        Assert.Equal(400.0, sfp.RxPowerMicrowatts, 6);
        Assert.Equal("Short wave laser", sfp.TransceiverTypeName);
        Assert.True(sfp.IsOpticalPort);
        Assert.True(sfp.IsDescriptorValid);
        Assert.Equal("SFP+", sfp.ConnectorTypeName);

        var speed = accept.PortSpeed!;
        Assert.Equal(["8 Gbit", "16 Gbit", "32 Gbit"], speed.SpeedCapabilityNames);
        Assert.Equal("32 Gbit", speed.OperatingSpeedName);
        Assert.Null(accept.Fec);

        Assert.Equal(bytes, ElsSamples.Build(b => Rdp.BuildAccept(b, accept.Descriptors)));
    }

    [Fact]
    public void Sfp_temperature_is_signed()
    {
        var sfp = new RdpSfpDiagnosticsDescriptor(0xFF80, 0, 0, 0, 0, 0);
        Assert.Equal(-0.5, sfp.TemperatureCelsius, 6);
        Assert.Equal("Optical", sfp.TransceiverTypeName);
        Assert.False(sfp.IsOpticalPort);
    }

    [Fact]
    public void Accept_round_trips_every_descriptor()
    {
        var descriptors = ElsSamples.RdpDescriptors();
        var bytes = ElsSamples.Build(b => Rdp.BuildAccept(b, descriptors));
        var accept = Rdp.ParseAccept(bytes);
        Assert.Equal(descriptors.Count, accept.Descriptors.Count);
        for (var i = 0; i < descriptors.Count; i++)
        {
            if (descriptors[i] is RdpUnknownDescriptor u)
            {
                var back = Assert.IsType<RdpUnknownDescriptor>(accept.Descriptors[i]);
                Assert.Equal(u.RawTag, back.RawTag);
                Assert.Equal(u.Value, back.Value);
            }
            else
            {
                Assert.Equal(descriptors[i], accept.Descriptors[i]);
            }
        }

        Assert.Equal("RDP", accept.LinkService!.RequestCommandName);
        Assert.Equal(ElsSamples.Wwpn, accept.DiagnosticPortNames!.Wwpn);
        Assert.Equal(new Wwn(0x200100051e000001), accept.AttachedPortNames!.Wwpn);
        Assert.Equal(2, accept.LinkErrorStatus!.PortType);
        Assert.Equal(ElsSamples.Lesb, accept.LinkErrorStatus.Lesb);
        Assert.Equal(new RdpFecDescriptor(12, 3), accept.Fec);
        Assert.Equal(1200u, accept.BufferCredit!.RoundTripLatency);
        Assert.Equal("FINISAR CORP.", accept.OpticalProduct!.Vendor);
        Assert.Equal("190401", accept.OpticalProduct.Date);
        Assert.Equal(5, accept.OpticalElements.Count);
        Assert.Equal("unknown (0x1ffff)", accept.Descriptors[^1].TagName);
    }

    [Fact]
    public void Optical_elements_hand_bytes_with_thresholds_and_flags()
    {
        var bytes = Hex.Bytes("""
            02000000
            00000028
            00010007 0000000C
            5500 F600 5000 0000 1000000A
            00010007 0000000C
            4E20 0064 3E80 00C8 50000005
            """);
        var accept = Rdp.ParseAccept(bytes);
        var temperature = accept.OpticalElements[0];
        Assert.Equal("Temperature", temperature.ElementTypeName);
        Assert.Equal("°C", temperature.ThresholdUnit);
        Assert.Equal(85.0, temperature.HighAlarmValue, 6);
        Assert.Equal(-10.0, temperature.LowAlarmValue, 6);
        Assert.Equal(80.0, temperature.HighWarningValue, 6);
        Assert.True(temperature.HighAlarm);
        Assert.True(temperature.HighWarning);
        Assert.False(temperature.LowAlarm);
        Assert.Equal(["High alarm", "High warning"], temperature.TransgressionNames);

        var rx = accept.OpticalElements[1];
        Assert.Equal("RX power", rx.ElementTypeName);
        Assert.Equal("µW", rx.ThresholdUnit);
        Assert.Equal(2000.0, rx.HighAlarmValue, 6);
        Assert.Equal(10.0, rx.LowAlarmValue, 6);
        Assert.Equal(20.0, rx.LowWarningValue, 6);
        Assert.Equal(["Low alarm", "Low warning"], rx.TransgressionNames);
    }

    [Fact]
    public void Optical_product_hand_bytes_are_space_padded_ascii()
    {
        var bytes = Hex.Bytes("""
            02000000 00000044
            00010008 0000003C
            46494E4953415220434F52502E202020
            46544C463835333250344243562020 20
            50584B32414243202020202020202020
            41202020
            3139303430312020
            """);
        var product = Rdp.ParseAccept(bytes).OpticalProduct!;
        Assert.Equal(new RdpOpticalProductDescriptor("FINISAR CORP.", "FTLF8532P4BCV", "PXK2ABC", "A", "190401"), product);
        Assert.Equal(bytes, ElsSamples.Build(b => Rdp.BuildAccept(b, [product])));
    }

    [Fact]
    public void Unknown_and_longer_descriptors_are_kept()
    {
        var bytes = Hex.Bytes("""
            02000000 00000018
            0002ABCD 00000002 BEEF
            00010005 00000008 00000001 00000002
            """);
        // 0x18 = 10 + 16 would overrun; use the exact list of 26 bytes instead.
        bytes[7] = 26;
        var accept = Rdp.ParseAccept(bytes);
        var unknown = Assert.IsType<RdpUnknownDescriptor>(accept.Descriptors[0]);
        Assert.Equal(0x0002ABCDu, unknown.Tag);
        Assert.Equal(new byte[] { 0xBE, 0xEF }, unknown.Value);
        Assert.Equal(new RdpFecDescriptor(1, 2), accept.Fec);
    }

    [Fact]
    public void Short_known_descriptor_is_a_wire_error()
    {
        var bytes = Hex.Bytes("02000000 0000000C 00010001 00000002 0E00 0000");
        bytes[7] = 10;
        var e = Assert.Throws<FcWireFormatException>(() => Rdp.ParseAccept(bytes[..18]));
        Assert.Contains("Port speed", e.Message);
    }

    [Fact]
    public void Descriptor_list_length_past_the_payload_is_a_wire_error() =>
        Assert.Throws<FcWireFormatException>(() => Rdp.ParseAccept(Hex.Bytes("02000000 FFFFFFF0 00010005 00000008")));
}
