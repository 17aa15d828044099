using System.Globalization;

namespace BsgKit.Bsg.Catalog;

/// <summary>
/// Reads /sys/class/bsg (the generic part of the kernel's view) under a configurable root, so tests and the simulator
/// can point it at a generated tree, and gives the transports (FC: <c>FcCatalog</c>, iSCSI: <c>IscsiCatalog</c>) the
/// same roots and sysfs readers for their classes. Every missing or malformed attribute becomes a null plus a line in
/// <see cref="BsgCatalogSnapshot.Problems"/>.
/// </summary>
public sealed class BsgNodeCatalog
{
    /// <summary>A catalog of the tree under <paramref name="sysfsRoot"/> (/sys) and <paramref name="devRoot"/> (/dev).</summary>
    /// <param name="sysfsRoot">Where /sys is: the real one, or a generated tree.</param>
    /// <param name="devRoot">Where /dev is looked in.</param>
    /// <param name="reportedDevRoot">
    /// Where reported device paths say the nodes are, when that differs from where they are looked for (the
    /// simulator's tree lives in a temporary directory but its nodes answer to /dev/bsg/NAME).
    /// </param>
    /// <param name="source">What the tree is read from: the file system unless given (the simulator's in-memory tree).</param>
    public BsgNodeCatalog(string sysfsRoot = "/sys", string devRoot = "/dev", string? reportedDevRoot = null, SysfsSource? source = null)
    {
        SysfsRoot = sysfsRoot;
        DevRoot = devRoot;
        ReportedDevRoot = reportedDevRoot ?? devRoot;
        Source = source ?? SysfsSource.FileSystem;
    }

    /// <summary>What the tree is read from.</summary>
    public SysfsSource Source { get; }

    /// <summary>Typed reads of one directory of this tree.</summary>
    public SysfsAttributes Attributes(string dir, List<string> problems) => new(dir, problems, Source);

    /// <summary>The /dev root reported device paths start with.</summary>
    public string ReportedDevRoot { get; }

    /// <summary>Where /sys is read from ("/sys", or a generated tree).</summary>
    public string SysfsRoot { get; }
    /// <summary>Where /dev is looked in ("/dev", or a generated tree).</summary>
    public string DevRoot { get; }

    /// <summary>/sys/class/CLS under <see cref="SysfsRoot"/>.</summary>
    public string ClassDirectory(string cls) => Path.Combine(SysfsRoot, "class", cls);

    /// <summary>The bsg nodes (/sys/class/bsg) with their device paths.</summary>
    public BsgCatalogSnapshot Scan()
    {
        var problems = new List<string>();
        var nodes = ScanBsgNodes(problems);
        return new BsgCatalogSnapshot(nodes, problems);
    }

    private List<BsgNode> ScanBsgNodes(List<string> problems)
    {
        var result = new List<BsgNode>();
        var dir = ClassDirectory("bsg");
        foreach (var entry in ListEntries(dir, problems, missingIsNormal: true))
        {
            var name = Path.GetFileName(entry);
            var devNumber = Report(Source.Read(entry, "dev"), entry, "dev", problems, required: false);
            if (devNumber != null && !IsDeviceNumber(devNumber))
            {
                problems.Add($"{Path.Combine(entry, "dev")}: '{devNumber}' is not major:minor; ignored");
                devNumber = null;
            }
            string? devicePath = null;
            string? note = null;
            var bsgPath = Path.Combine(DevRoot, "bsg", name);
            if (Source.Exists(bsgPath)) devicePath = Path.Combine(ReportedDevRoot, "bsg", name);
            else if (devNumber != null && Source.Exists(Path.Combine(DevRoot, "char", devNumber)))
                devicePath = Path.Combine(ReportedDevRoot, "char", devNumber);
            else
                note = devNumber != null
                    ? $"no {bsgPath}: create it with `mknod {bsgPath} c {devNumber.Replace(':', ' ')}`"
                    : $"no {bsgPath} and no device number in sysfs";
            result.Add(BsgNode.Classify(name, devicePath, devNumber) with { Note = note });
        }
        SortNatural(result, static (a, b) => CompareNodes(a, b));
        return result;
    }

