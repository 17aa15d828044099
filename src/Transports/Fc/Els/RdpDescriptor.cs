using System.Buffers.Binary;
using BsgKit.Fc.Codes;
using BsgKit.Fc.Wire;

namespace BsgKit.Fc.Els;

/// <summary>
/// One RDP accept descriptor (TLV: tag u32, value length u32, value). Known tags decode to the subclasses below;
/// any other tag becomes <see cref="RdpUnknownDescriptor"/> with its value kept raw.
/// </summary>
public abstract record RdpDescriptor
{
    /// <summary>The descriptor tag (descriptor bytes 0–3) saying which descriptor this is.</summary>
    public abstract uint Tag { get; }
    /// <summary>The name of the tag, from the code tables ("unknown (0x..)" when not in them).</summary>
    public string TagName => RdpDescriptors.Tags.NameOf(Tag);

    /// <summary>Length of the value as written by the builder (the descriptor length field).</summary>
    internal abstract int ValueLength { get; }
    internal abstract void WriteValue(Span<byte> value);
}

/// <summary>Link service descriptor: echo of the request's word 0.</summary>
public sealed record RdpLinkServiceDescriptor(uint RequestWord0) : RdpDescriptor
{
    /// <summary>The descriptor tag (descriptor bytes 0–3).</summary>
    public override uint Tag => RdpDescriptors.LinkServiceTag;
    /// <summary>The name of the request command, from the code tables ("unknown (0x..)" when not in them).</summary>
    public string RequestCommandName => ElsCommands.Table.NameOf(RequestWord0 >> 24);
    internal override int ValueLength => 4;
    internal override void WriteValue(Span<byte> v) => BinaryPrimitives.WriteUInt32BigEndian(v, RequestWord0);
    internal static RdpLinkServiceDescriptor Read(in WireReader r, int o) => new(r.U32(o));
}

/// <summary>
/// SFP diagnostics: raw SFF-8472 A2h readings plus the lpfc-style flags word. Converted properties use the
/// SFF-8472 units: temperature 1/256 °C (signed), Vcc 100 µV, TX bias 2 µA, TX/RX power 0.1 µW.
/// </summary>
public sealed record RdpSfpDiagnosticsDescriptor(
    ushort TemperatureRaw, ushort SupplyVoltageRaw, ushort TxBiasRaw, ushort TxPowerRaw, ushort RxPowerRaw, ushort Flags)
    : RdpDescriptor
{
    /// <summary>The descriptor tag (descriptor bytes 0–3).</summary>
    public override uint Tag => RdpDescriptors.SfpDiagnosticsTag;

    /// <summary>The transceiver temperature in °C (raw is signed, 1/256 °C).</summary>
    public double TemperatureCelsius => SfpUnits.ToEngineering(RdpDescriptors.Temperature, TemperatureRaw);
    /// <summary>The supply voltage Vcc in V (raw step 100 µV).</summary>
    public double SupplyVoltageVolts => SfpUnits.ToEngineering(RdpDescriptors.Voltage, SupplyVoltageRaw);
    /// <summary>The laser bias current in mA (raw step 2 µA).</summary>
    public double TxBiasMilliamps => SfpUnits.ToEngineering(RdpDescriptors.TxBias, TxBiasRaw);
    /// <summary>The transmitted optical power in µW (raw step 0.1 µW).</summary>
    public double TxPowerMicrowatts => SfpUnits.ToEngineering(RdpDescriptors.TxPower, TxPowerRaw);
    /// <summary>The received optical power in µW (raw step 0.1 µW).</summary>
    public double RxPowerMicrowatts => SfpUnits.ToEngineering(RdpDescriptors.RxPower, RxPowerRaw);

    /// <summary>Flags bits 3:0 (lpfc SFP_FLAG_PT_*).</summary>
    public string TransceiverTypeName => RdpDescriptors.SfpTransceiverTypes.NameOf((uint)(Flags & RdpDescriptors.SfpTransceiverMask));
    /// <summary>Flags bit 4: the connector is optical (LC).</summary>
    public bool IsOpticalPort => (Flags & RdpDescriptors.SfpFlagOpticalPort) != 0;
    /// <summary>Flags bit 5 (lpfc SFP_FLAG_IS_DESC_VALID).</summary>
    public bool IsDescriptorValid => (Flags & RdpDescriptors.SfpFlagDescriptorValid) != 0;
    /// <summary>Flags bits 9:6 (lpfc SFP_FLAG_CT_*, shift 6).</summary>
    public string ConnectorTypeName => RdpDescriptors.SfpConnectorTypes.NameOf((uint)((Flags >> RdpDescriptors.SfpConnectorShift) & RdpDescriptors.SfpConnectorMask));

    internal override int ValueLength => 12;
    internal override void WriteValue(Span<byte> v)
    {
        BinaryPrimitives.WriteUInt16BigEndian(v, TemperatureRaw);
        BinaryPrimitives.WriteUInt16BigEndian(v[2..], SupplyVoltageRaw);
        BinaryPrimitives.WriteUInt16BigEndian(v[4..], TxBiasRaw);
        BinaryPrimitives.WriteUInt16BigEndian(v[6..], TxPowerRaw);
        BinaryPrimitives.WriteUInt16BigEndian(v[8..], RxPowerRaw);
        BinaryPrimitives.WriteUInt16BigEndian(v[10..], Flags);
    }
    internal static RdpSfpDiagnosticsDescriptor Read(in WireReader r, int o) =>
        new(r.U16(o), r.U16(o + 2), r.U16(o + 4), r.U16(o + 6), r.U16(o + 8), r.U16(o + 10));
}

