using System.Runtime.InteropServices;

namespace BsgKit.Simulator.Hosting.Syscall.Interop;

internal static unsafe partial class Libc
{
    /// <summary>execvp(3): replaces this process; returns only on failure.</summary>
    [LibraryImport("libc", EntryPoint = "execvp", SetLastError = true)]
    internal static partial int Execvp(byte* file, byte** argv);
}
