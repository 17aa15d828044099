using System.CommandLine;
using System.Text.Json;
using BsgKit.Tool.Infrastructure;
using BsgKit.Tool.Output;

namespace BsgKit.Tool.Commands;

/// <summary>
/// bsgkit diff A.json B.json, and discover --diff BEFORE.json: what changed between two discover snapshots (ports that
/// joined, left or moved, changed names, types and features; switches, ISLs; zoning). Exit 0 equal, 1 different, like diff.
/// </summary>
internal static class DiffCommand
{
    /// <summary>Exit codes of a diff: the same as diff(1)'s; bad input is the usage error (2).</summary>
    public const int Equal = 0, Different = 1;

    /// <summary>The largest snapshot read (a generated 100,000-port fabric is about 60 MiB of JSON).</summary>
    public const long MaxSnapshotBytes = 256L * 1024 * 1024;

    public static Command Build(CliHost cli)
    {
        var before = new Argument<string>("BEFORE") { Description = "a snapshot written by `bsgkit discover -o json`" };
        var after = new Argument<string>("AFTER") { Description = "the later snapshot" };
        var cmd = new Command("diff", "Compare two discover snapshots (discover -o json): ports joined, left, moved or changed, switches, ISLs, zoning; exit 0 equal, 1 different") { before, after };
        cli.SetAction(cmd, (ctx, parse, _) =>
        {
            ctx.NoDot();
            var a = parse.GetValue(before)!;
            var b = parse.GetValue(after)!;
            var diff = Compare(a, Read(a), b, Read(b));
            Emit(ctx, diff);
            return Task.FromResult(diff.Equal ? Equal : Different);
        });
        return cmd;
    }