/// <summary>Port speed descriptor: capabilities bit mask and operating speed bit (same bits as RPSC).</summary>
public sealed record RdpPortSpeedDescriptor(ushort SpeedCapabilities, ushort OperatingSpeed) : RdpDescriptor
{
    /// <summary>A one-line rendering for logs and the CLI.</summary>
    public override string ToString() => BsgKit.Bsg.Text.RecordText.Of(this);

    /// <summary>The descriptor tag (descriptor bytes 0–3).</summary>
    public override uint Tag => RdpDescriptors.PortSpeedTag;
    /// <summary>The names of the speed capability bits set, from the code tables.</summary>
    public IReadOnlyList<string> SpeedCapabilityNames => PortSpeeds.Link.NamesOf(SpeedCapabilities);
    /// <summary>The name of the operating speed, from the code tables ("unknown (0x..)" when not in them).</summary>
    public string OperatingSpeedName => PortSpeeds.Link.Find(OperatingSpeed) ?? $"unknown (0x{OperatingSpeed:x4})";
    internal override int ValueLength => 4;
    internal override void WriteValue(Span<byte> v)
    {
        BinaryPrimitives.WriteUInt16BigEndian(v, SpeedCapabilities);
        BinaryPrimitives.WriteUInt16BigEndian(v[2..], OperatingSpeed);
    }
    internal static RdpPortSpeedDescriptor Read(in WireReader r, int o) => new(r.U16(o), r.U16(o + 2));
}

/// <summary>Link error status descriptor: the LESB and a port type word whose bits 31:30 hold the port type.</summary>
public sealed record RdpLinkErrorStatusDescriptor(Lesb Lesb, uint PortTypeWord) : RdpDescriptor
{
    /// <summary>The descriptor tag (descriptor bytes 0–3).</summary>
    public override uint Tag => RdpDescriptors.LinkErrorStatusTag;
    /// <summary>Bits 31:30 of the port type word: the port's type as the RDP responder reports it.</summary>
    public int PortType => (int)(PortTypeWord >> 30);
    internal override int ValueLength => Lesb.Length + 4;
    internal override void WriteValue(Span<byte> v)
    {
        Lesb.Write(v);
        BinaryPrimitives.WriteUInt32BigEndian(v[Lesb.Length..], PortTypeWord);
    }
    internal static RdpLinkErrorStatusDescriptor Read(in WireReader r, int o) => new(Lesb.Read(r, o), r.U32(o + Lesb.Length));
}

/// <summary>Port names descriptor (WWNN first, then WWPN). The accept carries it twice: diagnostic port, then attached port.</summary>
public sealed record RdpPortNamesDescriptor(Wwn Wwnn, Wwn Wwpn) : RdpDescriptor
{
    /// <summary>The descriptor tag (descriptor bytes 0–3).</summary>
    public override uint Tag => RdpDescriptors.PortNamesTag;
    internal override int ValueLength => 16;
    internal override void WriteValue(Span<byte> v)
    {
        Wwnn.Write(v);
        Wwpn.Write(v[8..]);
    }
    internal static RdpPortNamesDescriptor Read(in WireReader r, int o) => new(r.Wwn(o, "WWNN"), r.Wwn(o + 8, "WWPN"));
}

