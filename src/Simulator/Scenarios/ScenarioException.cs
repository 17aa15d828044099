namespace BsgKit.Simulator.Scenarios;

/// <summary>A scenario that cannot be used: unreadable, not JSON, or invalid. Each error names the field.</summary>
public sealed class ScenarioException(string source, IReadOnlyList<string> errors)
    : Exception($"scenario {source}: {string.Join("; ", errors)}")
{
    /// <summary>The file path or built-in name of the scenario.</summary>
    public string ScenarioSource { get; } = source;
    /// <summary>One message per problem, each naming the field (<c>hosts[0].wwpn</c>).</summary>
    public IReadOnlyList<string> Errors { get; } = errors;
}
