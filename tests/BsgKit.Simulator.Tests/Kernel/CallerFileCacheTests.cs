using System.Runtime.InteropServices;
using BsgKit.Simulator.Hosting;
using BsgKit.Simulator.Hosting.Syscall;
using BsgKit.Simulator.Hosting.Syscall.Interop;
using BsgKit.Simulator.Kernel;

namespace BsgKit.Simulator.Tests.Kernel;

/// <summary>
/// The sim run server's memory of callers' files: a remembered fd is answered by one kcmp only while it is still the
/// same open file; a dup2 onto the number, a different inode at remember time or a dying node all go the slow way.
/// This process plays the caller (its own pid and fds).
/// </summary>
public sealed partial class CallerFileCacheTests : IDisposable
{
    private readonly SimulatedSan _san = SimulatedSan.Create("libfc", SysfsStorage.Memory);
    private readonly string _dir = Directory.CreateTempSubdirectory("bsgkit-cache-").FullName;
    private readonly int _pid = Environment.ProcessId;

    [LibraryImport("libc", SetLastError = true)]
    private static partial int dup2(int oldFd, int newFd);

    private SimNode Node => _san.FindNodeByPath("/dev/bsg/fc_host1") ?? throw new InvalidOperationException("no fc_host1");

    private FileStream OpenFile(string name) => new(Path.Combine(_dir, name), FileMode.OpenOrCreate, FileAccess.ReadWrite);

    private static int Fd(FileStream f) => (int)f.SafeFileHandle.DangerousGetHandle();

    private static unsafe (ulong Device, ulong Inode) Identity(int fd)
    {
        var stat = stackalloc byte[Libc.StatxSize];
        var empty = stackalloc byte[1];
        *empty = 0;
        Assert.Equal(0, Libc.Statx(fd, empty, Libc.AtEmptyPath, Libc.StatxIno, stat));
        return ((ulong)*(uint*)(stat + Libc.StatxDevMajorOffset) << 32 | *(uint*)(stat + Libc.StatxDevMinorOffset), *(ulong*)(stat + Libc.StatxInoOffset));
    }

    [Fact]
    public void A_remembered_file_is_found_until_another_file_is_put_on_its_number()
    {
        if (!OperatingSystem.IsLinux()) return;
        using var cache = new CallerFileCache();
        using var a = OpenFile("a");
        using var b = OpenFile("b");
        var node = Node;
        cache.Remember(_pid, Fd(a), node, Identity(Fd(a)));
        Assert.Same(node, cache.Find(_pid, Fd(a)));
        Assert.Same(node, cache.Find(_pid, Fd(a)));
        Assert.Equal(2, cache.Hits);
        Assert.Null(cache.Find(_pid, Fd(b))); // never remembered

        Assert.Equal(Fd(a), dup2(Fd(b), Fd(a))); // same number, another open file: the caller cannot fool it
        Assert.Null(cache.Find(_pid, Fd(a)));
        Assert.Equal(2, cache.Hits);
    }

    [Fact]
    public void A_file_that_is_not_the_resolved_inode_is_not_remembered()
    {
        if (!OperatingSystem.IsLinux()) return;
        using var cache = new CallerFileCache();
        using var a = OpenFile("a");
        using var b = OpenFile("b");
        cache.Remember(_pid, Fd(a), Node, Identity(Fd(b))); // the fd changed between the slow lookup and taking it
        Assert.Null(cache.Find(_pid, Fd(a)));
    }

    [Fact]
    public void A_dying_node_and_a_disposed_cache_find_nothing()
    {
        if (!OperatingSystem.IsLinux()) return;
        var cache = new CallerFileCache();
        using var a = OpenFile("a");
        var node = Node;
        cache.Remember(_pid, Fd(a), node, Identity(Fd(a)));
        node.Dying = true;
        try { Assert.Null(cache.Find(_pid, Fd(a))); }
        finally { node.Dying = false; }

        cache.Remember(_pid, Fd(a), node, Identity(Fd(a)));
        cache.Dispose();
        Assert.Null(cache.Find(_pid, Fd(a)));
        cache.Remember(_pid, Fd(a), node, Identity(Fd(a)));
        Assert.Null(cache.Find(_pid, Fd(a)));
        Assert.Equal(0, cache.Hits);
    }

    public void Dispose()
    {
        _san.Dispose();
        Directory.Delete(_dir, recursive: true);
    }
}