/// <summary>FEC descriptor: corrected and uncorrectable block counts.</summary>
public sealed record RdpFecDescriptor(uint CorrectedBlocks, uint UncorrectableBlocks) : RdpDescriptor
{
    /// <summary>The descriptor tag (descriptor bytes 0–3).</summary>
    public override uint Tag => RdpDescriptors.FecTag;
    internal override int ValueLength => 8;
    internal override void WriteValue(Span<byte> v)
    {
        BinaryPrimitives.WriteUInt32BigEndian(v, CorrectedBlocks);
        BinaryPrimitives.WriteUInt32BigEndian(v[4..], UncorrectableBlocks);
    }
    internal static RdpFecDescriptor Read(in WireReader r, int o) => new(r.U32(o), r.U32(o + 4));
}

/// <summary>Buffer credit descriptor: BB credits of both ends and the round-trip latency as reported.</summary>
public sealed record RdpBufferCreditDescriptor(uint PortBbCredit, uint AttachedPortBbCredit, uint RoundTripLatency) : RdpDescriptor
{
    /// <summary>The descriptor tag (descriptor bytes 0–3).</summary>
    public override uint Tag => RdpDescriptors.BufferCreditTag;
    internal override int ValueLength => 12;
    internal override void WriteValue(Span<byte> v)
    {
        BinaryPrimitives.WriteUInt32BigEndian(v, PortBbCredit);
        BinaryPrimitives.WriteUInt32BigEndian(v[4..], AttachedPortBbCredit);
        BinaryPrimitives.WriteUInt32BigEndian(v[8..], RoundTripLatency);
    }
    internal static RdpBufferCreditDescriptor Read(in WireReader r, int o) => new(r.U32(o), r.U32(o + 4), r.U32(o + 8));
}

/// <summary>
/// Optical element descriptor: alarm and warning thresholds of one element (raw SFF-8472 units of that element)
/// and a flags word holding the element type (bits 31:28) and which thresholds are transgressed (bits 3:0).
/// </summary>
public sealed record RdpOpticalElementDescriptor(
    ushort HighAlarmRaw, ushort LowAlarmRaw, ushort HighWarningRaw, ushort LowWarningRaw, uint Flags) : RdpDescriptor
{
    /// <summary>A one-line rendering for logs and the CLI.</summary>
    public override string ToString() => BsgKit.Bsg.Text.RecordText.Of(this);

    /// <summary>The descriptor tag (descriptor bytes 0–3).</summary>
    public override uint Tag => RdpDescriptors.OpticalElementTag;

    /// <summary>The element type, bits 31:28 of the flags (1 temperature, 2 voltage, 3 TX bias, 4 TX power, 5 RX power).</summary>
    public int ElementType => (int)(Flags >> RdpDescriptors.ElementTypeShift);
    /// <summary>The name of the element type, from the code tables ("unknown (0x..)" when not in them).</summary>
    public string ElementTypeName => RdpDescriptors.OpticalElementTypes.NameOf((uint)ElementType);
    /// <summary>"°C", "V", "mA", "µW" for the element type, "" when unknown.</summary>
    public string ThresholdUnit => SfpUnits.UnitOf(ElementType);

    /// <summary>The engineering unit of an optical element type (°C, V, mA, µW).</summary>
    public static string UnitOf(int elementType) => SfpUnits.UnitOf(elementType);

    /// <summary>The value is below its low warning threshold.</summary>
    public bool LowWarning => (Flags & RdpDescriptors.LowWarningFlag) != 0;
    /// <summary>The value is above its high warning threshold.</summary>
    public bool HighWarning => (Flags & RdpDescriptors.HighWarningFlag) != 0;
    /// <summary>The value is below its low alarm threshold.</summary>
    public bool LowAlarm => (Flags & RdpDescriptors.LowAlarmFlag) != 0;
    /// <summary>The value is above its high alarm threshold.</summary>
    public bool HighAlarm => (Flags & RdpDescriptors.HighAlarmFlag) != 0;
    /// <summary>The names of the transgression bits set, from the code tables.</summary>
    public IReadOnlyList<string> TransgressionNames => RdpDescriptors.OpticalElementFlags.NamesOf(Flags & RdpDescriptors.TransgressionMask);

    /// <summary>The high alarm threshold in <see cref="ThresholdUnit"/>; NaN for an unknown element type.</summary>
    public double HighAlarmValue => SfpUnits.ToEngineering(ElementType, HighAlarmRaw);
    /// <summary>The low alarm threshold in <see cref="ThresholdUnit"/>; NaN for an unknown element type.</summary>
    public double LowAlarmValue => SfpUnits.ToEngineering(ElementType, LowAlarmRaw);
    /// <summary>The high warning threshold in <see cref="ThresholdUnit"/>; NaN for an unknown element type.</summary>
    public double HighWarningValue => SfpUnits.ToEngineering(ElementType, HighWarningRaw);
    /// <summary>The low warning threshold in <see cref="ThresholdUnit"/>; NaN for an unknown element type.</summary>
    public double LowWarningValue => SfpUnits.ToEngineering(ElementType, LowWarningRaw);

    internal override int ValueLength => 12;
    internal override void WriteValue(Span<byte> v)
    {
        BinaryPrimitives.WriteUInt16BigEndian(v, HighAlarmRaw);
        BinaryPrimitives.WriteUInt16BigEndian(v[2..], LowAlarmRaw);
        BinaryPrimitives.WriteUInt16BigEndian(v[4..], HighWarningRaw);
        BinaryPrimitives.WriteUInt16BigEndian(v[6..], LowWarningRaw);
        BinaryPrimitives.WriteUInt32BigEndian(v[8..], Flags);
    }
    internal static RdpOpticalElementDescriptor Read(in WireReader r, int o) =>
        new(r.U16(o), r.U16(o + 2), r.U16(o + 4), r.U16(o + 6), r.U32(o + 8));
}

