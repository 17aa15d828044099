using BsgKit.Bsg.Catalog;

namespace BsgKit.Simulator.Hosting;

/// <summary>Where <see cref="SysfsTreeWriter"/> puts the simulated /sys and /dev: files in a directory, or memory.</summary>
public enum SysfsStorage
{
    /// <summary>
    /// An in-memory tree read through <see cref="SysfsSource"/>: nothing written, nothing to remove, built in a fraction
    /// of the time. What the in-process simulator (`--simulate`) uses.
    /// </summary>
    Memory,

    /// <summary>Real files (tmpfs when there is one), for programs that read sysfs themselves (`sim run`, `--sysfs-root`).</summary>
    Files,
}

/// <summary>The writer's side of a simulated tree: attributes, /dev nodes, removal.</summary>
internal interface ISysfsTree
{
    string SysRoot { get; }
    string DevRoot { get; }

    /// <summary>/sys/class/fc_remote_ports, /sys/class/bsg and /dev/bsg under the roots: made once, not per node.</summary>
    string RemotePortsDir { get; }
    /// <inheritdoc cref="RemotePortsDir"/>
    string BsgClassDir { get; }
    /// <inheritdoc cref="RemotePortsDir"/>
    string DevBsgDir { get; }

    /// <summary>Writes <paramref name="value"/> plus a newline as <paramref name="dir"/>/<paramref name="attribute"/>, creating directories.</summary>
    void Write(string dir, string attribute, string value);

    /// <summary>
    /// A directory <paramref name="parent"/>/<paramref name="name"/> of attributes named <paramref name="names"/>, each
    /// <paramref name="value"/>(<paramref name="owner"/>, name) plus a newline. Files: written now. Memory: computed when
    /// read, so they follow the simulated objects (<see cref="IsLive"/>). A static value function and its owner rather
    /// than a closure: a big fabric has tens of thousands of these directories.
    /// </summary>
    void WriteDirectory(string parent, string name, IReadOnlyList<string> names, Func<object, string, string> value, object owner);

    /// <summary>Whether <see cref="WriteDirectory"/> attributes follow their objects (nothing to rewrite on a change).</summary>
    bool IsLive { get; }

    /// <summary>An empty /dev node (the in-process transport answers to its path).</summary>
    void CreateNode(string dir, string name);

    void DeleteDirectory(string dir);
    void DeleteFile(string path);
}

/// <summary>The tree as files under a directory.</summary>
internal sealed class FileSysfsTree(string sysRoot, string devRoot) : ISysfsTree
{
    public string SysRoot => sysRoot;
    public string DevRoot => devRoot;
    public string RemotePortsDir { get; } = Path.Combine(sysRoot, "class", "fc_remote_ports");
    public string BsgClassDir { get; } = Path.Combine(sysRoot, "class", "bsg");
    public string DevBsgDir { get; } = Path.Combine(devRoot, "bsg");

    public void Write(string dir, string attribute, string value)
    {
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, attribute), value + "\n");
    }

    public bool IsLive => false;

    public void WriteDirectory(string parent, string name, IReadOnlyList<string> names, Func<object, string, string> value, object owner)
    {
        var dir = Path.Combine(parent, name);
        foreach (var attribute in names) Write(dir, attribute, value(owner, attribute));
    }

    public void CreateNode(string dir, string name)
    {
        Directory.CreateDirectory(dir);
        var path = Path.Combine(dir, name);
        if (!File.Exists(path)) File.WriteAllBytes(path, []);
    }

    public void DeleteDirectory(string dir)
    {
        if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
    }

    public void DeleteFile(string path) => File.Delete(path);
}

/// <summary>
/// The tree in memory: one table from full path to entry (a file's text, or a directory's child names), read by the
/// catalogs through <see cref="SysfsSource"/> with exactly the answers the file tree would give, one lookup per read.
/// Locked: the fake kernel may delete an rport while a command scans.
/// </summary>
internal sealed class MemorySysfsTree : SysfsSource, ISysfsTree
{
    /// <summary>
    /// A file (<see cref="Text"/>), a directory (<see cref="Children"/>, its entries' names), or a directory of computed
    /// attributes (<see cref="Names"/>, <see cref="Value"/>): one entry for what would be a dozen files.
    /// </summary>
    private sealed class Entry
    {
        public string? Text;
        public List<string>? Children;
        public IReadOnlyList<string>? Names;
        public Func<object, string, string>? Value;
        public object? Owner;
        public bool IsDirectory => Text is null;

