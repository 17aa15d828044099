using System.Globalization;

namespace BsgKit.Bsg.Catalog;

/// <summary>
/// Reads the kernel's view of bsg nodes, FC hosts, FC remote ports and iSCSI hosts from sysfs, under a
/// configurable root so tests (and the simulator) can point it at a generated tree. Every missing or
/// malformed attribute becomes a null plus a line in <see cref="BsgCatalogSnapshot.Problems"/>.
/// </summary>
public sealed class BsgNodeCatalog
{
    /// <param name="reportedDevRoot">
    /// Where reported device paths say the nodes are, when that differs from where they are looked for (the
    /// simulator's tree lives in a temporary directory but its nodes answer to /dev/bsg/NAME).
    /// </param>
    public BsgNodeCatalog(string sysfsRoot = "/sys", string devRoot = "/dev", string? reportedDevRoot = null)
    {
        SysfsRoot = sysfsRoot;
        DevRoot = devRoot;
        ReportedDevRoot = reportedDevRoot ?? devRoot;
    }

    public string ReportedDevRoot { get; }

    public string SysfsRoot { get; }
    public string DevRoot { get; }

    private string ClassDir(string cls) => Path.Combine(SysfsRoot, "class", cls);

    public BsgCatalogSnapshot Scan()
    {
        var problems = new List<string>();
        var nodes = ScanBsgNodes(problems);
        var byName = nodes.ToDictionary(n => n.Name, StringComparer.Ordinal);
        var fcHosts = ScanFcHosts(byName, problems);
        var rports = ScanRemotePorts(byName, problems);
        var iscsi = ScanIscsiHosts(byName, problems);
        return new BsgCatalogSnapshot(nodes, fcHosts, rports, iscsi, problems);
    }

    private List<BsgNode> ScanBsgNodes(List<string> problems)
    {
        var result = new List<BsgNode>();
        var dir = ClassDir("bsg");
        foreach (var entry in ListEntries(dir, problems, missingIsNormal: true))
        {
            var name = Path.GetFileName(entry);
            var devNumber = ReadAttribute(entry, "dev", problems, required: false);
            if (devNumber != null && !IsDeviceNumber(devNumber))
            {
                problems.Add($"{Path.Combine(entry, "dev")}: '{devNumber}' is not major:minor; ignored");
                devNumber = null;
            }
            string? devicePath = null;
            string? note = null;
            var bsgPath = Path.Combine(DevRoot, "bsg", name);
            if (Path.Exists(bsgPath)) devicePath = Path.Combine(ReportedDevRoot, "bsg", name);
            else if (devNumber != null && Path.Exists(Path.Combine(DevRoot, "char", devNumber)))
                devicePath = Path.Combine(ReportedDevRoot, "char", devNumber);
            else
                note = devNumber != null
                    ? $"no {bsgPath}: create it with `mknod {bsgPath} c {devNumber.Replace(':', ' ')}`"
                    : $"no {bsgPath} and no device number in sysfs";
            result.Add(BsgNode.Classify(name, devicePath, devNumber) with { Note = note });
        }
        result.Sort(static (a, b) => NaturalCompare(a.Name, b.Name));
        return result;
    }

    private List<FcHostInfo> ScanFcHosts(Dictionary<string, BsgNode> nodes, List<string> problems)
    {
        var result = new List<FcHostInfo>();
        foreach (var entry in ListEntries(ClassDir("fc_host"), problems, missingIsNormal: true))
        {
            var name = Path.GetFileName(entry);
            if (!TryHostNumber(name, out var host))
            {
                problems.Add($"{entry}: not a hostN directory; skipped");
                continue;
            }
            var a = new AttributeReader(entry, problems);
            result.Add(new FcHostInfo(host)
            {
                Driver = ReadProcName(host, problems),
                PortName = a.Hex64("port_name"),
                NodeName = a.Hex64("node_name"),
                PermanentPortName = a.Hex64("permanent_port_name", required: false),
                PortId = a.Hex24("port_id"),
                PortType = a.Text("port_type", required: false),
                PortState = a.Text("port_state"),
                Speed = a.Text("speed", required: false),
                SupportedSpeeds = a.Text("supported_speeds", required: false),
                FabricName = a.Hex64("fabric_name", required: false),
                SymbolicName = a.Text("symbolic_name", required: false),
                SupportedClasses = a.Text("supported_classes", required: false),
                MaxFrameSize = a.LeadingInt("maxframe_size"),
                MaxNpivVports = a.LeadingInt("max_npiv_vports"),
                NpivVportsInUse = a.LeadingInt("npiv_vports_inuse"),
                Manufacturer = a.Text("manufacturer", required: false),
                Model = a.Text("model", required: false),
                SerialNumber = a.Text("serial_number", required: false),
                FirmwareVersion = a.Text("firmware_version", required: false),
                DriverVersion = a.Text("driver_version", required: false),
                Node = nodes.GetValueOrDefault($"fc_host{host}"),
            });
        }
        result.Sort(static (x, y) => x.HostNumber.CompareTo(y.HostNumber));
        return result;
    }