/// <summary>Optical product data: transceiver vendor, model, serial number, revision and date code (ASCII).</summary>
public sealed record RdpOpticalProductDescriptor(string Vendor, string Model, string SerialNumber, string Revision, string Date)
    : RdpDescriptor
{
    /// <summary>SFF-8472 field widths (characters): vendor name, part number, serial number, revision, date code.</summary>
    public const int VendorLength = 16, ModelLength = 16, SerialNumberLength = 16, RevisionLength = 4, DateLength = 8;

    /// <summary>The descriptor tag (descriptor bytes 0–3).</summary>
    public override uint Tag => RdpDescriptors.OpticalProductTag;
    internal override int ValueLength => 60;
    internal override void WriteValue(Span<byte> v)
    {
        // SFF fields are space padded.
        v[..60].Fill((byte)' ');
        WriteAscii(v[..VendorLength], Vendor, nameof(Vendor));
        WriteAscii(v.Slice(16, ModelLength), Model, nameof(Model));
        WriteAscii(v.Slice(32, SerialNumberLength), SerialNumber, nameof(SerialNumber));
        WriteAscii(v.Slice(48, RevisionLength), Revision, nameof(Revision));
        WriteAscii(v.Slice(52, DateLength), Date, nameof(Date));
    }
    internal static RdpOpticalProductDescriptor Read(in WireReader r, int o) =>
        new(r.Ascii(o, VendorLength, "vendor"), r.Ascii(o + 16, ModelLength, "model"), r.Ascii(o + 32, SerialNumberLength, "serial number"),
            r.Ascii(o + 48, RevisionLength, "revision"), r.Ascii(o + 52, DateLength, "date"));

    private static void WriteAscii(Span<byte> field, string text, string what)
    {
        if (text.Length > field.Length) throw new ArgumentException($"RDP optical product {what} is at most {field.Length} characters");
        for (var i = 0; i < text.Length; i++)
            field[i] = text[i] <= 0x7F ? (byte)text[i] : (byte)'?';
    }
}

/// <summary>A descriptor this library does not decode (or the N_Port_ID descriptor); the value is kept raw.</summary>
public sealed record RdpUnknownDescriptor(uint RawTag, byte[] Value) : RdpDescriptor
{
    /// <summary>A one-line rendering for logs and the CLI.</summary>
    public override string ToString() => BsgKit.Bsg.Text.RecordText.Of(this);

    /// <summary>The descriptor tag (descriptor bytes 0–3).</summary>
    public override uint Tag => RawTag;
    internal override int ValueLength => Value.Length;
    internal override void WriteValue(Span<byte> v) => Value.CopyTo(v);
}
