using System.Text;

namespace BsgKit.KernelLane;

/// <summary>
/// What one SG_IO did, normalized so the real kernel and the simulator can be compared field by field:
/// WWNs and FC IDs in the reply and the payload are replaced by placeholders (&lt;WWPN_B&gt;, &lt;FCID_A&gt; …),
/// untouched poison bytes stay visible (the reply buffer is filled with 0xEE, din with 0xCC, the header's output
/// fields with 0xdead), and long runs of one byte are written as "cc*1000".
/// </summary>
public sealed record Observation(
    string Ioctl,
    string DriverStatus,
    string TransportStatus,
    string DeviceStatus,
    string ResponseLen,
    string DinResid,
    string Reply,
    string Payload,
    string Delay)
{
    public static readonly string[] FieldNames =
        ["ioctl", "driver_status", "transport_status", "device_status", "response_len", "din_resid", "reply", "payload", "delay"];

    public string Field(string name) => name switch
    {
        "ioctl" => Ioctl,
        "driver_status" => DriverStatus,
        "transport_status" => TransportStatus,
        "device_status" => DeviceStatus,
        "response_len" => ResponseLen,
        "din_resid" => DinResid,
        "reply" => Reply,
        "payload" => Payload,
        "delay" => Delay,
        _ => throw new ArgumentException(name),
    };

    /// <summary>One line per field, the form the lane prints and the recorded real-kernel file holds.</summary>
    public string Format(string caseName)
    {
        var sb = new StringBuilder();
        foreach (var f in FieldNames) sb.Append(caseName).Append('.').Append(f).Append(" = ").Append(Field(f)).Append('\n');
        return sb.ToString();
    }

    /// <summary>Reads what <see cref="Format"/> wrote (several cases), keyed by case name.</summary>
    public static Dictionary<string, Observation> ParseAll(IEnumerable<string> lines)
    {
        var fields = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        foreach (var raw in lines)
        {
            var line = raw.TrimEnd();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var eq = line.IndexOf(" = ", StringComparison.Ordinal);
            if (eq < 0) continue;
            var key = line[..eq];
            var dot = key.LastIndexOf('.');
            if (dot < 0) continue;
            var c = key[..dot];
            if (!fields.TryGetValue(c, out var d)) fields[c] = d = new Dictionary<string, string>(StringComparer.Ordinal);
            d[key[(dot + 1)..]] = line[(eq + 3)..];
        }
        return fields.ToDictionary(kv => kv.Key, kv => new Observation(
            Get(kv.Value, "ioctl"), Get(kv.Value, "driver_status"), Get(kv.Value, "transport_status"),
            Get(kv.Value, "device_status"), Get(kv.Value, "response_len"), Get(kv.Value, "din_resid"),
            Get(kv.Value, "reply"), Get(kv.Value, "payload"), Get(kv.Value, "delay")), StringComparer.Ordinal);
    }

    private static string Get(Dictionary<string, string> d, string k) => d.TryGetValue(k, out var v) ? v : "(missing)";
}

/// <summary>Replaces identities in byte strings and renders them as normalized hex tokens.</summary>
public static class Normalizer
{
    public static string Render(ReadOnlySpan<byte> bytes, IReadOnlyList<(byte[] Pattern, string Name)> identities)
    {
        var tokens = new List<string>(bytes.Length);
        var i = 0;
        while (i < bytes.Length)
        {
            string? hit = null;
            var hitLength = 0;
            foreach (var (pattern, name) in identities) // longest patterns first (the caller orders them)
            {
                if (pattern.Length <= bytes.Length - i && bytes.Slice(i, pattern.Length).SequenceEqual(pattern))
                {
                    hit = name;
                    hitLength = pattern.Length;
                    break;
                }
            }
            if (hit is not null) { tokens.Add(hit); i += hitLength; }
            else tokens.Add(bytes[i++].ToString("x2"));
        }
        // Run-length: six or more equal tokens become "tt*n".
        var sb = new StringBuilder();
        for (var k = 0; k < tokens.Count;)
        {
            var j = k;
            while (j < tokens.Count && tokens[j] == tokens[k]) j++;
            if (sb.Length > 0) sb.Append(' ');
            if (j - k >= 6) sb.Append(tokens[k]).Append('*').Append(j - k);
            else sb.AppendJoin(' ', tokens.GetRange(k, j - k));
            k = j;
        }
        return sb.Length == 0 ? "(empty)" : sb.ToString();
    }
}
