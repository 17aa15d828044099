using System.Runtime.InteropServices;
using BsgKit.Simulator.Hosting.Syscall.Interop;
using BsgKit.Simulator.Kernel;

namespace BsgKit.Simulator.Hosting.Syscall;

/// <summary>
/// The trapped caller's memory, through process_vm_readv/writev: any pointer it gave that is not mapped fails
/// the copy (the fake kernel answers EFAULT). Before the first write the notification id is re-checked, because
/// the caller may have died and its pid been reused (seccomp_unotify(2)).
/// </summary>
internal sealed unsafe class RemoteProcessMemory(int pid, int listener, ulong notificationId) : IUserMemory
{
    private bool _validated;

    /// <summary>True when the caller went away before results could be written.</summary>
    public bool CallerGone { get; private set; }

    public bool TryRead(ulong address, Span<byte> destination)
    {
        if (destination.Length == 0) return true;
        fixed (byte* p = destination)
        {
            var local = new IoVec { Base = (nint)p, Length = (nuint)destination.Length };
            var remote = new IoVec { Base = (nint)address, Length = (nuint)destination.Length };
            return Libc.ProcessVmReadv(pid, &local, 1, &remote, 1, 0) == destination.Length;
        }
    }

    public bool TryWrite(ulong address, ReadOnlySpan<byte> source)
    {
        if (source.Length == 0) return true;
        if (!StillValid()) return false;
        fixed (byte* p = source)
        {
            var local = new IoVec { Base = (nint)p, Length = (nuint)source.Length };
            var remote = new IoVec { Base = (nint)address, Length = (nuint)source.Length };
            return Libc.ProcessVmWritev(pid, &local, 1, &remote, 1, 0) == source.Length;
        }
    }

    /// <summary>Readable is the best test available without writing; a read-only mapping fails at write time (EFAULT).</summary>
    public bool IsWritable(ulong address, int length)
    {
        if (length == 0) return true;
        // Its first and last byte, in one process_vm_readv (two remote pieces): either unmapped fails the whole read.
        var probe = stackalloc byte[2];
        var local = new IoVec { Base = (nint)probe, Length = 2 };
        var remote = stackalloc IoVec[2];
        remote[0] = new IoVec { Base = (nint)address, Length = 1 };
        remote[1] = new IoVec { Base = (nint)(address + (ulong)length - 1), Length = 1 };
        return Libc.ProcessVmReadv(pid, &local, 1, remote, 2, 0) == 2;
    }

    /// <summary>Whether the trapped call is still waiting for its answer (NOTIF_ID_VALID).</summary>
    public bool CallerWaiting()
    {
        var id = notificationId;
        if (Libc.Ioctl(listener, Seccomp.IoctlNotifIdValid, &id) == 0) return true;
        CallerGone = true;
        return false;
    }

    private bool StillValid()
    {
        if (_validated) return true;
        var id = notificationId;
        if (Libc.Ioctl(listener, Seccomp.IoctlNotifIdValid, &id) != 0)
        {
            CallerGone = true;
            return false;
        }
        _validated = true;
        return true;
    }
}
