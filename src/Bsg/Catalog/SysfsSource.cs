namespace BsgKit.Bsg.Catalog;

/// <summary>
/// Where the catalogs read sysfs from: the file system (<see cref="FileSystem"/>, the real /sys or a generated tree),
/// or another source with the same answers (the simulator's in-memory tree, which writes no files at all).
/// Every path is absolute, as under the catalog's roots.
/// </summary>
public abstract class SysfsSource
{
    /// <summary>The real file system.</summary>
    public static SysfsSource FileSystem { get; } = new FileSystemSysfs();

    /// <summary>One attribute, as <see cref="SysfsAttribute.Read"/> gives it (never throws).</summary>
    public abstract SysfsValue Read(string path);

    /// <summary>Attribute <paramref name="attribute"/> of directory <paramref name="dir"/> (a source may find it without building the path).</summary>
    public virtual SysfsValue Read(string dir, string attribute) => Read(Path.Combine(dir, attribute));

    /// <summary>Whether <paramref name="path"/> is a directory (following symbolic links, like sysfs class entries).</summary>
    public abstract bool DirectoryExists(string path);

    /// <summary>Whether anything is at <paramref name="path"/> (a /dev node).</summary>
    public abstract bool Exists(string path);

    /// <summary>
    /// The entries of <paramref name="dir"/> that are directories, as full paths, in no particular order; throws
    /// <see cref="IOException"/> or <see cref="UnauthorizedAccessException"/> when the directory cannot be listed.
    /// </summary>
    public abstract IReadOnlyList<string> ListDirectories(string dir);

    /// <summary>The names of the files (not directories) in <paramref name="dir"/>; throws like <see cref="ListDirectories"/>.</summary>
    public abstract IReadOnlyList<string> ListFiles(string dir);

    /// <summary>Whether this user may list <paramref name="dir"/> (an unreadable attribute in a searchable directory is only that attribute).</summary>
    public abstract bool CanSearch(string dir);

    private sealed class FileSystemSysfs : SysfsSource
    {
        public override SysfsValue Read(string path) => SysfsAttribute.Read(path);
        public override bool DirectoryExists(string path) => Directory.Exists(path);
        public override bool Exists(string path) => Path.Exists(path);

        // sysfs class entries are symlinks to directories; Directory.Exists follows them.
        public override IReadOnlyList<string> ListDirectories(string dir) => Directory.GetFileSystemEntries(dir).Where(Directory.Exists).ToArray();

        public override IReadOnlyList<string> ListFiles(string dir) =>
            Directory.EnumerateFiles(dir).Select(Path.GetFileName).OfType<string>().ToArray();

        public override bool CanSearch(string dir)
        {
            try
            {
                using var e = Directory.EnumerateFileSystemEntries(dir).GetEnumerator();
                e.MoveNext();
                return true;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return false; }
        }
    }
}
