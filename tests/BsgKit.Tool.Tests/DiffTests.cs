using System.Text.Json;
using System.Text.Json.Nodes;
using BsgKit.Tool.Infrastructure;

namespace BsgKit.Tool.Tests;

/// <summary>
/// diff A B and discover --diff BEFORE: two snapshots of the lab as host1 sees it, the second from a scenario changed in
/// every way the diff reports (ports joining, leaving, moving, renamed and retyped; a switch renamed and one added with its
/// ISL; zoning renamed, a zone added and members changed), compared both ways.
/// </summary>
public class DiffTests(ScenarioFiles files) : IClassFixture<ScenarioFiles>
{
    private const string Moved = "0x500507680b214ac1", Changed = "0x524a937c1f7b6a00", Leaving = "0x524a937c1f7b6a10", Joining = "0x500507680b214ac9";

    private static JsonArray Members(JsonObject s, string zone) =>
        s["zoning"]!["zones"]!.AsArray().Single(z => z!["name"]!.GetValue<string>() == zone)!["members"]!.AsArray();

    /// <summary>Before: the lab with array2's second port zoned with host1 too.</summary>
    private string Before() => files.Make("diff-before", s => Members(s, "z_host1_arrays").Add(Leaving));

    /// <summary>After: every kind of change at once.</summary>
    private string After() => files.Make("diff-after", s =>
    {
        var nports = s["nports"]!.AsArray();
        nports[0]!["port"] = 12;                                   // moved: new FC ID and another switch port
        nports[2]!["symbolicPortName"] = "PURE FlashArray array2 port CT0.FC1";
        nports[2]!["fc4Types"] = new JsonArray("FCP", "NVMe");     // new FC-4 types (and features)
        nports.Add(new JsonObject
        {
            ["wwpn"] = Joining, ["wwnn"] = "0x500507680b004ac9", ["domain"] = 1, ["port"] = 13, ["roles"] = new JsonArray("target"),
            ["fc4Types"] = new JsonArray("FCP"), ["symbolicPortName"] = "IBM 2145 FlashSystem array1 port9", ["symbolicNodeName"] = "IBM 2145 FlashSystem array1",
        });
        var switches = s["switches"]!.AsArray();
        switches[0]!["name"] = "lab-sw-a-renamed";
        switches[0]!["model"] = "G720";
        switches.Add(new JsonObject { ["domain"] = 3, ["name"] = "lab-sw-c", ["wwn"] = "0x100000051e0c0001", ["ports"] = 48, ["vendor"] = "Brocade", ["model"] = "G720" });
        s["isls"]!.AsArray().Add(new JsonObject { ["fromDomain"] = 2, ["fromPort"] = 46, ["toDomain"] = 3, ["toPort"] = 46 });
        var zoning = s["zoning"]!.AsObject();
        zoning["activeZoneSet"] = "lab_cfg_v2";
        zoning["zoneSets"]![0]!["name"] = "lab_cfg_v2";
        zoning["zoneSets"]![0]!["zones"]!.AsArray().Add("z_host1_new");
        zoning["zones"]!.AsArray().Add(new JsonObject { ["name"] = "z_host1_new", ["members"] = new JsonArray("0x10000090fa8c0a01", Joining) });
        Members(s, "z_host1_arrays").Add(Joining);
    });

    private async Task<string> SnapshotAsync(string scenario, string name)
    {
        var r = await CliRun.RunAsync("--simulate=" + scenario, "discover", "--zoning", "-o", "json");
        Assert.True(r.Code == 0, r.ToString());
        var path = files.PathOf(name + ".snapshot.json");
        await File.WriteAllTextAsync(path, r.Out);
        return path;
    }

    private static List<(string Object, string Change, string Subject, string? Field, string? Before, string? After)> Changes(JsonElement diff) =>
        [.. diff.GetProperty("changes").EnumerateArray().Select(c => (c.GetProperty("object").GetString()!, c.GetProperty("change").GetString()!, c.GetProperty("subject").GetString()!,
            c.TryGetProperty("field", out var f) ? f.GetString() : null, c.TryGetProperty("before", out var b) ? b.GetString() : null, c.TryGetProperty("after", out var a) ? a.GetString() : null))];

