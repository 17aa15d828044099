using System.Runtime.InteropServices;
using BsgKit.Simulator.Hosting.Syscall.Interop;
using BsgKit.Simulator.Kernel;

namespace BsgKit.Simulator.Hosting.Syscall;

/// <summary>
/// Which simulated node a trapped caller's fd is, without walking /proc per request. The first request on an fd
/// resolves it the slow way (statx through /proc/PID/fd/N, see <see cref="SyscallServer"/>); the server then takes its
/// own reference to that very open file (pidfd_getfd) and, once it has checked that reference is the node it resolved
/// (device and inode, not O_PATH), remembers it. Every later request on (PID, fd) asks the kernel with one kcmp(2)
/// whether the caller's fd is still that same open file description — never trusting the fd number: a dup2 or a
/// close-and-reopen onto it makes kcmp differ, and the entry is dropped. An open file's inode and O_PATH-ness never
/// change, so a match is the node; one whose node is dying (its rport went away) goes the slow way again, which sees
/// its unlinked inode. Kernels or credentials without kcmp or pidfd_getfd leave the cache off (the slow way each time).
/// Bounded (<see cref="Capacity"/> fds held, the oldest given back first); <see cref="Dispose"/> closes them all.
/// </summary>
internal sealed class CallerFileCache : IDisposable
{
    /// <summary>Caller files remembered (each holds one fd of this process).</summary>
    internal const int Capacity = 16;

    private readonly Lock _lock = new();
    private readonly Entry[] _entries = new Entry[Capacity];
    private readonly int _self = Environment.ProcessId;
    private int _next;
    private volatile bool _off;
    private bool _disposed;

    private struct Entry
    {
        public int Pid, Fd, OwnFd; // OwnFd 0 = empty (never a dup: 0 is stdin, taken)
        public SimNode? Node;
    }

    /// <summary>Lookups answered from the cache (tests count them).</summary>
    internal long Hits;

    /// <summary>The node (PID, fd) was remembered as, if the caller's fd is still that open file and the node is alive.</summary>
    public SimNode? Find(int pid, int fd)
    {
        if (_off) return null;
        lock (_lock)
        {
            for (var i = 0; i < Capacity; i++)
            {
                ref var e = ref _entries[i];
                if (e.OwnFd == 0 || e.Pid != pid || e.Fd != fd) continue;
                // Under the lock: an entry's fd is closed only under it, so its number cannot be reused meanwhile.
                if (Libc.Syscall(Libc.SysKcmp, pid, _self, Libc.KcmpFile, fd, e.OwnFd) == 0 && !e.Node!.Dying)
                {
                    Hits++;
                    return e.Node;
                }
                Drop(ref e); // another file now, or the caller is gone (kcmp fails), or the node is dying
                return null;
            }
        }
        return null;
    }

    /// <summary>
    /// After the slow way found <paramref name="node"/> (<paramref name="identity"/>) for (PID, fd): take a reference to
    /// the caller's file and remember it if it is still that node's inode and no O_PATH descriptor. Best effort.
    /// </summary>
    public unsafe void Remember(int pid, int fd, SimNode node, (ulong Device, ulong Inode) identity)
    {
        if (_off) return;
        var own = TakeFile(pid, fd);
        if (own < 0) return;
        var stat = stackalloc byte[Libc.StatxSize];
        var empty = stackalloc byte[1];
        *empty = 0;
        var same = Libc.Statx(own, empty, Libc.AtEmptyPath, Libc.StatxIno, stat) == 0 && Libc.StatxIdentity(stat) == identity;
        var flags = same ? Libc.Syscall(Libc.SysFcntl, own, Libc.FGetfl, 0) : -1;
        if (flags < 0 || (flags & Libc.OPath) != 0)
        {
            Libc.Close(own); // the caller changed the fd meanwhile (or it is O_PATH): the slow way decides each time
            return;
        }
        if (Libc.Syscall(Libc.SysKcmp, pid, _self, Libc.KcmpFile, fd, own) != 0)
        {
            Libc.Close(own);
            // No kcmp here (ENOSYS without CONFIG_KCMP, EPERM): stop trying. A plain mismatch is a race: try next time.
            if (Marshal.GetLastPInvokeError() is Bsg.Errno.ENOSYS or Bsg.Errno.EPERM or Bsg.Errno.EACCES) _off = true;
            return;
        }
        lock (_lock)
        {
            if (_disposed)
            {
                Libc.Close(own);
                return;
            }
            ref var slot = ref _entries[_next];
            _next = (_next + 1) % Capacity;
            Drop(ref slot);
            slot = new Entry { Pid = pid, Fd = fd, OwnFd = own, Node = node };
        }
    }

    /// <summary>pidfd_getfd of the caller's fd: a pidfd for the thread (6.9+), else for the process (a leader); -1 if neither.</summary>
    private int TakeFile(int pid, int fd)
    {
        var pidfd = (int)Libc.Syscall(Libc.SysPidfdOpen, pid, Libc.PidfdThread, 0);
        if (pidfd < 0) pidfd = (int)Libc.Syscall(Libc.SysPidfdOpen, pid, 0, 0);
        if (pidfd < 0)
        {
            if (Marshal.GetLastPInvokeError() == Bsg.Errno.ENOSYS) _off = true;
            return -1;
        }
        try
        {
            var own = (int)Libc.Syscall(Libc.SysPidfdGetfd, pidfd, fd, 0);
            if (own < 0 && Marshal.GetLastPInvokeError() is Bsg.Errno.ENOSYS or Bsg.Errno.EPERM) _off = true;
            return own;
        }
        finally { Libc.Close(pidfd); }
    }

    private static void Drop(ref Entry e)
    {
        if (e.OwnFd != 0) Libc.Close(e.OwnFd);
        e = default;
    }

    /// <summary>Closes every fd held; nothing is remembered afterwards.</summary>
    public void Dispose()
    {
        lock (_lock)
        {
            _disposed = true;
            for (var i = 0; i < Capacity; i++) Drop(ref _entries[i]);
        }
    }
}
