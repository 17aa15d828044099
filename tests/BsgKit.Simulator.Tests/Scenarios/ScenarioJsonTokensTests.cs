using System.Text;
using System.Text.Json;
using BsgKit.Simulator.Scenarios;

namespace BsgKit.Simulator.Tests.ScenarioFiles;

/// <summary>
/// <see cref="ScenarioJsonTokens"/> takes a subset of what Utf8JsonReader (comments skipped, trailing commas allowed)
/// takes and gives the same tokens: whatever it reads to the end, Utf8JsonReader reads to the same tokens, strings and
/// numbers; what it refuses (FormatException, InvalidOperationException) is left to System.Text.Json.
/// </summary>
public class ScenarioJsonTokensTests
{
    private const string ResourcePrefix = "BsgKit.Simulator.Scenarios.BuiltIn.";

    /// <summary>Every token with its text (strings) or every reading of it (numbers); null when the reader refuses the input.</summary>
    private static List<string>? Mine(byte[] json)
    {
        var tokens = new List<string>();
        try
        {
            var r = new ScenarioJsonTokens(json);
            while (r.Read())
            {
                var t = r.TokenType.ToString();
                if (r.TokenType is ScenarioJsonToken.String or ScenarioJsonToken.PropertyName) t += " " + r.GetString();
                else if (r.TokenType == ScenarioJsonToken.Number)
                    t += Numbers(r.TryGetInt32(out var i), i, r.TryGetUInt32(out var u), u, r.TryGetUInt64(out var ul), ul, r.TryGetDouble(out var d), d);
                tokens.Add(t);
            }
            return tokens;
        }
        catch (Exception e) when (e is FormatException or InvalidOperationException)
        {
            return null;
        }
    }

    private static List<string>? Reference(byte[] json)
    {
        var tokens = new List<string>();
        try
        {
            var r = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            while (r.Read())
            {
                var t = r.TokenType.ToString();
                if (r.TokenType is JsonTokenType.String or JsonTokenType.PropertyName) t += " " + r.GetString();
                else if (r.TokenType == JsonTokenType.Number)
                    t += Numbers(r.TryGetInt32(out var i), i, r.TryGetUInt32(out var u), u, r.TryGetUInt64(out var ul), ul, r.TryGetDouble(out var d), d);
                tokens.Add(t);
            }
            return r.IsFinalBlock && r.CurrentDepth == 0 && tokens.Count > 0 ? tokens : null;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return null;
        }
    }

    private static string Numbers(bool isInt, int i, bool isUInt, uint u, bool isULong, ulong ul, bool isDouble, double d) =>
        $" int {(isInt ? i : "-")} uint {(isUInt ? u : "-")} ulong {(isULong ? ul : "-")} double {(isDouble ? d.ToString("R") : "-")}";

    private static void AssertSubsetOfReference(byte[] json)
    {
        var mine = Mine(json);
        if (mine is null) return; // left to System.Text.Json
        var reference = Reference(json);
        Assert.True(reference is not null, $"read what Utf8JsonReader refuses: {Encoding.UTF8.GetString(json)}");
        Assert.Equal(reference, mine);
    }

    public static TheoryData<string> BuiltIns()
    {
        var data = new TheoryData<string>();
        foreach (var name in typeof(Scenario).Assembly.GetManifestResourceNames())
            if (name.StartsWith(ResourcePrefix, StringComparison.Ordinal)) data.Add(name);
        return data;
    }

    private static byte[] Resource(string name)
    {
        using var stream = typeof(Scenario).Assembly.GetManifestResourceStream(name)!;
        var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }

