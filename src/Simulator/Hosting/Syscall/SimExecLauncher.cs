using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text;
using BsgKit.Simulator.Hosting.Syscall.Interop;

namespace BsgKit.Simulator.Hosting.Syscall;

/// <summary>
/// The child side of `bsgkit sim run`: in a private mount namespace, lay the generated /sys/class entries and
/// /dev/bsg over the real ones (nothing on the host changes), install the SG_IO filter on every thread, hand
/// the listener to the server, and exec the target program — which then runs unmodified, its SG_IO served
/// by the simulator. Everything here runs on one thread: unshare(CLONE_NEWNS) moves only the calling thread.
/// It dies with the server (parent-death signal) and leads its own process group, so the server's signals and
/// its end reach the target and everything the target starts.
/// </summary>
public static class SimExecLauncher
{
    /// <summary>Runs the launcher; returns only on failure (exit code 126/127 conventions), after printing why.</summary>
    public static int Run(string socketPath, string sysClassSource, string devBsgSource, string stageDirectory, int serverPid,
        string[] command, TextWriter stderr)
    {
        if (command.Length == 0) { stderr.WriteLine("bsgkit sim run: no command to run"); return 2; }
        // A target without its server gets ENOSYS for every SG_IO: die with it. The parent-death signal survives
        // exec; checking the parent afterwards closes the window in which the server died before it was set.
        if (Libc.Prctl(Libc.PrSetPdeathsig, Libc.SigKill, 0, 0, 0) != 0 || Libc.Getppid() != serverPid)
        {
            stderr.WriteLine("bsgkit sim run: the simulator is gone");
            return 126;
        }
        ProcessGroup.Lead();
        try
        {
            EnterPrivateMountNamespace();
            Overlay("/sys/class", sysClassSource, Path.Combine(stageDirectory, "sys-class"));
            OverlayDev(devBsgSource, Path.Combine(stageDirectory, "dev"));
        }
        catch (LauncherException e)
        {
            stderr.WriteLine($"bsgkit sim run: {e.Message}");
            return 126;
        }

        var listener = Seccomp.InstallSgIoFilter(out var errno);
        if (listener < 0)
        {
            stderr.WriteLine($"bsgkit sim run: cannot install the seccomp user-notification filter ({Bsg.Errno.Describe(errno)}); " +
                             "this kernel needs seccomp user notification with WAIT_KILLABLE_RECV (Linux 5.19 or newer)");
            return 126;
        }
        try
        {
            using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            socket.Connect(new UnixDomainSocketEndPoint(socketPath));
            socket.Send(Encoding.ASCII.GetBytes($"{Environment.ProcessId} {listener}\n"));
            var ack = new byte[1];
            if (socket.Receive(ack) != 1 || ack[0] != (byte)'G')
            {
                stderr.WriteLine("bsgkit sim run: the simulator did not take over the listener");
                return 126;
            }
        }
        catch (SocketException e)
        {
            stderr.WriteLine($"bsgkit sim run: cannot reach the simulator at {socketPath}: {e.Message}");
            return 126;
        }
        Libc.Close(listener); // the target must not hold the listener, or the server never sees it hang up
        return Exec(command, stderr);
    }

    private static void EnterPrivateMountNamespace()
    {
        if (Libc.Unshare(Libc.CloneNewNs) != 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            throw new LauncherException(errno == Bsg.Errno.EPERM
                ? "a private mount namespace needs root (CAP_SYS_ADMIN); run as root, or where unprivileged user namespaces are allowed (`unshare -Urm` works)"
                : $"unshare(CLONE_NEWNS) failed: {Bsg.Errno.Describe(errno)}");
        }
        // Make every mount private first, so nothing we mount propagates back to the host.
        if (Libc.Mount(null, "/", null, Libc.MsRec | Libc.MsPrivate, 0) != 0)
            throw new LauncherException($"cannot make / private in the new mount namespace: {Bsg.Errno.Describe(Marshal.GetLastPInvokeError())}");
    }

    /// <summary>
    /// Shows <paramref name="target"/> with the generated entries of <paramref name="generated"/> added (ours win),
    /// by building a stage directory — real entries bind-mounted, symlinks copied — and binding it over the target.
    /// </summary>
    private static void Overlay(string target, string generated, string stage)
    {
        Directory.CreateDirectory(stage);
        foreach (var entry in Directory.EnumerateFileSystemEntries(generated))
            BindEntry(entry, Path.Combine(stage, Path.GetFileName(entry)));
        if (Directory.Exists(target))
            foreach (var entry in Directory.EnumerateFileSystemEntries(target))
            {
                var dest = Path.Combine(stage, Path.GetFileName(entry));
                if (!Path.Exists(dest) && new FileInfo(dest).LinkTarget is null) BindEntry(entry, dest);
            }
        Bind(stage, target, recursive: true);
    }

    /// <summary>/dev with a generated bsg/ directory (and nothing else changed).</summary>
    private static void OverlayDev(string devBsgSource, string stage)
    {
        var generated = Path.Combine(stage + "-generated");
        Directory.CreateDirectory(generated);
        var bsg = Path.Combine(generated, "bsg");
        Directory.CreateDirectory(bsg);
        Bind(devBsgSource, bsg, recursive: false);
        Overlay("/dev", generated, stage);
    }

    private static void BindEntry(string source, string dest)
    {
        var info = new FileInfo(source);
        if (info.LinkTarget is { } link)
        {
            File.CreateSymbolicLink(dest, link);
            return;
        }
        if (Directory.Exists(source))
        {
            Directory.CreateDirectory(dest);
            Bind(source, dest, recursive: true);
        }
        else
        {
            File.WriteAllBytes(dest, []);
            Bind(source, dest, recursive: false);
        }
    }

    private static void Bind(string source, string target, bool recursive)
    {
        if (Libc.Mount(source, target, null, Libc.MsBind | (recursive ? Libc.MsRec : 0), 0) != 0)
            throw new LauncherException($"bind mount of {source} on {target} failed: {Bsg.Errno.Describe(Marshal.GetLastPInvokeError())}");
    }

    private static unsafe int Exec(string[] command, TextWriter stderr)
    {
        var argv = new nint[command.Length + 1];
        try
        {
            for (var i = 0; i < command.Length; i++) argv[i] = Marshal.StringToCoTaskMemUTF8(command[i]);
            fixed (nint* p = argv)
                Libc.Execvp((byte*)argv[0], (byte**)p);
            var errno = Marshal.GetLastPInvokeError();
            stderr.WriteLine($"bsgkit sim run: cannot run '{command[0]}': {Bsg.Errno.Describe(errno)}");
            return errno == Bsg.Errno.ENOENT ? 127 : 126;
        }
        finally
        {
            foreach (var a in argv) if (a != 0) Marshal.FreeCoTaskMem(a);
        }
    }

    private sealed class LauncherException(string message) : Exception(message);
}