    [Fact]
    public async Task Every_kind_of_change_is_reported_with_exit_1_and_none_with_exit_0()
    {
        var a = await SnapshotAsync(Before(), "a");
        var b = await SnapshotAsync(After(), "b");

        var same = await CliRun.RunAsync("diff", a, a);
        Assert.Equal(0, same.Code);
        Assert.Contains("no differences", same.Out);

        var r = await CliRun.RunAsync("diff", a, b, "-o", "json");
        Assert.True(r.Code == 1, r.ToString());
        Assert.False(r.Json.GetProperty("equal").GetBoolean());
        var c = Changes(r.Json);
        Assert.Contains(c, x => x is ("port", "joined", _, null, null, "0x010d00") && x.Subject.StartsWith(Joining));
        Assert.Contains(c, x => x is ("port", "left", _, null, "0x020b00", null) && x.Subject.StartsWith(Leaving));
        Assert.Contains(c, x => x is ("port", "moved", _, "portId", "0x010a00", "0x010c00") && x.Subject.StartsWith(Moved));
        Assert.Contains(c, x => x is ("port", "moved", _, "fabricPortName", _, _) && x.Subject.StartsWith(Moved) && x.Before != x.After);
        Assert.Contains(c, x => x is ("port", "changed", _, "symbolicPortName", "PURE FlashArray array2 port CT0.FC0", "PURE FlashArray array2 port CT0.FC1"));
        Assert.Contains(c, x => x is ("port", "changed", _, "fc4Types", _, _) && x.Subject.StartsWith(Changed) && x.After!.Contains("NVMe"));
        Assert.Contains(c, x => x is ("switch", "changed", _, "logicalName", "lab-sw-a", "lab-sw-a-renamed"));
        Assert.Contains(c, x => x is ("switch", "changed", _, "model", "DS-6620B", "G720"));
        Assert.Contains(c, x => x is ("switch", "added", _, null, null, null) && x.Subject.StartsWith("lab-sw-c"));
        Assert.Contains(c, x => x is ("isl", "added", _, null, null, null) && x.Subject.Contains("lab-sw-c"));
        Assert.Contains(c, x => x is ("zoning", "changed", "active zone set", "name", "lab_cfg", "lab_cfg_v2"));
        Assert.Contains(c, x => x is ("zone", "added", "z_host1_new", null, null, _));
        Assert.Contains(c, x => x is ("zone", "changed", "z_host1_arrays", "member added", null, Joining));
        Assert.Contains(c, x => x is ("zone", "changed", "z_host1_arrays", "member removed", Leaving, null));
        Assert.Equal(1, r.Json.GetProperty("summary").GetProperty("port").GetProperty("joined").GetInt32());

        // The other way round: what joined left, what was added was removed.
        var back = Changes((await CliRun.RunAsync("diff", b, a, "-o", "json")).Json);
        Assert.Contains(back, x => x is ("port", "left", _, _, _, _) && x.Subject.StartsWith(Joining));
        Assert.Contains(back, x => x is ("port", "joined", _, _, _, _) && x.Subject.StartsWith(Leaving));
        Assert.Contains(back, x => x is ("switch", "removed", _, _, _, _) && x.Subject.StartsWith("lab-sw-c"));
        Assert.Contains(back, x => x is ("isl", "removed", _, _, _, _));
        Assert.Contains(back, x => x is ("zone", "removed", "z_host1_new", _, _, _));

        // The table says the same, one row per change.
        var table = await CliRun.RunAsync("diff", a, b);
        Assert.Equal(1, table.Code);
        Assert.Contains("1 port joined", table.Out);
        Assert.Contains("lab-sw-a-renamed", table.Out);
        Assert.Equal(c.Count, table.Out.Split('\n').Count(l => l.StartsWith("joined") || l.StartsWith("left") || l.StartsWith("moved") || l.StartsWith("changed") || l.StartsWith("added") || l.StartsWith("removed")));
    }

    [Fact]
    public async Task Discover_diff_compares_the_fabric_now_with_a_snapshot()
    {
        var before = Before();
        var a = await SnapshotAsync(before, "discover-a");
        var r = await CliRun.RunAsync("--simulate=" + before, "discover", "--diff", a);
        Assert.True(r.Code == 0, r.ToString());
        Assert.Contains("no differences", r.Out);
        // The snapshot has zoning, so discover --diff reads it too (no --zoning needed).
        r = await CliRun.RunAsync("--simulate=" + After(), "discover", "--diff", a, "-o", "json");
        Assert.Equal(1, r.Code);
        Assert.Contains(Changes(r.Json), x => x is ("zoning", "changed", _, "name", "lab_cfg", "lab_cfg_v2"));
        Assert.Equal("now (host1)", r.Json.GetProperty("after").GetString());
    }

    [Fact]
    public async Task Zoning_only_in_one_snapshot_is_not_compared_and_said_so()
    {
        var withZoning = await SnapshotAsync(Before(), "zoned");
        var r = await CliRun.RunAsync("--simulate=" + Before(), "discover", "-o", "json");
        var plain = files.PathOf("plain.snapshot.json");
        await File.WriteAllTextAsync(plain, r.Out);
        var d = await CliRun.RunAsync("diff", plain, withZoning, "-o", "json");
        Assert.Equal(0, d.Code);
        Assert.Equal(["zoning"], d.Json.GetProperty("notCompared").EnumerateArray().Select(x => x.GetString()));
    }

    public static TheoryData<string, string> BadSnapshots() => new()
    {
        { "not json at all", "not JSON (line 1" },
        { "{\"host\": \"host1\"}", "not a discover snapshot (no 'nPorts' array" },
        { "{\"nPorts\": []}", "not a discover snapshot (no 'host' string" },
        { "[]", "an empty array, not a discover snapshot" },
        { "42", "a JSON number, not a discover snapshot" },
        { "{\"ok\": false, \"command\": \"discover\", \"error\": \"permission denied\", \"exitCode\": 4}", "an error record, not a discover snapshot" },
        { "{\"host\": \"host1\", \"nPorts\": [{\"portName\": \"0x1\"}]}", "an N_Port without portId" },
    };

    [Theory]
    [MemberData(nameof(BadSnapshots))]
    public async Task A_file_that_is_not_a_snapshot_is_one_line_naming_it_and_exit_2(string content, string error)
    {
        var good = await SnapshotAsync(Before(), "good");
        var bad = files.PathOf($"bad-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(bad, content);
        foreach (var args in new[] { new[] { "diff", good, bad }, new[] { "diff", bad, good }, new[] { "--simulate=lab", "discover", "--diff", bad } })
        {
            var r = await CliRun.RunAsync(args);
            Assert.True(r.Code == ExitCodes.Usage, r.ToString());
            var line = Assert.Single(r.ErrLines);
            Assert.StartsWith($"bsgkit: {bad}", line);
            Assert.Contains(error, line);
            Assert.Equal("", r.Out);
        }
        var missing = await CliRun.RunAsync("diff", good, files.PathOf("missing.json"));
        Assert.Equal(ExitCodes.Usage, missing.Code);
        Assert.Contains("no such file", Assert.Single(missing.ErrLines));
    }
}
