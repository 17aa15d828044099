namespace BsgKit.Fuzz;

/// <summary>The families and how to run them; the tests run a slice of each, run-fuzz.sh a million inputs of each.</summary>
public static class FuzzRunner
{
    public static readonly string[] Families = ["ct", "els", "fc-bsg", "iscsi", "completions", "sysfs", "scenario", "responders", "kernel", "fcoe"];

    public static async Task<FamilyReport> RunAsync(string family, long inputs, int seed)
    {
        var corpus = Corpus.Shared;
        switch (family)
        {
            case "ct": return Parsers(family, ParserFamilies.Ct(corpus), inputs, seed);
            case "els": return Parsers(family, ParserFamilies.Els(corpus), inputs, seed);
            case "fc-bsg": return Parsers(family, ParserFamilies.FcBsg(corpus), inputs, seed);
            case "iscsi": return Parsers(family, ParserFamilies.Iscsi(corpus), inputs, seed);
            case "completions":
            {
                var report = new FamilyReport(family, "BsgException: FcException, IscsiException");
                await SystemFamilies.CompletionsAsync(report, inputs, seed);
                return report;
            }
            case "sysfs": return Run(family, "none: problems are lines", r => SystemFamilies.Sysfs(r, inputs, seed));
            case "scenario": return Run(family, "ScenarioException", r => SystemFamilies.Scenarios(r, inputs, seed));
            case "responders": return Run(family, "none: LS_RJT and CT rejects are answers", r => SystemFamilies.Responders(r, inputs, seed));
            case "kernel": return Run(family, "none: errnos are answers", r => SystemFamilies.Kernel(r, inputs, seed));
            case "fcoe": return Run(family, "none: frames are answered or dropped", r => FcoeFamily.Run(r, inputs, seed));
            default: throw new ArgumentException($"no fuzz family '{family}' (families: {string.Join(", ", Families)})", nameof(family));
        }
    }

    private static FamilyReport Parsers(string family, IReadOnlyList<ParserTarget> targets, long inputs, int seed)
    {
        var report = new FamilyReport(family, "FcWireFormatException (CT and ELS rejects included)");
        ParserFamilies.Run(report, targets, ParserFamilies.Documented, inputs, seed);
        return report;
    }

    private static FamilyReport Run(string family, string documented, Action<FamilyReport> run)
    {
        var report = new FamilyReport(family, documented);
        run(report);
        return report;
    }
}
