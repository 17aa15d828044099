using BsgKit.Simulator.Hosting.Syscall.Interop;
using BsgKit.Simulator.Scenarios;

namespace BsgKit.Simulator.Hosting;

/// <summary>
/// What the generated tree may still take: <see cref="ScenarioLimits.MaxTreeFiles"/> files, and no more than nine
/// tenths of what the file system under it has free (files and bytes), so a scenario too big for the machine
/// stops with one message naming the limit before it fills /dev/shm. Reserved before each host's part is written.
/// </summary>
internal sealed unsafe class TreeBudget
{
    private readonly string _scenario;
    private readonly string? _root;
    private readonly long _maxFiles;
    private readonly string _limit;
    private long _files;

    /// <summary>A budget for the tree of <paramref name="scenario"/>.</summary>
    /// <param name="scenario">The scenario's name, for the message naming the limit.</param>
    /// <param name="root">The file tree's directory; null for a tree in memory (only the file limit applies).</param>
    /// <param name="maxFiles">The most files the tree may have.</param>
    public TreeBudget(string scenario, string? root, long maxFiles)
    {
        _scenario = scenario;
        _root = root;
        _maxFiles = maxFiles;
        _limit = $"the limit of {maxFiles:N0} files (ScenarioLimits.MaxTreeFiles)";
        StatVfs fs;
        if (root is null || Libc.Statvfs(root, &fs) != 0) return;
        var freeFiles = fs.Files == 0 ? long.MaxValue : (long)Math.Min(fs.FilesAvailable, long.MaxValue / 10) * 9 / 10; // 0 files: no inode limit (btrfs)
        var freeBytes = (long)Math.Min(fs.BlocksAvailable * fs.FragmentSize, (ulong)long.MaxValue / 10) * 9 / 10;
        var byBytes = freeBytes / ScenarioLimits.TreePageBytes;
        if (Math.Min(freeFiles, byBytes) < _maxFiles)
        {
            _maxFiles = Math.Min(freeFiles, byBytes);
            _limit = $"what {root} has free ({fs.FilesAvailable:N0} files, {fs.BlocksAvailable * fs.FragmentSize / (1024 * 1024):N0} MiB; 90% may be used)";
        }
    }

    /// <summary>Takes <paramref name="files"/> for <paramref name="what"/>, or throws <see cref="ScenarioException"/>.</summary>
    public void Reserve(long files, string what)
    {
        _files += files;
        if (_files <= _maxFiles) return;
        throw new ScenarioException(_scenario,
            [$"{what}: the simulated /sys and /dev tree would need at least {_files:N0} files ({_files * ScenarioLimits.TreePageBytes / (1024 * 1024):N0} MiB){(_root is null ? "" : $" in {_root}")}, more than {_limit}; use fewer hosts or N_Ports, or zone them apart"]);
    }
}
