using System.Diagnostics;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text;
using BsgKit.Bsg;
using BsgKit.Simulator.Hosting.Syscall.Interop;

namespace BsgKit.Simulator.Hosting.Syscall;

/// <summary>What the server did, for `bsgkit sim run -v` and for exactly-once tests.</summary>
public sealed record SyscallServerStats(long Served, long PassedToKernel, long CallerGone, long Failed);

/// <summary>
/// `bsgkit sim run`: starts the launcher (which execs the user's program under the SG_IO filter), takes the
/// listener from it (pidfd_getfd), and serves every trapped SG_IO through the same fake kernel as the
/// in-process transport, until every filtered process is gone. SG_IO on anything but a simulated node is
/// handed back to the real kernel (USER_NOTIF_FLAG_CONTINUE).
/// </summary>
public sealed class SyscallServer(SimulatedSan san)
{
    private long _served, _continued, _gone, _failed;

    public SyscallServerStats Stats => new(Interlocked.Read(ref _served), Interlocked.Read(ref _continued),
        Interlocked.Read(ref _gone), Interlocked.Read(ref _failed));

    /// <summary>The launcher process once started (its pid is the target program's after exec).</summary>
    public Process? Child { get; private set; }

    /// <summary>Raised once the listener is taken over and the target is about to exec.</summary>
    public event Action<int>? Started;

    /// <summary>Why sim run cannot work on this machine, or null when it should.</summary>
    public static string? CheckMachine()
    {
        if (!OperatingSystem.IsLinux() || RuntimeInformation.ProcessArchitecture != Architecture.X64)
            return "bsgkit sim run needs Linux on x86_64 (the SG_IO filter is written for that ABI)";
        if (Libc.Geteuid() != 0 && !File.Exists("/usr/bin/unshare"))
            return "bsgkit sim run needs root for a private mount namespace (or util-linux `unshare` with unprivileged user namespaces)";
        return null;
    }

