using BsgKit.Fc.Codes;
using BsgKit.Fc.Els;
using static BsgKit.Fc.Codes.RdpDescriptors;
using BsgKit.Simulator.Scenarios;

namespace BsgKit.Simulator.Fabric;

/// <summary>
/// RDP optics from an SfpSpec: values in SFF-8472 raw units, the usual thresholds of a short-wave 16/32G SFP+,
/// and transgression flags computed from the values (a value past an alarm threshold also flags the warning).
/// </summary>
internal static class SfpOptics
{
    private readonly record struct Thresholds(double HighAlarm, double LowAlarm, double HighWarning, double LowWarning);

    private static Thresholds For(int element) => element switch
    {
        Temperature => new(75, -5, 70, 0),
        Voltage => new(3.6, 3.0, 3.5, 3.1),
        TxBias => new(12, 2, 11.5, 2.5),
        TxPower => new(1259, 200, 1000, 251),
        _ => new(1995, 16, 1585, 32),
    };

    public static ushort Raw(int element, double value) => SfpUnits.ToRaw(element, value);

    private static double ValueOf(SfpSpec sfp, int element) => element switch
    {
        Temperature => sfp.TemperatureC,
        Voltage => sfp.VoltageV,
        TxBias => sfp.TxBiasMa,
        TxPower => sfp.TxPowerUw,
        _ => sfp.RxPowerUw,
    };

    public static uint TransgressionFlags(int element, double value)
    {
        var t = For(element);
        uint flags = 0;
        if (value > t.HighWarning) flags |= HighWarningFlag;
        if (value > t.HighAlarm) flags |= HighAlarmFlag;
        if (value < t.LowWarning) flags |= LowWarningFlag;
        if (value < t.LowAlarm) flags |= LowAlarmFlag;
        return flags;
    }

    public static RdpSfpDiagnosticsDescriptor Diagnostics(SfpSpec sfp)
    {
        // lpfc flags: transceiver type bits 3:0, optical port 0x10, descriptor valid 0x20, connector SFP+ (1 << 6).
        var transceiver = sfp.WavelengthNm switch
        {
            1310 => SfpTransceiverLongWave1310,
            1550 => SfpTransceiverLongWave1550,
            _ => SfpTransceiverShortWave,
        };
        var flags = (ushort)(transceiver | SfpFlagOpticalPort | SfpFlagDescriptorValid | (SfpConnectorSfpPlus << SfpConnectorShift));
        return new RdpSfpDiagnosticsDescriptor(
            Raw(Temperature, sfp.TemperatureC), Raw(Voltage, sfp.VoltageV), Raw(TxBias, sfp.TxBiasMa),
            Raw(TxPower, sfp.TxPowerUw), Raw(RxPower, sfp.RxPowerUw), flags);
    }

    public static RdpOpticalElementDescriptor Element(SfpSpec sfp, int element)
    {
        var t = For(element);
        var flags = ((uint)element << ElementTypeShift) | TransgressionFlags(element, ValueOf(sfp, element));
        return new RdpOpticalElementDescriptor(
            Raw(element, t.HighAlarm), Raw(element, t.LowAlarm), Raw(element, t.HighWarning), Raw(element, t.LowWarning), flags);
    }

    public static void AddElements(List<RdpDescriptor> into, SfpSpec sfp)
    {
        for (var element = Temperature; element <= RxPower; element++) into.Add(Element(sfp, element));
    }

    public static RdpOpticalProductDescriptor Product(SfpSpec sfp) =>
        new(sfp.Vendor, sfp.PartNumber, sfp.SerialNumber, sfp.Revision, sfp.DateCode);
}
