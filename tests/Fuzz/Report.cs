namespace BsgKit.Fuzz;

/// <summary>An exception a decoder is not documented to throw, with the input that caused it (hex, to reproduce).</summary>
public sealed record FuzzFailure(string Family, string Target, string Exception, string Message, string StackTop, string InputHex);

/// <summary>What one family did: inputs run, how many decoded, how many ended in a documented exception, failures.</summary>
public sealed class FamilyReport(string family, string documented)
{
    private const int KeptFailures = 5;

    public string Family { get; } = family;
    public string Documented { get; } = documented;
    public long Inputs { get; private set; }
    public long Decoded { get; private set; }
    public long DocumentedFailures { get; private set; }
    public long FailureCount { get; private set; }
    public List<FuzzFailure> Failures { get; } = [];
    public SortedDictionary<string, long> PerTarget { get; } = new(StringComparer.Ordinal);

    public void Ok(string target) { Inputs++; Decoded++; Count(target); }

    public void Expected(string target) { Inputs++; DocumentedFailures++; Count(target); }

    public void Failed(string target, Exception e, ReadOnlySpan<byte> input)
    {
        Inputs++;
        FailureCount++;
        Count(target);
        if (Failures.Count < KeptFailures)
        {
            var top = e.StackTrace?.Split('\n', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault()?.Trim() ?? "";
            Failures.Add(new FuzzFailure(Family, target, e.GetType().FullName ?? e.GetType().Name, e.Message, top,
                Convert.ToHexString(input.Length > 4096 ? input[..4096] : input)));
        }
    }

    private void Count(string target) => PerTarget[target] = PerTarget.GetValueOrDefault(target) + 1;

    public override string ToString() =>
        $"{Family,-10} {Inputs,10:N0} inputs over {PerTarget.Count,3} decoders: {Decoded,10:N0} decoded, {DocumentedFailures,10:N0} documented errors ({Documented}), {FailureCount:N0} undocumented";
}