    /// <summary>
    /// Sorts by <paramref name="compare"/> unless already in order (one pass): a tree listed in creation order often is,
    /// and a big fabric's catalog has tens of thousands of entries.
    /// </summary>
    public static void SortNatural<T>(List<T> items, Comparison<T> compare)
    {
        for (var i = 1; i < items.Count; i++)
            if (compare(items[i - 1], items[i]) > 0)
            {
                items.Sort(compare);
                return;
            }
    }

    /// <summary>
    /// <see cref="NaturalCompare"/> of two nodes' names, from their parsed numbers when both were classified (the same
    /// order: kinds sort by their names' first letters — digits, fc_host, iscsi_host, rport — then number by number).
    /// </summary>
    public static int CompareNodes(BsgNode a, BsgNode b)
    {
        if (a.Kind == BsgNodeKind.Unknown || b.Kind == BsgNodeKind.Unknown) return NaturalCompare(a.Name, b.Name);
        var c = KindRank(a.Kind).CompareTo(KindRank(b.Kind));
        if (c == 0) c = Nullable.Compare(a.HostNumber, b.HostNumber);
        if (c == 0) c = Nullable.Compare(a.Channel, b.Channel);
        if (c == 0) c = Nullable.Compare(a.Number, b.Number);
        if (c == 0) c = Nullable.Compare(a.Lun, b.Lun);
        return c;
    }

    private static int KindRank(BsgNodeKind kind) => kind switch
    {
        BsgNodeKind.ScsiDevice => 0,   // "H:C:T:L": a digit first
        BsgNodeKind.FcHost => 1,       // "fc_hostN"
        BsgNodeKind.IscsiHost => 2,    // "iscsi_hostN"
        _ => 3,                        // "rport-H:C-N"
    };

    /// <summary>The SCSI host's driver: /sys/class/scsi_host/hostN/proc_name.</summary>
    public string? ReadProcName(int host, List<string> problems)
    {
        var path = Path.Combine(ClassDirectory("scsi_host"), $"host{host}", "proc_name");
        return Report(Source.Read(path), path, problems, required: true);
    }

    /// <summary>The entries of /sys/class/CLS that are hostN directories, with their numbers; others become problems.</summary>
    public IReadOnlyList<(string Path, int Host)> ListHostEntries(string cls, List<string> problems)
    {
        var result = new List<(string, int)>();
        foreach (var entry in ListClass(cls, problems))
        {
            if (TryHostNumber(Path.GetFileName(entry), out var host)) result.Add((entry, host));
            else problems.Add($"{entry}: not a hostN directory; skipped");
        }
        return result;
    }

    /// <summary>The entries of /sys/class/CLS (an absent class is normal: no such driver loaded).</summary>
    public IReadOnlyList<string> ListClass(string cls, List<string> problems) => [.. ListEntries(ClassDirectory(cls), problems, missingIsNormal: true)];

    private static bool TryHostNumber(string name, out int host)
    {
        host = 0;
        return name.StartsWith("host", StringComparison.Ordinal)
               && int.TryParse(name.AsSpan(4), NumberStyles.None, CultureInfo.InvariantCulture, out host);
    }