    /// <summary>
    /// Runs <paramref name="command"/> under the simulator. <paramref name="launcher"/> is how to start this
    /// program's hidden launcher command (e.g. ["/usr/bin/dotnet", "/opt/bsgkit/bsgkit.dll", "__sim-exec"]).
    /// Returns the child's exit status.
    /// </summary>
    public async Task<int> RunAsync(IReadOnlyList<string> launcher, IReadOnlyList<string> command, TextWriter stderr, CancellationToken cancellationToken = default)
    {
        var stage = Path.Combine(san.Root, $"stage-{Environment.ProcessId}-{Guid.NewGuid():N}"[..40]);
        Directory.CreateDirectory(stage);
        var socketPath = Path.Combine(stage, "launcher.sock");
        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        socket.Bind(new UnixDomainSocketEndPoint(socketPath));
        socket.Listen(1);

        var start = new ProcessStartInfo { UseShellExecute = false };
        var useUnshare = Libc.Geteuid() != 0;
        if (useUnshare)
        {
            // Not root: let util-linux make a user + mount namespace for the launcher (it is single-threaded).
            start.FileName = "/usr/bin/unshare";
            foreach (var a in new[] { "-Urm", "--" }) start.ArgumentList.Add(a);
            start.ArgumentList.Add(launcher[0]);
        }
        else start.FileName = launcher[0];
        for (var i = 1; i < launcher.Count; i++) start.ArgumentList.Add(launcher[i]);
        foreach (var a in new[] { socketPath, Path.Combine(san.SysRoot, "class"), Path.Combine(san.DevRoot, "bsg"), stage, "--" })
            start.ArgumentList.Add(a);
        foreach (var a in command) start.ArgumentList.Add(a);

        Child = Process.Start(start) ?? throw new InvalidOperationException("cannot start the launcher");
        var exited = Child.WaitForExitAsync(cancellationToken);
        var accepted = socket.AcceptAsync(cancellationToken).AsTask();
        if (await Task.WhenAny(accepted, exited).ConfigureAwait(false) == exited)
            return Child.ExitCode; // the launcher explained on stderr why it could not start

        using var connection = await accepted.ConfigureAwait(false);
        var hello = await ReadLineAsync(connection, cancellationToken).ConfigureAwait(false);
        var parts = hello.Split(' ');
        if (parts.Length != 2 || !int.TryParse(parts[0], out var pid) || !int.TryParse(parts[1], out var remoteFd))
            throw new InvalidOperationException($"launcher sent '{hello}'");
        var listener = TakeListener(pid, remoteFd);
        unsafe
        {
            // Without sync wake-up latency depends on which CPU the scheduler picks (4–5× worse); older kernels lack it.
            Libc.Ioctl(listener, Seccomp.IoctlNotifSetFlags, (void*)Seccomp.UserNotifFdSyncWakeUp);
        }
        var loop = new Thread(() => ServeUntilHangUp(listener)) { IsBackground = true, Name = "bsgkit-sg-io-server" };
        loop.Start();
        Started?.Invoke(pid);
        await connection.SendAsync(new[] { (byte)'G' }, SocketFlags.None, cancellationToken).ConfigureAwait(false);

        await exited.ConfigureAwait(false);
        loop.Join(TimeSpan.FromSeconds(30)); // ends when every filtered task (the child's descendants too) is gone
        Libc.Close(listener);
        try { Directory.Delete(stage, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        return Child.ExitCode;
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

    /// <summary>The server loop: one notification at a time, each answered exactly once.</summary>
    private unsafe void ServeUntilHangUp(int listener)
    {
        var notif = stackalloc byte[Seccomp.NotifSize];
        var resp = stackalloc byte[Seccomp.NotifRespSize];
        var poll = new PollFd { Fd = listener, Events = Libc.PollIn };
        while (true)
        {
            poll.Revents = 0;
            var ready = Libc.Poll(&poll, 1, 1000);
            if (ready < 0)
            {
                if (Marshal.GetLastPInvokeError() == Errno.EINTR) continue;
                return;
            }
            if (ready == 0) continue;
            var hungUp = (poll.Revents & (Libc.PollHup | Libc.PollErr | Libc.PollNval)) != 0;
            if ((poll.Revents & Libc.PollIn) == 0)
            {
                if (hungUp) return; // every filtered task has exited
                continue;
            }
            new Span<byte>(notif, Seccomp.NotifSize).Clear(); // NOTIF_RECV insists on a zeroed struct
            if (Libc.Ioctl(listener, Seccomp.IoctlNotifRecv, notif) != 0)
            {
                var errno = Marshal.GetLastPInvokeError();
                if (hungUp) return;                                 // a dead caller's leftover, and nobody else
                if (errno is Errno.EINTR or Errno.ENOENT) continue; // the caller died before we got it
                return;
            }
            Serve(listener, notif, resp);
        }
    }

    private unsafe void Serve(int listener, byte* notif, byte* resp)
    {
        var id = *(ulong*)notif;
        var pid = *(int*)(notif + 8);
        var args = (ulong*)(notif + 32);
        var fd = (int)args[0];
        var headerAddress = args[2];
        new Span<byte>(resp, Seccomp.NotifRespSize).Clear();
        *(ulong*)resp = id;

        var node = FindSimulatedNode(pid, fd);
        if (node is null)
        {
            *(uint*)(resp + 20) = (uint)Seccomp.UserNotifFlagContinue; // not ours: the real kernel answers
            Interlocked.Increment(ref _continued);
        }
        else
        {
            var memory = new RemoteProcessMemory(pid, listener, id);
            int rc;
            try
            {
                var file = san.Kernel.Open(node);
                file.CallerAlive = memory.CallerWaiting;
                rc = san.Kernel.SgIoAt(file, headerAddress, memory);
            }
            catch (BsgErrnoException e)
            {
                rc = e.Errno;
            }
            if (memory.CallerGone)
            {
                Interlocked.Increment(ref _gone);
                return; // nobody to answer; the request still ran exactly once
            }
            Interlocked.Increment(ref rc == 0 ? ref _served : ref _failed);
            *(int*)(resp + 16) = rc == 0 ? 0 : -rc;
        }
        if (Libc.Ioctl(listener, Seccomp.IoctlNotifSend, resp) != 0)
            Interlocked.Increment(ref _gone); // interrupted or killed meanwhile
    }

    /// <summary>The simulated node an fd of the trapped process refers to, from /proc/PID/fd/N; null if none.</summary>
    private Kernel.SimNode? FindSimulatedNode(int pid, int fd)
    {
        string? path;
        try { path = new FileInfo($"/proc/{pid}/fd/{fd}").LinkTarget; }
        catch (IOException) { return null; }
        catch (UnauthorizedAccessException) { return null; }
        return path is null ? null : san.FindNodeByPath(path);
    }
}
