using BsgKit.Fc.Els;
using BsgKit.Simulator.Scenarios;

namespace BsgKit.Simulator.Fabric;

/// <summary>
/// RDP optics from an SfpSpec: values in SFF-8472 raw units, the usual thresholds of a short-wave 16/32G SFP+,
/// and transgression flags computed from the values (a value past an alarm threshold also flags the warning).
/// </summary>
internal static class SfpOptics
{
    // Element types (RDP optical element flags bits 31:28).
    private const int Temperature = 1, Voltage = 2, TxBias = 3, TxPower = 4, RxPower = 5;

    private readonly record struct Thresholds(double HighAlarm, double LowAlarm, double HighWarning, double LowWarning);

    private static Thresholds For(int element) => element switch
    {
        Temperature => new(75, -5, 70, 0),
        Voltage => new(3.6, 3.0, 3.5, 3.1),
        TxBias => new(12, 2, 11.5, 2.5),
        TxPower => new(1259, 200, 1000, 251),
        _ => new(1995, 16, 1585, 32),
    };

    public static ushort Raw(int element, double value)
    {
        var raw = element switch
        {
            Temperature => value * 256.0,
            Voltage => value / 100e-6,
            TxBias => value / 0.002,
            _ => value / 0.1,
        };
        if (element == Temperature) return unchecked((ushort)(short)Math.Clamp(Math.Round(raw), short.MinValue, short.MaxValue));
        return (ushort)Math.Clamp(Math.Round(raw), 0, ushort.MaxValue);
    }

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
        if (value > t.HighWarning) flags |= 0x2;
        if (value > t.HighAlarm) flags |= 0x8;
        if (value < t.LowWarning) flags |= 0x1;
        if (value < t.LowAlarm) flags |= 0x4;
        return flags;
    }

    public static RdpSfpDiagnosticsDescriptor Diagnostics(SfpSpec sfp)
    {
        // lpfc flags: transceiver type bits 3:0, optical port 0x10, descriptor valid 0x20, connector SFP+ (1 << 6).
        ushort transceiver = sfp.WavelengthNm switch { 1310 => 2, 1550 => 3, _ => 1 };
        var flags = (ushort)(transceiver | 0x10 | 0x20 | (1 << 6));
        return new RdpSfpDiagnosticsDescriptor(
            Raw(Temperature, sfp.TemperatureC), Raw(Voltage, sfp.VoltageV), Raw(TxBias, sfp.TxBiasMa),
            Raw(TxPower, sfp.TxPowerUw), Raw(RxPower, sfp.RxPowerUw), flags);
    }

    public static RdpOpticalElementDescriptor Element(SfpSpec sfp, int element)
    {
        var t = For(element);
        var flags = ((uint)element << 28) | TransgressionFlags(element, ValueOf(sfp, element));
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
