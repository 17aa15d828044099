using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using BsgKit.Simulator.Scenarios;

namespace BsgKit.Simulator.Tests.ScenarioFiles;

/// <summary>
/// The precompiled <see cref="ScenarioReader"/> and System.Text.Json's <see cref="ScenarioJsonContext"/> read every
/// scenario the same: the reader must take every built-in and every settable field of the schema (a field added to the
/// model and not to the reader fails here), giving what System.Text.Json gives; what it leaves alone is read by the serializer.
/// </summary>
public class ScenarioReaderTests
{
    private const string ResourcePrefix = "BsgKit.Simulator.Scenarios.BuiltIn.";

    public static TheoryData<string> BuiltIns()
    {
        var data = new TheoryData<string>();
        foreach (var name in ScenarioLoader.BuiltInNames) data.Add(name);
        return data;
    }

    private static string BuiltInJson(string name)
    {
        if (name == "big") return ScenarioLoader.ToJson(ScenarioGenerator.Generate(ScenarioLoader.BigFabricPorts));
        using var stream = typeof(Scenario).Assembly.GetManifestResourceStream(ResourcePrefix + name + ".json")!;
        return new StreamReader(stream).ReadToEnd();
    }

    private static void AssertSameAsSerializer(string json)
    {
        var mine = ScenarioReader.TryRead(Encoding.UTF8.GetBytes(json));
        Assert.NotNull(mine);
        var reference = ScenarioLoader.ParseWithSerializer(json, "test");
        Assert.Equal(ScenarioLoader.ToJson(reference), ScenarioLoader.ToJson(mine));
    }

    [Theory]
    [MemberData(nameof(BuiltIns))]
    public void Every_built_in_is_read_by_the_reader_as_the_serializer_reads_it(string name)
    {
        var json = BuiltInJson(name);
        AssertSameAsSerializer(json);
        // And what ToJson writes (sim show, sim generate) reads back to the same scenario.
        var written = ScenarioLoader.ToJson(ScenarioLoader.Parse(json, name));
        Assert.Equal(written, ScenarioLoader.ToJson(ScenarioLoader.Parse(written, name)));
    }

    [Theory]
    [MemberData(nameof(BuiltIns))]
    public void Every_built_in_is_valid(string name) =>
        // Resolve does not validate the embedded built-ins at start: this is the check instead.
        Assert.Empty(ScenarioValidator.Validate(ScenarioLoader.Parse(BuiltInJson(name), name)));

    [Fact]
    public void Every_settable_field_of_the_schema_is_read_into_its_own_property()
    {
        // One scenario with every settable field, each a value of its own (no default), written from the serializer's metadata.
        var counter = 0;
        var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
            WriteObject(w, ScenarioJsonContext.Default.GetTypeInfo(typeof(Scenario))!, ref counter);
        var json = Encoding.UTF8.GetString(buffer.ToArray());
        Assert.True(counter > 100, json); // the whole model was written, not an empty object
        AssertSameAsSerializer(json);
    }

    private static void WriteObject(Utf8JsonWriter w, JsonTypeInfo info, ref int counter)
    {
        var defaults = Activator.CreateInstance(info.Type)!;
        w.WriteStartObject();
        foreach (var p in info.Properties)
        {
            if (p.Set is null) continue; // computed (LatencySpec.IsOn): written, never read
            w.WritePropertyName(p.Name);
            WriteValue(w, p.PropertyType, p.Get!(defaults), ref counter);
        }
        w.WriteEndObject();
    }

    private static void WriteValue(Utf8JsonWriter w, Type type, object? defaultValue, ref int counter)
    {
        counter++;
        var t = Nullable.GetUnderlyingType(type) ?? type;
        if (t == typeof(int) || t == typeof(uint) || t == typeof(ulong)) w.WriteNumberValue(counter);
        else if (t == typeof(double)) w.WriteNumberValue(counter + 0.25);
        else if (t == typeof(bool)) w.WriteBooleanValue(!(bool)defaultValue!);
        else if (t == typeof(string)) w.WriteStringValue($"s{counter}");
        else if (t == typeof(Dictionary<string, ulong>))
        {
            w.WriteStartObject();
            w.WriteNumber($"k{counter}", counter);
            w.WriteEndObject();
        }
        else if (t.IsGenericType && t.GetGenericTypeDefinition() == typeof(List<>))
        {
            w.WriteStartArray();
            WriteValue(w, t.GetGenericArguments()[0], null, ref counter);
            WriteValue(w, t.GetGenericArguments()[0], null, ref counter);
            w.WriteEndArray();
        }
        else WriteObject(w, ScenarioJsonContext.Default.GetTypeInfo(t)!, ref counter);
    }

    [Theory]
    [InlineData("{ \"name\": \"x\", \"swtiches\": [] }")]              // unknown field
    [InlineData("{ \"name\": null }")]                                 // null where the schema has none
    [InlineData("{ \"hosts\": [ { \"host\": \"one\" } ] }")]           // wrong kind
    [InlineData("{ \"hosts\": [ { \"host\": 1.5 } ] }")]               // not a whole number
    [InlineData("{ \"switches\": null }")]                             // a null list
    [InlineData("{ \"name\": \"x\" } trailing")]                       // syntax
    [InlineData("null")]
    [InlineData("[]")]
    [InlineData("{ \"latency\": { \"isOn\": true } }")]                // computed: the serializer decides
    public void What_the_serializer_must_judge_is_left_to_it(string json)
    {
        Assert.Null(ScenarioReader.TryRead(Encoding.UTF8.GetBytes(json)));
        // Parse then gives the serializer's answer: an error naming the field, or the scenario.
        try { Assert.Equal(ScenarioLoader.ToJson(ScenarioLoader.ParseWithSerializer(json, "t")), ScenarioLoader.ToJson(ScenarioLoader.Parse(json, "t"))); }
        catch (ScenarioException e)
        {
            var again = Assert.Throws<ScenarioException>(() => ScenarioLoader.Parse(json, "t"));
            Assert.Equal(e.Message, again.Message);
        }
    }

    [Fact]
    public void Comments_and_trailing_commas_are_read_as_the_serializer_reads_them() =>
        AssertSameAsSerializer("{ // a lab\n \"name\": \"x\", /* two */ \"switches\": [ { \"domain\": 1, \"wwn\": \"0x1\", }, ], }");
}
