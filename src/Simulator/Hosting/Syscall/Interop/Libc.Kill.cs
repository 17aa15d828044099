using System.Runtime.InteropServices;

namespace BsgKit.Simulator.Hosting.Syscall.Interop;

internal static partial class Libc
{
    internal const int SigHup = 1, SigInt = 2, SigQuit = 3, SigKill = 9, SigTerm = 15, SigTtou = 22;

    /// <summary>kill(2): a negative <paramref name="pid"/> signals that process group.</summary>
    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    internal static partial int Kill(int pid, int signal);
}
