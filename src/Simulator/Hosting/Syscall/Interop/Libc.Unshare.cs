using System.Runtime.InteropServices;

namespace BsgKit.Simulator.Hosting.Syscall.Interop;

internal static partial class Libc
{
    internal const int CloneNewNs = 0x00020000;

    /// <summary>unshare(2); for CLONE_NEWNS only the calling thread moves — it must be the one that execs.</summary>
    [LibraryImport("libc", EntryPoint = "unshare", SetLastError = true)]
    internal static partial int Unshare(int flags);
}
