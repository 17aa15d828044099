using System.Globalization;
using System.Runtime.InteropServices;
using BsgKit.Simulator.Hosting.Syscall.Interop;

namespace BsgKit.Simulator.Hosting;

/// <summary>
/// File trees are named bsgkit-sim-PID-GUID after their owner. An owner removes its tree on every path it lives to see
/// (dispose, signals); one killed outright (SIGKILL, OOM) cannot, so each new owner removes the trees whose owner
/// process no longer exists. A live process with a reused PID keeps a dead owner's tree until that process is gone too.
/// </summary>
internal static class StaleTrees
{
    public const string Prefix = "bsgkit-sim-";

    private const int Esrch = 3;

    /// <summary>A new tree's directory name for this process (short: sim run's socket path under it has 108 bytes at most).</summary>
    public static string NewName() => $"{Prefix}{Environment.ProcessId.ToString(CultureInfo.InvariantCulture)}-{Guid.NewGuid():N}"[..(Prefix.Length + 24)];

    /// <summary>Removes the trees in <paramref name="directory"/> whose owner is gone; how many it removed.</summary>
    public static int Reap(string directory)
    {
        var reaped = 0;
        IEnumerable<string> trees;
        try { trees = Directory.EnumerateDirectories(directory, Prefix + "*"); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return 0; }
        foreach (var tree in trees.ToList())
        {
            if (OwnerOf(Path.GetFileName(tree)) is not int pid || pid == Environment.ProcessId || IsAlive(pid)) continue;
            try
            {
                Directory.Delete(tree, recursive: true);
                reaped++;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { } // another user's, or being reaped by a sibling
        }
        return reaped;
    }

    /// <summary>The owner PID in a tree's name; null for names without one (not ours to judge).</summary>
    internal static int? OwnerOf(string name)
    {
        if (!name.StartsWith(Prefix, StringComparison.Ordinal)) return null;
        var rest = name.AsSpan(Prefix.Length);
        var dash = rest.IndexOf('-');
        return dash > 0 && int.TryParse(rest[..dash], NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && pid > 0 ? pid : null;
    }

    /// <summary>kill(pid, 0): ESRCH means no such process; EPERM means it exists (another user's).</summary>
    private static bool IsAlive(int pid) => Libc.Kill(pid, 0) == 0 || Marshal.GetLastPInvokeError() != Esrch;
}
