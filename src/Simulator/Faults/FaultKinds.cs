namespace BsgKit.Simulator.Faults;

/// <summary>
/// The fault kinds a scenario's <c>faults[].kind</c> may name, each written once. The fabric fires the exchange kinds,
/// the kernel layer (and <c>sim fcf</c>) the host-side kinds; the validator accepts exactly <see cref="All"/>.
/// Names are matched without regard to case.
/// </summary>
public static class FaultKinds
{
    /// <summary>The exchange gets no answer; <see cref="FaultModes"/> chooses how the driver reports it.</summary>
    public const string Timeout = "timeout";
    /// <summary>The frame is lost on the way (no answer, the driver's own lost-frame path).</summary>
    public const string Drop = "drop";
    /// <summary>The fabric or the server answers busy.</summary>
    public const string Busy = "busy";
    /// <summary>The server rejects (LS_RJT / FS_RJT) with the fault's reason and explanation.</summary>
    public const string Reject = "reject";
    /// <summary>The answer is cut to the fault's amount of bytes.</summary>
    public const string Truncate = "truncate";
    /// <summary>The destination port's link error counters go up by the fault's amount.</summary>
    public const string LinkErrors = "linkErrors";
    /// <summary>The remote port is blocked for this request.</summary>
    public const string Blocked = "blocked";
    /// <summary>The remote port is offline for this request.</summary>
    public const string Offline = "offline";
    /// <summary>The remote port goes away for good.</summary>
    public const string Disappear = "disappear";

    /// <summary>Every kind, in the order the validator lists them.</summary>
    public static IReadOnlyList<string> All => AllKinds;

    private static readonly string[] AllKinds = [Timeout, Busy, Reject, Blocked, Offline, Truncate, Drop, LinkErrors, Disappear];

    /// <summary>The kinds the simulated fabric fires on an exchange (the first that matches wins).</summary>
    internal static readonly string[] Exchange = [Timeout, Drop, Busy, Reject, Truncate];

    /// <summary>The kind the fabric fires before the exchange kinds (it does not stop the exchange).</summary>
    internal static readonly string[] LinkErrorsOnly = [LinkErrors];

    /// <summary>The kinds the FC transport fires on an rport request, before any other check.</summary>
    internal static readonly string[] RemotePortState = [Blocked, Offline, Disappear];

    /// <summary>True when <paramref name="kind"/> names <paramref name="expected"/> (case-insensitive).</summary>
    public static bool Is(string? kind, string expected) => string.Equals(kind, expected, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The constant that <paramref name="kind"/> names (case-insensitive, as the injector matches), or null: what a
    /// switch over fired kinds reads, so every layer agrees with the injector and nothing is allocated.
    /// </summary>
    internal static string? Canonical(string? kind)
    {
        foreach (var k in AllKinds)
            if (Is(kind, k)) return k;
        return null;
    }

    /// <summary>True when <paramref name="kind"/> is one of <see cref="All"/> (as the validator checks: exact case).</summary>
    public static bool IsKnown(string? kind) => kind is not null && All.Contains(kind);
}

/// <summary>How a timeout fault ends (<c>faults[].mode</c>); null lets the personality choose.</summary>
public static class FaultModes
{
    /// <summary>The driver completes the request with ETIMEDOUT.</summary>
    public const string ETimedOut = "etimedout";
    /// <summary>Nobody completes it: the sg timeout ends it in the silent IOERR.</summary>
    public const string IoErr = "ioerr";

    /// <summary>Every mode a scenario may name.</summary>
    public static IReadOnlyList<string> All { get; } = [ETimedOut, IoErr];
}

/// <summary>Where a busy or reject fault answers from (<c>faults[].scope</c>).</summary>
public static class FaultScopes
{
    /// <summary>The fabric: F_BSY / F_RJT.</summary>
    public const string Fabric = "fabric";
    /// <summary>The destination port: P_BSY / P_RJT.</summary>
    public const string Port = "port";
    /// <summary>An ELS LS_RJT in the payload (the default for ELS).</summary>
    public const string Els = "els";
    /// <summary>A CT FS_RJT in the payload (the default for CT).</summary>
    public const string Ct = "ct";

    /// <summary>Every scope a scenario may name.</summary>
    public static IReadOnlyList<string> All { get; } = [Fabric, Port, Els, Ct];
}
