using System.Reflection;
using System.Text.Json;

namespace BsgKit.Simulator.Scenarios;

/// <summary>
/// Finds, reads and validates scenarios: a path to a JSON file, or the name of a built-in one ("lab",
/// "libfc", "lpfc", "qla2xxx", "zfcp", "ibmvfc", "big" — the generated 10,000-port fabric).
/// </summary>
public static class ScenarioLoader
{
    /// <summary>The scenario <c>--simulate</c> uses without a name.</summary>
    public const string DefaultName = "lab";
    /// <summary>N_Ports of the generated built-in <c>big</c>.</summary>
    public const int BigFabricPorts = 10_000;

    private const string ResourcePrefix = "BsgKit.Simulator.Scenarios.BuiltIn.";

    private static readonly Lazy<IReadOnlyList<(string, string)>> BuiltInList = new(LoadBuiltInList);

    /// <summary>Built-in scenario names with a one-line description each (read on first use: `big` is generated to describe it).</summary>
    public static IReadOnlyList<(string Name, string Description)> BuiltIns => BuiltInList.Value;

    private static IReadOnlyList<(string, string)> LoadBuiltInList()
    {
        var list = new List<(string, string)>();
        foreach (var name in BuiltInResourceNames())
            list.Add((name, Parse(ReadResource(name), $"built-in '{name}'").Description ?? ""));
        list.Add(("big", ScenarioGenerator.Describe(ScenarioGenerator.Generate(BigFabricPorts))));
        return list;
    }

    /// <summary>The built-in names, without reading or generating anything.</summary>
    public static IEnumerable<string> BuiltInNames => BuiltInResourceNames().Append("big");

