using System.Text.Json;
using BsgKit.Fc.Catalog;
using BsgKit.Iscsi.Catalog;
using BsgKit.Simulator.Hosting;
using BsgKit.Simulator.Scenarios;

namespace BsgKit.Simulator.Tests.Trees;

/// <summary>
/// The in-memory tree (`--simulate`) gives the catalogs exactly what the file tree (`sim run`) gives, writes nothing,
/// follows rport changes; file trees of dead owners are reaped.
/// </summary>
/// <remarks>Counts this process's trees on disk, so it runs alone: other classes create file trees in parallel.</remarks>
[Collection(nameof(SysfsStorageSerial))]
public class SysfsStorageTests
{
    public static TheoryData<string> SmallBuiltIns => new(ScenarioLoader.BuiltInNames.Where(n => n != "big"));

    [Theory]
    [MemberData(nameof(SmallBuiltIns))]
    public void Memory_and_file_trees_give_the_same_catalog(string scenario)
    {
        using var files = SimulatedSan.Create(scenario, SysfsStorage.Files);
        using var memory = SimulatedSan.Create(scenario, SysfsStorage.Memory);
        Assert.Equal(SysfsStorage.Files, files.Storage);
        Assert.Equal(SysfsStorage.Memory, memory.Storage);
        Assert.Equal(Describe(files), Describe(memory));
        Assert.Equal(CountFiles(files.Root), memory.TreeEntryCount);
    }

    [Fact]
    public void The_big_scenario_in_memory_writes_no_files_and_lists_every_rport()
    {
        var before = TreesOnDisk();
        using var san = SimulatedSan.Create("big", SysfsStorage.Memory);
        Assert.Equal(before, TreesOnDisk());
        var catalog = FcCatalog.Scan(san.Catalog);
        Assert.Empty(catalog.Problems);
        Assert.Equal(san.FcHosts.Sum(h => h.RemotePorts.Count), catalog.RemotePorts.Count);
        Assert.True(catalog.RemotePorts.Count > 20_000 - 100, $"{catalog.RemotePorts.Count} rports");
        Assert.True(san.TreeEntryCount > 200_000, $"{san.TreeEntryCount} entries"); // what the file tree would have written
    }

    [Fact]
    public void A_deleted_rport_leaves_the_memory_tree()
    {
        using var san = SimulatedSan.Create("lpfc", SysfsStorage.Memory);
        var host = san.FcHosts[0];
        var rport = host.RemotePorts.First(r => r.Roles.Contains("FCP Target"));
        var name = rport.Name;
        Assert.Contains(FcCatalog.Scan(san.Catalog).RemotePorts, r => r.Name == name);
        host.RemoveRemotePort(rport);
        var after = FcCatalog.Scan(san.Catalog);
        Assert.DoesNotContain(after.RemotePorts, r => r.Name == name);
        Assert.Null(after.FindNode(name));
        Assert.Empty(after.Problems);
    }

    [Fact]
    public void Trees_of_dead_owners_are_reaped_and_live_ones_kept()
    {
        var dir = Directory.CreateTempSubdirectory("bsgkit-reap-test-").FullName;
        try
        {
            var dead = Path.Combine(dir, $"{StaleTrees.Prefix}{DeadPid()}-0123456789abcdef");
            var mine = Path.Combine(dir, StaleTrees.NewName());
            var foreign = Path.Combine(dir, $"{StaleTrees.Prefix}0123456789abcdef0123456789abcdef"); // no owner in the name
            foreach (var d in new[] { dead, mine, foreign }) File.WriteAllText(Path.Combine(Directory.CreateDirectory(Path.Combine(d, "sys")).FullName, "x"), "1");
            Assert.Equal(1, StaleTrees.Reap(dir));
            Assert.False(Directory.Exists(dead));
            Assert.True(Directory.Exists(mine));
            Assert.True(Directory.Exists(foreign));
        }
        finally { Directory.Delete(dir, recursive: true); }
    }

    [Fact]
    public void A_file_tree_is_named_after_its_owner_and_removed_on_dispose()
    {
        string root;
        using (var san = SimulatedSan.Create("lab", SysfsStorage.Files))
        {
            root = san.Root;
            Assert.Equal(Environment.ProcessId, StaleTrees.OwnerOf(Path.GetFileName(root)));
            Assert.True(Directory.Exists(root));
        }
        Assert.False(Directory.Exists(root));
    }

    /// <summary>A PID with no process: past the kernel's pid_max default range, probed to be sure.</summary>
    private static int DeadPid()
    {
        for (var pid = 4_000_000; ; pid--)
            if (!Directory.Exists($"/proc/{pid}")) return pid;
    }

    private static string Describe(SimulatedSan san)
    {
        var fc = FcCatalog.Scan(san.Catalog);
        var iscsi = IscsiCatalog.Scan(san.Catalog);
        return JsonSerializer.Serialize(new { fc.FcHosts, fc.RemotePorts, fc.Nodes, fc.Problems, iscsi.IscsiHosts, IscsiProblems = iscsi.Problems });
    }

    /// <summary>Everything the file tree wrote: its root, sys/, dev/ and all below them.</summary>
    private static long CountFiles(string root) =>
        Directory.EnumerateFileSystemEntries(Path.Combine(root, "sys"), "*", SearchOption.AllDirectories).LongCount()
        + Directory.EnumerateFileSystemEntries(Path.Combine(root, "dev"), "*", SearchOption.AllDirectories).LongCount() + 3;

    private static int TreesOnDisk() =>
        new[] { "/dev/shm", Path.GetTempPath() }.Where(Directory.Exists)
            .Sum(d => Directory.EnumerateDirectories(d, $"{StaleTrees.Prefix}{Environment.ProcessId}-*").Count());
}

/// <summary>Runs <see cref="SysfsStorageTests"/> after the parallel collections, alone.</summary>
[CollectionDefinition(nameof(SysfsStorageSerial), DisableParallelization = true)]
public sealed class SysfsStorageSerial;