    private static bool IsDeviceNumber(string s)
    {
        var parts = s.Split(':');
        return parts.Length == 2 && uint.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out _)
                                 && uint.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out _);
    }

    private IEnumerable<string> ListEntries(string dir, List<string> problems, bool missingIsNormal)
    {
        if (!Source.DirectoryExists(dir))
        {
            if (!missingIsNormal) problems.Add($"{dir}: missing");
            return [];
        }
        try
        {
            return Source.ListDirectories(dir);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            problems.Add($"{dir}: cannot list ({e.Message})");
            return [];
        }
    }

    /// <summary>
    /// One sysfs attribute through <see cref="SysfsAttribute"/> (non-blocking, regular files only, at most a page), trimmed;
    /// null plus a problem line when unreadable, or when absent and <paramref name="required"/>.
    /// </summary>
    public static string? ReadAttribute(string dir, string attribute, List<string> problems, bool required) =>
        Report(SysfsAttribute.Read(Path.Combine(dir, attribute)), dir, attribute, problems, required);

    internal static string? Report(SysfsValue value, string path, List<string> problems, bool required)
    {
        if (value.Problem is { } problem) problems.Add(problem);
        else if (value.Missing && required) problems.Add($"{path}: missing");
        return value.Text;
    }

    /// <summary><see cref="Report(SysfsValue, string, List{string}, bool)"/> with the path built only for a problem line.</summary>
    internal static string? Report(SysfsValue value, string dir, string attribute, List<string> problems, bool required)
    {
        if (value.Problem is { } problem) problems.Add(problem);
        else if (value.Missing && required) problems.Add($"{Path.Combine(dir, attribute)}: missing");
        return value.Text;
    }

    /// <summary>"fc_host2" before "fc_host10".</summary>
    public static int NaturalCompare(string a, string b)
    {
        int i = 0, j = 0;
        while (i < a.Length && j < b.Length)
        {
            if (char.IsAsciiDigit(a[i]) && char.IsAsciiDigit(b[j]))
            {
                var si = i; while (i < a.Length && char.IsAsciiDigit(a[i])) i++;
                var sj = j; while (j < b.Length && char.IsAsciiDigit(b[j])) j++;
                var na = a.AsSpan(si, i - si).TrimStart('0');
                var nb = b.AsSpan(sj, j - sj).TrimStart('0');
                if (na.Length != nb.Length) return na.Length.CompareTo(nb.Length);
                var c = na.SequenceCompareTo(nb);
                if (c != 0) return c;
            }
            else
            {
                if (a[i] != b[j]) return a[i].CompareTo(b[j]);
                i++; j++;
            }
        }
        return (a.Length - i).CompareTo(b.Length - j);
    }
}

/// <summary>
/// Typed reads of one sysfs directory's attributes; bad values become null plus a problem line. A directory this user
/// may not read is one line saying so, not a "missing" per attribute.
/// </summary>
public sealed class SysfsAttributes(string dir, List<string> problems, SysfsSource? source = null)
{
    private readonly SysfsSource _source = source ?? SysfsSource.FileSystem;
    private bool _denied;

    /// <summary>The directory read.</summary>
    public string Directory => dir;

    /// <summary>The attribute's text, trimmed; null (plus a problem line when <paramref name="required"/> or unreadable) when absent.</summary>
    public string? Text(string attribute, bool required = true)
    {
        if (_denied) return null;
        var value = _source.Read(dir, attribute);
        if (value.Errno == Errno.EACCES && !_source.CanSearch(dir))
        {
            _denied = true;
            problems.Add($"{dir}: cannot read (EACCES: permission denied); its attributes are unknown");
            return null;
        }
        return BsgNodeCatalog.Report(value, dir, attribute, problems, required);
    }

    /// <summary>A 0x-prefixed 64-bit hex attribute (a WWN, a statistics counter); null when absent or malformed.</summary>
    public ulong? Hex64(string attribute, bool required = true)
    {
        var s = Text(attribute, required);
        if (s == null) return null;
        if (s.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
            && ulong.TryParse(s.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var v))
            return v;
        Malformed(attribute, s, "a 0x-prefixed 64-bit hex number");
        return null;
    }

    /// <summary>"2048 bytes" → 2048; "-1" → -1; absent → null.</summary>
    public int? LeadingInt(string attribute)
    {
        var s = Text(attribute, required: false);
        if (s == null) return null;
        var end = 0;
        while (end < s.Length && (char.IsAsciiDigit(s[end]) || (end == 0 && s[end] == '-'))) end++;
        if (int.TryParse(s.AsSpan(0, end), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v)) return v;
        Malformed(attribute, s, "a number");
        return null;
    }

    /// <summary>
    /// Records that <paramref name="attribute"/> held <paramref name="value"/>, which is not <paramref name="expected"/>
    /// ("a 24-bit FC ID"): one problem line, the value shortened; the caller then treats the attribute as absent.
    /// </summary>
    public void Malformed(string attribute, string value, string expected) =>
        problems.Add($"{Path.Combine(dir, attribute)}: '{Shorten(value)}' is not {expected}; ignored");

    private static string Shorten(string s) => s.Length <= 40 ? s : s[..40] + "…";
    }
