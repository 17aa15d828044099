using System.Runtime.InteropServices;

namespace BsgKit.Simulator.Hosting.Syscall.Interop;

internal static partial class Libc
{
    /// <summary>syscall(2) for calls glibc 2.36 has no wrapper for (seccomp, pidfd_open, pidfd_getfd).</summary>
    [LibraryImport("libc", EntryPoint = "syscall", SetLastError = true)]
    internal static partial long Syscall(long number, long a1, long a2, long a3);

    internal const long SysSeccomp = 317, SysPidfdOpen = 434, SysPidfdGetfd = 438;
}