    /// <summary>The snapshots in <paramref name="path"/> (one object, or an array from -H all); bad input is one usage error naming the file.</summary>
    public static List<DiscoverDto> Read(string path)
    {
        var bytes = InputLimits.ReadFile(path, path, MaxSnapshotBytes, "larger than any discover snapshot");
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(bytes);
        }
        catch (JsonException e)
        {
            throw CliException.Usage($"{path}: not JSON (line {(e.LineNumber ?? 0) + 1}: {FirstSentence(e.Message)}); expected a snapshot written by `bsgkit discover -o json`");
        }
        using (doc)
        {
            var root = doc.RootElement;
            var items = root.ValueKind == JsonValueKind.Array ? root.EnumerateArray().ToList() : [root];
            if (items.Count == 0) throw CliException.Usage($"{path}: an empty array, not a discover snapshot");
            var result = new List<DiscoverDto>();
            for (var i = 0; i < items.Count; i++)
            {
                var where = root.ValueKind == JsonValueKind.Array ? $"{path}: item {i + 1}" : path;
                var e = items[i];
                if (e.ValueKind != JsonValueKind.Object) throw CliException.Usage($"{where}: a JSON {e.ValueKind.ToString().ToLowerInvariant()}, not a discover snapshot (an object with host and nPorts)");
                if (e.TryGetProperty("ok", out var ok) && ok.ValueKind == JsonValueKind.False)
                    throw CliException.Usage($"{where}: an error record, not a discover snapshot (discover failed: {(e.TryGetProperty("error", out var err) ? err.GetString() : "no error text")})");
                foreach (var (name, kind) in new[] { ("host", JsonValueKind.String), ("nPorts", JsonValueKind.Array) })
                    if (!e.TryGetProperty(name, out var p) || p.ValueKind != kind)
                        throw CliException.Usage($"{where}: not a discover snapshot (no '{name}' {(kind == JsonValueKind.Array ? "array" : "string")}; write one with `bsgkit discover -o json`)");
                try
                {
                    result.Add(e.Deserialize(JsonOutput.Context.DiscoverDto) ?? throw new JsonException("null"));
                }
                catch (JsonException x)
                {
                    throw CliException.Usage($"{where}: not a discover snapshot ({FirstSentence(x.Message)})");
                }
                var bad = result[^1].NPorts.FirstOrDefault(n => string.IsNullOrEmpty(n.PortId));
                if (bad is not null) throw CliException.Usage($"{where}: not a discover snapshot (an N_Port without portId)");
            }
            return result;
        }
    }

    private static string FirstSentence(string message)
    {
        var dot = message.IndexOf(". ", StringComparison.Ordinal);
        return dot > 0 ? message[..dot] : message.TrimEnd('.');
    }

    /// <summary>Compares the snapshots host by host (by host name; a single snapshot on each side is compared whatever its host).</summary>
    public static DiffDto Compare(string beforeName, List<DiscoverDto> before, string afterName, List<DiscoverDto> after)
    {
        var changes = new List<ChangeDto>();
        var notCompared = new SortedSet<string>(StringComparer.Ordinal);
        if (before.Count == 1 && after.Count == 1)
            Compare(before[0], after[0], null, changes, notCompared);
        else
        {
            foreach (var b in before)
            {
                var a = after.FirstOrDefault(x => x.Host == b.Host);
                if (a is null) changes.Add(new ChangeDto("host", "left", b.Host));
                else Compare(b, a, b.Host, changes, notCompared);
            }
            foreach (var a in after.Where(a => before.All(b => b.Host != a.Host))) changes.Add(new ChangeDto("host", "joined", a.Host));
        }
        var summary = changes.GroupBy(c => c.Object).ToDictionary(g => g.Key, g => g.GroupBy(c => c.Change).ToDictionary(x => x.Key, x => x.Count()));
        return new DiffDto(beforeName, afterName, changes.Count == 0, changes) { Summary = summary, NotCompared = [.. notCompared] };
    }

    private static void Compare(DiscoverDto b, DiscoverDto a, string? host, List<ChangeDto> changes, SortedSet<string> notCompared)
    {
        ComparePorts(b, a, host, changes);
        // A snapshot taken with --no-switches (or where the configuration server was not reachable) has no switches to compare.
        if (b.Switches.Count > 0 && a.Switches.Count > 0) CompareSwitches(b, a, host, changes);
        else if (b.Switches.Count != a.Switches.Count) notCompared.Add("switches");
        if (b.Zoning is not null && a.Zoning is not null) CompareZoning(b.Zoning, a.Zoning, host, changes);
        else if (b.Zoning is not null || a.Zoning is not null) notCompared.Add("zoning");
    }

    /// <summary>A port is the same port when its WWPN is (its FC ID when the snapshot has no WWPN for it).</summary>
    private static string PortKey(NPortDto n) => n.PortName ?? "fcid:" + n.PortId;

    private static string PortLabel(NPortDto n) => n.PortName is null ? n.PortId : $"{n.PortName} ({n.PortId})";

    private static void ComparePorts(DiscoverDto b, DiscoverDto a, string? host, List<ChangeDto> changes)
    {
        var before = ByKey(b.NPorts, PortKey);
        var after = ByKey(a.NPorts, PortKey);
        foreach (var (key, n) in before)
            if (!after.ContainsKey(key)) changes.Add(new ChangeDto("port", "left", PortLabel(n)) { Host = host, Before = n.PortId });
        foreach (var (key, n) in after)
        {
            if (!before.TryGetValue(key, out var o))
            {
                changes.Add(new ChangeDto("port", "joined", PortLabel(n)) { Host = host, After = n.PortId });
                continue;
            }
            var subject = PortLabel(n);
            // Moved: a new address or another switch port (re-cabled, or the switch re-assigned it).
            if (o.PortId != n.PortId) changes.Add(new ChangeDto("port", "moved", subject) { Host = host, Field = "portId", Before = o.PortId, After = n.PortId });
            if (o.FabricPortName != n.FabricPortName)
                changes.Add(new ChangeDto("port", "moved", subject) { Host = host, Field = "fabricPortName", Before = o.FabricPortName, After = n.FabricPortName });
            Field(changes, "port", subject, host, "nodeName", o.NodeName, n.NodeName);
            Field(changes, "port", subject, host, "portType", o.PortType, n.PortType);
            Field(changes, "port", subject, host, "fc4Types", Join(o.Fc4Types), Join(n.Fc4Types));
            Field(changes, "port", subject, host, "fc4Features", o.Fc4Features, n.Fc4Features);
            Field(changes, "port", subject, host, "symbolicPortName", o.SymbolicPortName, n.SymbolicPortName);
            Field(changes, "port", subject, host, "symbolicNodeName", o.SymbolicNodeName, n.SymbolicNodeName);
        }
    }

    private static void CompareSwitches(DiscoverDto b, DiscoverDto a, string? host, List<ChangeDto> changes)
    {
        var before = ByKey(b.Switches, s => s.Name);
        var after = ByKey(a.Switches, s => s.Name);
        static string Label(SwitchDto s) => s.LogicalName is null ? s.Name : $"{s.LogicalName} ({s.Name})";
        foreach (var (key, s) in before)
            if (!after.ContainsKey(key)) changes.Add(new ChangeDto("switch", "removed", Label(s)) { Host = host });
        foreach (var (key, s) in after)
        {
            if (!before.TryGetValue(key, out var o))
            {
                changes.Add(new ChangeDto("switch", "added", Label(s)) { Host = host });
                continue;
            }
            var subject = Label(s);
            Field(changes, "switch", subject, host, "domainId", o.DomainId?.ToString(), s.DomainId?.ToString());
            Field(changes, "switch", subject, host, "logicalName", o.LogicalName, s.LogicalName);
            Field(changes, "switch", subject, host, "type", o.Type, s.Type);
            Field(changes, "switch", subject, host, "vendor", o.Vendor, s.Vendor);
            Field(changes, "switch", subject, host, "model", o.Model, s.Model);
            Field(changes, "switch", subject, host, "release", o.Release, s.Release);
            Field(changes, "switch", subject, host, "ports", o.Ports.Count.ToString(), s.Ports.Count.ToString());
        }
        static string IslKey(IslDto i) => string.CompareOrdinal(i.FromPort, i.ToPort) < 0 ? $"{i.FromPort}-{i.ToPort}" : $"{i.ToPort}-{i.FromPort}";
        string IslLabel(DiscoverDto d, IslDto i) => $"{SwitchLabel(d, i.FromSwitch)} {i.FromPort} — {SwitchLabel(d, i.ToSwitch)} {i.ToPort}";
        var islsBefore = ByKey(b.Isls, IslKey);
        var islsAfter = ByKey(a.Isls, IslKey);
        foreach (var (key, i) in islsBefore)
            if (!islsAfter.ContainsKey(key)) changes.Add(new ChangeDto("isl", "removed", IslLabel(b, i)) { Host = host });
        foreach (var (key, i) in islsAfter)
            if (!islsBefore.ContainsKey(key)) changes.Add(new ChangeDto("isl", "added", IslLabel(a, i)) { Host = host });
    }

    private static string SwitchLabel(DiscoverDto d, string name) => d.Switches.FirstOrDefault(s => s.Name == name)?.LogicalName ?? name;

    private static void CompareZoning(ZoningDto b, ZoningDto a, string? host, List<ChangeDto> changes)
    {
        Field(changes, "zoning", "active zone set", host, "name", b.ActiveZoneSet, a.ActiveZoneSet);
        var before = ByKey(b.Zones, z => z.Name);
        var after = ByKey(a.Zones, z => z.Name);
        foreach (var (key, z) in before)
            if (!after.ContainsKey(key)) changes.Add(new ChangeDto("zone", "removed", z.Name) { Host = host, Before = Members(z.Members) });
        foreach (var (key, z) in after)
        {
            if (!before.TryGetValue(key, out var o))
            {
                changes.Add(new ChangeDto("zone", "added", z.Name) { Host = host, After = Members(z.Members) });
                continue;
            }
            var was = o.Members.Select(m => m.Value).ToHashSet(StringComparer.OrdinalIgnoreCase);
            var now = z.Members.Select(m => m.Value).ToHashSet(StringComparer.OrdinalIgnoreCase);
            foreach (var m in z.Members.Where(m => !was.Contains(m.Value)))
                changes.Add(new ChangeDto("zone", "changed", z.Name) { Host = host, Field = "member added", After = m.Value });
            foreach (var m in o.Members.Where(m => !now.Contains(m.Value)))
                changes.Add(new ChangeDto("zone", "changed", z.Name) { Host = host, Field = "member removed", Before = m.Value });
        }
    }

    private static string Members(List<ZoneMemberDto> members) => string.Join(", ", members.Select(m => m.Value));

    private static string? Join(List<string>? list) => list is null ? null : string.Join(",", list);

    private static void Field(List<ChangeDto> changes, string obj, string subject, string? host, string field, string? before, string? after)
    {
        if (!string.Equals(before, after, StringComparison.Ordinal))
            changes.Add(new ChangeDto(obj, "changed", subject) { Host = host, Field = field, Before = before, After = after });
    }

    /// <summary>Items by key in snapshot order; a key seen twice keeps the first (a snapshot lists each object once).</summary>
    private static List<KeyValuePair<string, T>> ByKeyList<T>(IEnumerable<T> items, Func<T, string> key)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        return [.. items.Where(i => seen.Add(key(i))).Select(i => KeyValuePair.Create(key(i), i))];
    }

    private static OrderedMap<T> ByKey<T>(IEnumerable<T> items, Func<T, string> key) => new(ByKeyList(items, key));

    /// <summary>A dictionary that enumerates in insertion order (the snapshot's order, so the diff reads like the snapshots).</summary>
    private sealed class OrderedMap<T>(List<KeyValuePair<string, T>> items) : IEnumerable<KeyValuePair<string, T>>
    {
        private readonly Dictionary<string, T> _map = items.ToDictionary(i => i.Key, i => i.Value, StringComparer.Ordinal);
        public bool ContainsKey(string key) => _map.ContainsKey(key);
        public bool TryGetValue(string key, out T value) => _map.TryGetValue(key, out value!);
        public IEnumerator<KeyValuePair<string, T>> GetEnumerator() => items.GetEnumerator();
        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }

    private static string Noun(string obj) => obj == "isl" ? "ISL" : obj;

    private static string Plural(string obj) => obj switch { "isl" => "ISLs", "switch" => "switches", "zoning" => "zoning", _ => obj + "s" };

    public static void Emit(CliContext ctx, DiffDto d)
    {
        if (ctx.Json)
        {
            JsonOutput.Write(ctx.Out, d, static c => c.DiffDto);
            return;
        }
        if (!ctx.Quiet)
        {
            var parts = d.Summary.SelectMany(o => o.Value.Select(c => $"{Fmt.Count(c.Value, Noun(o.Key), Plural(o.Key))} {c.Key}"));
            ctx.Out.WriteLine(ctx.Output.Bold(d.Equal ? $"{d.Before} → {d.After}: no differences" : $"{d.Before} → {d.After}: {string.Join(", ", parts)}"));
            foreach (var n in d.NotCompared) ctx.Out.WriteLine($"  ({n} not compared: only one snapshot has them)");
        }
        if (d.Changes.Count == 0) return;
        var manyHosts = d.Changes.Any(c => c.Host is not null);
        var t = manyHosts ? new TableWriter("HOST", "CHANGE", "OBJECT", "SUBJECT", "FIELD", "BEFORE", "AFTER") : new TableWriter("CHANGE", "OBJECT", "SUBJECT", "FIELD", "BEFORE", "AFTER");
        foreach (var c in d.Changes)
            if (manyHosts) t.Row(c.Host, c.Change, c.Object, c.Subject, c.Field, c.Before, c.After);
            else t.Row(c.Change, c.Object, c.Subject, c.Field, c.Before, c.After);
        if (!ctx.Quiet) ctx.Out.WriteLine();
        t.Write(ctx.Out, !ctx.Quiet);
    }
}
