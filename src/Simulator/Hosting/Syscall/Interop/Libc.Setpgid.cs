using System.Runtime.InteropServices;

namespace BsgKit.Simulator.Hosting.Syscall.Interop;

internal static partial class Libc
{
    [LibraryImport("libc", EntryPoint = "setpgid", SetLastError = true)]
    internal static partial int Setpgid(int pid, int pgid);
}
