using System.Runtime.InteropServices;

namespace BsgKit.Simulator.Hosting.Syscall.Interop;

internal static partial class Libc
{
    /// <summary>syscall(2) with five arguments (kcmp).</summary>
    [LibraryImport("libc", EntryPoint = "syscall", SetLastError = true)]
    internal static partial long Syscall(long number, long a1, long a2, long a3, long a4, long a5);

    internal const long SysKcmp = 312, SysFcntl = 72;

    /// <summary>fcntl command: the fd's open flags.</summary>
    internal const long FGetfl = 3;

    /// <summary>kcmp type: do two fds (of two processes) refer to the same open file description?</summary>
    internal const int KcmpFile = 0;

    /// <summary>pidfd_open flag (Linux 6.9+): a pidfd for a thread, not only a thread-group leader.</summary>
    internal const int PidfdThread = 0x80; // O_EXCL

    /// <summary>statx of the fd itself (empty path).</summary>
    internal const int AtEmptyPath = 0x1000;
}