        public string ValueOf(string attribute) => Value!(Owner!, attribute);

        public static Entry File(string text) => new() { Text = text };
        public static Entry Directory() => new() { Children = [] };
    }

    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private string? _lastDir;      // the writer writes a directory's attributes one after another
    private Entry? _lastDirEntry;

    public MemorySysfsTree(string sysRoot, string devRoot)
    {
        SysRoot = sysRoot;
        DevRoot = devRoot;
        RemotePortsDir = Path.Combine(sysRoot, "class", "fc_remote_ports");
        BsgClassDir = Path.Combine(sysRoot, "class", "bsg");
        DevBsgDir = Path.Combine(devRoot, "bsg");
    }

    public string SysRoot { get; }
    public string DevRoot { get; }
    public string RemotePortsDir { get; }
    public string BsgClassDir { get; }
    public string DevBsgDir { get; }

    /// <summary>
    /// Room for <paramref name="entries"/> more entries, <paramref name="perDirectory"/> of them in each of
    /// <paramref name="directories"/>: a host's thousands of rports and LUNs go in without the table and the
    /// directories' lists growing (and copying) a dozen times.
    /// </summary>
    public void Reserve(int entries, int perDirectory, params ReadOnlySpan<string> directories)
    {
        lock (_lock)
        {
            _entries.EnsureCapacity(_entries.Count + entries);
            foreach (var dir in directories)
                if (DirectoryEntry(dir).Children is { } children) children.EnsureCapacity(children.Count + perDirectory);
        }
    }

    public bool IsLive => true;

    /// <summary>Files and directories held (what the file tree would have written).</summary>
    public long EntryCount
    {
        get { lock (_lock) { long n = _entries.Count; foreach (var e in _entries.Values) n += e.Names?.Count ?? 0; return n; } }
    }

    public void WriteDirectory(string parent, string name, IReadOnlyList<string> names, Func<object, string, string> value, object owner)
    {
        var dir = string.Concat(parent, "/", name); // Path.Combine's result for a parent without a trailing '/'
        lock (_lock)
        {
            if (!_entries.TryAdd(dir, new Entry { Names = names, Value = value, Owner = owner })) throw new InvalidOperationException($"{dir}: already in the tree");
            DirectoryEntry(parent).Children!.Add(name);
        }
    }

    public void Write(string dir, string attribute, string value)
    {
        lock (_lock) Put(dir, attribute, value + "\n");
    }

    public void CreateNode(string dir, string name)
    {
        var path = Path.Combine(dir, name);
        lock (_lock)
            if (!_entries.ContainsKey(path)) Put(dir, name, "", path);
    }

    public void DeleteDirectory(string dir)
    {
        lock (_lock)
        {
            if (!_entries.TryGetValue(dir, out var entry) || !entry.IsDirectory) return;
            Remove(dir, entry);
        }
    }

    public void DeleteFile(string path)
    {
        lock (_lock)
            if (_entries.TryGetValue(path, out var entry) && !entry.IsDirectory) Remove(path, entry);
    }

    private void Remove(string path, Entry entry)
    {
        if (entry.Children is { } children)
            foreach (var child in children.ToArray())
            {
                var childPath = Path.Combine(path, child);
                if (_entries.TryGetValue(childPath, out var c)) Remove(childPath, c);
            }
        _entries.Remove(path);
        if (ReferenceEquals(_lastDirEntry, entry)) (_lastDir, _lastDirEntry) = (null, null);
        if (ReferenceEquals(_lastReadEntry, entry)) (_lastReadDir, _lastReadEntry) = (null, null);
        if (Path.GetDirectoryName(path) is { } parent && _entries.TryGetValue(parent, out var p)) p.Children!.Remove(Path.GetFileName(path));
    }

