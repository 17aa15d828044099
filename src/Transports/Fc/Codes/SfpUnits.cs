namespace BsgKit.Fc.Codes;

/// <summary>
/// SFF-8472 diagnostic units, indexed by the RDP optical element type (<see cref="RdpDescriptors.Temperature"/> …
/// <see cref="RdpDescriptors.RxPower"/>): temperature 1/256 °C (signed), Vcc 100 µV, TX bias 2 µA, TX/RX power 0.1 µW.
/// Both directions live here, so the decoder (RDP descriptors) and the encoder (the simulator's optics) cannot disagree.
/// </summary>
public static class SfpUnits
{
    /// <summary>Raw temperature steps per °C (the raw value is a signed 1/256 °C).</summary>
    public const double TemperatureStepsPerCelsius = 256.0;
    /// <summary>Volts per raw supply-voltage step (100 µV).</summary>
    public const double VoltsPerStep = 100e-6;
    /// <summary>Milliamps per raw TX bias step (2 µA).</summary>
    public const double MilliampsPerStep = 0.002;
    /// <summary>Microwatts per raw TX/RX power step (0.1 µW).</summary>
    public const double MicrowattsPerStep = 0.1;

    /// <summary>A raw reading or threshold in engineering units (<see cref="UnitOf"/>); NaN for an unknown element type.</summary>
    public static double ToEngineering(int elementType, ushort raw) => elementType switch
    {
        RdpDescriptors.Temperature => (short)raw / TemperatureStepsPerCelsius,
        RdpDescriptors.Voltage => raw * VoltsPerStep,
        RdpDescriptors.TxBias => raw * MilliampsPerStep,
        RdpDescriptors.TxPower or RdpDescriptors.RxPower => raw * MicrowattsPerStep,
        _ => double.NaN,
    };

    /// <summary>
    /// An engineering value as the raw 16-bit field, rounded to the nearest step and clamped to the field's range
    /// (temperature: signed). Unknown element types use the power step.
    /// </summary>
    public static ushort ToRaw(int elementType, double value)
    {
        var raw = elementType switch
        {
            RdpDescriptors.Temperature => value * TemperatureStepsPerCelsius,
            RdpDescriptors.Voltage => value / VoltsPerStep,
            RdpDescriptors.TxBias => value / MilliampsPerStep,
            _ => value / MicrowattsPerStep,
        };
        if (elementType == RdpDescriptors.Temperature)
            return unchecked((ushort)(short)Math.Clamp(Math.Round(raw), short.MinValue, short.MaxValue));
        return (ushort)Math.Clamp(Math.Round(raw), 0, ushort.MaxValue);
    }

    /// <summary>The engineering unit of an optical element type ("°C", "V", "mA", "µW"); "" when unknown.</summary>
    public static string UnitOf(int elementType) => elementType switch
    {
        RdpDescriptors.Temperature => "°C",
        RdpDescriptors.Voltage => "V",
        RdpDescriptors.TxBias => "mA",
        RdpDescriptors.TxPower or RdpDescriptors.RxPower => "µW",
        _ => "",
    };
}