    private static IEnumerable<string> BuiltInResourceNames() =>
        typeof(ScenarioLoader).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal))
            .Select(n => n[ResourcePrefix.Length..^".json".Length])
            .Order(StringComparer.Ordinal);

    private static string ReadResource(string name)
    {
        using var stream = typeof(ScenarioLoader).Assembly.GetManifestResourceStream(ResourcePrefix + name + ".json")
                           ?? throw new ScenarioException(name, [$"no built-in scenario '{name}'"]);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>A file path if one exists, else a built-in name; validated. Errors name the field at fault.</summary>
    public static Scenario Resolve(string? nameOrPath)
    {
        nameOrPath = string.IsNullOrWhiteSpace(nameOrPath) ? DefaultName : nameOrPath.Trim();
        if (File.Exists(nameOrPath)) return LoadFile(nameOrPath);
        if (nameOrPath == "big") return Validated(ScenarioGenerator.Generate(BigFabricPorts), "built-in 'big'");
        // Built-ins are not validated at start: they are fixed text in this assembly, and a test validates every one
        // (the validator's sets and tables were a share of the cold start's JIT).
        if (BuiltInResourceNames().Contains(nameOrPath)) return Parse(ReadResource(nameOrPath), $"built-in '{nameOrPath}'");
        var looksLikePath = nameOrPath.Contains('/') || nameOrPath.EndsWith(".json", StringComparison.OrdinalIgnoreCase);
        throw new ScenarioException(nameOrPath, [looksLikePath
            ? $"no such file '{nameOrPath}'"
            : $"'{nameOrPath}' is neither a file nor a built-in scenario (built-ins: {string.Join(", ", BuiltInNames)})"]);
    }

    /// <summary>Reads, parses and validates a scenario file; <see cref="ScenarioException"/> names the field at fault.</summary>
    public static Scenario LoadFile(string path) => Validated(Parse(ReadBounded(path), path), path);

    /// <summary>
    /// The file's text, read to at most <see cref="ScenarioLimits.MaxFileBytes"/> (a pipe works; /dev/zero or a
    /// huge file is one error, not gigabytes read).
    /// </summary>
    private static string ReadBounded(string path)
    {
        var buffer = new MemoryStream();
        try
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1, FileOptions.SequentialScan);
            var chunk = new byte[64 * 1024];
            int n;
            while ((n = file.Read(chunk)) > 0)
            {
                if (chunk.AsSpan(0, n).IndexOf((byte)0) >= 0)
                    throw new ScenarioException(path, ["not a scenario file: it holds binary data (NUL bytes); a scenario is JSON text"]);
                buffer.Write(chunk, 0, n);
                if (buffer.Length > ScenarioLimits.MaxFileBytes)
                    throw new ScenarioException(path, [$"larger than {ScenarioLimits.MaxFileBytes / (1024 * 1024)} MiB (ScenarioLimits.MaxFileBytes); a 10,000-port fabric is about 4 MB"]);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ScenarioException(path, [$"cannot read the file: {e.Message}"]);
        }
        return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>Parses scenario JSON without validating it; <paramref name="source"/> names it in errors.</summary>
    public static Scenario Parse(string json, string source)
    {
        // The precompiled reader takes every well-formed scenario; System.Text.Json reads the rest and names errors.
        if (ScenarioReader.TryRead(System.Text.Encoding.UTF8.GetBytes(json)) is { } scenario) return scenario;
        return ParseWithSerializer(json, source);
    }

    /// <summary>System.Text.Json's reading of the scenario (the reference <see cref="ScenarioReader"/> is held to), with its errors in the schema's words.</summary>
    internal static Scenario ParseWithSerializer(string json, string source)
    {
        try
        {
            return JsonSerializer.Deserialize(json, ScenarioJsonContext.Default.Scenario)
                   ?? throw new ScenarioException(source, ["the file holds null, not a scenario object"]);
        }
        catch (JsonException e)
        {
            // System.Text.Json names the JSON path and line of the offending token.
            var where = e.Path is { Length: > 0 } path ? path : "$";
            var line = e.LineNumber is long l ? $" (line {l + 1})" : "";
            throw new ScenarioException(source, [$"{where}{line}: {Explain(FirstSentence(e.Message))}"]);
        }
    }

    private static string FirstSentence(string message)
    {
        var i = message.IndexOf(" Path:", StringComparison.Ordinal);
        return i > 0 ? message[..i] : message;
    }

    /// <summary>System.Text.Json's messages in the schema's words: field names and JSON kinds, never .NET type names.</summary>
    internal static string Explain(string message)
    {
        var unknown = System.Text.RegularExpressions.Regex.Match(message, @"The JSON property '([^']*)' could not be mapped to any \.NET member contained in type '([^']*)'");
        if (unknown.Success)
        {
            var typeName = unknown.Groups[2].Value;
            var type = typeof(Scenario).Assembly.GetType(typeName);
            var known = type is null ? null : ScenarioJsonContext.Default.GetTypeInfo(type)?.Properties.Select(p => p.Name).ToList();
            var what = type is null ? "this object" : SchemaNoun(type);
            return $"unknown field '{unknown.Groups[1].Value}' in {what}" + (known is { Count: > 0 } ? $" (fields: {string.Join(", ", known)})" : "");
        }
        var convert = System.Text.RegularExpressions.Regex.Match(message, @"could not be converted to ([\w.`\[\]]+)");
        if (convert.Success)
        {
            var t = convert.Groups[1].Value;
            var expected = t.Contains("Int32") || t.Contains("UInt32") ? "a whole number"
                : t.Contains("Double") ? "a number"
                : t.Contains("Boolean") ? "true or false"
                : t.Contains("String") ? "a string"
                : t.Contains("List") ? "an array"
                : "an object";
            return $"expected {expected} here";
        }
        return System.Text.RegularExpressions.Regex.Replace(message, @"BsgKit\.Simulator\.Scenarios\.(\w+)", m => SchemaNoun(typeof(Scenario).Assembly.GetType(m.Value)));
    }

    private static string SchemaNoun(Type? type) => type?.Name switch
    {
        null => "this object",
        nameof(Scenario) => "the scenario",
        nameof(SwitchSpec) => "a switch",
        nameof(IslSpec) => "an ISL",
        nameof(HostSpec) => "a host",
        nameof(NpivSpec) => "an NPIV port",
        nameof(NPortSpec) => "an N_Port",
        nameof(LesbSpec) => "lesb",
        nameof(SfpSpec) => "sfp",
        nameof(RnidSpec) => "rnid",
        nameof(ZoningSpec) => "zoning",
        nameof(ZoneSetSpec) => "a zone set",
        nameof(ZoneSpec) => "a zone",
        nameof(FaultSpec) => "a fault",
        nameof(IscsiHostSpec) => "an iSCSI host",
        nameof(NameServerSpec) => "nameServer",
        nameof(ScsiDebugSpec) => "scsiDebug",
        var n => n,
    };

    /// <summary>Returns <paramref name="scenario"/> or throws <see cref="ScenarioException"/> with every error <see cref="ScenarioValidator"/> finds.</summary>
    public static Scenario Validated(Scenario scenario, string source)
    {
        var errors = ScenarioValidator.Validate(scenario);
        if (errors.Count > 0) throw new ScenarioException(source, errors);
        return scenario;
    }

    /// <summary>The scenario as indented JSON, as a file would hold it (what <c>sim show</c> and <c>sim generate</c> print).</summary>
    public static string ToJson(Scenario scenario) => JsonSerializer.Serialize(scenario, ScenarioJsonContext.Default.Scenario);
}