    /// <summary>Sets a file's text, creating its directory and parents as needed (like Directory.CreateDirectory). Under the lock.</summary>
    private void Put(string dir, string name, string text, string? path = null)
    {
        var d = DirectoryEntry(dir);
        path ??= Path.Combine(dir, name);
        if (d.Children is null) throw new InvalidOperationException($"{dir}: its attributes are computed, not written");
        if (_entries.TryGetValue(path, out var existing)) existing.Text = text;
        else
        {
            _entries.Add(path, Entry.File(text));
            d.Children.Add(name);
        }
    }

    private Entry DirectoryEntry(string dir)
    {
        if (ReferenceEquals(dir, _lastDir) || dir == _lastDir) return _lastDirEntry!;
        if (!_entries.TryGetValue(dir, out var entry))
        {
            entry = Entry.Directory();
            _entries.Add(dir, entry);
            if (Path.GetDirectoryName(dir) is { } parent && parent != dir) DirectoryEntry(parent).Children!.Add(Path.GetFileName(dir));
        }
        (_lastDir, _lastDirEntry) = (dir, entry);
        return entry;
    }

    public override SysfsValue Read(string path)
    {
        lock (_lock)
        {
            if (_entries.TryGetValue(path, out var entry))
                return entry.Text is { } text ? new(text.Trim(), null) : new(null, $"{path}: cannot read (EISDIR: a directory)", Bsg.Errno.EISDIR);
            return Computed(path) is { } computed ? new(computed.ValueOf(Path.GetFileName(path)).Trim(), null) : default;
        }
    }

    public override SysfsValue Read(string dir, string attribute)
    {
        lock (_lock)
        {
            // A catalog reads a directory's attributes one after another: the same dir string each time.
            if (!ReferenceEquals(dir, _lastReadDir) && (_lastReadEntry = _entries.GetValueOrDefault(dir)) is not null) _lastReadDir = dir;
            if (ReferenceEquals(dir, _lastReadDir) && _lastReadEntry is { Names: { } names } computed)
            {
                for (var i = 0; i < names.Count; i++) // not foreach: an enumerator per read on an interface
                    if (names[i] == attribute) return new(computed.ValueOf(attribute).Trim(), null);
                return default;
            }
        }
        return Read(Path.Combine(dir, attribute));
    }

    private string? _lastReadDir;
    private Entry? _lastReadEntry;

    public override bool DirectoryExists(string path)
    {
        lock (_lock) return _entries.TryGetValue(path, out var entry) && entry.IsDirectory;
    }

    public override bool Exists(string path)
    {
        lock (_lock) return _entries.ContainsKey(path) || Computed(path) is not null;
    }

    /// <summary>The computed directory holding <paramref name="path"/> as one of its attributes, if any. Under the lock.</summary>
    private Entry? Computed(string path)
    {
        if (Path.GetDirectoryName(path) is not { } parent || !_entries.TryGetValue(parent, out var dir) || dir.Names is not { } names) return null;
        var name = Path.GetFileName(path.AsSpan());
        for (var i = 0; i < names.Count; i++) if (name.SequenceEqual(names[i])) return dir;
        return null;
    }

    public override IReadOnlyList<string> ListDirectories(string dir)
    {
        lock (_lock)
        {
            if (!_entries.TryGetValue(dir, out var entry) || !entry.IsDirectory) throw new DirectoryNotFoundException($"{dir}: no such directory");
            if (entry.Children is not { } children) return []; // computed: attributes only
            var result = new List<string>(children.Count);
            foreach (var name in children)
            {
                var path = Path.Combine(dir, name);
                if (_entries.TryGetValue(path, out var child) && child.IsDirectory) result.Add(path);
            }
            return result;
        }
    }

    public override IReadOnlyList<string> ListFiles(string dir)
    {
        lock (_lock)
        {
            if (!_entries.TryGetValue(dir, out var entry) || !entry.IsDirectory) throw new DirectoryNotFoundException($"{dir}: no such directory");
            if (entry.Names is { } computed) return [.. computed];
            var result = new List<string>();
            foreach (var name in entry.Children!)
                if (_entries.TryGetValue(Path.Combine(dir, name), out var child) && !child.IsDirectory) result.Add(name);
            return result;
        }
    }

    public override bool CanSearch(string dir) => DirectoryExists(dir);
}
