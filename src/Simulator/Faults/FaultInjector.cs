using BsgKit.Fc;
using BsgKit.Simulator.Scenarios;

namespace BsgKit.Simulator.Faults;

/// <summary>
/// The scenario's faults and how often each has matched and fired. The fabric fires the exchange kinds
/// (timeout, drop, busy, reject, truncate, linkErrors); the kernel layer fires the host-side kinds
/// (blocked, offline, disappear) through the same <see cref="Fire"/>. Thread-safe.
/// <para>Matching: Target is a WWPN (more than 6 hex digits, or colon form) compared with the target's port name,
/// or an FC ID ("0x010200", "fcid:0x010200", "0xfffffc") compared with the destination address; null matches all.
/// Command is an ELS or CT command name from the shared code tables ("RLS", "GPN_FT"), case-insensitive; null
/// matches all. After skips that many matching requests; Count limits the firings (0 = unlimited).</para>
/// </summary>
public sealed class FaultInjector
{
    private readonly object _sync = new();
    private readonly FaultState[] _states;

    /// <summary>An injector over the scenario's <paramref name="faults"/>, in order (the first that matches fires).</summary>
    public FaultInjector(IReadOnlyList<FaultSpec> faults)
    {
        Faults = faults;
        _states = new FaultState[faults.Count];
        for (var i = 0; i < faults.Count; i++) _states[i] = new FaultState(faults[i]);
    }

    /// <summary>The faults, as the scenario lists them.</summary>
    public IReadOnlyList<FaultSpec> Faults { get; }

    /// <summary>
    /// The first fault of one of <paramref name="kinds"/> that matches the target (FC ID or WWPN) and command
    /// and is due now (After and Count honoured); firing consumes one occurrence. Null when none applies.
    /// </summary>
    public FaultSpec? Fire(FcId target, Wwn targetPortName, string? command, params ReadOnlySpan<string> kinds)
    {
        if (_states.Length == 0) return null;
        lock (_sync)
        {
            foreach (var state in _states)
            {
                if (!IsOneOf(state.Spec.Kind, kinds) || !state.Matches(target, targetPortName, command)) continue;
                state.Seen++;
                if (state.Seen <= state.Spec.After) continue;
                if (state.Spec.Count > 0 && state.Fired >= state.Spec.Count) continue;
                state.Fired++;
                return state.Spec;
            }
        }
        return null;
    }

    /// <summary>How many times <paramref name="fault"/> has fired.</summary>
    public int TimesFired(FaultSpec fault)
    {
        lock (_sync)
        {
            foreach (var s in _states)
                if (ReferenceEquals(s.Spec, fault)) return s.Fired;
        }
        return 0;
    }

    private static bool IsOneOf(string kind, ReadOnlySpan<string> kinds)
    {
        foreach (var k in kinds)
            if (string.Equals(kind, k, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    private sealed class FaultState
    {
        private readonly FcId? _targetId;
        private readonly Wwn? _targetName;
        private readonly bool _matchesAnyTarget;

        public FaultState(FaultSpec spec)
        {
            Spec = spec;
            var t = spec.Target?.Trim();
            if (string.IsNullOrEmpty(t)) { _matchesAnyTarget = true; return; }
            if (t.StartsWith("fcid:", StringComparison.OrdinalIgnoreCase)) t = t[5..];
            if (FcId.TryParse(t, out var id)) _targetId = id;
            else if (Wwn.TryParse(t, out var wwn)) _targetName = wwn;
            else throw new ArgumentException($"fault target '{spec.Target}' is neither a WWPN nor an FC ID");
        }

        public FaultSpec Spec { get; }
        public int Seen { get; set; }
        public int Fired { get; set; }

        public bool Matches(FcId target, Wwn targetPortName, string? command)
        {
            if (!_matchesAnyTarget)
            {
                if (_targetId is { } id && id != target) return false;
                if (_targetName is { } name && name != targetPortName) return false;
            }
            return Spec.Command is null || (command is not null && string.Equals(Spec.Command, command, StringComparison.OrdinalIgnoreCase));
        }
    }
}