    [Theory]
    [MemberData(nameof(BuiltIns))]
    public void Every_built_in_is_read_to_the_tokens_Utf8JsonReader_gives(string resource)
    {
        var json = Resource(resource);
        Assert.NotNull(Mine(json));
        AssertSubsetOfReference(json);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("[]")]
    [InlineData(" { \"a\" : [ 1 , -2 , 0 , 3.25 , -0.5e-3 , 1E+2 , 4294967295 , 4294967296 , 18446744073709551615 , 18446744073709551616 ] } ")]
    [InlineData("{\"a\":true,\"b\":false,\"c\":null,\"d\":\"\"}")]
    [InlineData("{\"esc\":\"q\\\" b\\\\ s\\/ \\b\\f\\n\\r\\t \\u00e9\\u20AC\"}")]
    [InlineData("{\"utf8\":\"café — ünïcode\"}")]
    [InlineData("{ // line\n \"a\": /* block */ 1, /* * / */ \"b\": [2,], } // end")]
    [InlineData("{ // a file with CRLF line ends\r\n \"a\": 1 // and a comment\r\n}\r\n")]
    [InlineData("[1e400]")]
    [InlineData("[-1e400]")]
    [InlineData("[123456789012345678901234567890]")]
    [InlineData("[[[[[[[[[[{}]]]]]]]]]]")]
    [InlineData("\"root\"")]
    [InlineData("7")]
    public void Well_formed_json_is_read_as_Utf8JsonReader_reads_it(string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        Assert.NotNull(Mine(bytes));
        AssertSubsetOfReference(bytes);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("{")]
    [InlineData("{\"a\"}")]
    [InlineData("{\"a\" 1}")]
    [InlineData("{\"a\":}")]
    [InlineData("{,}")]
    [InlineData("[,]")]
    [InlineData("[1,,]")]
    [InlineData("[1 2]")]
    [InlineData("[1}")]
    [InlineData("{\"a\":1]")]
    [InlineData("{} {}")]
    [InlineData("{} x")]
    [InlineData("[01]")]
    [InlineData("[1.]")]
    [InlineData("[.5]")]
    [InlineData("[1e]")]
    [InlineData("[+1]")]
    [InlineData("[-]")]
    [InlineData("[1x]")]
    [InlineData("[tru]")]
    [InlineData("[truex]")]
    [InlineData("[NaN]")]
    [InlineData("[\"a\tb\"]")]
    [InlineData("[\"\\x\"]")]
    [InlineData("[\"\\u12\"]")]
    [InlineData("[\"\\ud800\"]")]
    [InlineData("[\"unterminated]")]
    [InlineData("/* unterminated [")]
    [InlineData("[1] /")]
    [InlineData("\uFEFF{}")]
    [InlineData("{ // a lone CR ends nothing here\r \"a\": 1 }")]
    [InlineData("{ /* non-ASCII — in a comment */ }")]
    public void Malformed_or_doubtful_json_is_refused(string json) => Assert.Null(Mine(Encoding.UTF8.GetBytes(json)));

    [Fact]
    public void Invalid_utf8_in_a_string_is_refused() => Assert.Null(Mine([(byte)'[', (byte)'"', 0xC3, 0x28, (byte)'"', (byte)']']));

    [Fact]
    public void Nesting_deeper_than_64_is_refused()
    {
        Assert.NotNull(Mine(Encoding.UTF8.GetBytes(new string('[', 64) + new string(']', 64))));
        Assert.Null(Mine(Encoding.UTF8.GetBytes(new string('[', 65) + new string(']', 65))));
    }

    [Fact]
    public void Whatever_a_mangled_built_in_reads_to_Utf8JsonReader_reads_the_same()
    {
        // Deterministic mutations of a built-in (a byte dropped, doubled or replaced by a JSON-significant one): each
        // either is refused or gives exactly Utf8JsonReader's tokens.
        var json = Resource(ResourcePrefix + "lab.json");
        var random = new Random(14);
        var significant = "{}[]:,\"\\/*-+.0123456789eEtrufalsn \n\r\t\u00e9"u8.ToArray();
        var read = 0;
        for (var n = 0; n < 3000; n++)
        {
            var mutated = new List<byte>(json);
            for (var edits = random.Next(1, 4); edits > 0; edits--)
            {
                var at = random.Next(mutated.Count);
                switch (random.Next(3))
                {
                    case 0: mutated.RemoveAt(at); break;
                    case 1: mutated.Insert(at, mutated[at]); break;
                    default: mutated[at] = significant[random.Next(significant.Length)]; break;
                }
            }
            var bytes = mutated.ToArray();
            if (Mine(bytes) is not null) read++;
            AssertSubsetOfReference(bytes);
        }
        Assert.True(read > 100, $"only {read} mutations were read at all"); // the comparison was exercised
    }
}
