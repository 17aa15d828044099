using BsgKit.Fc;
using BsgKit.Simulator.Scenarios;

namespace BsgKit.Simulator.Faults;

/// <summary>Placeholder: the fault engine (owned by the fabric work) replaces this.</summary>
public sealed class FaultInjector(IReadOnlyList<FaultSpec> faults)
{
    public IReadOnlyList<FaultSpec> Faults { get; } = faults;

    /// <summary>
    /// The first fault of one of <paramref name="kinds"/> that matches the target (FC ID or WWPN) and command
    /// and is due now (After and Count honoured); firing consumes one occurrence. Null when none applies.
    /// </summary>
    public FaultSpec? Fire(FcId target, Wwn targetPortName, string? command, params ReadOnlySpan<string> kinds) => null;
}
