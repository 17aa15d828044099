using System.Text.Json.Serialization;

namespace BsgKit.Tool.Output;

// Records of the monitoring commands: check, diff, --watch, and the zoning a discover snapshot may carry.
// The shapes are documented in docs/cli-json.md.

/// <summary>The active zone set in a discover snapshot (discover --zoning).</summary>
public sealed record ZoningDto(string? ActiveZoneSet, List<ZoneDto> Zones);

/// <summary>`diff A B` / `discover --diff BEFORE`: what changed from one snapshot to the other.</summary>
public sealed record DiffDto(string Before, string After, bool Equal, List<ChangeDto> Changes)
{
    /// <summary>Per object kind, how many changes of each kind ("port": {"joined": 2}).</summary>
    public Dictionary<string, Dictionary<string, int>> Summary { get; init; } = [];
    /// <summary>Parts of the fabric that only one snapshot holds, so they were not compared ("zoning").</summary>
    public List<string> NotCompared { get; init; } = [];
}

/// <summary>
/// One difference: <see cref="Object"/> port, switch, isl, zoning or zone; <see cref="Change"/> joined, left, moved,
/// changed (ports), added, removed, changed (the rest); <see cref="Field"/> with its before and after values for a change.
/// </summary>
public sealed record ChangeDto(string Object, string Change, string Subject)
{
    public string? Host { get; init; }
    public string? Field { get; init; }
    public string? Before { get; init; }
    public string? After { get; init; }
}

/// <summary>`check …`: the monitoring-plugins result as a document (state, exit code, the status line's parts).</summary>
public sealed record CheckDto(string Check, string State, int ExitCode, string Summary)
{
    /// <summary>False for UNKNOWN (the check could not be made); <see cref="Error"/> says why.</summary>
    [JsonPropertyOrder(-1)]
    public bool Ok { get; init; } = true;
    public string? Error { get; init; }
    public List<CheckItemDto> Items { get; init; } = [];
    public List<PerfDatumDto> Perfdata { get; init; } = [];
    /// <summary>check errors: the state file, and when its previous sample was taken.</summary>
    public string? StateFile { get; init; }
    public DateTimeOffset? PreviousSample { get; init; }
}

/// <summary>One thing a check looked at (a reading of a port, a counter, a port's state) and its state.</summary>
public sealed record CheckItemDto(string Subject, string What, string State)
{
    public string? Detail { get; init; }
    public double? Value { get; init; }
    public string? Unit { get; init; }
}

/// <summary>One perfdata value: label=value[UOM];warn;crit;min;max.</summary>
public sealed record PerfDatumDto(string Label, double Value)
{
    public string? Uom { get; init; }
    public string? Warning { get; init; }
    public string? Critical { get; init; }
    public double? Min { get; init; }
    public double? Max { get; init; }
}

/// <summary>The state file of `check errors`: the counters of the last run, per port WWPN and for the host itself.</summary>
public sealed record CheckStateDto(int Version, string Host, string? HostWwpn, DateTimeOffset Time)
{
    public Dictionary<string, Dictionary<string, ulong>> Ports { get; init; } = [];
    public Dictionary<string, ulong> Local { get; init; } = [];
}
