namespace BsgKit.Simulator.Scenarios;

/// <summary>A scenario that cannot be used: unreadable, not JSON, or invalid. Each error names the field.</summary>
public sealed class ScenarioException(string source, IReadOnlyList<string> errors)
    : Exception($"scenario {source}: {string.Join("; ", errors)}")
{
    public string ScenarioSource { get; } = source;
    public IReadOnlyList<string> Errors { get; } = errors;
}
