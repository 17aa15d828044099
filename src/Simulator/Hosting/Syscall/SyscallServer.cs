using System.Diagnostics;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text;
using BsgKit.Bsg;
using BsgKit.Simulator.Hosting.Syscall.Interop;
using BsgKit.Simulator.Kernel;

namespace BsgKit.Simulator.Hosting.Syscall;

/// <summary>What the server did, for `bsgkit sim run -v` and for exactly-once tests.</summary>
public sealed record SyscallServerStats(long Served, long PassedToKernel, long CallerGone, long Failed, long OtherIoctls = 0);

/// <summary>
/// `bsgkit sim run`: starts the launcher (which execs the user's program under the SG_IO filter), takes the
/// listener from it (pidfd_getfd), and serves every trapped SG_IO through the same fake kernel as the
/// in-process transport, until every filtered process is gone. SG_IO on anything but a simulated node is
/// handed back to the real kernel (USER_NOTIF_FLAG_CONTINUE).
/// </summary>
public sealed class SyscallServer(SimulatedSan san, SignalForwarder? signals = null)
{
    private long _served, _continued, _gone, _failed, _ioctls;

    /// <summary>Served and Failed count SG_IO; OtherIoctls the informational bsg ioctls (SG_GET_VERSION_NUM …).</summary>
    public SyscallServerStats Stats => new(Interlocked.Read(ref _served), Interlocked.Read(ref _continued),
        Interlocked.Read(ref _gone), Interlocked.Read(ref _failed), Interlocked.Read(ref _ioctls));

    /// <summary>The launcher process once started (its pid is the target program's after exec).</summary>
    public Process? Child { get; private set; }

    /// <summary>Raised once the listener is taken over and the target is about to exec.</summary>
    public event Action<int>? Started;

    /// <summary>What this machine lacks for serving SG_IO syscalls ("needs …", for the caller to prefix), or null when it has it.</summary>
    public static string? CheckMachine()
    {
        if (!OperatingSystem.IsLinux() || RuntimeInformation.ProcessArchitecture != Architecture.X64)
            return "needs Linux on x86_64 (the SG_IO filter is written for that ABI)";
        if (Libc.Geteuid() != 0 && !File.Exists("/usr/bin/unshare"))
            return "needs root for a private mount namespace (or util-linux `unshare` with unprivileged user namespaces)";
        return null;
    }