    private List<FcRemotePortInfo> ScanRemotePorts(Dictionary<string, BsgNode> nodes, List<string> problems)
    {
        var result = new List<FcRemotePortInfo>();
        foreach (var entry in ListEntries(ClassDir("fc_remote_ports"), problems, missingIsNormal: true))
        {
            var name = Path.GetFileName(entry);
            var classified = BsgNode.Classify(name, null, null);
            if (classified.Kind != BsgNodeKind.FcRemotePort)
            {
                problems.Add($"{entry}: not an rport-H:C-N directory; skipped");
                continue;
            }
            var a = new AttributeReader(entry, problems);
            var roles = a.Text("roles", required: false);
            result.Add(new FcRemotePortInfo(name, classified.HostNumber!.Value, classified.Channel!.Value, classified.Number!.Value)
            {
                PortName = a.Hex64("port_name"),
                NodeName = a.Hex64("node_name"),
                PortId = a.Hex24("port_id"),
                Roles = roles is null or "unknown" ? [] : roles.Split(", ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                PortState = a.Text("port_state"),
                ScsiTargetId = a.LeadingInt("scsi_target_id"),
                Node = nodes.GetValueOrDefault(name),
            });
        }
        result.Sort(static (x, y) => NaturalCompare(x.Name, y.Name));
        return result;
    }

    private List<IscsiHostInfo> ScanIscsiHosts(Dictionary<string, BsgNode> nodes, List<string> problems)
    {
        var result = new List<IscsiHostInfo>();
        foreach (var entry in ListEntries(ClassDir("iscsi_host"), problems, missingIsNormal: true))
        {
            var name = Path.GetFileName(entry);
            if (!TryHostNumber(name, out var host))
            {
                problems.Add($"{entry}: not a hostN directory; skipped");
                continue;
            }
            var a = new AttributeReader(entry, problems);
            var driver = ReadProcName(host, problems);
            var node = nodes.GetValueOrDefault($"iscsi_host{host}");
            result.Add(new IscsiHostInfo(host)
            {
                Driver = driver,
                NetDev = a.Text("netdev", required: false),
                HwAddress = a.Text("hwaddress", required: false),
                IpAddress = a.Text("ipaddress", required: false),
                InitiatorName = a.Text("initiatorname", required: false),
                PortState = a.Text("port_state", required: false),
                PortSpeed = a.Text("port_speed", required: false),
                Node = node,
                Note = node is not null ? node.Note
                    : IscsiHostInfo.DriverHasBsgHandler(driver) ? $"no iscsi_host{host} in /sys/class/bsg although {driver} has a bsg handler (driver loaded without it?)"
                    : IscsiHostInfo.NoBsgNodeNote,
            });
        }
        result.Sort(static (x, y) => x.HostNumber.CompareTo(y.HostNumber));
        return result;
    }

    private string? ReadProcName(int host, List<string> problems) =>
        ReadAttribute(Path.Combine(ClassDir("scsi_host"), $"host{host}"), "proc_name", problems, required: true);

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

    private static IEnumerable<string> ListEntries(string dir, List<string> problems, bool missingIsNormal)
    {
        if (!Directory.Exists(dir))
        {
            if (!missingIsNormal) problems.Add($"{dir}: missing");
            return [];
        }
        try
        {
            // sysfs class entries are symlinks to directories; Directory.GetDirectories follows them.
            return Directory.GetFileSystemEntries(dir).Where(Directory.Exists).ToArray();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            problems.Add($"{dir}: cannot list ({e.Message})");
            return [];
        }
    }

    /// <summary>One attribute through <see cref="SysfsAttribute"/>: its text, or null plus a problem line.</summary>
    internal static string? ReadAttribute(string dir, string attribute, List<string> problems, bool required) =>
        Report(SysfsAttribute.Read(Path.Combine(dir, attribute)), Path.Combine(dir, attribute), problems, required);

    private static string? Report(SysfsValue value, string path, List<string> problems, bool required)
    {
        if (value.Problem is { } problem) problems.Add(problem);
        else if (value.Missing && required) problems.Add($"{path}: missing");
        return value.Text;
    }

    /// <summary>"fc_host2" before "fc_host10".</summary>
    internal static int NaturalCompare(string a, string b)
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

    /// <summary>
    /// Typed reads of one sysfs directory's attributes; bad values become null plus a problem line. A directory
    /// this user may not read is one line saying so, not a "missing" per attribute.
    /// </summary>
    private sealed class AttributeReader(string dir, List<string> problems)
    {
        private bool _denied;

        public string? Text(string attribute, bool required = true)
        {
            if (_denied) return null;
            var path = Path.Combine(dir, attribute);
            var value = SysfsAttribute.Read(path);
            if (value.Errno == Errno.EACCES && !CanSearch(dir))
            {
                _denied = true;
                problems.Add($"{dir}: cannot read (EACCES: permission denied); its attributes are unknown");
                return null;
            }
            return Report(value, path, problems, required);
        }

        private static bool CanSearch(string directory)
        {
            try
            {
                using var e = Directory.EnumerateFileSystemEntries(directory).GetEnumerator();
                e.MoveNext();
                return true;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return false; }
        }

        public ulong? Hex64(string attribute, bool required = true)
        {
            var s = Text(attribute, required);
            if (s == null) return null;
            if (s.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
                && ulong.TryParse(s.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var v))
                return v;
            problems.Add($"{Path.Combine(dir, attribute)}: '{Shorten(s)}' is not a 0x-prefixed 64-bit hex number; ignored");
            return null;
        }

        public uint? Hex24(string attribute, bool required = true)
        {
            var s = Text(attribute, required);
            if (s == null) return null;
            if (s.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
                && uint.TryParse(s.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var v)
                && v <= 0xFFFFFF)
                return v;
            problems.Add($"{Path.Combine(dir, attribute)}: '{Shorten(s)}' is not a 24-bit FC ID (0x%06x); ignored");
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
            problems.Add($"{Path.Combine(dir, attribute)}: '{Shorten(s)}' is not a number; ignored");
            return null;
        }

        private static string Shorten(string s) => s.Length <= 40 ? s : s[..40] + "…";
    }
}