    /// <summary>
    /// Runs <paramref name="command"/> under the simulator. <paramref name="launcher"/> is how to start this
    /// program's hidden launcher command (e.g. ["/usr/bin/dotnet", "/opt/bsgkit/bsgkit.dll", "__sim-exec"]).
    /// Returns the child's exit status (128 + N when signal N ended it). SIGINT, SIGTERM, SIGHUP and SIGQUIT sent to
    /// this process go to the child's process group instead, and this waits for it; cancelling
    /// <paramref name="cancellationToken"/> sends it SIGTERM. Whatever happens, the child does not outlive this
    /// process (parent-death signal), and its process group does not outlive this call.
    /// </summary>
    public async Task<int> RunAsync(IReadOnlyList<string> launcher, IReadOnlyList<string> command, TextWriter stderr, CancellationToken cancellationToken = default)
    {
        using var ownSignals = signals is null ? new SignalForwarder() : null;
        var forwarder = signals ?? ownSignals!;
        var stage = Path.Combine(san.Root, $"stage-{Environment.ProcessId}-{Guid.NewGuid():N}"[..40]);
        Directory.CreateDirectory(stage);
        try
        {
            var socketPath = Path.Combine(stage, "launcher.sock");
            using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            socket.Bind(new UnixDomainSocketEndPoint(socketPath));
            socket.Listen(1);
            var start = LauncherStartInfo(launcher, command, socketPath, stage);
            if (forwarder.First != 0) return 128 + forwarder.First; // told to stop before anything started
            var (child, exited) = await StartChildAsync(start).ConfigureAwait(false);
            Child = child;
            forwarder.Attach(child.Id);
            return await ServeChildAsync(child, exited, socket, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            try { Directory.Delete(stage, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    private ProcessStartInfo LauncherStartInfo(IReadOnlyList<string> launcher, IReadOnlyList<string> command, string socketPath, string stage)
    {
        var start = new ProcessStartInfo { UseShellExecute = false };
        if (Libc.Geteuid() != 0)
        {
            // Not root: let util-linux make a user + mount namespace for the launcher (it is single-threaded, and it
            // execs the launcher, so the launcher's parent is still this process).
            start.FileName = "/usr/bin/unshare";
            foreach (var a in new[] { "-Urm", "--" }) start.ArgumentList.Add(a);
            start.ArgumentList.Add(launcher[0]);
        }
        else start.FileName = launcher[0];
        for (var i = 1; i < launcher.Count; i++) start.ArgumentList.Add(launcher[i]);
        foreach (var a in new[] { socketPath, Path.Combine(san.SysRoot, "class"), Path.Combine(san.DevRoot, "bsg"), stage,
                     Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture), "--" })
            start.ArgumentList.Add(a);
        foreach (var a in command) start.ArgumentList.Add(a);
        return start;
    }

    /// <summary>
    /// Starts the launcher from a thread that lives until it exits: the parent-death signal fires when the thread
    /// that forked the child ends, and a thread-pool thread may be retired at any time.
    /// </summary>
    private static Task<(Process Child, Task Exited)> StartChildAsync(ProcessStartInfo start)
    {
        var started = new TaskCompletionSource<(Process, Task)>(TaskCreationOptions.RunContinuationsAsynchronously);
        var exited = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var keeper = new Thread(() =>
        {
            Process child;
            try { child = Process.Start(start) ?? throw new InvalidOperationException("cannot start the launcher"); }
            catch (Exception e)
            {
                started.SetException(e);
                return;
            }
            started.SetResult((child, exited.Task));
            child.WaitForExit();
            exited.SetResult();
        }) { IsBackground = true, Name = "bsgkit-sim-run-child" };
        keeper.Start();
        return started.Task;
    }

    private async Task<int> ServeChildAsync(Process child, Task exited, Socket socket, CancellationToken cancellationToken)
    {
        using var cancel = cancellationToken.Register(static c => ProcessGroup.Signal((int)c!, Libc.SigTerm), child.Id);
        var listener = -1;
        Thread? loop = null;
        try
        {
            var accepted = socket.AcceptAsync(CancellationToken.None).AsTask();
            if (await Task.WhenAny(accepted, exited).ConfigureAwait(false) == exited)
                return child.ExitCode; // the launcher explained on stderr why it could not start

            using var connection = await accepted.ConfigureAwait(false);
            var hello = await ReadLineAsync(connection, CancellationToken.None).ConfigureAwait(false);
            var parts = hello.Split(' ');
            if (parts.Length != 2 || !int.TryParse(parts[0], out var pid) || !int.TryParse(parts[1], out var remoteFd))
                throw new InvalidOperationException($"launcher sent '{hello}'");
            listener = TakeListener(pid, remoteFd);
            bool syncWakeUp;
            unsafe
            {
                // Without sync wake-up latency depends on which CPU the scheduler picks (4–5× worse); older kernels lack it.
                syncWakeUp = Libc.Ioctl(listener, Seccomp.IoctlNotifSetFlags, (void*)Seccomp.UserNotifFdSyncWakeUp) == 0;
            }
            var fd = listener;
            loop = new Thread(() => ServeUntilHangUp(fd, syncWakeUp)) { IsBackground = true, Name = "bsgkit-sg-io-server" };
            loop.Start();
            Started?.Invoke(pid);
            await connection.SendAsync(new[] { (byte)'G' }, SocketFlags.None, CancellationToken.None).ConfigureAwait(false);
            await exited.ConfigureAwait(false);
            return child.ExitCode;
        }
        finally
        {
            if (!exited.IsCompleted)
            {
                ProcessGroup.Signal(child.Id, Libc.SigKill); // failed half-way: nothing of it may stay
                await exited.ConfigureAwait(false);
            }
            ProcessGroup.TakeTerminalBackFrom(child.Id);
            var drained = loop is null || EndStragglers(loop, child.Id);
            // Still serving someone outside the group: leave the fd to process exit rather than reuse its number.
            if (listener >= 0 && drained) Libc.Close(listener);
        }
    }

    /// <summary>
    /// The child has exited; anything it left in its process group still runs under the filter, and without this
    /// server each of its SG_IO would fail with ENOSYS: ask it to stop, then stop it. True once the loop has ended.
    /// </summary>
    private static bool EndStragglers(Thread loop, int group)
    {
        if (loop.Join(TimeSpan.FromMilliseconds(200))) return true;
        ProcessGroup.Signal(group, Libc.SigTerm);
        if (loop.Join(TimeSpan.FromSeconds(2))) return true;
        ProcessGroup.Signal(group, Libc.SigKill);
        return loop.Join(TimeSpan.FromSeconds(10));
    }

    private static async Task<string> ReadLineAsync(Socket socket, CancellationToken cancellationToken)
    {
        var buffer = new byte[128];
        var length = 0;
        while (length < buffer.Length)
        {
            var n = await socket.ReceiveAsync(buffer.AsMemory(length), SocketFlags.None, cancellationToken).ConfigureAwait(false);
            if (n == 0) break;
            length += n;
            if (buffer[length - 1] == (byte)'\n') break;
        }
        return Encoding.ASCII.GetString(buffer, 0, length).Trim();
    }

    private static int TakeListener(int pid, int remoteFd)
    {
        var pidfd = (int)Libc.Syscall(Libc.SysPidfdOpen, pid, 0, 0);
        if (pidfd < 0) throw new InvalidOperationException($"pidfd_open({pid}) failed: {Errno.Describe(Marshal.GetLastPInvokeError())}");
        try
        {
            var fd = (int)Libc.Syscall(Libc.SysPidfdGetfd, pidfd, remoteFd, 0);
            if (fd < 0) throw new InvalidOperationException($"pidfd_getfd failed: {Errno.Describe(Marshal.GetLastPInvokeError())}");
            return fd;
        }
        finally { Libc.Close(pidfd); }
    }

    /// <summary>
    /// Serves the listener concurrently (<see cref="NotificationServers"/>: each notification taken once and answered on
    /// the thread that took it), at most <see cref="BsgConstants.QueueDepth"/> at once, as the real kernel runs requests
    /// concurrently; further callers wait in the kernel. Returns when every filtered task is gone and every request it
    /// took has been answered. A kernel with the sync wake-up flag (6.6+) also wakes a blocked NOTIF_RECV on hang-up,
    /// so the threads can wait in NOTIF_RECV itself.
    /// </summary>
    private unsafe void ServeUntilHangUp(int listener, bool blockingReceive)
    {
        using var files = new CallerFileCache();
        _files = files;
        new NotificationServers(listener, BsgConstants.QueueDepth, (in Seccomp.Notification n, byte* resp) => Serve(listener, n, resp), blockingReceive,
            () => Interlocked.Increment(ref _gone)).Run();
    }

    /// <summary>The callers' files already resolved (one kcmp per request instead of two statx through /proc).</summary>
    private CallerFileCache? _files;

    /// <summary>Requests whose node came from <see cref="CallerFileCache"/> (tests count them).</summary>
    internal long CachedLookups => _files is { } f ? Interlocked.Read(ref f.Hits) : 0;

    /// <summary>Serves one notification into <paramref name="resp"/>; false when its caller is gone (nothing to send).</summary>
    private unsafe bool Serve(int listener, in Seccomp.Notification n, byte* resp)
    {
        *(ulong*)resp = n.Id;

        var node = FindSimulatedNode(n.Pid, n.Fd);
        if (node is null)
        {
            *(uint*)(resp + 20) = (uint)Seccomp.UserNotifFlagContinue; // not ours: the real kernel answers
            Interlocked.Increment(ref _continued);
        }
        else
        {
            var memory = RemoteProcessMemory.ForThisThread(n.Pid, listener, n.Id);
            long rc;
            SimOpenFile? file = null;
            try
            {
                file = san.Kernel.Open(node);
                file.CallerAlive = memory.CallerWaitingCheck;
                // bsg_ioctl: SG_IO returns 0 or -errno; the informational ioctls return a value or -errno.
                rc = n.Command == BsgConstants.SgIo
                    ? -san.Kernel.SgIoAt(file, n.Argument, memory)
                    : san.Kernel.Ioctl(file, n.Command, n.Argument, memory);
            }
            catch (BsgErrnoException e)
            {
                rc = -e.Errno;
            }
            catch (Exception)
            {
                rc = -Errno.EIO; // a simulator bug must not leave the caller waiting forever
            }
            finally
            {
                file?.Close();
            }
            // The staged copy-outs go now, in one write; one that faults is the EFAULT its copy alone would have been.
            if (memory.HasPendingWrites && !memory.Flush() && !memory.CallerGone) rc = -Errno.EFAULT;
            if (memory.CallerGone)
            {
                Interlocked.Increment(ref _gone);
                return false; // nobody to answer; the request still ran exactly once
            }
            if (n.Command != BsgConstants.SgIo) Interlocked.Increment(ref _ioctls);
            else Interlocked.Increment(ref rc >= 0 ? ref _served : ref _failed);
            if (rc < 0) *(int*)(resp + 16) = (int)rc;
            else *(long*)(resp + 8) = rc;
        }
        return true;
    }

    /// <summary>
    /// The simulated node an fd of the trapped process refers to; null if none — and null for an O_PATH descriptor, on
    /// which the real kernel's ioctl is EBADF (it answers that itself). The fd's file is identified by the kernel, never
    /// by what the caller says: statx through /proc/PID/fd/N gives its device and inode, which name a node of the tree
    /// (its /dev/bsg is bind-mounted into the caller's namespace). A file seen for the first time is resolved by its
    /// link's path once and remembered by identity; an unlinked one (an rport that went away) is nobody's.
    /// </summary>
    private unsafe SimNode? FindSimulatedNode(int pid, int fd)
    {
        if (_files?.Find(pid, fd) is { } known) return known;
        var path = stackalloc byte[64];
        var stat = stackalloc byte[Libc.StatxSize];
        if (!ProcPath(path, 64, "/proc/"u8, pid, "/fd/"u8, fd)) return null;
        if (Libc.Statx(Libc.AtFdCwd, path, 0, Libc.StatxIno | Libc.StatxNlink, stat) != 0) return null;
        if (*(uint*)(stat + Libc.StatxNlinkOffset) == 0) return null;
        var identity = Libc.StatxIdentity(stat);
        if (!_nodesByIdentity.TryGetValue(identity, out var node))
        {
            node = ResolveByLink(pid, fd);
            if (node is null) return null;
            _nodesByIdentity.TryAdd(identity, node);
        }
        // The link's own mode carries the fd's access (FMODE_READ: r, FMODE_WRITE: w): with either it is no O_PATH
        // fd. Without both it is O_PATH or the rare ioctl-only open (O_ACCMODE 3): then fdinfo's flags decide.
        if ((Libc.Statx(Libc.AtFdCwd, path, Libc.AtSymlinkNoFollow, Libc.StatxMode, stat) != 0
             || (*(ushort*)(stat + Libc.StatxModeOffset) & (Libc.SIrusr | Libc.SIwusr)) == 0)
            && IsPathOnly(pid, fd))
            return null;
        _files?.Remember(pid, fd, node, identity);
        return node;
    }

    private readonly System.Collections.Concurrent.ConcurrentDictionary<(ulong Device, ulong Inode), SimNode> _nodesByIdentity = new();

    /// <summary>The node a /proc/PID/fd/N link names by path (/dev/bsg/NAME in the caller's namespace).</summary>
    private SimNode? ResolveByLink(int pid, int fd)
    {
        string? path;
        try { path = new FileInfo($"/proc/{pid}/fd/{fd}").LinkTarget; }
        catch (IOException) { return null; }
        catch (UnauthorizedAccessException) { return null; }
        return path is null ? null : san.FindNodeByPath(path);
    }

    /// <summary>Writes "PREFIX{a}MIDDLE{b}\0" into <paramref name="buffer"/>.</summary>
    private static unsafe bool ProcPath(byte* buffer, int size, ReadOnlySpan<byte> prefix, int a, ReadOnlySpan<byte> middle, int b)
    {
        var span = new Span<byte>(buffer, size);
        prefix.CopyTo(span);
        var at = prefix.Length;
        if (!a.TryFormat(span[at..], out var n, default, System.Globalization.CultureInfo.InvariantCulture)) return false;
        at += n;
        middle.CopyTo(span[at..]);
        at += middle.Length;
        if (!b.TryFormat(span[at..], out n, default, System.Globalization.CultureInfo.InvariantCulture) || at + n >= size) return false;
        span[at + n] = 0;
        return true;
    }

    /// <summary>/proc/PID/fdinfo/N's "flags:" line (octal) has O_PATH (read into the stack: nothing allocated).</summary>
    private static unsafe bool IsPathOnly(int pid, int fd)
    {
        var path = stackalloc byte[64];
        if (!ProcPath(path, 64, "/proc/"u8, pid, "/fdinfo/"u8, fd)) return false;
        var info = Libc.Open(path, Libc.ORdOnly | Libc.OCloexec);
        if (info < 0) return false;
        const int Size = 512;
        var text = stackalloc byte[Size];
        nint length;
        try { length = Libc.Read(info, text, Size); }
        finally { Libc.Close(info); }
        if (length <= 0) return false;
        var content = new ReadOnlySpan<byte>(text, (int)length);
        var at = content.IndexOf("flags:"u8);
        if (at < 0) return false;
        var value = content[(at + 6)..].TrimStart("\t "u8);
        long flags = 0;
        foreach (var c in value)
        {
            if (c is < (byte)'0' or > (byte)'7') break;
            flags = flags * 8 + (c - '0');
        }
        return (flags & Libc.OPath) != 0;
    }
}
